"""Controversy map events: past-tense facts, stored as JSON. Never rename one; add a new type.

Statements are `s1`, `s2`… (those of the plan first), proposals from phones `p1`, `p2`…; a
position is "1" (not at all agree) to "5" (fully agree), or "dk" (don't know). Times are epoch
seconds. No event carries a collège: it is read from the participant when counting.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from facilitation.events import ActivityEvent, event
from facilitation.moderation import Span

Stage = Literal["ready", "open", "closed"]
Position = Literal["1", "2", "3", "4", "5", "dk"]


@event
class StatementAdded(ActivityEvent):
    """Statement `statement` joined the map: typed by the facilitator, or taken from a phone's
    proposal `proposal` (its text copied)."""

    type = "controversies.statement_added"
    statement: str
    text: str
    by: Literal["facilitator", "participant"]
    proposal: str = ""
    at: float


@event
class StatementModerated(ActivityEvent):
    """The facilitator hid or showed (`hidden`) or corrected (`text`) statement `statement`."""

    type = "controversies.statement_moderated"
    statement: str
    hidden: bool | None = None
    text: str | None = None
    at: float


@event
class StatementProposed(ActivityEvent):
    """A phone proposed a statement (`proposal`); `held`: kept for review by the session's
    moderation policy (`held_reason`, the detector's `spans`). Never holds who proposed it."""

    type = "controversies.statement_proposed"
    proposal: str
    text: str
    held: bool = False
    held_reason: str = ""
    spans: list[Span] = Field(default_factory=list)
    at: float


@event
class ProposalModerated(ActivityEvent):
    """The facilitator hid or showed (`hidden`), corrected (`text`) or approved (`approved`) a
    phone's proposal."""

    type = "controversies.proposal_moderated"
    proposal: str
    hidden: bool | None = None
    text: str | None = None
    approved: bool = False
    at: float


@event
class StageChanged(ActivityEvent):
    """Positions are "ready" (not open yet), "open", or "closed" (the map is final)."""

    type = "controversies.stage_changed"
    stage: Stage
    at: float


@event
class PositionSet(ActivityEvent):
    """Participant `token` stands at `position` on statement `statement` (the latest counts)."""

    type = "controversies.position_set"
    token: str
    statement: str
    position: Position
    at: float
