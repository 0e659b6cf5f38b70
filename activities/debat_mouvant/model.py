"""The débat mouvant's state: one run per statement, with its rounds, positions, head counts and
arguments, and how each event changes it (one small fold per event type). Pure: no UI, no I/O.

Positions are stored as they were taken (the latest per person and round). What is shown of them
is published (`disclosure`): each round's distribution, by room and remote, and the movement are
snapshots folded as positions come, moving only in steps that isolate nobody; every count and
percent shown is derived from them (see `tally`), never from the positions themselves.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from facilitation.disclosure import Published, record
from facilitation.events import ActivityEvent, Folder
from facilitation.i18n import Text
from facilitation.moderation import Span
from facilitation.session import SessionState

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
from .settings import DebatSettings, SettingsError, Side, Statement, parse_settings
from .tally import MODES, Distribution, Movement, published_distribution, published_movement

Stage = Literal["ready", "round1", "closed1", "arguments", "round2", "done"]


class Argument(BaseModel):
    id: str
    side: Side
    text: str
    by: Literal["phone", "facilitator"]
    hidden: bool = False
    corrected: bool = False
    held: bool = False  # waiting for review: seen by nobody but the console (and its author)
    held_reason: str = ""
    spans: list[Span] = Field(default_factory=list)
    at: float = 0.0

    @property
    def shown(self) -> bool:
        """Reaches screens, phones and the record: neither hidden nor held."""
        return not self.hidden and not self.held


def _no_votes() -> dict[int, dict[str, str]]:
    return {1: {}, 2: {}}


def _no_heads() -> dict[int, dict[str, int]]:
    return {1: {}, 2: {}}


class Run(BaseModel):
    """One statement as the room lives it: its rounds, positions, head counts and arguments."""

    statement: Statement
    typed_live: bool = False
    round: int = 0  # 0 before the first round opens, then 1 or 2
    open: bool = False
    arguments_open: bool = False
    hide_results: bool = False
    revealed: list[int] = Field(default_factory=list)
    votes: dict[int, dict[str, str]] = Field(default_factory=_no_votes)  # round -> token -> position
    heads: dict[int, dict[str, int]] = Field(default_factory=_no_heads)  # round -> position -> people
    arguments: list[Argument] = Field(default_factory=list)
    resets: int = 0
    published: dict[int, Published] = Field(default_factory=dict)  # round -> (room/remote, position)
    moves: Published = Field(default_factory=Published)  # ("", "first>final") of phones in both rounds

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

    def distribution(self, round_: int) -> Distribution:
        """Round `round_` as published: its snapshot by room and remote, and the head counts."""
        positions = self.statement.positions()
        snapshot = self.published.get(round_, Published())
        return published_distribution(positions, snapshot.protected(positions, MODES), self.heads[round_])

    def movement(self) -> Movement:
        """The movement as published: its snapshot of (first, final) pairs."""
        positions = self.statement.positions()
        pairs = [f"{a}>{b}" for a in positions for b in positions]
        return published_movement(positions, self.moves.protected(pairs))

    def visible_arguments(self, side: Side) -> list[Argument]:
        """The arguments of `side` that may be shown: neither hidden nor held for review."""
        return [a for a in self.arguments if a.side == side and a.shown]


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


# --- folding events -----------------------------------------------------------------------------


fold: Folder[DebatState, []] = Folder()


@fold.on(StatementAdded)
def _statement_added(state: DebatState, e: StatementAdded) -> None:
    hide = state.settings.hide_results_until_closed
    state.runs.append(Run(statement=e.statement, typed_live=True, hide_results=hide))


@fold.on(StatementTranslated)
def _statement_translated(state: DebatState, e: StatementTranslated) -> None:
    run = state.runs[e.statement]
    s = run.statement
    run.statement = s.model_copy(
        update={
            "prompt": Text(fr=s.prompt.fr, en=e.prompt or s.prompt.fr),
            "a": Text(fr=s.a.fr, en=e.a or s.a.fr),
            "b": Text(fr=s.b.fr, en=e.b or s.b.fr),
        }
    )


@fold.on(StatementSelected)
def _statement_selected(state: DebatState, e: StatementSelected) -> None:
    state.current = e.statement


@fold.on(RoundOpened)
def _round_opened(state: DebatState, e: RoundOpened) -> None:
    run = state.runs[e.statement]
    run.round, run.open, run.arguments_open = e.round, True, False
    if e.round == 2 and 2 not in run.published:  # everyone starts from their first position
        run.published[2] = run.published.get(1, Published()).model_copy(deep=True)


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
    argument = Argument(
        id=e.argument,
        side=e.side,
        text=e.text,
        by=e.by,
        held=e.held,
        held_reason=e.held_reason,
        spans=list(e.spans),
        at=e.at,
    )
    state.runs[e.statement].arguments.append(argument)


@fold.on(ArgumentModerated)
def _argument_moderated(state: DebatState, e: ArgumentModerated) -> None:
    found = state.argument(e.argument)
    if found is None:
        return
    _, a = found
    if e.hidden is not None:
        a.hidden = e.hidden
    if e.approved:
        a.held = False
    if e.text is not None:
        a.text, a.corrected, a.spans = e.text, True, []


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
    """Fold one event into the state (in place) and return it; the session tells room from remote."""
    state = fold(state, e)
    if isinstance(e, PositionTaken):
        _publish(state.runs[e.statement], e, session)
    return state


def _mode(session: SessionState | None, token: str) -> str:
    participant = session.participants.get(token) if session is not None else None
    return "remote" if participant is not None and participant.mode == "remote" else "room"


def _publish(run: Run, e: PositionTaken, session: SessionState | None) -> None:
    """The round's snapshot (and in the final round the movement's), folded one position further."""
    positions = run.statement.positions()
    current = {
        token: (_mode(session, token), position) for token, position in run.positions_of(e.round).items()
    }
    record(run.published.setdefault(e.round, Published()), e.token, current, positions, MODES)
    if e.round == 2 and e.token in run.votes[1]:
        final = run.positions_of(2)
        pairs = {token: ("", f"{first}>{final[token]}") for token, first in run.votes[1].items()}
        record(run.moves, e.token, pairs, [f"{a}>{b}" for a in positions for b in positions])
