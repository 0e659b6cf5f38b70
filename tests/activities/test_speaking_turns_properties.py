"""Property tests of the queue's order and the statistics (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as s

from activities.speaking_turns import state as st
from activities.speaking_turns.model import BUCKETS
from activities.speaking_turns.ordering import order
from activities.speaking_turns.stats import compute, presence
from facilitation.i18n import RuleViolation
from facilitation.session import CATEGORIES, MODES

from .speaking_turns_helpers import Forum

CATEGORY = s.sampled_from([*CATEGORIES, None])
MODE = s.sampled_from(MODES)

# A script of actions over a few people: raise (phone or facilitator), speak for a while, pin,
# move, withdraw, change the order.
ACTION = s.one_of(
    s.tuples(s.just("raise"), s.integers(0, 7), s.booleans()),
    s.tuples(s.just("add"), CATEGORY, MODE, s.booleans()),
    s.tuples(s.just("again"), s.integers(0, 20)),
    s.tuples(s.just("speak"), s.integers(1, 300)),
    s.tuples(s.just("pin"), s.integers(0, 20), s.integers(0, 6)),
    s.tuples(s.just("move"), s.integers(0, 20), s.sampled_from([-1, 1])),
    s.tuples(s.just("lower"), s.integers(0, 20)),
    s.tuples(s.just("order"), s.sampled_from(["fifo", "parity"])),
)
# Only raising and speaking: the scripts that build up repeat speakers quickly.
TALK = s.one_of(
    s.tuples(s.just("raise"), s.integers(0, 7), s.just(False)),
    s.tuples(s.just("add"), CATEGORY, MODE, s.just(False)),
    s.tuples(s.just("again"), s.integers(0, 20)),
    s.tuples(s.just("speak"), s.integers(1, 300)),
)
PEOPLE = s.lists(s.tuples(CATEGORY, MODE), min_size=0, max_size=5)


def play(people: list, actions: list) -> Forum:
    forum = Forum()
    tokens = [forum.join(f"tok{n}", c, m) for n, (c, m) in enumerate(people)]
    counter = 0
    for action in actions:
        counter += 1
        rid = f"r{counter}"
        waiting = [r.id for r in forum.state.waiting()]
        try:
            match action:
                case ("raise", who, point) if tokens:
                    forum.act(st.raise_hand, tokens[who % len(tokens)], rid, point)
                case ("add", category, mode, point):
                    forum.act(st.add_request, rid, category, mode, point)
                case ("again", which):
                    spoke = [t.request for t in forum.state.turns if forum.state.requests[t.request].by_host]
                    if spoke:
                        category, mode = forum.state.requests[spoke[which % len(spoke)]].category, "room"
                        forum.act(st.add_request, rid, category, mode, False, spoke[which % len(spoke)])
                case ("speak", seconds):
                    forum.act(st.next_speaker)
                    forum.advance(seconds)
                    forum.act(st.end_turn)
                case ("pin", which, place) if waiting:
                    forum.act(st.pin, waiting[which % len(waiting)], place)
                case ("move", which, delta) if waiting:
                    forum.act(st.move, waiting[which % len(waiting)], delta)
                case ("lower", which) if waiting:
                    forum.act(st.remove_request, waiting[which % len(waiting)])
                case ("order", chosen):
                    forum.act(st.choose_order, chosen)
        except RuleViolation:
            pass
    return forum


FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(PEOPLE, s.lists(ACTION, max_size=30))
def test_every_waiting_request_appears_once(people, actions) -> None:
    forum = play(people, actions)
    positions = st.queue(forum.state, forum.session)
    assert sorted(p.request.id for p in positions) == sorted(r.id for r in forum.state.waiting())


@FAST
@given(PEOPLE, s.one_of(s.lists(ACTION, max_size=30), s.lists(TALK, max_size=20)))
def test_a_newcomer_is_never_after_a_repeat_speaker_except_pins_and_points_of_order(people, actions) -> None:
    forum = play(people, actions)
    forum.act(st.choose_order, "parity") if forum.state.order != "parity" else None
    state = forum.state
    spoken = {t.speaker for t in state.turns if not t.point_of_order}
    free = [p.request for p in st.queue(state, forum.session) if p.reason not in ("pinned", "point_of_order")]
    seen_repeat = False
    for request in free:
        if request.speaker in spoken:
            seen_repeat = True
        else:
            assert not seen_repeat, "a first-time speaker was placed after someone who has spoken"


@FAST
@given(PEOPLE, s.lists(ACTION, max_size=30))
def test_points_of_order_come_first_unless_pinned_elsewhere(people, actions) -> None:
    forum = play(people, actions)
    positions = [p for p in st.queue(forum.state, forum.session) if p.reason != "pinned"]
    kinds = [p.request.point_of_order for p in positions]
    assert kinds == sorted(kinds, reverse=True)
    assert all((p.reason == "point_of_order") == p.request.point_of_order for p in positions)


@FAST
@given(PEOPLE, s.lists(ACTION, max_size=30))
def test_the_order_is_deterministic(people, actions) -> None:
    first = play(people, actions)
    second = play(people, actions)
    one = [(p.request.id, p.reason) for p in st.queue(first.state, first.session)]
    assert one == [(p.request.id, p.reason) for p in st.queue(second.state, second.session)]
    again = first.state.model_copy(deep=True)
    assert one == [(p.request.id, p.reason) for p in order(again, presence(first.session)[0])]


@FAST
@given(PEOPLE, s.lists(ACTION, max_size=30), s.data())
def test_a_pin_holds_whatever_the_automatic_order(people, actions, data) -> None:
    forum = play(people, actions)
    for rid in list(forum.state.pins):
        forum.act(st.unpin, rid)
    waiting = [r.id for r in forum.state.waiting()]
    if not waiting:
        return
    rid = data.draw(s.sampled_from(waiting))
    place = data.draw(s.integers(0, len(waiting) - 1))
    forum.act(st.pin, rid, place)
    for chosen in ("fifo", "parity"):
        forum.act(st.choose_order, chosen)
        positions = st.queue(forum.state, forum.session)
        assert positions[place].request.id == rid and positions[place].reason == "pinned"
    # a newcomer arriving never takes the pinned place
    forum.act(st.add_request, "late", "woman", "remote")
    positions = st.queue(forum.state, forum.session)
    assert positions[place].request.id == rid


@FAST
@given(PEOPLE, s.lists(ACTION, max_size=30))
def test_statistics_sum_to_the_total_speaking_time(people, actions) -> None:
    forum = play(people, actions)
    stats = compute(forum.state.turns, *presence(forum.session))
    ended = [t.duration for t in forum.state.turns if t.ended_at is not None]
    assert sum(line.seconds for line in stats.by_category) == pytest.approx(sum(ended))
    assert sum(line.seconds for line in stats.by_mode) == pytest.approx(sum(ended))
    assert sum(line.turns for line in stats.by_category) == stats.turns == len(ended)
    if ended and sum(ended) > 0:
        assert sum(line.time_share for line in stats.by_category) == pytest.approx(1.0)
    if people:
        assert sum(line.present_share for line in stats.by_category) == pytest.approx(1.0)
        assert sum(line.present for line in stats.by_category) == len(people)
    assert [line.key for line in stats.by_category] == list(BUCKETS)
    assert stats.median <= stats.longest
