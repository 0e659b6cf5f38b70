"""The collège: asked only when the plan or the facilitator asks it, kept on the participant
alone, and old logs (without it) replay unchanged."""

from __future__ import annotations

import pytest

from facilitation import agenda
from facilitation import session as rules
from facilitation.commands import HOST, SYSTEM, Actor
from facilitation.events import decode, encode
from facilitation.i18n import RuleViolation
from facilitation.plans import parse_plan, plan_toml
from tests.harness import new_session, run

ME = Actor.participant("tok")


def test_a_plan_asks_colleges_and_the_session_remembers_it() -> None:
    plan = parse_plan("p", 'title = "Forum"\ncolleges = true\n')
    assert plan.colleges
    state = rules.SessionState()
    run(state, SYSTEM, rules.create, code="ABCDEF", title="Forum", colleges=plan.colleges)
    assert state.colleges
    assert parse_plan("again", plan_toml(state)).colleges
    assert not parse_plan("p", 'title = "Forum"\n').colleges


def test_the_facilitator_turns_the_question_on_and_other_edits_keep_it() -> None:
    state = new_session()
    assert not state.colleges
    run(state, HOST, agenda.edit_details, title="Forum", colleges=True)
    assert state.colleges
    run(state, HOST, agenda.edit_details, title="Forum 2")  # a caller that does not know the field
    assert state.colleges
    assert run(state, HOST, agenda.edit_details, title="Forum 2", colleges=True) == []


def test_a_participant_declares_and_changes_a_college() -> None:
    state = new_session()
    run(state, HOST, rules.start)
    run(state, ME, rules.join, None, "room", "civil_society")
    assert state.participants["tok"].college == "civil_society"
    run(state, ME, rules.join, None, "room", "public_agent")
    assert state.participants["tok"].college == "public_agent"
    assert run(state, ME, rules.join, None, "room", "public_agent") == []
    with pytest.raises(RuleViolation, match="error.unknown_college"):
        run(state, ME, rules.join, None, "room", "ministry")


def test_old_events_without_a_college_replay() -> None:
    joined = decode(
        "session.participant_joined", {"token": "t", "category": "woman", "mode": "room", "at": 1}
    )
    created = decode("session.created", {"code": "ABCDEF", "title": "F", "at": 0})
    assert isinstance(joined, rules.ParticipantJoined) and joined.college is None
    assert isinstance(created, rules.SessionCreated) and not created.colleges
    event = rules.ParticipantJoined(token="t", mode="room", at=1.0, college="citizen")
    assert decode(*encode(event)) == event
