"""The controversy map's state: statements, phones' proposals, the stage and each person's
positions; and how each event changes it. Pure: no UI, no I/O. The map itself (counts by
collège, divergence) is derived when asked for (`map.py`)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from facilitation.events import ActivityEvent, Folder
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
)
from .settings import ControversiesSettings, SettingsError, parse_settings

POSITIONS: tuple[str, ...] = ("1", "2", "3", "4", "5", "dk")
SCALE: tuple[str, ...] = ("1", "2", "3", "4", "5")


class Statement(BaseModel):
    id: str
    text: str
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
        Statement(id=f"s{n}", text=text, by="plan") for n, text in enumerate(settings.statements, 1)
    ]
    return ControversiesState(settings=settings, statements=statements)


fold: Folder[ControversiesState, []] = Folder()


@fold.on(StatementAdded)
def _added(state: ControversiesState, e: StatementAdded) -> None:
    state.statements.append(Statement(id=e.statement, text=e.text, by=e.by, proposal=e.proposal, at=e.at))


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
    return fold(state, e)
