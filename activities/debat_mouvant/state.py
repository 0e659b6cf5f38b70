"""The débat mouvant's rules. Pure: no UI, no I/O; `now` comes from the CommandContext.

Commands return the events to append or raise `RuleViolation("debat_mouvant.error.…")`. The
state and its folds (`apply`) live in `model.py`, re-exported here: this module is the
activity's `rules`.
"""

from __future__ import annotations

from typing import Any, Literal

from facilitation.commands import CommandContext, command
from facilitation.events import ActivityEvent
from facilitation.i18n import RuleViolation
from facilitation.moderation import Screened, held_reason
from facilitation.session import SessionState
from facilitation.text import clean_text

from . import texts  # noqa: F401  (the activity's translations)
from .events import (
    ArgumentAdded,
    ArgumentModerated,
    ArgumentsOpened,
    HeadCountSet,
    PositionTaken,
    ResultsRevealed,
    ResultsVisibilitySet,
    RoundClosed,
    RoundOpened,
    StatementAdded,
    StatementReset,
    StatementSelected,
    StatementTranslated,
)
from .model import Argument as Argument
from .model import DebatState as DebatState
from .model import Run as Run
from .model import Stage as Stage
from .model import apply as apply
from .model import fold as fold
from .model import initial_state as initial_state
from .settings import CHOICE_MAX, PROMPT_MAX, SIDES, SettingsError, parse_statement

KIND = "debat_mouvant"
ARGUMENTS = f"{KIND}:arguments"  # console and screen: the list of arguments changed
CONTROL = f"{KIND}:control"  # console and screen: statements or options changed (not phones)
ARGUMENT_MIN, ARGUMENT_MAX = 3, 280
HEAD_COUNT_MAX = 5000
ROUNDS = (1, 2)


def remote_tokens(session: SessionState) -> set[str]:
    return {token for token, p in session.participants.items() if p.mode == "remote"}


def topics(e: ActivityEvent) -> set[str]:
    """A position reaches its phone and the coalesced tally; only round changes reach every phone."""
    match e:
        case PositionTaken():
            return {f"participant:{e.token}", "tally"}
        case HeadCountSet() | ResultsVisibilitySet():
            return {"tally", CONTROL}
        case ArgumentAdded() | ArgumentModerated():
            return {ARGUMENTS}
        case StatementAdded():
            return {CONTROL}
        case StatementTranslated():
            return {"phase", CONTROL}
        case RoundOpened() | RoundClosed() | ArgumentsOpened() | ResultsRevealed() | StatementSelected():
            return {"phase", "tally", CONTROL}
        case StatementReset():
            return {"phase", "tally", CONTROL, ARGUMENTS}
    return set()


# --- rules --------------------------------------------------------------------------------------


def _run(state: DebatState, statement: int) -> Run:
    if not 0 <= statement < len(state.runs):
        raise RuleViolation("debat_mouvant.error.unknown_statement")
    return state.runs[statement]


def _current_run(state: DebatState, cc: CommandContext, statement: int) -> Run:
    run = _run(state, statement)
    if statement != state.current or cc.session.current != cc.item:
        raise RuleViolation("debat_mouvant.error.not_current")
    return run


def _facilitating(cc: CommandContext) -> None:
    """Facilitator commands need a live session (a closed one is read-only)."""
    if cc.session.status == "closed":
        raise RuleViolation("error.closed")
    if cc.session.status != "live":
        raise RuleViolation("error.not_live")


@command("participant")
def take_position(
    state: DebatState, cc: CommandContext, statement: int, round_: int, position: str
) -> list[ActivityEvent]:
    """A phone stands at `position` in round `round_` (the round it shows) of `statement`."""
    token = cc.participant().token
    run = _current_run(state, cc, statement)
    if run.round == 0:
        raise RuleViolation("debat_mouvant.error.not_open")
    if round_ != run.round or not run.open:
        raise RuleViolation("debat_mouvant.error.round_closed")
    if position not in run.statement.positions():
        raise RuleViolation("debat_mouvant.error.unknown_position")
    if run.positions_of(round_).get(token) == position:
        return []  # a repeated tap changes nothing and costs nothing
    return [
        PositionTaken(
            item=cc.item, statement=statement, round=round_, token=token, position=position, at=cc.now
        )
    ]


