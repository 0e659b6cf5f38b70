"""The propulsion board's rules. Pure: no UI, no I/O; `now` comes from the CommandContext.

Commands return the events to append or raise `RuleViolation("propulsion.error.…")`; the state
and its folds live in `model.py`, re-exported here (this module is the activity's `rules`). A
phone's "je soutiens", "je veux contribuer" or rating costs O(1): its phone and the coalesced
tally (`tally:propulsion`); what changes the board's shape (a proposal, a class) reaches phones.
"""

from __future__ import annotations

import re

from facilitation.commands import CommandContext, command
from facilitation.events import ActivityEvent
from facilitation.i18n import RuleViolation
from facilitation.moderation import Screened, held_reason
from facilitation.text import clean_text

from . import texts  # noqa: F401  (the activity's translations)
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
    Rating,
    StageChanged,
)
from .model import Organisation as Organisation
from .model import Proposal as Proposal
from .model import PropulsionState as PropulsionState
from .model import apply as apply
from .model import fold as fold
from .model import initial_state as initial_state
from .settings import CRITERIA
from .sources import offer

KIND = "propulsion"
BOARD = f"{KIND}:board"  # phones, console, screen: proposals or their classes changed (rare)
TALLY = f"tally:{KIND}"
PROPOSAL_MIN, PROPOSAL_MAX = 3, 500
STEP_MAX, ORGANISATION_MAX = 300, 120
ORGANISATIONS_MAX = 8
KLASSES: tuple[Klass, ...] = ("engagement", "action", "initiative")
RATINGS: dict[str, Rating] = {"met": "met", "partly": "partly", "not": "not"}
HORIZON = re.compile(r"\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?")


def topics(e: ActivityEvent) -> set[str]:
    match e:
        case BackingSet() | CriterionRated():
            return {f"participant:{e.token}", TALLY}
        case ProposalAdded(by="phone"):
            return {TALLY}  # the console and the screen; phones see it once it is classed
        case ProposalAdded() | ProposalModerated() | ProposalClassed():
            return {BOARD, TALLY}
        case StageChanged():
            return {"phase", BOARD, TALLY}
        case NextStepSet() | OrganisationAdded() | CriterionChecked():
            return {TALLY}  # what phones do not show
    return set()


def _facilitating(cc: CommandContext) -> None:
    if cc.session.status == "closed":
        raise RuleViolation("error.closed")
    if cc.session.status != "live":
        raise RuleViolation("error.not_live")


def _current(cc: CommandContext) -> None:
    if cc.session.current != cc.item:
        raise RuleViolation("propulsion.error.not_current")


def _text(text: str, low: int, high: int, key: str) -> str:
    cleaned = clean_text(text)
    if not low <= len(cleaned) <= high:
        raise RuleViolation(f"propulsion.error.{key}", min=low, max=high, n=len(cleaned))
    return cleaned


def _proposal(state: PropulsionState, proposal_id: str) -> Proposal:
    found = state.proposal(proposal_id)
    if found is None or not found.shown:
        raise RuleViolation("propulsion.error.unknown_proposal")
    return found


def _next_id(state: PropulsionState) -> str:
    return f"p{len(state.proposals) + 1}"


def _organisation(
    proposal: Proposal, cc: CommandContext, screened: Screened, at: float, offset: int = 0
) -> OrganisationAdded:
    """An organisation to carry `proposal`: never a person. The facilitator's is refused when the
    check finds a name in it; a phone's is held for review, like any text that looks personal."""
    name = _text(screened.text, 2, ORGANISATION_MAX, "organisation_length")
    if len(proposal.organisations) + offset >= ORGANISATIONS_MAX:
        raise RuleViolation("propulsion.error.too_many_organisations", max=ORGANISATIONS_MAX)
    if cc.by_host and screened.spans:
        raise RuleViolation("propulsion.error.person", name=name)
    why = held_reason(cc.session.moderation_policy, screened, by_host=cc.by_host)
    return OrganisationAdded(
        item=cc.item,
        proposal=proposal.id,
        organisation=f"{proposal.id}.o{len(proposal.organisations) + 1 + offset}",
        name=name,
        held=bool(why),
        held_reason=why,
        spans=list(screened.spans) if name == screened.text else [],
        at=at,
    )


# --- proposals ----------------------------------------------------------------------------------


