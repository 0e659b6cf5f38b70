"""Speaking-turn events: past-tense facts, stored as JSON. Never rename one; add a new type.

Privacy: no event holds a name or a label. The name a person types to be called by, and the
labels the facilitator types, live in memory only (`names.py`: the process's, or Redis's). A request carries its
id, the participant token when it came from a phone (None when the facilitator added it; tokens
are replaced by neutral labels when the session closes), a category, room or remote, whether it
is a point of order, and times (epoch seconds).
"""

from __future__ import annotations

from pydantic import Field

from facilitation.events import ActivityEvent, event
from facilitation.session import Category, Mode

from .settings import LIMIT_MAX, LIMIT_MIN, Order

RequestId = str


@event
class HandRaised(ActivityEvent):
    """A request to speak: `id` (unique in the item), `token` of the phone that raised it (None:
    added by the facilitator), `category` and `mode` of the person, `point_of_order` ("motion
    d'ordre", goes first), `same_as` (facilitator only: an earlier request by the same person,
    so that they count as having spoken already)."""

    type = "speaking_turns.hand_raised"
    id: RequestId = Field(min_length=1, max_length=16)
    token: str | None = None
    category: Category | None = None
    mode: Mode = "room"
    point_of_order: bool = False
    same_as: RequestId | None = None
    at: float


@event
class HandLowered(ActivityEvent):
    """Request `id` left the queue without speaking: withdrawn from its phone, or removed by the
    facilitator (`by_host`); `position` is where it stood in the queue (0 = next)."""

    type = "speaking_turns.hand_lowered"
    id: RequestId
    by_host: bool = False
    position: int | None = None
    at: float


@event
class OrderChosen(ActivityEvent):
    """The facilitator chose the queue's order: "fifo" or "parity"."""

    type = "speaking_turns.order_chosen"
    order: Order
    at: float


@event
class LimitChanged(ActivityEvent):
    """The facilitator changed the limit per turn (`seconds`, None: no limit) for the next turns."""

    type = "speaking_turns.limit_changed"
    seconds: int | None = Field(default=None, ge=LIMIT_MIN, le=LIMIT_MAX)
    at: float


@event
class RequestPinned(ActivityEvent):
    """The facilitator put request `id` at `position` of the queue (0 = next), by pinning it or
    moving it up or down; the automatic order fills the other places around it."""

    type = "speaking_turns.request_pinned"
    id: RequestId
    position: int = Field(ge=0)
    at: float


@event
class RequestUnpinned(ActivityEvent):
    """Request `id` is back in the automatic order."""

    type = "speaking_turns.request_unpinned"
    id: RequestId
    at: float


@event
class TurnStarted(ActivityEvent):
    """Turn number `turn` began: request `id` (which stood at `position` in the queue) has the
    floor. Copied from the request for the record: `category`, `mode`, `first_time` (the person
    had not spoken yet in this item), `point_of_order`; `limit` in seconds (None: none)."""

    type = "speaking_turns.turn_started"
    turn: int = Field(ge=1)
    id: RequestId
    position: int | None = None
    category: Category | None = None
    mode: Mode = "room"
    first_time: bool = True
    point_of_order: bool = False
    limit: int | None = None
    at: float


@event
class TurnPaused(ActivityEvent):
    """The timer of turn `turn` (request `id`) stopped."""

    type = "speaking_turns.turn_paused"
    turn: int
    id: RequestId
    at: float


@event
class TurnResumed(ActivityEvent):
    """The timer of turn `turn` (request `id`) runs again."""

    type = "speaking_turns.turn_resumed"
    turn: int
    id: RequestId
    at: float


@event
class TurnEnded(ActivityEvent):
    """Turn `turn` (request `id`) ended at `at` (its duration is `at` minus its start, minus its pauses)."""

    type = "speaking_turns.turn_ended"
    turn: int
    id: RequestId
    at: float


@event
class GaugeShown(ActivityEvent):
    """The facilitator showed (`visible`) or hid the speaking-time gauge on the projected screen."""

    type = "speaking_turns.gauge_shown"
    visible: bool
    at: float
