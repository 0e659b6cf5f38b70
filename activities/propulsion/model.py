"""The propulsion board's state: proposals with their class, next step, organisations, criteria,
and what each phone said of them; and how each event changes it. Pure: no UI, no I/O. What the
board shows (ranked, counted by collège without a count of 1 or 2) is derived in `board.py`."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from facilitation.disclosure import Published, record
from facilitation.events import ActivityEvent, Folder
from facilitation.i18n import LiveText
from facilitation.moderation import Span
from facilitation.session import SessionState

from .events import (
    Backing,
    BackingSet,
    CriterionChecked,
    CriterionRated,
    Klass,
    NextStepSet,
    OrganisationAdded,
    ProposalAdded,
    ProposalClassed,
    ProposalModerated,
    ProposalTranslated,
    Stage,
    StageChanged,
)
from .settings import PropulsionSettings, SettingsError, parse_settings


class Organisation(BaseModel):
    id: str
    name: str
    hidden: bool = False
    held: bool = False
    held_reason: str = ""
    spans: list[Span] = Field(default_factory=list)
    at: float = 0.0

    @property
    def shown(self) -> bool:
        return not self.hidden and not self.held


class NextStep(BaseModel):
    text: str
    horizon: str = ""
    hidden: bool = False
    at: float = 0.0


class Proposal(LiveText):
    """A proposal as written (`text`), its English (`en`: promoted with it, or from the console)."""

    id: str
    by: Literal["facilitator", "phone", "promoted"]
    source: str = ""
    origin: str = ""
    origin_en: str = ""

    def origin_in(self, lang: str) -> str:
        """Where it came from, as `lang` reads it."""
        return (self.origin_en if lang == "en" else "") or self.origin

    hidden: bool = False
    corrected: bool = False
    held: bool = False
    held_reason: str = ""
    spans: list[Span] = Field(default_factory=list)
    at: float = 0.0
    klass: Klass | None = None
    parent: str | None = None
    next_step: NextStep | None = None
    organisations: list[Organisation] = Field(default_factory=list)
    criteria: list[str] = Field(default_factory=list)  # ticked by the facilitator
    backers: dict[str, dict[str, bool]] = Field(default_factory=dict)  # kind -> token -> True
    ratings: dict[str, dict[str, str]] = Field(default_factory=dict)  # criterion -> token -> rating
    # what is published of them (`disclosure`): "contribute" (contributors by collège) and
    # "rating:<criterion>", snapshots folded as they come; the board reads only these
    published: dict[str, Published] = Field(default_factory=dict)

    @property
    def shown(self) -> bool:
        return not self.hidden and not self.held

    def backed(self, kind: Backing, token: str) -> bool:
        return self.backers.get(kind, {}).get(token, False)

    def backing(self, kind: Backing) -> list[str]:
        return [token for token, on in self.backers.get(kind, {}).items() if on]

    def organisation(self, organisation_id: str) -> Organisation | None:
        return next((o for o in self.organisations if o.id == organisation_id), None)


class PropulsionState(BaseModel):
    settings: PropulsionSettings = Field(default_factory=PropulsionSettings)
    error: str | None = None
    proposals: list[Proposal] = Field(default_factory=list)
    stage: Stage = "open"
    revision: int = 0  # events folded so far (views cache what they draw by it)

    def proposal(self, proposal_id: str) -> Proposal | None:
        return next((p for p in self.proposals if p.id == proposal_id), None)

    def shown(self) -> list[Proposal]:
        return [p for p in self.proposals if p.shown]

    def engagements(self) -> list[Proposal]:
        return [p for p in self.shown() if p.klass == "engagement"]

    def promoted(self) -> set[str]:
        """The sources already on the board ("item id:text id")."""
        return {p.source for p in self.proposals if p.source and not p.hidden}


def initial_state(raw: dict[str, Any]) -> PropulsionState:
    try:
        return PropulsionState(settings=parse_settings(raw))
    except SettingsError as exc:
        return PropulsionState(error=exc.details)


fold: Folder[PropulsionState, []] = Folder()


@fold.on(ProposalAdded)
def _added(state: PropulsionState, e: ProposalAdded) -> None:
    state.proposals.append(
        Proposal(
            id=e.proposal,
            text=e.text,
            en=e.en,
            by=e.by,
            source=e.source,
            origin=e.origin,
            origin_en=e.origin_en,
            held=e.held,
            held_reason=e.held_reason,
            spans=list(e.spans),
            at=e.at,
        )
    )


@fold.on(ProposalTranslated)
def _translated(state: PropulsionState, e: ProposalTranslated) -> None:
    found = state.proposal(e.proposal)
    if found is not None:
        found.en = e.en


@fold.on(ProposalModerated)
def _moderated(state: PropulsionState, e: ProposalModerated) -> None:
    pid, _, part = e.target.partition(".")
    proposal = state.proposal(pid)
    if proposal is None:
        return
    if part == "next":
        if proposal.next_step is not None:
            if e.hidden is not None:
                proposal.next_step.hidden = e.hidden
            if e.text is not None:
                proposal.next_step.text = e.text
        return
    target: Proposal | Organisation | None = proposal.organisation(e.target) if part else proposal
    if target is None:
        return
    if e.hidden is not None:
        target.hidden = e.hidden
    if e.approved:
        target.held = False
    if e.text is not None:
        if isinstance(target, Organisation):
            target.name = e.text
        else:
            target.text, target.corrected = e.text, True
        target.spans = []


@fold.on(ProposalClassed)
def _classed(state: PropulsionState, e: ProposalClassed) -> None:
    proposal = state.proposal(e.proposal)
    if proposal is not None:
        proposal.klass, proposal.parent = e.klass, e.parent if e.klass == "action" else None


@fold.on(NextStepSet)
def _next_step(state: PropulsionState, e: NextStepSet) -> None:
    proposal = state.proposal(e.proposal)
    if proposal is not None:
        proposal.next_step = (
            NextStep(text=e.text, horizon=e.horizon, at=e.at) if e.text or e.horizon else None
        )


@fold.on(OrganisationAdded)
def _organisation(state: PropulsionState, e: OrganisationAdded) -> None:
    proposal = state.proposal(e.proposal)
    if proposal is not None:
        proposal.organisations.append(
            Organisation(
                id=e.organisation,
                name=e.name,
                held=e.held,
                held_reason=e.held_reason,
                spans=list(e.spans),
                at=e.at,
            )
        )


@fold.on(CriterionChecked)
def _checked(state: PropulsionState, e: CriterionChecked) -> None:
    proposal = state.proposal(e.proposal)
    if proposal is None:
        return
    if e.checked and e.criterion not in proposal.criteria:
        proposal.criteria.append(e.criterion)
    elif not e.checked and e.criterion in proposal.criteria:
        proposal.criteria.remove(e.criterion)


@fold.on(BackingSet)
def _backing(state: PropulsionState, e: BackingSet) -> None:
    proposal = state.proposal(e.proposal)
    if proposal is None:
        return
    backers = proposal.backers.setdefault(e.kind, {})
    if e.on:
        backers[e.token] = True
    else:
        backers.pop(e.token, None)


@fold.on(CriterionRated)
def _rated(state: PropulsionState, e: CriterionRated) -> None:
    proposal = state.proposal(e.proposal)
    if proposal is not None:
        proposal.ratings.setdefault(e.criterion, {})[e.token] = e.rating


@fold.on(StageChanged)
def _stage(state: PropulsionState, e: StageChanged) -> None:
    state.stage = e.stage


RATINGS: tuple[str, ...] = ("met", "partly", "not")
COLLEGE_GROUPS = ("public_agent", "civil_society", "citizen", "business", "other", "undisclosed")


def apply(state: PropulsionState, e: ActivityEvent, session: SessionState | None = None) -> PropulsionState:
    state.revision += 1
    state = fold(state, e)
    if isinstance(e, BackingSet) and e.kind == "contribute":
        _publish_contributors(state, e.proposal, e.token, session)
    elif isinstance(e, CriterionRated):
        proposal = state.proposal(e.proposal)
        if proposal is not None:
            current = {t: ("", r) for t, r in proposal.ratings.get(e.criterion, {}).items()}
            record(
                proposal.published.setdefault(f"rating:{e.criterion}", Published()), e.token, current, RATINGS
            )
    return state


def _publish_contributors(
    state: PropulsionState, proposal_id: str, token: str, session: SessionState | None
) -> None:
    """Contributors by collège: one row whose answers are the collèges (a collège is what a
    contributor tells by tapping, so it is published in steps like any answer)."""
    proposal = state.proposal(proposal_id)
    if proposal is None:
        return
    current = {t: ("", _college(session, t)) for t in proposal.backing("contribute")}
    record(proposal.published.setdefault("contribute", Published()), token, current, COLLEGE_GROUPS)


def _college(session: SessionState | None, token: str) -> str:
    participant = session.participants.get(token) if session is not None else None
    college = participant.college if participant is not None else None
    return college if college in COLLEGE_GROUPS[:-1] else COLLEGE_GROUPS[-1]
