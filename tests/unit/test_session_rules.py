from __future__ import annotations

import pytest

from facilitation import session as rules
from facilitation.commands import HOST, PUBLIC, SYSTEM, Actor
from facilitation.i18n import RuleViolation, t
from facilitation.session import AgendaItem, SessionState
from tests.harness import new_session, run

ME = Actor.participant("tok")


def created(agenda: int = 3) -> SessionState:
    return new_session([AgendaItem(title=f"Item {i}", duration_min=10) for i in range(agenda)])


def test_lifecycle_draft_live_closed_with_actual_times() -> None:
    state = created()
    assert state.status == "draft" and state.current is None
    run(state, HOST, rules.start, now=200.0)
    assert state.status == "live" and state.current == 0
    run(state, HOST, rules.next_item, now=800.0)
    assert state.current == 1 and state.item_seconds(0, 999.0) == 600.0
    assert state.item_seconds(1, 900.0) == 100.0
    run(state, HOST, rules.close, now=1000.0)
    assert state.status == "closed" and state.item_seconds(1, 5000.0) == 200.0


@pytest.mark.parametrize(
    ("command", "args", "key"),
    [(rules.next_item, (), "error.not_live"), (rules.move_to, (0,), "error.not_live")],
)
def test_agenda_cannot_move_before_start(command, args, key) -> None:
    with pytest.raises(RuleViolation) as refusal:
        run(created(), HOST, command, *args)
    assert refusal.value.key == key


def test_moves_are_checked() -> None:
    state = created(2)
    run(state, HOST, rules.start)
    with pytest.raises(RuleViolation, match="error.no_item"):
        run(state, HOST, rules.move_to, 5)
    run(state, HOST, rules.next_item)
    with pytest.raises(RuleViolation, match="error.last_item"):
        run(state, HOST, rules.next_item)
    assert run(state, HOST, rules.move_to, 1) == []  # already there: nothing to store


def test_a_stale_next_click_is_refused_not_applied_twice() -> None:
    state = created(3)
    run(state, HOST, rules.start)
    run(state, HOST, rules.next_item, 0)  # the console showed item 0 as current
    with pytest.raises(RuleViolation, match="error.moved_meanwhile"):
        run(state, HOST, rules.next_item, 0)  # the same click again, from a stale button
    assert state.current == 1


def test_closed_session_refuses_everything() -> None:
    state = created()
    run(state, HOST, rules.start)
    run(state, HOST, rules.close)
    for actor, command in (
        (HOST, rules.start),
        (HOST, rules.next_item),
        (HOST, rules.close),
    ):
        with pytest.raises(RuleViolation, match="error.closed"):
            run(state, actor, command)
    with pytest.raises(RuleViolation, match="error.closed"):
        run(state, ME, rules.join, None, "room")


def test_closing_fixes_the_publication_and_unlinks_in_the_same_step() -> None:
    state = created()
    run(state, ME, rules.join, "woman", "remote")
    run(state, HOST, rules.start)
    events = run(state, HOST, rules.close, now=50.0)
    assert [e.type for e in events] == [
        "session.closed",
        "session.publication_chosen",
        "session.unlinked",
    ]
    assert list(state.participants) == ["participant 1"]
    assert state.unlinked_at == 50.0 and state.will_publish is False


def test_join_once_then_update_answers() -> None:
    state = created()
    run(state, ME, rules.join, "woman", "remote")
    assert run(state, ME, rules.join, "woman", "remote") == []
    events = run(state, ME, rules.join, None, "room")
    assert [e.type for e in events] == ["session.participant_updated"]
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


@pytest.mark.parametrize(
    ("actor", "command", "args"),
    [
        (PUBLIC, rules.start, ()),
        (ME, rules.start, ()),
        (ME, rules.close, ()),
        (ME, rules.move_to, (1,)),
        (PUBLIC, rules.join, (None, "room")),
        (HOST, rules.join, (None, "room")),
        (HOST, rules.create, ()),
        (HOST, rules.purge, ()),
        (Actor("participant"), rules.join, (None, "room")),  # a participant without a token
    ],
)
def test_commands_refuse_actors_they_did_not_declare(actor, command, args) -> None:
    state = created()
    with pytest.raises(RuleViolation, match="error.forbidden"):
        run(state, actor, command, *args)
    assert state.status == "draft" and not state.participants


def test_every_core_command_declares_its_roles() -> None:
    from facilitation import feedback
    from facilitation.commands import roles_of

    commands = [rules.create, rules.start, rules.move_to, rules.next_item, rules.close, rules.unlink]
    commands += [rules.purge, rules.join, feedback.post_comment, feedback.moderate_comment]
    commands += [feedback.set_publication, feedback.moderate_text]
    assert all(roles_of(c) for c in commands)
    assert roles_of(rules.join) == {"participant"} and roles_of(rules.start) == {"host"}
    assert SYSTEM.role in roles_of(rules.unlink)


def test_refusals_are_translated() -> None:
    with pytest.raises(RuleViolation) as refusal:
        run(created(), HOST, rules.next_item)
    assert refusal.value.message("fr") == t("error.not_live", "fr") == "La session n'est pas en cours."
    assert refusal.value.message("en") == "The session is not live."


def test_participant_topics_do_not_reach_every_phone() -> None:
    joined = run(created(), ME, rules.join, None, "room")[0]
    assert "phase" not in rules.topics(joined)
    assert "phase" in rules.topics(rules.SessionStarted(at=1.0))
