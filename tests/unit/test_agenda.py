"""The agenda the facilitator edits: stable ids, what may change and what may not, the planned
end, and a log written before items had ids replays as it did."""

from __future__ import annotations

import json

import pytest

from facilitation import agenda
from facilitation import session as rules
from facilitation.agenda import AgendaItem
from facilitation.commands import HOST, PUBLIC
from facilitation.events import decode, encode
from facilitation.i18n import RuleViolation
from facilitation.rooms import Rooms
from facilitation.session import replay
from facilitation.store import SqliteStore as Store
from tests.harness import new_session, run

DEBAT = {"statements": [{"prompt": "L'État doit tout publier", "a": "Oui", "b": "Non"}]}


def three() -> list[AgendaItem]:
    return [
        AgendaItem(title="Accueil", duration_min=10),
        AgendaItem(title="Débat", kind="debat_mouvant", duration_min=30, settings=DEBAT),
        AgendaItem(title="Clôture", duration_min=5),
    ]


def titles(state) -> list[str]:
    return [item.title for item in state.agenda.values()]


def test_created_items_have_their_positions_as_ids_and_added_ones_new_ids() -> None:
    state = new_session(three())
    assert state.order == [0, 1, 2] and state.next_id == 3
    run(state, HOST, agenda.add_item, {"title": "Pause", "duration_min": 10}, 1)
    assert state.order == [0, 3, 1, 2] and titles(state)[1] == "Pause"
    run(state, HOST, agenda.remove_item, 3)
    run(state, HOST, agenda.add_item, {"title": "Encore", "duration_min": 1})
    assert state.order == [0, 1, 2, 4]  # id 3 is never used again
    assert state.position_of(4) == 3 and state.item(4).title == "Encore"


def test_an_added_activity_gets_its_state_and_the_current_item_never_moves() -> None:
    state = new_session(three())
    run(state, HOST, rules.start)
    run(state, HOST, rules.next_item)
    assert state.current == 1
    new = {"kind": "debat_mouvant", "title": "Second débat", "duration_min": 15, "settings": DEBAT}
    run(state, HOST, agenda.add_item, new, 2)
    assert state.order == [0, 1, 3, 2] and 3 in state.activities and state.current == 1
    run(state, HOST, rules.next_item, 1)
    assert state.current == 3  # the next item is the one inserted after the current one


@pytest.mark.parametrize(
    ("command", "args", "kwargs", "key"),
    [
        (agenda.remove_item, (0,), {}, "agenda.error.started"),
        (agenda.remove_item, (1,), {}, "agenda.error.started"),
        (agenda.edit_item, (1,), {"title": "Autre"}, "agenda.error.started"),
        (agenda.add_item, ({"title": "Avant"}, 1), {}, "agenda.error.past"),
        (agenda.move_item, (2, 1), {}, "agenda.error.past"),
        (agenda.reorder, ([1, 0, 2],), {}, "agenda.error.past"),
        (agenda.reorder, ([0, 1],), {}, "agenda.error.bad_order"),
        (agenda.edit_item, (9,), {"title": "x"}, "error.no_item"),
        (agenda.add_item, ({"title": "x", "kind": "tombola"},), {}, "agenda.error.unknown_kind"),
        (agenda.add_item, ({"title": ""},), {}, "agenda.error.bad_item"),
        (agenda.add_item, ({"title": "x", "duration_min": 5000},), {}, "agenda.error.bad_item"),
        (
            agenda.add_item,
            ({"title": "x", "kind": "world_cafe", "settings": {"group_size": 1}},),
            {},
            "agenda.error.bad_item",
        ),
    ],
)
def test_the_past_and_bad_items_are_refused_with_a_sentence(command, args, kwargs, key) -> None:
    state = new_session(three())
    run(state, HOST, rules.start)
    run(state, HOST, rules.next_item)
    with pytest.raises(RuleViolation) as refused:
        run(state, HOST, command, *args, **kwargs)
    assert refused.value.key == key
    assert refused.value.message("fr") != key and refused.value.message("en") != refused.value.message("fr")


def test_only_the_host_edits_the_agenda() -> None:
    state = new_session(three())
    with pytest.raises(RuleViolation, match="forbidden"):
        run(state, PUBLIC, agenda.remove_item, 2)


def test_edits_check_settings_with_the_activity_model_and_store_them_cleaned() -> None:
    state = new_session(three())
    run(
        state,
        HOST,
        agenda.edit_item,
        1,
        settings={"statements": [{"prompt": "  Tout\u200b ouvrir ", "a": "A", "b": "B"}]},
    )
    assert state.agenda[1].settings == {"statements": [{"prompt": "Tout ouvrir", "a": "A", "b": "B"}]}
    assert state.activities[1].runs[0].statement.prompt == "Tout ouvrir"
    with pytest.raises(RuleViolation) as refused:
        run(state, HOST, agenda.edit_item, 1, settings={"statements": [{"prompt": "x", "form": "dilemma"}]})
    assert "a dilemma needs both choices" in refused.value.message("en")
    assert run(state, HOST, agenda.edit_item, 2, title="Clôture") == []  # nothing changed, nothing stored


