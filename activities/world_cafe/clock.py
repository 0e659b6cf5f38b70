"""The café's one clock, held by the server as end times. Pure: `now` is always an argument.

The café is a line of segments: rotation 0, pause 0, rotation 1, pause 1, ... rotation n-1
(segment s is rotation s // 2 when s is even, the pause after it when s is odd; pauses of zero
minutes are passed through). The state keeps an anchor, "segment s ends at E" (or "segment s
is paused with R seconds left"); every later segment follows from the settings, so the time
left is computed from `now` and nothing ticks on the server.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Phase = Literal["setup", "rotation", "break", "over"]
WARNING_SECONDS = 60


@dataclass(frozen=True)
class Timing:
    """What the clock reads now. `rotation` is the current rotation, or during a break the one
    that just ended; `ends_at` is None while paused; `started_at` is when the segment began."""

    phase: Phase
    rotation: int
    segment: int
    remaining: float
    ends_at: float | None
    started_at: float | None
    paused: bool = False

    @property
    def warning(self) -> bool:
        return self.phase == "rotation" and 0 < self.remaining <= WARNING_SECONDS


@dataclass(frozen=True)
class Anchor:
    segment: int
    ends_at: float = 0.0
    paused: bool = False
    remaining: float = 0.0


def segment_length(segment: int, rotation_s: float, pause_s: float) -> float:
    return rotation_s if segment % 2 == 0 else pause_s


def last_segment(rotations: int) -> int:
    return 2 * rotations - 2


def read(
    anchor: Anchor | None,
    now: float,
    *,
    rotations: int,
    rotation_s: float,
    pause_s: float,
    finished_at: float | None = None,
) -> Timing:
    """The clock at `now` (None anchor: not started)."""
    if anchor is None:
        return Timing("setup", 0, 0, rotation_s, None, None)
    last = last_segment(rotations)
    if finished_at is not None:
        return Timing("over", rotations - 1, last, 0.0, None, finished_at)
    s = anchor.segment
    if anchor.paused:
        return Timing(_phase(s), s // 2, s, anchor.remaining, None, None, paused=True)
    end = anchor.ends_at
    while now >= end:
        if s >= last:
            return Timing("over", rotations - 1, last, 0.0, None, end)
        s += 1
        end += segment_length(s, rotation_s, pause_s)
    start = end - segment_length(s, rotation_s, pause_s)
    return Timing(_phase(s), s // 2, s, end - now, end, start)


def _phase(segment: int) -> Phase:
    return "rotation" if segment % 2 == 0 else "break"


def next_rotation_segment(segment: int) -> int:
    """The segment of the rotation after the one `segment` belongs to (or follows)."""
    return (segment // 2 + 1) * 2