@command("host")
def select_statement(state: DebatState, cc: CommandContext, statement: int) -> list[ActivityEvent]:
    _facilitating(cc)
    _run(state, statement)
    if statement == state.current:
        return []
    current = state.run
    if current is not None and current.open:
        raise RuleViolation("debat_mouvant.error.round_open")
    return [StatementSelected(item=cc.item, statement=statement, at=cc.now)]


@command("host")
def add_statement(
    state: DebatState, cc: CommandContext, raw: dict[str, Any], present: bool = True
) -> list[ActivityEvent]:
    """A statement typed live by the facilitator; `present` brings it to the room at once."""
    _facilitating(cc)
    try:
        statement = parse_statement(raw)
    except SettingsError as exc:
        raise RuleViolation("debat_mouvant.error.settings", details=exc.details) from None
    events: list[ActivityEvent] = [StatementAdded(item=cc.item, statement=statement, at=cc.now)]
    current = state.run
    if present and not (current is not None and current.open):
        events.append(StatementSelected(item=cc.item, statement=len(state.runs), at=cc.now))
    return events


@command("host")
def translate_statement(
    state: DebatState, cc: CommandContext, statement: int, prompt: str, a: str = "", b: str = ""
) -> list[ActivityEvent]:
    """Give a statement (of the plan, or typed live) its English; the French stays as it is."""
    _facilitating(cc)
    s = _run(state, statement).statement
    english = {
        name: clean_text(value)[:limit]
        for name, value, limit in (("prompt", prompt, PROMPT_MAX), ("a", a, CHOICE_MAX), ("b", b, CHOICE_MAX))
    }
    if not english["prompt"]:
        raise RuleViolation("debat_mouvant.error.translation_empty")
    if (english["prompt"], english["a"] or s.a.fr, english["b"] or s.b.fr) == (s.prompt.en, s.a.en, s.b.en):
        return []
    return [StatementTranslated(item=cc.item, statement=statement, at=cc.now, **english)]


@command("host")
def open_round(
    state: DebatState, cc: CommandContext, statement: int, round_: int | None = None
) -> list[ActivityEvent]:
    """Open the first round, or after it the final one (which ends the arguments phase).
    `round_`, the round the console's button offered, turns a stale click into a refusal."""
    _facilitating(cc)
    run = _current_run(state, cc, statement)
    if round_ is not None and (run.open or round_ != run.round + 1):
        raise RuleViolation("debat_mouvant.error.stale")
    if run.open:
        raise RuleViolation("debat_mouvant.error.round_open")
    if run.round >= 2:
        raise RuleViolation("debat_mouvant.error.cannot_open")
    return [RoundOpened(item=cc.item, statement=statement, round=run.round + 1, at=cc.now)]


@command("host")
def close_round(state: DebatState, cc: CommandContext, statement: int) -> list[ActivityEvent]:
    _facilitating(cc)
    run = _run(state, statement)
    if not run.open:
        raise RuleViolation("debat_mouvant.error.already_closed")
    return [RoundClosed(item=cc.item, statement=statement, round=run.round, at=cc.now)]


@command("host")
def open_arguments(state: DebatState, cc: CommandContext, statement: int) -> list[ActivityEvent]:
    _facilitating(cc)
    run = _current_run(state, cc, statement)
    if run.stage == "arguments":
        return []
    if run.stage != "closed1":
        key = "round_open" if run.open else "arguments_after_first" if run.round == 0 else "arguments_closed"
        raise RuleViolation(f"debat_mouvant.error.{key}")
    return [ArgumentsOpened(item=cc.item, statement=statement, at=cc.now)]


@command("host")
def reveal(state: DebatState, cc: CommandContext, statement: int, round_: int) -> list[ActivityEvent]:
    """Show the result of a closed round on the phones."""
    _facilitating(cc)
    run = _current_run(state, cc, statement)
    if round_ not in ROUNDS or not run.closed(round_):
        raise RuleViolation("debat_mouvant.error.not_closed")
    if round_ in run.revealed:
        return []
    return [ResultsRevealed(item=cc.item, statement=statement, round=round_, at=cc.now)]


@command("host")
def set_hide_results(
    state: DebatState, cc: CommandContext, statement: int, hidden: bool
) -> list[ActivityEvent]:
    _facilitating(cc)
    run = _run(state, statement)
    if run.hide_results == hidden:
        return []
    return [ResultsVisibilitySet(item=cc.item, statement=statement, hidden=hidden, at=cc.now)]


