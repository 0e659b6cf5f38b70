"""Speaking turns: the rules, the ordering by hand-computed examples, the statistics, the report."""

from __future__ import annotations

import json

import pytest

from activities.speaking_turns import state as st
from activities.speaking_turns.activity import ACTIVITY
from activities.speaking_turns.events import HandRaised, TurnStarted
from activities.speaking_turns.report import report
from activities.speaking_turns.stats import compute, presence
from facilitation import session as rules
from facilitation.disclosure import HIDDEN, MARK
from facilitation.events import decode, encode, registered_types
from facilitation.i18n import RuleViolation

from .speaking_turns_helpers import Forum


def ids(forum: Forum) -> list[str]:
    return [p.request.id for p in st.queue(forum.state, forum.session)]


def reasons(forum: Forum) -> list[str]:
    return [p.reason for p in st.queue(forum.state, forum.session)]


def speak(forum: Forum, seconds: float, request_id: str | None = None) -> None:
    forum.act(st.next_speaker, request_id)
    forum.advance(seconds)
    forum.act(st.end_turn)


# --- settings -------------------------------------------------------------------------------------


def test_plan_settings_are_read() -> None:
    forum = Forum({"turn_limit_seconds": 120, "order": "fifo"})
    assert (forum.state.order, forum.state.limit, forum.state.error) == ("fifo", 120, None)


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"order": "random"}, "order"),
        ({"turn_limit_seconds": 3}, "turn_limit_seconds"),
        ({"colour": 1}, "colour"),
    ],
)
def test_bad_settings_name_the_field_and_fall_back(raw, field) -> None:
    state = ACTIVITY.initial_state(raw)
    assert state.error is not None and field in state.error
    assert state.order == "parity" and state.limit is None


def test_the_shipped_plan_speaking_turns_settings_are_valid() -> None:
    from facilitation.plans import load_plan

    items = [i for i in load_plan("forum-ditp").agenda if i.kind == "speaking_turns"]
    assert items
    for item in items:
        assert ACTIVITY.initial_state(item.settings).error is None


# --- raising hands --------------------------------------------------------------------------------


def test_a_phone_raises_its_hand_once_plus_one_point_of_order() -> None:
    forum = Forum()
    forum.join("tok-a", "woman", "remote")
    [raised] = forum.act(st.raise_hand, "tok-a", "r1")
    assert isinstance(raised, HandRaised)
    assert (raised.token, raised.category, raised.mode, raised.point_of_order) == (
        "tok-a",
        "woman",
        "remote",
        False,
    )
    with pytest.raises(RuleViolation) as refused:
        forum.act(st.raise_hand, "tok-a", "r2")
    assert refused.value.key == "speaking_turns.error.already_waiting"
    forum.act(st.raise_hand, "tok-a", "r3", True)
    with pytest.raises(RuleViolation):
        forum.act(st.raise_hand, "tok-a", "r4", True)
    assert ids(forum) == ["r3", "r1"]  # the point of order goes first
    assert reasons(forum) == ["point_of_order", "arrival"]


def test_only_joined_phones_in_the_current_item_raise_hands() -> None:
    forum = Forum()
    with pytest.raises(RuleViolation) as refused:
        forum.act(st.raise_hand, "stranger", "r1")
    assert refused.value.key == "error.not_joined"
    forum.join("tok")
    forum.session.current = None
    with pytest.raises(RuleViolation) as refused:
        forum.act(st.raise_hand, "tok", "r1")
    assert refused.value.key == "speaking_turns.error.not_current"


def test_withdrawing_is_only_for_ones_own_request() -> None:
    forum = Forum()
    forum.join("a")
    forum.join("b")
    forum.act(st.raise_hand, "a", "r1")
    with pytest.raises(RuleViolation):
        forum.act(st.lower_hand, "b", "r1")
    forum.act(st.lower_hand, "a", "r1")
    assert ids(forum) == [] and forum.state.requests["r1"].status == "withdrawn"
    forum.act(st.raise_hand, "a", "r2")  # may raise again
    assert ids(forum) == ["r2"]


