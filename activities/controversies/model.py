"""The controversy map's state: statements, phones' proposals, the stage and each person's
positions; and how each event changes it. Pure: no UI, no I/O. What is published of the positions
is each statement's snapshot (`published`, folded by `disclosure.record` as positions come: it
moves only in steps that isolate nobody); the map (counts by collège, divergence) is derived from
it when asked for (`map.py`), never from the positions themselves."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from facilitation.disclosure import Published, record
from facilitation.events import ActivityEvent, Folder
from facilitation.i18n import LiveText
from facilitation.moderation import Span
from facilitation.session import SessionState

from .events import (
    PositionSet,
    ProposalModerated,
    Stage,
    StageChanged,
    StatementAdded,
    StatementModerated,
    StatementProposed,
    StatementTranslated,
)
from .settings import ControversiesSettings, SettingsError, parse_settings

POSITIONS: tuple[str, ...] = ("1", "2", "3", "4", "5", "dk")
SCALE: tuple[str, ...] = ("1", "2", "3", "4", "5")
UNSPECIFIED = "undisclosed"  # no collège given, or "prefer not to say"
DECLARED = ("public_agent", "civil_society", "citizen", "business", "other")
GROUPS = (*DECLARED, UNSPECIFIED)


def college_of(session: SessionState | None, token: str) -> str:
    """The collège group `token` counts in (`UNSPECIFIED` when none was declared)."""
    participant = session.participants.get(token) if session is not None else None
    college = participant.college if participant is not None else None
    return college if college in DECLARED else UNSPECIFIED


class Statement(LiveText):
    """A statement as written (`text`), its English from the plan or the console (`en`)."""

    id: str
    by: Literal["plan", "facilitator", "participant"]
    proposal: str = ""
    hidden: bool = False
    corrected: bool = False
    at: float = 0.0


class Proposal(BaseModel):
    id: str
    text: str
    hidden: bool = False
    corrected: bool = False
    held: bool = False  # waiting for review: seen by nobody but the console (and its author)
    held_reason: str = ""
    spans: list[Span] = Field(default_factory=list)
    at: float = 0.0

    @property
    def shown(self) -> bool:
        return not self.hidden and not self.held


class ControversiesState(BaseModel):
    settings: ControversiesSettings = Field(default_factory=ControversiesSettings)
    error: str | None = None
    statements: list[Statement] = Field(default_factory=list)
    proposals: list[Proposal] = Field(default_factory=list)
    stage: Stage = "ready"
    positions: dict[str, dict[str, str]] = Field(default_factory=dict)  # statement -> token -> position
    published: dict[str, Published] = Field(default_factory=dict)  # statement -> its published snapshot
    revision: int = 0  # events folded so far (views cache what they draw by it)

    def statement(self, statement_id: str) -> Statement | None:
        return next((s for s in self.statements if s.id == statement_id), None)

    def proposal(self, proposal_id: str) -> Proposal | None:
        return next((p for p in self.proposals if p.id == proposal_id), None)

    def shown(self) -> list[Statement]:
        """The statements on the map, in the order they came."""
        return [s for s in self.statements if not s.hidden]

    def accepted(self) -> set[str]:
        """Proposals already on the map."""
        return {s.proposal for s in self.statements if s.proposal}

    def waiting(self) -> list[Proposal]:
        """Proposals shown (reviewed) and not yet on the map: for the facilitator to add."""
        taken = self.accepted()
        return [p for p in self.proposals if p.shown and p.id not in taken]

    def position_of(self, token: str, statement_id: str) -> str | None:
        return self.positions.get(statement_id, {}).get(token)


def initial_state(raw: dict[str, Any]) -> ControversiesState:
    try:
        settings = parse_settings(raw)
    except SettingsError as exc:
        return ControversiesState(error=exc.details)
    statements = [
        Statement(id=f"s{n}", text=text.fr, en=text.en if text.translated else "", by="plan")
        for n, text in enumerate(settings.statements, 1)
    ]
    return ControversiesState(settings=settings, statements=statements)


fold: Folder[ControversiesState, []] = Folder()


@fold.on(StatementAdded)
def _added(state: ControversiesState, e: StatementAdded) -> None:
    state.statements.append(
        Statement(id=e.statement, text=e.text, en=e.en, by=e.by, proposal=e.proposal, at=e.at)
    )


@fold.on(StatementTranslated)
def _translated(state: ControversiesState, e: StatementTranslated) -> None:
    found = state.statement(e.statement)
    if found is not None:
        found.en = e.en


@fold.on(StatementModerated)
def _statement_moderated(state: ControversiesState, e: StatementModerated) -> None:
    found = state.statement(e.statement)
    if found is None:
        return
    if e.hidden is not None:
        found.hidden = e.hidden
    if e.text is not None:
        found.text, found.corrected = e.text, True


@fold.on(StatementProposed)
def _proposed(state: ControversiesState, e: StatementProposed) -> None:
    state.proposals.append(
        Proposal(
            id=e.proposal, text=e.text, held=e.held, held_reason=e.held_reason, spans=list(e.spans), at=e.at
        )
    )


@fold.on(ProposalModerated)
def _proposal_moderated(state: ControversiesState, e: ProposalModerated) -> None:
    found = state.proposal(e.proposal)
    if found is None:
        return
    if e.hidden is not None:
        found.hidden = e.hidden
    if e.approved:
        found.held = False
    if e.text is not None:
        found.text, found.corrected, found.spans = e.text, True, []


@fold.on(StageChanged)
def _stage(state: ControversiesState, e: StageChanged) -> None:
    state.stage = e.stage


@fold.on(PositionSet)
def _position(state: ControversiesState, e: PositionSet) -> None:
    state.positions.setdefault(e.statement, {})[e.token] = e.position


def apply(
    state: ControversiesState, e: ActivityEvent, session: SessionState | None = None
) -> ControversiesState:
    state.revision += 1
    state = fold(state, e)
    if isinstance(e, PositionSet):
        _publish(state, e, session)
    return state


def _publish(state: ControversiesState, e: PositionSet, session: SessionState | None) -> None:
    """The statement's snapshot, folded one position further (collèges as they are now)."""
    current = {
        token: (college_of(session, token), position)
        for token, position in state.positions.get(e.statement, {}).items()
    }
    published = state.published.setdefault(e.statement, Published())
    record(published, e.token, current, POSITIONS, GROUPS)
