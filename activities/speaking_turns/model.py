"""The speaking turns' state: requests, pins, turns; and how each event changes it (one small
fold per event type). Pure.

A *speaker* is one person across their requests: the phone's token, or for a request added by
the facilitator "req:<id>" (or the speaker of the request it is `same_as`). Speakers are
numbered in order of their first request: "Intervenant·e N" wherever no name is known.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from facilitation.disclosure import Published, record
from facilitation.events import ActivityEvent, Folder
from facilitation.session import MODES, Category, Mode, SessionState

from .events import (
    GaugeShown,
    HandLowered,
    HandRaised,
    LimitChanged,
    OrderChosen,
    RequestPinned,
    RequestUnpinned,
    TurnEnded,
    TurnPaused,
    TurnResumed,
    TurnStarted,
)
from .settings import Order, TurnSettings

Bucket = Literal["woman", "man", "other", "undisclosed"]
BUCKETS: tuple[Bucket, ...] = ("woman", "man", "other", "undisclosed")
RequestStatus = Literal["waiting", "speaking", "done", "withdrawn"]


def bucket(category: Category | None) -> Bucket:
    """The statistics' category: an undeclared category counts with "prefer not to say"."""
    return category if category in ("woman", "man", "other") else "undisclosed"


class Request(BaseModel):
    id: str
    speaker: str
    number: int  # the speaker's number, for "Intervenant·e N"
    token: str | None = None
    category: Category | None = None
    mode: Mode = "room"
    point_of_order: bool = False
    at: float = 0.0
    seq: int = 0  # order of arrival among all requests
    status: RequestStatus = "waiting"

    @property
    def by_host(self) -> bool:
        return self.token is None

    @property
    def bucket(self) -> Bucket:
        return bucket(self.category)


class Turn(BaseModel):
    number: int
    request: str
    speaker: str
    speaker_number: int
    category: Category | None = None
    mode: Mode = "room"
    first_time: bool = True
    point_of_order: bool = False
    limit: int | None = None
    started_at: float
    paused_at: float | None = None
    paused_total: float = 0.0
    ended_at: float | None = None

    @property
    def running(self) -> bool:
        return self.ended_at is None and self.paused_at is None

    @property
    def bucket(self) -> Bucket:
        return bucket(self.category)

    def elapsed(self, now: float) -> float:
        """Seconds spoken so far (pauses excluded); the duration once ended."""
        until = (
            self.ended_at
            if self.ended_at is not None
            else (self.paused_at if self.paused_at is not None else now)
        )
        return max(0.0, until - self.started_at - self.paused_total)

    @property
    def duration(self) -> float:
        return self.elapsed(self.ended_at if self.ended_at is not None else self.started_at)


class TurnsState(BaseModel):
    settings: TurnSettings = Field(default_factory=TurnSettings)
    error: str | None = None  # the plan's settings could not be read (shown on the console)
    order: Order = "parity"
    limit: int | None = None
    requests: dict[str, Request] = Field(default_factory=dict)
    pins: dict[str, int] = Field(default_factory=dict)  # request id -> place in the queue
    turns: list[Turn] = Field(default_factory=list)
    speakers: dict[str, int] = Field(default_factory=dict)  # speaker -> number
    gauge: bool = True
    # the statistics by category are published (`disclosure`): a snapshot of (room/remote, category)
    # per speaker, folded as turns end, and the turns it covers (the first `published_turns`)
    published: Published = Field(default_factory=Published)
    published_turns: int = 0

    @property
    def current(self) -> Turn | None:
        """The turn in progress (running or paused), if any."""
        if self.turns and self.turns[-1].ended_at is None:
            return self.turns[-1]
        return None

    def waiting(self) -> list[Request]:
        return [r for r in self.requests.values() if r.status == "waiting"]

    def has_spoken(self, speaker: str) -> bool:
        """Whether `speaker` already had a turn (points of order do not count: they are procedure)."""
        return any(t.speaker == speaker and not t.point_of_order for t in self.turns)

    def waiting_of(self, token: str) -> list[Request]:
        return [r for r in self.waiting() if r.token == token]

    def request_of_turn(self, turn: Turn) -> Request | None:
        return self.requests.get(turn.request)


# --- folding events -----------------------------------------------------------------------------


