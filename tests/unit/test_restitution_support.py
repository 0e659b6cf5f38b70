"""A small fake activity fulfilling the contract (report, free_texts, moderate), so that the
restitution is tested whatever real activities exist; and helpers to run a session with it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from facilitation import feedback
from facilitation import session as rules
from facilitation.activity import REGISTRY, Activity, FreeText, Registry
from facilitation.commands import HOST, Actor, CommandContext, command
from facilitation.events import ActivityEvent, event
from facilitation.i18n import RuleViolation
from facilitation.report import ReportSection, Table
from facilitation.room import Room
from facilitation.rooms import Rooms

KIND = "fake_notes"

PLAN = """
title = "Forum d'essai"
date = "2026-03-12"
licence = "Licence Ouverte / Etalab 2.0"
publish = {publish}
charter = "Règle de Chatham House."

[[agenda]]
title = "Accueil"
kind = "moment"
duration = 10

[[agenda]]
title = "Notes et votes"
kind = "fake_notes"
duration = 20

[[agenda]]
title = "Conclusion"
kind = "moment"
duration = 5
"""


@event
class NoteAdded(ActivityEvent):
    type = "fake_notes.note_added"
    note_id: str
    text: str
    token: str


@event
class NoteModerated(ActivityEvent):
    type = "fake_notes.note_moderated"
    note_id: str
    hidden: bool | None = None
    text: str | None = None


@event
class Voted(ActivityEvent):
    type = "fake_notes.voted"
    token: str
    choice: str


class Note(BaseModel):
    text: str
    hidden: bool = False
    author: str


class NotesState(BaseModel):
    notes: dict[str, Note] = Field(default_factory=dict)
    votes: dict[str, str] = Field(default_factory=dict)


@command("participant")
def note(state: NotesState, cc: CommandContext, note_id: str, text: str) -> list[ActivityEvent]:
    return [NoteAdded(item=cc.item, note_id=note_id, text=text, token=cc.token)]


@command("participant")
def choose(state: NotesState, cc: CommandContext, choice: str) -> list[ActivityEvent]:
    return [Voted(item=cc.item, token=cc.token, choice=choice)]


class FakeNotes:
    kind = KIND
    arrive = None

    def wake_at(self, state: NotesState, now: float) -> float | None:
        return None

    def woken_topics(self) -> set[str]:
        return {"phase"}

    def title(self, lang: str) -> str:
        return "Notes" if lang == "en" else "Prise de notes"

    def initial_state(self, settings: dict[str, Any]) -> NotesState:
        return NotesState()

    def apply(self, state: NotesState, e: ActivityEvent, session: Any) -> NotesState:
        match e:
            case NoteAdded():
                state.notes[e.note_id] = Note(text=e.text, author=e.token)
            case NoteModerated():
                note = state.notes[e.note_id]
                if e.hidden is not None:
                    note.hidden = e.hidden
                if e.text is not None:
                    note.text = e.text
            case Voted():
                state.votes[e.token] = e.choice
        return state

    def topics(self, e: ActivityEvent) -> set[str]:
        return {"tally"}

    def console(self, ctx: Any) -> None:
        pass

    def screen(self, ctx: Any) -> None:
        pass

    def phone(self, ctx: Any) -> None:
        pass

    def follow(self, ctx: Any) -> None:
        pass

    def report(self, state: NotesState, session: Any, lang: str) -> ReportSection:
        counts = {c: sum(1 for v in state.votes.values() if v == c) for c in ("A", "B")}
        visible = [n.text for n in state.notes.values() if not n.hidden]
        return ReportSection(
            kind=KIND,
            title="Notes et votes",
            paragraphs=[f"{len(state.votes)} votes, {len(visible)} notes."],
            tables=[
                Table(
                    title="Votes", columns=["Choix", "Nombre"], rows=[["A", counts["A"]], ["B", counts["B"]]]
                )
            ],
            lists={"Notes": visible},
            data={
                "chart": {
                    "kind": "stacked",
                    "title": "Répartition",
                    "labels": ["Énoncé 1"],
                    "series": [
                        {"name": "A", "values": [counts["A"]]},
                        {"name": "B", "values": [counts["B"]]},
                    ],
                }
            },
        )

    def free_texts(self, state: NotesState) -> list[FreeText]:
        return [
            FreeText(id=i, text=n.text, hidden=n.hidden, where=f"Note {i}") for i, n in state.notes.items()
        ]

    def moderate(
        self,
        state: NotesState,
        cc: CommandContext,
        text_id: str,
        *,
        hide: bool | None = None,
        text: str | None = None,
        approve: bool = False,
    ) -> list[ActivityEvent]:
        if text_id not in state.notes:
            raise RuleViolation("restitution.error.no_text")
        return [NoteModerated(item=cc.item, note_id=text_id, hidden=hide, text=text)]


FAKE = FakeNotes()


def registry() -> Registry:
    reg = Registry()
    reg.register(FAKE)
    return reg


def register_globally() -> None:
    """For UI tests: the app's registry learns the fake kind (no clash with real kinds)."""
    REGISTRY.register(FAKE)


def write_plan(directory: Path, publish: bool = True) -> str:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "essai.toml").write_text(PLAN.replace("{publish}", "true" if publish else "false"))
    return "essai"


def add_note(room: Room, token: str, note_id: str, text: str) -> None:
    room.run_now(Actor.participant(token), note, note_id, text, item=1)


def vote(room: Room, token: str, choice: str) -> None:
    room.run_now(Actor.participant(token), choose, choice, item=1)


def run_session(
    rooms: Rooms, clock: Any, tokens: list[str], *, close: bool = True, named: str = "Jean Dupont"
) -> Room:
    """A session of the fake plan: people join, vote and write notes (one with a name), then
    it closes; the note with a name is not reviewed, so the facilitator publishes anyway."""
    room, _ = rooms.create(plan="essai")
    for i, token in enumerate(tokens):
        category = ("woman", "man", None)[i % 3]
        mode = "room" if i % 2 else "remote"
        room.run_now(Actor.participant(token), rules.join, category, mode)
    room.run_now(HOST, rules.start)
    clock.advance(600)
    room.run_now(HOST, rules.next_item)
    for i, token in enumerate(tokens):
        vote(room, token, "AB"[i % 2])
    add_note(room, tokens[0], "n1", "Ouvrir les données | par défaut")
    add_note(room, tokens[-1], "n2", f"Comme le disait {named}, écrire à jean.dupont@example.org")
    clock.advance(1500)
    room.run_now(HOST, rules.next_item)
    clock.advance(300)
    if close:
        room.run_now(HOST, rules.close)
        if room.state.awaiting_review:
            room.run_now(HOST, feedback.set_publication, True, anyway=True)
    return room


def test_the_fake_fulfils_the_contract() -> None:
    assert isinstance(FAKE, Activity)
