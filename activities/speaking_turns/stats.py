"""Speaking statistics relative to presence. Pure.

For each category (woman, man, other identity, not said) and for room/remote: how many are
present and their share of those present, the speaking time and its share, the number of turns
and its share, and the ratio of the time share to the presence share (1.0: speaks exactly as
much as its presence; 0.5: half as much; None when nobody of it is present). Only finished
turns count, so the numbers move when a turn ends.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from statistics import median
from typing import TypeVar

from facilitation.i18n import fmt_percent
from facilitation.session import MODES, Mode, SessionState

from .model import BUCKETS, Bucket, Turn, bucket

K = TypeVar("K", bound=str)  # a category or a mode


@dataclass(frozen=True)
class Line:
    key: str
    present: int
    present_share: float
    seconds: float
    time_share: float
    turns: int
    turn_share: float

    @property
    def ratio(self) -> float | None:
        """Share of speaking time over share of presence (None when nobody of it is present)."""
        return self.time_share / self.present_share if self.present_share else None


@dataclass(frozen=True)
class Stats:
    by_category: list[Line] = field(default_factory=list)
    by_mode: list[Line] = field(default_factory=list)
    turns: int = 0
    seconds: float = 0.0
    speakers: int = 0
    longest: float = 0.0
    median: float = 0.0
    first_time: int = 0
    points_of_order: int = 0
    present: int = 0

    def category(self, key: str) -> Line:
        return next(line for line in self.by_category if line.key == key)

    def mode(self, key: str) -> Line:
        return next(line for line in self.by_mode if line.key == key)


def presence(session: SessionState | None) -> tuple[dict[Bucket, int], dict[Mode, int]]:
    """Those present (every participant who joined), by category and by room/remote."""
    by_category: dict[Bucket, int] = dict.fromkeys(BUCKETS, 0)
    by_mode: dict[Mode, int] = dict.fromkeys(MODES, 0)
    for p in session.participants.values() if session is not None else ():
        by_category[bucket(p.category)] += 1
        by_mode[p.mode] += 1
    return by_category, by_mode


def _lines(
    keys: Sequence[K], present: Mapping[K, int], seconds: Mapping[str, float], turns: Mapping[str, int]
) -> list[Line]:
    total_present = sum(present.get(k, 0) for k in keys)
    total_seconds = sum(seconds.values())
    total_turns = sum(turns.values())
    return [
        Line(
            key=k,
            present=present.get(k, 0),
            present_share=present.get(k, 0) / total_present if total_present else 0.0,
            seconds=seconds[k],
            time_share=seconds[k] / total_seconds if total_seconds else 0.0,
            turns=turns[k],
            turn_share=turns[k] / total_turns if total_turns else 0.0,
        )
        for k in keys
    ]


def compute(turns: Iterable[Turn], by_category: Mapping[Bucket, int], by_mode: Mapping[Mode, int]) -> Stats:
    """Statistics of the finished turns among `turns`, against presence."""
    done = [t for t in turns if t.ended_at is not None]
    seconds_c: dict[str, float] = dict.fromkeys(BUCKETS, 0.0)
    turns_c: dict[str, int] = dict.fromkeys(BUCKETS, 0)
    seconds_m: dict[str, float] = dict.fromkeys(MODES, 0.0)
    turns_m: dict[str, int] = dict.fromkeys(MODES, 0)
    for t in done:
        seconds_c[t.bucket] += t.duration
        turns_c[t.bucket] += 1
        seconds_m[t.mode] += t.duration
        turns_m[t.mode] += 1
    durations = [t.duration for t in done]
    return Stats(
        by_category=_lines(BUCKETS, by_category, seconds_c, turns_c),
        by_mode=_lines(MODES, by_mode, seconds_m, turns_m),
        turns=len(done),
        seconds=sum(durations),
        speakers=len({t.speaker for t in done}),
        longest=max(durations, default=0.0),
        median=float(median(durations)) if durations else 0.0,
        first_time=sum(1 for t in done if t.first_time),
        points_of_order=sum(1 for t in done if t.point_of_order),
        present=sum(by_category.values()),
    )


def percent(share: float, lang: str) -> str:
    """ "50 %" in French, "50%" in English."""
    return fmt_percent(share, lang)


def duration(seconds: float) -> str:
    s = int(round(seconds))
    return f"{s // 60}:{s % 60:02d}"