@command("participant", "host")
def propose(
    state: PropulsionState, cc: CommandContext, screened: Screened, organisation: Screened | None = None
) -> list[ActivityEvent]:
    """A proposal typed by the facilitator or sent by a phone (held for review when the policy
    says so), with an organisation to carry it, if given (checked as an organisation's name)."""
    if cc.by_host:
        _facilitating(cc)
    else:
        cc.participant()
        _current(cc)
        if not state.settings.proposals:
            raise RuleViolation("propulsion.error.no_proposals")
        if state.stage != "open":
            raise RuleViolation("propulsion.error.closed")
    text = _text(screened.text, PROPOSAL_MIN, PROPOSAL_MAX, "length")
    why = held_reason(cc.session.moderation_policy, screened, by_host=cc.by_host)
    added = ProposalAdded(
        item=cc.item,
        proposal=_next_id(state),
        text=text,
        by="facilitator" if cc.by_host else "phone",
        held=bool(why),
        held_reason=why,
        spans=list(screened.spans) if text == screened.text else [],
        at=cc.now,
    )
    events: list[ActivityEvent] = [added]
    if organisation is not None and organisation.text.strip():
        placeholder = Proposal(id=added.proposal, text=text, by=added.by)
        events.append(_organisation(placeholder, cc, organisation, cc.now))
    return events


@command("host")
def promote(state: PropulsionState, cc: CommandContext, key: str) -> list[ActivityEvent]:
    """Bring an idea, a cluster or a controversy (`key`: "item id:text id") from a workshop of the
    session onto the board: its text is copied, with where it came from."""
    _facilitating(cc)
    if key in state.promoted():
        raise RuleViolation("propulsion.error.already_promoted")
    found = offer(cc.session, key)
    if found is None:
        raise RuleViolation("propulsion.error.no_source")
    text = found.text if len(found.text) >= PROPOSAL_MIN else f"{found.text} …"
    return [
        ProposalAdded(
            item=cc.item,
            proposal=_next_id(state),
            text=text[:PROPOSAL_MAX],
            by="promoted",
            source=key,
            origin=found.origin,
            at=cc.now,
        )
    ]


@command("host")
def classify(
    state: PropulsionState, cc: CommandContext, proposal: str, klass: str | None, parent: str | None = None
) -> list[ActivityEvent]:
    """Class a proposal as an engagement, an action (attached to an engagement of the board) or an
    initiative; None takes its class away."""
    _facilitating(cc)
    found = _proposal(state, proposal)
    chosen: Klass | None = next((k for k in KLASSES if k == klass), None)
    if klass is not None and chosen is None:
        raise RuleViolation("propulsion.error.unknown_class")
    if chosen == "action":
        engagement = state.proposal(parent or "")
        if (
            engagement is None
            or not engagement.shown
            or engagement.klass != "engagement"
            or parent == proposal
        ):
            raise RuleViolation("propulsion.error.no_engagement")
    else:
        parent = None
    if chosen != "engagement" and any(p.parent == proposal and p.klass == "action" for p in state.shown()):
        raise RuleViolation("propulsion.error.has_actions")
    if (found.klass, found.parent) == (chosen, parent):
        return []
    return [ProposalClassed(item=cc.item, proposal=proposal, klass=chosen, parent=parent, at=cc.now)]


@command("host")
def set_next_step(
    state: PropulsionState, cc: CommandContext, proposal: str, text: str, horizon: str = ""
) -> list[ActivityEvent]:
    """The next step of a proposal, and its horizon ("2026-06" or "2026-06-30"; empty: none)."""
    _facilitating(cc)
    found = _proposal(state, proposal)
    step = clean_text(text)
    if len(step) > STEP_MAX:
        raise RuleViolation("propulsion.error.step_length", max=STEP_MAX)
    horizon = clean_text(horizon)
    if horizon and not HORIZON.fullmatch(horizon):
        raise RuleViolation("propulsion.error.horizon")
    current = found.next_step
    if current is not None and (current.text, current.horizon) == (step, horizon):
        return []
    if current is None and not step and not horizon:
        return []
    return [NextStepSet(item=cc.item, proposal=proposal, text=step, horizon=horizon, at=cc.now)]


@command("host")
def add_organisation(
    state: PropulsionState, cc: CommandContext, proposal: str, screened: Screened
) -> list[ActivityEvent]:
    """An organisation expected to carry the proposal (the check refuses a person's name)."""
    _facilitating(cc)
    found = _proposal(state, proposal)
    name = clean_text(screened.text)
    if any(o.name.casefold() == name.casefold() for o in found.organisations if not o.hidden):
        return []
    return [_organisation(found, cc, screened, cc.now)]


