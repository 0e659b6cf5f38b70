from __future__ import annotations

import pytest

from facilitation import session as rules
from facilitation.i18n import RuleViolation, t
from facilitation.session import AgendaItem, SessionState, replay


def created(agenda: int = 3) -> SessionState:
    items = [AgendaItem(title=f"Item {i}", duration_min=10) for i in range(agenda)]
    return replay(rules.create("ABCDEF", "Forum", 100.0, agenda=items))


def run(state: SessionState, events) -> SessionState:
    for e in events:
        rules.apply(state, e)
    return state


def test_lifecycle_draft_live_closed_with_actual_times() -> None:
    state = created()
    assert state.status == "draft" and state.current is None
    run(state, rules.start(state, 200.0))
    assert state.status == "live" and state.current == 0
    run(state, rules.next_item(state, 800.0))
    assert state.current == 1 and state.item_seconds(0, 999.0) == 600.0
    assert state.item_seconds(1, 900.0) == 100.0
    run(state, rules.close(state, 1000.0))
    assert state.status == "closed" and state.item_seconds(1, 5000.0) == 200.0


@pytest.mark.parametrize(
    ("command", "key"),
    [
        (lambda s: rules.next_item(s, 1.0), "error.not_live"),
        (lambda s: rules.move_to(s, 0, 1.0), "error.not_live"),
    ],
)
def test_agenda_cannot_move_before_start(command, key) -> None:
    with pytest.raises(RuleViolation) as refusal:
        command(created())
    assert refusal.value.key == key


def test_moves_are_checked() -> None:
    state = run(created(2), rules.start(created(2), 1.0))
    with pytest.raises(RuleViolation, match="error.no_item"):
        rules.move_to(state, 5, 2.0)
    run(state, rules.next_item(state, 2.0))
    with pytest.raises(RuleViolation, match="error.last_item"):
        rules.next_item(state, 3.0)
    assert rules.move_to(state, 1, 4.0) == []  # already there: nothing to store


def test_closed_session_refuses_everything() -> None:
    state = created()
    run(state, rules.start(state, 1.0))
    run(state, rules.close(state, 2.0))
    for command in (
        lambda: rules.start(state, 3.0),
        lambda: rules.next_item(state, 3.0),
        lambda: rules.close(state, 3.0),
        lambda: rules.join(state, "tok", None, "room", 3.0),
    ):
        with pytest.raises(RuleViolation, match="error.closed"):
            command()


def test_join_once_then_update_answers() -> None:
    state = created()
    run(state, rules.join(state, "tok", "woman", "remote", 1.0))
    assert rules.join(state, "tok", "woman", "remote", 2.0) == []
    events = rules.join(state, "tok", None, "room", 2.0)
    assert [e.type for e in events] == ["session.participant_updated"]
    run(state, events)
    assert state.counts() == {
        "total": 1,
        "room": 1,
        "remote": 0,
        "woman": 0,
        "man": 0,
        "other": 0,
        "undisclosed": 0,
        "none": 1,
    }


def test_refusals_are_translated() -> None:
    with pytest.raises(RuleViolation) as refusal:
        rules.next_item(created(), 1.0)
    assert refusal.value.message("fr") == t("error.not_live", "fr") == "La session n'est pas en cours."
    assert refusal.value.message("en") == "The session is not live."


def test_participant_topics_do_not_reach_every_phone() -> None:
    joined = rules.join(created(), "tok", None, "room", 1.0)[0]
    assert "phase" not in rules.topics(joined)
    assert "phase" in rules.topics(rules.SessionStarted(at=1.0))
