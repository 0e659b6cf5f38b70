"""The controversy map's rules. Pure: no UI, no I/O; `now` comes from the CommandContext.

Commands return the events to append or raise `RuleViolation("controversies.error.…")`; the
state and its folds live in `model.py`, re-exported here (this module is the activity's `rules`).
A position costs O(1): it reaches its phone and the coalesced tally (`tally:controversies`).
"""

from __future__ import annotations

from facilitation.commands import CommandContext, command
from facilitation.events import ActivityEvent
from facilitation.i18n import RuleViolation
from facilitation.moderation import Screened, held_reason
from facilitation.text import clean_text

from . import texts  # noqa: F401  (the activity's translations)
from .events import (
    PositionSet,
    ProposalModerated,
    Stage,
    StageChanged,
    StatementAdded,
    StatementModerated,
    StatementProposed,
)
from .model import POSITIONS as POSITIONS
from .model import ControversiesState as ControversiesState
from .model import Proposal as Proposal
from .model import Statement as Statement
from .model import apply as apply
from .model import fold as fold
from .model import initial_state as initial_state
from .settings import STATEMENT_MAX, STATEMENT_MIN, STATEMENTS_MAX

KIND = "controversies"
STATEMENTS = f"{KIND}:statements"  # phones, console, screen: the list of statements changed (rare)
PROPOSALS = f"{KIND}:proposals"  # the console: phones' proposals
TALLY = f"tally:{KIND}"
MOVES: dict[Stage, set[Stage]] = {"ready": {"open"}, "open": {"closed"}, "closed": {"open"}}


def topics(e: ActivityEvent) -> set[str]:
    match e:
        case PositionSet():
            return {f"participant:{e.token}", TALLY}
        case StatementAdded() | StatementModerated():
            return {STATEMENTS, TALLY}
        case StatementProposed() | ProposalModerated():
            return {PROPOSALS}
        case StageChanged():
            return {"phase", STATEMENTS, TALLY}
    return set()


def _facilitating(cc: CommandContext) -> None:
    if cc.session.status == "closed":
        raise RuleViolation("error.closed")
    if cc.session.status != "live":
        raise RuleViolation("error.not_live")


def _current(cc: CommandContext) -> None:
    if cc.session.current != cc.item:
        raise RuleViolation("controversies.error.not_current")


def clean_statement(text: str) -> str:
    cleaned = clean_text(text)
    if not STATEMENT_MIN <= len(cleaned) <= STATEMENT_MAX:
        raise RuleViolation(
            "controversies.error.length", min=STATEMENT_MIN, max=STATEMENT_MAX, n=len(cleaned)
        )
    return cleaned


def _room_for_one(state: ControversiesState) -> None:
    if len(state.statements) >= STATEMENTS_MAX:
        raise RuleViolation("controversies.error.too_many", max=STATEMENTS_MAX)


def _next_statement(state: ControversiesState) -> str:
    return f"s{len(state.statements) + 1}"


@command("host")
def add_statement(state: ControversiesState, cc: CommandContext, text: str) -> list[ActivityEvent]:
    """A statement typed live by the facilitator."""
    _facilitating(cc)
    _room_for_one(state)
    cleaned = clean_statement(text)
    if any(s.text.casefold() == cleaned.casefold() for s in state.shown()):
        raise RuleViolation("controversies.error.duplicate")
    return [
        StatementAdded(
            item=cc.item, statement=_next_statement(state), text=cleaned, by="facilitator", at=cc.now
        )
    ]


