"""The débat mouvant's state and rules. Pure: no UI, no I/O; `now` comes from the CommandContext.

`apply` folds an event into the state (in place). Commands return the events to append or
raise `RuleViolation("debat_mouvant.error.…")`. Positions are stored as they were taken (the
latest per person and round); every count is derived from them (see `tally`).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from facilitation.commands import CommandContext, command
from facilitation.events import ActivityEvent, Folder
from facilitation.i18n import RuleViolation
from facilitation.session import SessionState

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
)
from .settings import SIDES, DebatSettings, SettingsError, Side, Statement, parse_settings, parse_statement
from .tally import Distribution, Movement, distribution, movement

KIND = "debat_mouvant"
ARGUMENTS = f"{KIND}:arguments"  # console and screen: the list of arguments changed
CONTROL = f"{KIND}:control"  # console and screen: statements or options changed (not phones)
ARGUMENT_MIN, ARGUMENT_MAX = 3, 280
HEAD_COUNT_MAX = 5000
ROUNDS = (1, 2)
Stage = Literal["ready", "round1", "closed1", "arguments", "round2", "done"]


class Argument(BaseModel):
    id: str
    side: Side
    text: str
    by: Literal["phone", "facilitator"]
    hidden: bool = False
    corrected: bool = False
    at: float = 0.0


class Run(BaseModel):
    """One statement as the room lives it: its rounds, positions, head counts and arguments."""

    statement: Statement
    typed_live: bool = False
    round: int = 0  # 0 before the first round opens, then 1 or 2
    open: bool = False
    arguments_open: bool = False
    hide_results: bool = False
    revealed: list[int] = Field(default_factory=list)
    votes: dict[int, dict[str, str]] = Field(
        default_factory=lambda: {1: {}, 2: {}}
    )  # round -> token -> position
    heads: dict[int, dict[str, int]] = Field(
        default_factory=lambda: {1: {}, 2: {}}
    )  # round -> position -> people
    arguments: list[Argument] = Field(default_factory=list)
    resets: int = 0

    @property
    def stage(self) -> Stage:
        if self.round == 0:
            return "ready"
        if self.round == 1:
            return "round1" if self.open else "arguments" if self.arguments_open else "closed1"
        return "round2" if self.open else "done"

    def closed(self, round_: int) -> bool:
        """Whether round `round_` has taken place and is over."""
        return 0 < round_ < self.round or (round_ == self.round and not self.open)

    def positions_of(self, round_: int) -> dict[str, str]:
        """token -> position in round `round_`. In the final round everyone starts from their first
        position: it counts until they move."""
        if round_ == 2:
            return {**self.votes[1], **self.votes[2]} if self.round >= 2 else {}
        return dict(self.votes[1]) if self.round >= 1 else {}

    def position_of(self, token: str, round_: int) -> str | None:
        """`token`'s position in round `round_` (O(1): what a phone asks on every redraw)."""
        if round_ == 2:
            return self.votes[2].get(token) or self.votes[1].get(token) if self.round >= 2 else None
        return self.votes[1].get(token) if self.round >= 1 else None

    def distribution(self, round_: int, remote: set[str] | frozenset[str] = frozenset()) -> Distribution:
        return distribution(self.statement.positions(), self.positions_of(round_), self.heads[round_], remote)

    def movement(self) -> Movement:
        return movement(self.statement.positions(), self.positions_of(1), self.positions_of(2))

    def visible_arguments(self, side: Side) -> list[Argument]:
        return [a for a in self.arguments if a.side == side and not a.hidden]


class DebatState(BaseModel):
    settings: DebatSettings = Field(default_factory=DebatSettings)
    error: str | None = None  # the plan's settings could not be read (shown on the console)
    runs: list[Run] = Field(default_factory=list)
    current: int = 0

    @property
    def run(self) -> Run | None:
        """The statement the room is on (None when there is none yet)."""
        return self.runs[self.current] if 0 <= self.current < len(self.runs) else None

    def argument(self, argument_id: str) -> tuple[Run, Argument] | None:
        for run in self.runs:
            for a in run.arguments:
                if a.id == argument_id:
                    return run, a
        return None


def initial_state(raw: dict[str, Any]) -> DebatState:
    """The state from the plan's settings; bad settings leave an error for the console to show."""
    try:
        settings = parse_settings(raw)
    except SettingsError as exc:
        return DebatState(error=exc.details)
    runs = [Run(statement=s, hide_results=settings.hide_results_until_closed) for s in settings.statements]
    return DebatState(settings=settings, runs=runs)


def remote_tokens(session: SessionState) -> set[str]:
    return {token for token, p in session.participants.items() if p.mode == "remote"}


# --- folding events -----------------------------------------------------------------------------


fold: Folder[DebatState, []] = Folder()


@fold.on(StatementAdded)
def _statement_added(state: DebatState, e: StatementAdded) -> None:
    hide = state.settings.hide_results_until_closed
    state.runs.append(Run(statement=e.statement, typed_live=True, hide_results=hide))