def test_request_ids_must_be_new() -> None:
    forum = Forum()
    forum.act(st.add_request, "h1", "man", "room")
    with pytest.raises(RuleViolation) as refused:
        forum.act(st.add_request, "h1", "man", "room")
    assert refused.value.key == "speaking_turns.error.bad_id"


def test_facilitator_requests_carry_no_token_and_same_as_links_a_person() -> None:
    forum = Forum()
    [added] = forum.act(st.add_request, "h1", "woman", "remote")
    assert added.token is None
    speak(forum, 60)
    forum.act(st.add_request, "h2", "woman", "remote", False, "h1")
    request = forum.state.requests["h2"]
    assert request.speaker == forum.state.requests["h1"].speaker and request.number == 1
    [started] = forum.act(st.next_speaker)
    assert isinstance(started, TurnStarted) and started.first_time is False
    with pytest.raises(RuleViolation):
        forum.act(st.add_request, "h3", "man", "room", False, "nope")


# --- turns ----------------------------------------------------------------------------------------


def test_a_turn_counts_up_pauses_and_ends() -> None:
    forum = Forum({"turn_limit_seconds": 120})
    forum.join("a", "woman")
    forum.act(st.raise_hand, "a", "r1")
    [started] = forum.act(st.next_speaker)
    assert (started.turn, started.id, started.limit, started.first_time) == (1, "r1", 120, True)
    forum.advance(30)
    forum.act(st.pause)
    forum.advance(100)  # paused: does not count
    with pytest.raises(RuleViolation):
        forum.act(st.pause)
    forum.act(st.resume)
    forum.advance(15)
    assert forum.state.current.elapsed(forum.now) == pytest.approx(45)
    forum.act(st.end_turn)
    assert forum.state.current is None
    assert forum.state.turns[0].duration == pytest.approx(45)
    assert forum.state.requests["r1"].status == "done"
    with pytest.raises(RuleViolation):
        forum.act(st.end_turn)


def test_next_speaker_ends_the_running_turn_and_an_empty_queue_is_refused() -> None:
    forum = Forum()
    with pytest.raises(RuleViolation) as refused:
        forum.act(st.next_speaker)
    assert refused.value.key == "speaking_turns.error.empty"
    forum.act(st.add_request, "h1", "man", "room")
    forum.act(st.add_request, "h2", "woman", "room")
    forum.act(st.next_speaker)
    forum.advance(50)
    events = forum.act(st.next_speaker)
    assert [e.type for e in events] == ["speaking_turns.turn_ended", "speaking_turns.turn_started"]
    forum.advance(10)
    assert [e.type for e in forum.act(st.next_speaker)] == ["speaking_turns.turn_ended"]
    assert [t.duration for t in forum.state.turns] == [50, 10]


def test_the_floor_can_go_to_anyone_waiting() -> None:
    forum = Forum({"order": "fifo"})
    for rid in ("h1", "h2", "h3"):
        forum.act(st.add_request, rid, "man", "room")
    [started] = forum.act(st.next_speaker, "h3")
    assert (started.id, started.position) == ("h3", 2)
    assert ids(forum) == ["h1", "h2"]


# --- ordering: hand-computed examples -------------------------------------------------------------


def test_fifo_is_arrival_order_after_points_of_order() -> None:
    forum = Forum({"order": "fifo"})
    forum.act(st.add_request, "h1", "man", "room")
    forum.act(st.add_request, "h2", "woman", "remote")
    forum.act(st.add_request, "h3", "man", "room", True)
    assert ids(forum) == ["h3", "h1", "h2"]
    assert reasons(forum) == ["point_of_order", "arrival", "arrival"]


def test_parity_puts_first_time_speakers_before_repeat_speakers() -> None:
    forum = Forum()
    forum.act(st.add_request, "h1", "man", "room")
    speak(forum, 60)
    forum.act(st.add_request, "h2", "man", "room", False, "h1")  # the same man, again
    forum.act(st.add_request, "h3", "man", "room")
    assert ids(forum) == ["h3", "h2"]
    assert reasons(forum) == ["first_time", "arrival"]


