"""The queue's order: a pure function of the state and of who is present.

`order(state, presence)` returns the waiting requests in the order they will be called, each
with the reason for its place:

- "point_of_order": a motion d'ordre goes first (in both orders), oldest first;
- "pinned": the facilitator put it there (pinned, or moved up or down); the automatic order
  fills the other places and never moves a pin;
- "arrival": it is simply the oldest request left;
- "first_time" (parity): the person has not spoken yet and goes before people who have;
- "parity": their category's share of speaking time is the furthest below its share of those
  present, relative to it (the lowest speaking time per person present: with 9 men and 1 woman
  present, a man's minute weighs a ninth of a woman's). The speaking time counts the finished
  turns, the turn in progress, and an estimated turn for each person already placed ahead, so
  that categories alternate in proportion to presence. A category nobody present declared (a
  person added by the facilitator) counts as half a person present;
- "remote": room and remote alternate (within the category chosen) when both wait.

Deterministic: the same state and presence always give the same order (ties go to the oldest).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from statistics import mean
from typing import Literal

from facilitation.session import Mode

from .model import BUCKETS, Bucket, Request, TurnsState

Reason = Literal["point_of_order", "pinned", "arrival", "first_time", "parity", "remote"]
REASONS: tuple[Reason, ...] = ("point_of_order", "pinned", "arrival", "first_time", "parity", "remote")
DEFAULT_TURN_SECONDS = 90.0


@dataclass(frozen=True)
class Position:
    request: Request
    reason: Reason


def estimated_turn(state: TurnsState) -> float:
    """How long a turn is expected to last: the mean of finished turns, else the limit, else 90 s."""
    ended = [t.duration for t in state.turns if t.ended_at is not None]
    if ended:
        return max(1.0, mean(ended))
    return float(state.limit) if state.limit else DEFAULT_TURN_SECONDS


def spoken_seconds(state: TurnsState) -> dict[Bucket, float]:
    """Speaking time by category for the ordering: finished turns, and the turn in progress
    counted as an estimated turn (so the order does not change while someone speaks)."""
    seconds: dict[Bucket, float] = dict.fromkeys(BUCKETS, 0.0)
    estimate = estimated_turn(state)
    for turn in state.turns:
        seconds[turn.bucket] += turn.duration if turn.ended_at is not None else estimate
    return seconds


def order(state: TurnsState, presence: Mapping[Bucket, int]) -> list[Position]:
    waiting = sorted(state.waiting(), key=lambda r: r.seq)
    pinned = [r for r in waiting if r.id in state.pins]
    free = [r for r in waiting if r.id not in state.pins]
    automatic = _parity(state, free, presence) if state.order == "parity" else _fifo(free)
    slots: list[Position | None] = [None] * len(waiting)
    recency = {rid: n for n, rid in enumerate(state.pins)}  # later pins win a contested place
    for r in sorted(pinned, key=lambda r: (state.pins[r.id], -recency[r.id])):
        place = min(state.pins[r.id], len(slots) - 1)
        while place < len(slots) and slots[place] is not None:
            place += 1
        if place == len(slots):  # every place after it is taken: the last free one before
            place = max(i for i, s in enumerate(slots) if s is None)
        slots[place] = Position(r, "pinned")
    rest = iter(automatic)
    return [s if s is not None else next(rest) for s in slots]


def _fifo(free: list[Request]) -> list[Position]:
    points = [Position(r, "point_of_order") for r in free if r.point_of_order]
    return points + [Position(r, "arrival") for r in free if not r.point_of_order]


def _parity(state: TurnsState, free: list[Request], presence: Mapping[Bucket, int]) -> list[Position]:
    result = [Position(r, "point_of_order") for r in free if r.point_of_order]
    remaining = [r for r in free if not r.point_of_order]
    seconds = spoken_seconds(state)
    estimate = estimated_turn(state)
    spoken = {t.speaker for t in state.turns if not t.point_of_order}
    last_mode: Mode | None = state.turns[-1].mode if state.turns else None

    def per_person(b: Bucket) -> float:
        """Speaking time per person present: the time share over the presence share, up to a
        constant factor (the lowest is the furthest below its share)."""
        return round(seconds[b] / max(presence.get(b, 0), 0.5), 9)

    while remaining:
        newcomers = [r for r in remaining if r.speaker not in spoken]
        tier = newcomers or remaining
        first_of: dict[Bucket, int] = {}
        for r in tier:
            first_of.setdefault(r.bucket, r.seq)
        best = min(first_of, key=lambda b: (per_person(b), first_of[b]))
        candidates = [r for r in tier if r.bucket == best]
        chosen = candidates[0]
        if last_mode is not None and len({r.mode for r in candidates}) == 2:
            chosen = next(r for r in candidates if r.mode != last_mode)
        if chosen is remaining[0]:
            reason: Reason = "arrival"
        elif newcomers and remaining[0].speaker in spoken:
            reason = "first_time"
        elif chosen.bucket != tier[0].bucket:
            reason = "parity"
        else:
            reason = "remote"
        result.append(Position(chosen, reason))
        remaining.remove(chosen)
        seconds[chosen.bucket] += estimate
        spoken.add(chosen.speaker)
        last_mode = chosen.mode
    return result


def position_of(positions: list[Position], request_id: str) -> int | None:
    return next((i for i, p in enumerate(positions) if p.request.id == request_id), None)
