"""The speaking turns' state: requests, pins, turns. Pure data, folded from events by `state.apply`.

A *speaker* is one person across their requests: the phone's token, or for a request added by
the facilitator "req:<id>" (or the speaker of the request it is `same_as`). Speakers are
numbered in order of their first request: "Intervenant·e N" wherever no name is known.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from facilitation.session import Category, Mode

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