def test_parity_favours_the_category_below_its_share_of_presence() -> None:
    forum = Forum()
    for n in range(9):
        forum.join(f"m{n}", "man")
    forum.join("w0", "woman")
    # a man then a woman have each spoken once for 60 s: women have 50 % of the time for 10 % of
    # presence, men 50 % for 90 %: men are below their share and go first.
    forum.act(st.raise_hand, "m0", "a")
    forum.act(st.raise_hand, "w0", "b")
    speak(forum, 60, "a")
    speak(forum, 60, "b")
    forum.act(st.raise_hand, "w0", "c")
    forum.act(st.raise_hand, "m1", "d")
    forum.act(st.raise_hand, "m2", "e")
    assert ids(forum)[0] == "d"
    assert reasons(forum)[0] == "first_time"
    forum.act(st.raise_hand, "m0", "f")
    # w0 and m0 have both spoken; men (50 % of time, 90 % of presence) are furthest below
    positions = st.queue(forum.state, forum.session)
    repeat = [p for p in positions if p.request.id in ("c", "f")]
    assert [p.request.id for p in repeat] == ["f", "c"]
    assert repeat[0].reason == "parity"


def test_parity_chooses_women_when_men_spoke_and_alternates_room_and_remote() -> None:
    forum = Forum()
    for n in range(5):
        forum.join(f"m{n}", "man", "room")
    for n in range(5):
        forum.join(f"w{n}", "woman", "remote" if n % 2 else "room")
    forum.act(st.raise_hand, "m0", "a")
    speak(forum, 120, "a")  # a room man spoke: the next should be a woman, from the other side
    forum.act(st.raise_hand, "m1", "b")
    forum.act(st.raise_hand, "w0", "c")  # room
    forum.act(st.raise_hand, "w1", "d")  # remote
    # women are below their share; of the two, the remote one goes first after a room speaker;
    # with one estimated turn each, men and women are level again: the oldest request goes next
    assert ids(forum) == ["d", "b", "c"]
    assert reasons(forum) == ["parity", "arrival", "arrival"]


def test_parity_calls_categories_in_proportion_to_presence() -> None:
    forum = Forum()
    for n in range(6):
        forum.join(f"m{n}", "man")
    for n in range(2):
        forum.join(f"w{n}", "woman")
    for n in range(6):
        forum.act(st.raise_hand, f"m{n}", f"a{n}")
    for n in range(2):
        forum.act(st.raise_hand, f"w{n}", f"b{n}")
    # nobody has spoken: a tie, the oldest (a man) first; then each placed person counts as an
    # estimated turn: speaking time per person present decides, three men for one woman
    assert ids(forum) == ["a0", "b0", "a1", "a2", "a3", "b1", "a4", "a5"]
    assert reasons(forum)[:2] == ["arrival", "parity"]


def test_room_and_remote_alternate_within_a_category() -> None:
    forum = Forum()
    forum.join("w0", "woman", "room")
    forum.join("w1", "woman", "room")
    forum.join("w2", "woman", "remote")
    forum.act(st.raise_hand, "w0", "a")
    speak(forum, 60, "a")  # a room speaker had the floor last
    forum.act(st.raise_hand, "w1", "b")
    forum.act(st.raise_hand, "w2", "c")
    assert ids(forum) == ["c", "b"]
    assert reasons(forum) == ["remote", "arrival"]


def test_pins_hold_and_move_up_with_the_queue() -> None:
    forum = Forum({"order": "fifo"})
    for rid in ("h1", "h2", "h3", "h4"):
        forum.act(st.add_request, rid, "man", "room")
    forum.act(st.pin, "h4", 1)
    assert ids(forum) == ["h1", "h4", "h2", "h3"]
    assert reasons(forum)[1] == "pinned"
    forum.act(st.next_speaker)  # h1 speaks: h4 is now next
    assert ids(forum) == ["h4", "h2", "h3"]
    forum.act(st.unpin, "h4")
    assert ids(forum) == ["h2", "h3", "h4"]


def test_moving_up_and_down_pins_and_swaps_pinned_neighbours() -> None:
    forum = Forum({"order": "fifo"})
    for rid in ("h1", "h2", "h3"):
        forum.act(st.add_request, rid, "man", "room")
    forum.act(st.move, "h3", -1)
    assert ids(forum) == ["h1", "h3", "h2"]
    forum.act(st.move, "h2", -1)  # h3 is pinned at 1: they swap
    assert ids(forum) == ["h1", "h2", "h3"]
    assert forum.state.pins == {"h3": 2, "h2": 1}
    assert forum.act(st.move, "h1", -1) == []  # already first