@fold.on(StatementSelected)
def _statement_selected(state: DebatState, e: StatementSelected) -> None:
    state.current = e.statement


@fold.on(RoundOpened)
def _round_opened(state: DebatState, e: RoundOpened) -> None:
    run = state.runs[e.statement]
    run.round, run.open, run.arguments_open = e.round, True, False


@fold.on(RoundClosed)
def _round_closed(state: DebatState, e: RoundClosed) -> None:
    state.runs[e.statement].open = False


@fold.on(ArgumentsOpened)
def _arguments_opened(state: DebatState, e: ArgumentsOpened) -> None:
    state.runs[e.statement].arguments_open = True


@fold.on(ResultsRevealed)
def _results_revealed(state: DebatState, e: ResultsRevealed) -> None:
    state.runs[e.statement].revealed.append(e.round)


@fold.on(ResultsVisibilitySet)
def _results_visibility(state: DebatState, e: ResultsVisibilitySet) -> None:
    state.runs[e.statement].hide_results = e.hidden


@fold.on(PositionTaken)
def _position_taken(state: DebatState, e: PositionTaken) -> None:
    state.runs[e.statement].votes[e.round][e.token] = e.position


@fold.on(HeadCountSet)
def _head_count(state: DebatState, e: HeadCountSet) -> None:
    state.runs[e.statement].heads[e.round][e.position] = e.count


@fold.on(ArgumentAdded)
def _argument_added(state: DebatState, e: ArgumentAdded) -> None:
    argument = Argument(id=e.argument, side=e.side, text=e.text, by=e.by, at=e.at)
    state.runs[e.statement].arguments.append(argument)


@fold.on(ArgumentModerated)
def _argument_moderated(state: DebatState, e: ArgumentModerated) -> None:
    found = state.argument(e.argument)
    if found is None:
        return
    _, a = found
    if e.hidden is not None:
        a.hidden = e.hidden
    if e.text is not None:
        a.text, a.corrected = e.text, True


@fold.on(StatementReset)
def _statement_reset(state: DebatState, e: StatementReset) -> None:
    old = state.runs[e.statement]
    state.runs[e.statement] = Run(
        statement=old.statement,
        typed_live=old.typed_live,
        hide_results=old.hide_results,
        arguments=old.arguments,
        resets=old.resets + 1,
    )


def apply(state: DebatState, e: ActivityEvent, session: SessionState | None = None) -> DebatState:
    """Fold one event into the state (in place) and return it; the session is not needed."""
    return fold(state, e)


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
    """One line, spaces collapsed, within the length limit (raises otherwise)."""
    cleaned = " ".join((text or "").split())
    if not ARGUMENT_MIN <= len(cleaned) <= ARGUMENT_MAX:
        raise RuleViolation(
            "debat_mouvant.error.argument_length", min=ARGUMENT_MIN, max=ARGUMENT_MAX, n=len(cleaned)
        )
    return cleaned


@command("participant", "host")
def add_argument(
    state: DebatState, cc: CommandContext, statement: int, side: str, text: str
) -> list[ActivityEvent]:
    """An argument for `side`, from a phone (only during the arguments phase; the participant
    is checked, never stored) or from the facilitator (any time after round 1 opened)."""
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
    cleaned = clean_argument(text)
    if any(a.text.casefold() == cleaned.casefold() for a in run.visible_arguments(side)):  # type: ignore[arg-type]
        raise RuleViolation("debat_mouvant.error.argument_duplicate")
    argument_id = f"{statement + 1}.{len(run.arguments) + 1}"
    by: Literal["phone", "facilitator"] = "facilitator" if cc.by_host else "phone"
    return [
        ArgumentAdded(
            item=cc.item, statement=statement, argument=argument_id, side=side, text=cleaned, by=by, at=cc.now
        )  # type: ignore[arg-type]
    ]


@command("host")
def moderate(
    state: DebatState, cc: CommandContext, text_id: str, *, hide: bool | None = None, text: str | None = None
) -> list[ActivityEvent]:
    """Hide or show (`hide`) or correct (`text`) an argument."""
    found = state.argument(text_id)
    if found is None:
        raise RuleViolation("debat_mouvant.error.unknown_argument")
    _, argument = found
    new_text = clean_argument(text) if text is not None else None
    hidden = hide if hide is not None and hide != argument.hidden else None
    if new_text == argument.text:
        new_text = None
    if hidden is None and new_text is None:
        return []
    return [ArgumentModerated(item=cc.item, argument=text_id, hidden=hidden, text=new_text, at=cc.now)]


@command("host")
def reset_statement(state: DebatState, cc: CommandContext, statement: int) -> list[ActivityEvent]:
    _facilitating(cc)
    run = _run(state, statement)
    if run.round == 0 and not any(run.heads[r] for r in ROUNDS):
        raise RuleViolation("debat_mouvant.error.nothing_to_reset")
    return [StatementReset(item=cc.item, statement=statement, at=cc.now)]
