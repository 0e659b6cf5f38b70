"""Débat mouvant events: past-tense facts, stored as JSON. Never rename one; add a new type.

`statement` is the statement's position in the activity's list (plan statements first, then
those typed live, in order); `round` is 1 (first positions) or 2 (final positions). Times are
epoch seconds.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from facilitation.events import ActivityEvent, event
from facilitation.moderation import Span

from .settings import Side, Statement


@event
class StatementAdded(ActivityEvent):
    """The facilitator typed a new statement during the session; it joins the end of the list."""

    type = "debat_mouvant.statement_added"
    statement: Statement
    at: float


@event
class StatementTranslated(ActivityEvent):
    """The facilitator gave `statement` its English: `prompt`, and for a dilemma `a` and `b`
    (an empty one: the same as the French). Its French, and what the room did, are unchanged."""

    type = "debat_mouvant.statement_translated"
    statement: int
    prompt: str
    a: str = ""
    b: str = ""
    at: float


@event
class StatementSelected(ActivityEvent):
    """The facilitator brought `statement` to the room (the screen and phones show it)."""

    type = "debat_mouvant.statement_selected"
    statement: int
    at: float


@event
class RoundOpened(ActivityEvent):
    """Round `round` of `statement` opened: phones may take (and change) a position. Opening
    round 2 ends the arguments phase."""

    type = "debat_mouvant.round_opened"
    statement: int
    round: int
    at: float


@event
class RoundClosed(ActivityEvent):
    """Round `round` of `statement` closed: its positions are frozen."""

    type = "debat_mouvant.round_closed"
    statement: int
    round: int
    at: float


@event
class ArgumentsOpened(ActivityEvent):
    """After the first round, the arguments phase of `statement` began: phones may add arguments."""

    type = "debat_mouvant.arguments_opened"
    statement: int
    at: float


@event
class ResultsRevealed(ActivityEvent):
    """The facilitator showed the result of closed round `round` of `statement` on the phones."""

    type = "debat_mouvant.results_revealed"
    statement: int
    round: int
    at: float


@event
class ResultsVisibilitySet(ActivityEvent):
    """`hidden`: whether the screen keeps the distribution of `statement` hidden while a round
    is open (to avoid herding)."""

    type = "debat_mouvant.results_visibility_set"
    statement: int
    hidden: bool
    at: float


@event
class PositionTaken(ActivityEvent):
    """Participant `token` stands at `position` in round `round` of `statement`. The latest
    event of a token in a round is its position."""

    type = "debat_mouvant.position_taken"
    statement: int
    round: int
    token: str
    position: str
    at: float


@event
class HeadCountSet(ActivityEvent):
    """The facilitator counted `count` people without a phone standing at `position` in round
    `round` of `statement` (the latest count replaces the previous one)."""

    type = "debat_mouvant.head_count_set"
    statement: int
    round: int
    position: str
    count: int
    at: float


@event
class ArgumentAdded(ActivityEvent):
    """An argument for `side` of `statement`, written anonymously on a phone or by the
    facilitator (`by`); `argument` is its stable id. `held`: kept for the facilitator's review by
    the session's moderation policy (`held_reason`, the detector's `spans`). Never holds who
    wrote it."""

    type = "debat_mouvant.argument_added"
    statement: int
    argument: str
    side: Side
    text: str
    by: Literal["phone", "facilitator"]
    held: bool = False
    held_reason: str = ""
    spans: list[Span] = Field(default_factory=list)
    at: float


@event
class ArgumentModerated(ActivityEvent):
    """The facilitator hid or showed (`hidden`), corrected (`text`) or approved (`approved`: a
    held argument is shown) argument `argument`; a field left None is unchanged."""

    type = "debat_mouvant.argument_moderated"
    argument: str
    hidden: bool | None = None
    text: str | None = None
    approved: bool = False
    at: float


@event
class StatementReset(ActivityEvent):
    """The facilitator restarted `statement`: its rounds, positions and head counts start over
    (the earlier ones stay in the log; arguments are kept)."""

    type = "debat_mouvant.statement_reset"
    statement: int
    at: float