def test_removing_a_request_moves_later_pins_up() -> None:
    forum = Forum({"order": "fifo"})
    for rid in ("h1", "h2", "h3"):
        forum.act(st.add_request, rid, "man", "room")
    forum.act(st.pin, "h3", 2)
    forum.act(st.remove_request, "h1")
    assert forum.state.pins == {"h3": 1}
    assert ids(forum) == ["h2", "h3"]


def test_the_order_can_be_changed_and_the_limit_set() -> None:
    forum = Forum()
    forum.act(st.choose_order, "fifo")
    assert forum.state.order == "fifo"
    assert forum.act(st.choose_order, "fifo") == []
    forum.act(st.set_limit, 90)
    assert forum.state.limit == 90
    forum.act(st.set_limit, 0)
    assert forum.state.limit is None
    with pytest.raises(RuleViolation):
        forum.act(st.set_limit, 5)


# --- statistics -----------------------------------------------------------------------------------


def test_shares_relative_to_presence_nine_men_one_woman() -> None:
    forum = Forum()
    for n in range(9):
        forum.join(f"m{n}", "man", "room")
    forum.join("w", "woman", "remote")
    forum.act(st.raise_hand, "w", "a")
    speak(forum, 60, "a")
    forum.act(st.raise_hand, "m0", "b")
    speak(forum, 180, "b")
    stats = compute(forum.state.turns, *presence(forum.session))
    woman, man = stats.category("woman"), stats.category("man")
    assert (woman.present, woman.present_share) == (1, pytest.approx(0.1))
    assert (man.present, man.present_share) == (9, pytest.approx(0.9))
    assert woman.time_share == pytest.approx(0.25) and man.time_share == pytest.approx(0.75)
    assert woman.ratio == pytest.approx(2.5) and man.ratio == pytest.approx(0.75 / 0.9)
    assert woman.turn_share == pytest.approx(0.5)
    assert stats.mode("remote").time_share == pytest.approx(0.25)
    assert stats.category("other").ratio is None
    assert (stats.turns, stats.seconds, stats.speakers, stats.longest, stats.median) == (2, 240, 2, 180, 120)


def test_a_running_turn_is_not_counted_until_it_ends() -> None:
    forum = Forum()
    forum.act(st.add_request, "h1", "woman", "room")
    forum.act(st.next_speaker)
    forum.advance(30)
    assert compute(forum.state.turns, *presence(forum.session)).turns == 0
    forum.act(st.end_turn)
    assert compute(forum.state.turns, *presence(forum.session)).seconds == 30


# --- events, report, privacy ----------------------------------------------------------------------


def test_every_event_round_trips_and_is_documented() -> None:
    forum = Forum()
    forum.join("a", "other", "remote")
    forum.act(st.raise_hand, "a", "r1", True)
    forum.act(st.add_request, "h1", None, "room")
    forum.act(st.pin, "h1", 0)
    forum.act(st.unpin, "h1")
    forum.act(st.choose_order, "fifo")
    forum.act(st.set_limit, 60)
    forum.act(st.show_gauge, False)
    forum.act(st.next_speaker)
    forum.act(st.pause)
    forum.act(st.resume)
    forum.act(st.end_turn)
    forum.act(st.remove_request, "h1")
    ours = [e for e in forum.events if e.type.startswith("speaking_turns.")]
    kinds = {e.type for e in ours}
    assert kinds == {k for k in registered_types() if k.startswith("speaking_turns.")}
    for e in ours:
        assert decode(*encode(e)) == e
        assert type(e).__doc__


def test_replaying_the_log_gives_the_same_state() -> None:
    forum = Forum()
    forum.join("a", "woman", "remote")
    forum.act(st.raise_hand, "a", "r1")
    forum.act(st.add_request, "h1", "man", "room")
    forum.act(st.pin, "h1", 0)
    forum.act(st.next_speaker)
    forum.advance(40)
    forum.act(st.next_speaker)
    replayed = rules.replay([decode(*encode(e)) for e in forum.events])
    assert replayed.activities[0].model_dump() == forum.state.model_dump()