def test_move_item_skips_what_cannot_move() -> None:
    state = new_session([AgendaItem(title=str(n)) for n in range(5)])
    run(state, HOST, rules.start)
    run(state, HOST, rules.move_to, 3)  # 0 ran, 1 and 2 were skipped, 3 runs
    run(state, HOST, rules.move_to, 1)  # back to 1: 3 ran, and keeps its place
    assert agenda.step_position(state, 2, -1) is None  # never above the current item
    assert agenda.step_position(state, 2, 1) == 4  # it jumps over 3, which ran
    run(state, HOST, agenda.move_item, 2, 4)
    assert state.order == [0, 1, 4, 3, 2]
    with pytest.raises(RuleViolation):
        run(state, HOST, agenda.reorder, [0, 1, 2, 4, 3])  # 3 ran: it stays where it is


def test_planned_end_follows_the_clock_and_the_agenda() -> None:
    state = new_session(three())
    assert agenda.planned_end(state, 1000.0) == (1000.0 + 45 * 60, None)
    run(state, HOST, rules.start, now=0.0)
    assert agenda.planned_end(state, 60.0) == (45 * 60, 0.0)
    end, late = agenda.planned_end(state, 22 * 60.0)  # the welcome runs 12 minutes over
    assert (end, late) == (22 * 60 + 35 * 60, 12 * 60)
    run(state, HOST, agenda.remove_item, 2)
    end_after, late_after = agenda.planned_end(state, 22 * 60.0)
    assert end_after == end - 5 * 60 and late_after == late


def test_details_are_edited_as_one_event() -> None:
    state = new_session()
    run(state, HOST, agenda.edit_details, title=" Forum\u200b ", charter="Règles", languages=["en", "fr"])
    assert (state.title, state.charter, state.languages) == ("Forum", "Règles", ["en", "fr"])
    with pytest.raises(RuleViolation):
        run(state, HOST, agenda.edit_details, title="x", languages=["de"])


def test_agenda_events_round_trip_through_json() -> None:
    state = new_session(three())
    events = [
        *run(state, HOST, agenda.add_item, {"title": "Pause", "duration_min": 10}, 1),
        *run(state, HOST, agenda.edit_item, 3, title="Pause café"),
        *run(state, HOST, agenda.move_item, 3, 3),
        *run(state, HOST, agenda.duplicate_item, 1),
        *run(state, HOST, agenda.remove_item, 2),
        *run(state, HOST, agenda.edit_details, title="Autre"),
    ]
    assert [decode(*encode(e)) for e in events] == events


def test_a_log_written_before_ids_replays_identically(tmp_path) -> None:
    """Rows as an earlier Cercle stored them: positions in `item` and `index`, no ids anywhere."""
    store = Store(tmp_path / "old.db")
    rows = [
        (
            "session.created",
            {
                "code": "OLDLOG",
                "title": "Forum",
                "at": 1.0,
                "agenda": [
                    {"title": "Accueil", "kind": "moment", "text": "", "duration_min": 5, "settings": {}},
                    {
                        "title": "Débat",
                        "kind": "debat_mouvant",
                        "text": "",
                        "duration_min": 20,
                        "settings": DEBAT,
                    },
                    {"title": "Fin", "kind": "moment", "text": "", "duration_min": 5, "settings": {}},
                ],
            },
        ),
        ("session.started", {"at": 2.0}),
        ("session.participant_joined", {"token": "t1", "category": "woman", "mode": "room", "at": 3.0}),
        ("session.agenda_moved", {"index": 1, "at": 4.0}),
        ("debat_mouvant.round_opened", {"item": 1, "statement": 0, "round": 1, "at": 5.0}),
        (
            "debat_mouvant.position_taken",
            {"item": 1, "statement": 0, "round": 1, "token": "t1", "position": "a", "at": 6.0},
        ),
        ("session.agenda_moved", {"index": 2, "at": 7.0}),
    ]
    store.add_session("OLDLOG", "hash", 1.0)
    for n, (type_, payload) in enumerate(rows, start=1):
        store.db.execute(
            "INSERT INTO events (session, seq, at, type, payload) VALUES (?, ?, ?, ?, ?)",
            ["OLDLOG", n, 1.0, type_, json.dumps(payload)],
        )
    store.db.conn.commit()
    room = Rooms(store).get("OLDLOG")
    assert room is not None
    state = room.state
    assert state.order == [0, 1, 2] and state.current == 2 and state.next_id == 3
    assert state.item_started == {0: 2.0, 1: 4.0, 2: 7.0} and state.item_ended == {0: 4.0, 1: 7.0}
    assert state.activities[1].runs[0].votes[1] == {"t1": "a"}
    # and it goes on: an item added now gets id 3, the débat's data stays with id 1
    room.run_now(HOST, agenda.add_item, {"title": "Bonus"}, 3)
    again = replay(store.events("OLDLOG"))
    assert again.order == [0, 1, 2, 3] and again.activities[1].runs[0].votes[1] == {"t1": "a"}
    store.close()