def _leave_queue(state: TurnsState, request_id: str, position: int | None) -> None:
    """A request left the queue from `position`: later pins move up one place with it."""
    state.pins.pop(request_id, None)
    if position is None:
        return
    for rid, place in list(state.pins.items()):
        if place > position:
            state.pins[rid] = place - 1


def _end(state: TurnsState, turn: Turn, at: float) -> None:
    if turn.ended_at is not None:
        return
    if turn.paused_at is not None:
        turn.paused_total += max(0.0, at - turn.paused_at)
        turn.paused_at = None
    turn.ended_at = at
    request = state.requests.get(turn.request)
    if request is not None:
        request.status = "done"
    ended = [t for t in state.turns if t.ended_at is not None]
    current = {t.speaker: (t.mode, t.bucket) for t in ended}
    if record(state.published, turn.speaker, current, BUCKETS, MODES):
        state.published_turns = state.turns.index(turn) + 1


fold: Folder[TurnsState, []] = Folder()


@fold.on(HandRaised)
def _hand_raised(state: TurnsState, e: HandRaised) -> None:
    if e.token is not None:
        speaker = e.token
    elif e.same_as is not None and e.same_as in state.requests:
        speaker = state.requests[e.same_as].speaker
    else:
        speaker = f"req:{e.id}"
    number = state.speakers.setdefault(speaker, len(state.speakers) + 1)
    state.requests[e.id] = Request(
        id=e.id,
        speaker=speaker,
        number=number,
        token=e.token,
        category=e.category,
        mode=e.mode,
        point_of_order=e.point_of_order,
        at=e.at,
        seq=len(state.requests),
    )


@fold.on(HandLowered)
def _hand_lowered(state: TurnsState, e: HandLowered) -> None:
    if e.id in state.requests:
        state.requests[e.id].status = "withdrawn"
    _leave_queue(state, e.id, e.position)


@fold.on(OrderChosen)
def _order_chosen(state: TurnsState, e: OrderChosen) -> None:
    state.order = e.order


@fold.on(LimitChanged)
def _limit_changed(state: TurnsState, e: LimitChanged) -> None:
    state.limit = e.seconds


@fold.on(RequestPinned)
def _pinned(state: TurnsState, e: RequestPinned) -> None:
    state.pins.pop(e.id, None)
    state.pins[e.id] = e.position  # the latest pin last: it wins a contested place


@fold.on(RequestUnpinned)
def _unpinned(state: TurnsState, e: RequestUnpinned) -> None:
    state.pins.pop(e.id, None)


@fold.on(TurnStarted)
def _turn_started(state: TurnsState, e: TurnStarted) -> None:
    current = state.current
    if current is not None:
        _end(state, current, e.at)
    request = state.requests.get(e.id)
    speaker = request.speaker if request else f"req:{e.id}"
    if request is not None:
        request.status = "speaking"
    _leave_queue(state, e.id, e.position)
    state.turns.append(
        Turn(
            number=e.turn,
            request=e.id,
            speaker=speaker,
            speaker_number=request.number if request else 0,
            category=e.category,
            mode=e.mode,
            first_time=e.first_time,
            point_of_order=e.point_of_order,
            limit=e.limit,
            started_at=e.at,
        )
    )


@fold.on(TurnPaused)
def _turn_paused(state: TurnsState, e: TurnPaused) -> None:
    current = state.current
    if current is not None and current.paused_at is None:
        current.paused_at = e.at


@fold.on(TurnResumed)
def _turn_resumed(state: TurnsState, e: TurnResumed) -> None:
    current = state.current
    if current is not None and current.paused_at is not None:
        current.paused_total += max(0.0, e.at - current.paused_at)
        current.paused_at = None


@fold.on(TurnEnded)
def _turn_ended(state: TurnsState, e: TurnEnded) -> None:
    current = state.current
    if current is not None:
        _end(state, current, e.at)


@fold.on(GaugeShown)
def _gauge_shown(state: TurnsState, e: GaugeShown) -> None:
    state.gauge = e.visible


def apply(state: TurnsState, e: ActivityEvent, session: SessionState | None = None) -> TurnsState:
    """Fold one event into the state (in place) and return it; the session is not needed."""
    return fold(state, e)