@command("host")
def check_criterion(
    state: PropulsionState, cc: CommandContext, proposal: str, criterion: str, checked: bool
) -> list[ActivityEvent]:
    """Tick (or untick) one of the DITP's criteria of an engagement on the console's checklist."""
    _facilitating(cc)
    found = _proposal(state, proposal)
    if criterion not in CRITERIA:
        raise RuleViolation("propulsion.error.unknown_criterion")
    if found.klass != "engagement":
        raise RuleViolation("propulsion.error.not_engagement")
    if (criterion in found.criteria) == checked:
        return []
    return [
        CriterionChecked(item=cc.item, proposal=proposal, criterion=criterion, checked=checked, at=cc.now)
    ]


@command("host")
def set_stage(
    state: PropulsionState, cc: CommandContext, stage: str, expected: str | None = None
) -> list[ActivityEvent]:
    _facilitating(cc)
    if expected is not None and expected != state.stage:
        raise RuleViolation("propulsion.error.stale")
    if stage not in ("open", "closed"):
        raise RuleViolation("propulsion.error.bad_stage")
    if stage == state.stage:
        return []
    return [StageChanged(item=cc.item, stage="open" if stage == "open" else "closed", at=cc.now)]


# --- what phones say ----------------------------------------------------------------------------


def _backing_open(state: PropulsionState, cc: CommandContext) -> str:
    token = cc.participant().token
    _current(cc)
    if state.stage != "open":
        raise RuleViolation("propulsion.error.closed")
    return token


@command("participant")
def back(
    state: PropulsionState, cc: CommandContext, proposal: str, kind: str, on: bool
) -> list[ActivityEvent]:
    """ "Je soutiens" (`kind` "support") or "je veux contribuer" ("contribute"), said or unsaid."""
    token = _backing_open(state, cc)
    found = _proposal(state, proposal)
    if kind not in ("support", "contribute"):
        raise RuleViolation("propulsion.error.unknown_backing")
    backing: Backing = "support" if kind == "support" else "contribute"
    if found.backed(backing, token) == bool(on):
        return []
    return [BackingSet(item=cc.item, token=token, proposal=proposal, kind=backing, on=bool(on), at=cc.now)]


@command("participant")
def rate(
    state: PropulsionState, cc: CommandContext, proposal: str, criterion: str, rating: str
) -> list[ActivityEvent]:
    """Rate one criterion of an engagement: met, partly, not."""
    token = _backing_open(state, cc)
    found = _proposal(state, proposal)
    if not state.settings.rate_criteria or found.klass != "engagement":
        raise RuleViolation("propulsion.error.not_engagement")
    if criterion not in CRITERIA or rating not in RATINGS:
        raise RuleViolation("propulsion.error.unknown_criterion")
    if found.ratings.get(criterion, {}).get(token) == rating:
        return []
    return [
        CriterionRated(
            item=cc.item,
            token=token,
            proposal=proposal,
            criterion=criterion,
            rating=RATINGS[rating],
            at=cc.now,
        )
    ]


# --- moderation ---------------------------------------------------------------------------------


@command("host")
def moderate(
    state: PropulsionState,
    cc: CommandContext,
    text_id: str,
    *,
    hide: bool | None = None,
    text: str | None = None,
    approve: bool = False,
) -> list[ActivityEvent]:
    """Hide, show, correct or approve a proposal (`p1`), its next step (`p1.next`) or one of its
    organisations (`p1.o1`)."""
    pid, _, part = text_id.partition(".")
    proposal = state.proposal(pid)
    if proposal is None:
        raise RuleViolation("propulsion.error.unknown_proposal")
    current: tuple[str, bool, bool]
    if part == "next":
        if proposal.next_step is None:
            raise RuleViolation("propulsion.error.unknown_proposal")
        current = (proposal.next_step.text, proposal.next_step.hidden, False)
        corrected = clean_text(text)[:STEP_MAX] if text is not None else None
    elif part:
        organisation = proposal.organisation(text_id)
        if organisation is None:
            raise RuleViolation("propulsion.error.unknown_proposal")
        current = (organisation.name, organisation.hidden, organisation.held)
        corrected = _text(text, 2, ORGANISATION_MAX, "organisation_length") if text is not None else None
    else:
        current = (proposal.text, proposal.hidden, proposal.held)
        corrected = _text(text, PROPOSAL_MIN, PROPOSAL_MAX, "length") if text is not None else None
    corrected = None if corrected == current[0] else corrected
    hidden = hide if hide is not None and hide != current[1] else None
    approved = approve and current[2]
    if corrected is None and hidden is None and not approved:
        return []
    return [
        ProposalModerated(
            item=cc.item, target=text_id, hidden=hidden, text=corrected, approved=approved, at=cc.now
        )
    ]