@command("participant")
def propose(state: ControversiesState, cc: CommandContext, screened: Screened) -> list[ActivityEvent]:
    """A phone proposes a statement; the facilitator adds it to the map once it is shown."""
    cc.participant()
    _current(cc)
    if not state.settings.proposals:
        raise RuleViolation("controversies.error.no_proposals")
    if state.stage == "closed":
        raise RuleViolation("controversies.error.closed")
    cleaned = clean_statement(screened.text)
    why = held_reason(cc.session.moderation_policy, screened, by_host=False)
    return [
        StatementProposed(
            item=cc.item,
            proposal=f"p{len(state.proposals) + 1}",
            text=cleaned,
            held=bool(why),
            held_reason=why,
            spans=list(screened.spans) if cleaned == screened.text else [],
            at=cc.now,
        )
    ]


@command("host")
def accept_proposal(state: ControversiesState, cc: CommandContext, proposal: str) -> list[ActivityEvent]:
    """Put a phone's proposal (reviewed and shown) on the map, its text copied."""
    _facilitating(cc)
    found = state.proposal(proposal)
    if found is None or not found.shown:
        raise RuleViolation("controversies.error.unknown_proposal")
    if proposal in state.accepted():
        return []
    _room_for_one(state)
    return [
        StatementAdded(
            item=cc.item,
            statement=_next_statement(state),
            text=found.text,
            by="participant",
            proposal=proposal,
            at=cc.now,
        )
    ]


@command("host")
def set_stage(
    state: ControversiesState, cc: CommandContext, stage: str, expected: str | None = None
) -> list[ActivityEvent]:
    """Open positions, close them, or reopen them; `expected`: the stage the console showed."""
    _facilitating(cc)
    if expected is not None and expected != state.stage:
        raise RuleViolation("controversies.error.stale")
    if stage == state.stage:
        return []
    if stage not in MOVES[state.stage]:
        raise RuleViolation("controversies.error.bad_stage")
    if stage == "open" and not state.shown():
        raise RuleViolation("controversies.error.no_statement")
    new: Stage = "open" if stage == "open" else "closed"
    return [StageChanged(item=cc.item, stage=new, at=cc.now)]


@command("participant")
def take_position(
    state: ControversiesState, cc: CommandContext, statement: str, position: str
) -> list[ActivityEvent]:
    """Stand at `position` ("1" not at all agree … "5" fully agree, or "dk") on `statement`."""
    token = cc.participant().token
    _current(cc)
    if state.stage != "open":
        raise RuleViolation(
            "controversies.error.closed" if state.stage == "closed" else "controversies.error.not_open"
        )
    found = state.statement(statement)
    if found is None or found.hidden:
        raise RuleViolation("controversies.error.unknown_statement")
    if position not in POSITIONS:
        raise RuleViolation("controversies.error.unknown_position")
    if state.position_of(token, statement) == position:
        return []
    return [PositionSet(item=cc.item, token=token, statement=statement, position=position, at=cc.now)]  # type: ignore[arg-type]


@command("host")
def moderate(
    state: ControversiesState,
    cc: CommandContext,
    text_id: str,
    *,
    hide: bool | None = None,
    text: str | None = None,
    approve: bool = False,
) -> list[ActivityEvent]:
    """Hide, show or correct a statement; hide, show, correct or approve a phone's proposal."""
    statement = state.statement(text_id)
    if statement is not None:
        new_text = clean_statement(text) if text is not None else None
        new_text = None if new_text == statement.text else new_text
        hidden = hide if hide is not None and hide != statement.hidden else None
        if new_text is None and hidden is None:
            return []
        return [StatementModerated(item=cc.item, statement=text_id, hidden=hidden, text=new_text, at=cc.now)]
    proposal = state.proposal(text_id)
    if proposal is None:
        raise RuleViolation("controversies.error.unknown_proposal")
    corrected = clean_statement(text) if text is not None else None
    corrected = None if corrected == proposal.text else corrected
    hidden = hide if hide is not None and hide != proposal.hidden else None
    approved = approve and proposal.held
    if corrected is None and hidden is None and not approved:
        return []
    return [
        ProposalModerated(
            item=cc.item, proposal=text_id, hidden=hidden, text=corrected, approved=approved, at=cc.now
        )
    ]