@command("host")
def set_head_count(
    state: DebatState, cc: CommandContext, statement: int, round_: int, position: str, count: int
) -> list[ActivityEvent]:
    """The facilitator's count of people without a phone standing at `position`."""
    _facilitating(cc)
    run = _run(state, statement)
    if round_ not in ROUNDS or round_ > run.round:
        raise RuleViolation("debat_mouvant.error.head_round")
    if position not in run.statement.positions():
        raise RuleViolation("debat_mouvant.error.unknown_position")
    if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= HEAD_COUNT_MAX:
        raise RuleViolation("debat_mouvant.error.head_count", max=HEAD_COUNT_MAX)
    if run.heads[round_].get(position, 0) == count:
        return []
    return [
        HeadCountSet(
            item=cc.item, statement=statement, round=round_, position=position, count=count, at=cc.now
        )
    ]


def clean_argument(text: str) -> str:
    """One line, invisible characters removed (`clean_text`), within the length limit (raises otherwise)."""
    cleaned = clean_text(text)
    if not ARGUMENT_MIN <= len(cleaned) <= ARGUMENT_MAX:
        raise RuleViolation(
            "debat_mouvant.error.argument_length", min=ARGUMENT_MIN, max=ARGUMENT_MAX, n=len(cleaned)
        )
    return cleaned


@command("participant", "host")
def add_argument(
    state: DebatState, cc: CommandContext, statement: int, side: str, screened: Screened
) -> list[ActivityEvent]:
    """An argument for `side`, from a phone (only during the arguments phase; the participant
    is checked, never stored) or from the facilitator (any time after round 1 opened). A phone's
    argument is held for review when the session's moderation policy says so."""
    if not cc.by_host:
        cc.participant()
        run = _current_run(state, cc, statement)
        if run.stage != "arguments":
            key = (
                "arguments_after_first"
                if run.round < 1 or run.stage in ("round1", "closed1")
                else "arguments_closed"
            )
            raise RuleViolation(f"debat_mouvant.error.{key}")
    else:
        _facilitating(cc)
        run = _run(state, statement)
        if run.round < 1:
            raise RuleViolation("debat_mouvant.error.arguments_after_first")
    if side not in SIDES:
        raise RuleViolation("debat_mouvant.error.unknown_side")
    cleaned = clean_argument(screened.text)
    if any(a.text.casefold() == cleaned.casefold() for a in run.visible_arguments(side)):
        raise RuleViolation("debat_mouvant.error.argument_duplicate")
    argument_id = f"{statement + 1}.{len(run.arguments) + 1}"
    by: Literal["phone", "facilitator"] = "facilitator" if cc.by_host else "phone"
    why = held_reason(cc.session.moderation_policy, screened, by_host=cc.by_host)
    return [
        ArgumentAdded(
            item=cc.item,
            statement=statement,
            argument=argument_id,
            side=side,
            text=cleaned,
            by=by,
            held=bool(why),
            held_reason=why,
            spans=list(screened.spans) if cleaned == screened.text else [],
            at=cc.now,
        )
    ]


@command("host")
def moderate(
    state: DebatState,
    cc: CommandContext,
    text_id: str,
    *,
    hide: bool | None = None,
    text: str | None = None,
    approve: bool = False,
) -> list[ActivityEvent]:
    """Hide or show (`hide`), correct (`text`) or approve (`approve`: a held argument is shown,
    as it is or corrected) an argument."""
    found = state.argument(text_id)
    if found is None:
        raise RuleViolation("debat_mouvant.error.unknown_argument")
    _, argument = found
    new_text = clean_argument(text) if text is not None else None
    hidden = hide if hide is not None and hide != argument.hidden else None
    if new_text == argument.text:
        new_text = None
    approved = approve and argument.held
    if hidden is None and new_text is None and not approved:
        return []
    return [
        ArgumentModerated(
            item=cc.item, argument=text_id, hidden=hidden, text=new_text, approved=approved, at=cc.now
        )
    ]


@command("host")
def reset_statement(state: DebatState, cc: CommandContext, statement: int) -> list[ActivityEvent]:
    _facilitating(cc)
    run = _run(state, statement)
    if run.round == 0 and not any(run.heads[r] for r in ROUNDS):
        raise RuleViolation("debat_mouvant.error.nothing_to_reset")
    return [StatementReset(item=cc.item, statement=statement, at=cc.now)]