def test_report_has_tables_chart_and_no_token() -> None:
    forum = Forum()
    for n in range(9):
        forum.join(f"secret-token-man-{n}", "man")
    forum.join("secret-token-woman", "woman", "remote")
    forum.act(st.raise_hand, "secret-token-woman", "a")
    speak(forum, 60, "a")
    forum.act(st.raise_hand, "secret-token-man-0", "b")
    speak(forum, 180, "b")
    section = report(forum.state, forum.session, "fr")
    assert section.kind == "speaking_turns"
    assert [t.title for t in section.tables][:2] == [
        "Par catégorie, rapporté à la présence",
        "Salle et distance, rapporté à la présence",
    ]
    # on main: "Femmes 1 · 1:00 · 1 tour", and each turn's category: the one woman and the man who
    # spoke were known. Two speakers: no category is shown, and no turn says its speaker's.
    women, men = section.tables[0].rows[:2]
    assert women == ["Femmes", MARK, MARK, MARK, MARK, MARK, MARK, MARK]
    assert men[0] == "Hommes" and men[2:] == [MARK] * 6
    assert len(section.tables[2].rows) == 2
    assert all("Femme" not in str(cell) for row in section.tables[2].rows for cell in row)
    assert section.data["chart"]["labels"] == []
    assert section.data["summary"]["turns"] == 2  # who spoke, and how long, everyone saw
    assert section.data["present"]["by_category"] == {HIDDEN: 10}  # 1 woman: hidden, and the men with her
    assert all(line["turns"] is None for line in section.data["by_category"])
    assert "category" not in section.data["turns"][0]
    assert section.data["turns"][0]["mode"] == "remote"
    dumped = json.dumps(section.model_dump(), ensure_ascii=False)
    assert "secret-token" not in dumped


def test_no_free_text_and_moderation_refused() -> None:
    forum = Forum()
    assert ACTIVITY.free_texts(forum.state) == []
    with pytest.raises(RuleViolation) as refused:
        ACTIVITY.moderate(forum.state, None, "x", hide=True)  # type: ignore[arg-type]
    assert refused.value.key == "speaking_turns.error.no_free_text"


def test_names_live_in_memory_only_and_are_forgotten() -> None:
    from activities.speaking_turns import names

    forum = Forum()
    forum.join("a", "woman")
    forum.act(st.raise_hand, "a", "r1")
    request = forum.state.requests["r1"]
    names.remember("ABCDEF", 0, "r1", "  Zoé   Martin  ")
    assert names.label("ABCDEF", 0, forum.state, request, "fr") == "Zoé Martin"
    assert all("Zoé" not in e.model_dump_json() for e in forum.events)
    forum.act(st.next_speaker)
    forum.act(st.end_turn)
    forum.act(st.raise_hand, "a", "r2")  # a new request from the same phone keeps the name
    assert names.label("ABCDEF", 0, forum.state, forum.state.requests["r2"], "fr") == "Zoé Martin"
    names.forget_session("ABCDEF")
    assert names.label("ABCDEF", 0, forum.state, request, "fr") == "Intervenant·e 1"


def test_statistics_by_category_move_in_steps_that_name_no_speaker() -> None:
    """On main, speaking statistics published "Homme : 2" after two men spoke; now a category is
    shown once its speakers are at least 3 and the step since the last snapshot is spread."""
    from activities.speaking_turns.stats import published

    forum = Forum()
    people = [(f"w{n}", "woman") for n in range(5)] + [(f"m{n}", "man") for n in range(5)]
    for token, category in people:
        forum.join(token, category)
    seen = []
    for n, (token, _) in enumerate([people[i] for i in (0, 5, 1, 6, 2, 7, 3, 8, 4, 9)]):
        forum.act(st.raise_hand, token, f"r{n}")
        speak(forum, 30 + 10 * n, f"r{n}")
        stats = published(forum.state, forum.session)
        seen.append({line.key: line.turns for line in stats.by_category if not line.hidden})
    assert all(turns >= 3 for shown in seen for turns in shown.values())
    assert seen[-1].get("woman", 0) >= 3 and seen[-1].get("man", 0) >= 3
    assert seen[0] == seen[1] == {}  # one or two speakers: nothing by category
