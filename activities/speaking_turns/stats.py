"""Speaking statistics relative to presence. Pure.

For each category (woman, man, other identity, not said) and for room/remote: how many are
present and their share of those present, the speaking time and its share, the number of turns
and its share, and the ratio of the time share to the presence share (1.0: speaks exactly as
much as its presence; 0.5: half as much; None when nobody of it is present). Only finished
turns count, so the numbers move when a turn ends.

What is shown is `published`. Everyone saw who spoke, when, for how long and from where: the
totals and room/remote come from every finished turn. A speaker's category is theirs: by category,
the figures come from the turns of the published snapshot (`disclosure`: it moves only when enough
speakers spoke, spread over categories, that no turn tells its speaker's category), each category
shown only when its speakers are (at least 3, not told apart from the others by subtraction); the
others are summed in one line (`HIDDEN`); those present by category under the same threshold.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from statistics import median
from typing import TypeVar

from facilitation.disclosure import HIDDEN, protect_counts
from facilitation.i18n import fmt_percent
from facilitation.session import MODES, Mode, SessionState

from .model import BUCKETS, Bucket, Turn, TurnsState, bucket

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
    hidden: bool = False  # present: too few or hidden (alike); the line shows nothing of its own

    @property
    def ratio(self) -> float | None:
        """Share of speaking time over share of presence (None when nobody of it is present)."""
        if self.hidden:
            return None
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


def published(state: TurnsState, session: SessionState | None) -> Stats:
    """The statistics as published: from the turns of the published snapshot, each category only
    when the rule shows its speakers, the rest summed as one line `HIDDEN`; presence by category
    with no count of 1 or 2."""
    by_category, by_mode = presence(session)
    everything = compute(state.turns, by_category, by_mode)  # who spoke, when, from where: seen by all
    snapshot = [t for t in state.turns[: state.published_turns] if t.ended_at is not None]
    stats = compute(snapshot, by_category, by_mode)
    present = protect_counts({str(c): n for c, n in by_category.items()})
    table = state.published.protected(BUCKETS, MODES)
    shown = {c for c in table.total if c != HIDDEN}
    total_present = sum(by_category.values())
    lines = []
    for line in stats.by_category:
        n = present.get(line.key)
        present_share = n / total_present if n and total_present else 0.0
        if line.key in shown:
            lines.append(Line(**{**line.__dict__, "present": n or 0, "present_share": present_share}))
        else:
            lines.append(Line(line.key, n or 0, present_share, 0.0, 0.0, 0, 0.0, hidden=True))
    rest = [line for line in stats.by_category if line.key not in shown]
    if any(line.turns for line in rest):
        lines.append(
            Line(
                HIDDEN,
                0,  # the categories it sums are not those hidden among the present
                0.0,
                sum(line.seconds for line in rest),
                sum(line.time_share for line in rest),
                sum(line.turns for line in rest),
                sum(line.turn_share for line in rest),
            )
        )
    return Stats(**{**everything.__dict__, "by_category": lines})


def percent(share: float, lang: str) -> str:
    """ "50 %" in French, "50%" in English."""
    return fmt_percent(share, lang)


def duration(seconds: float) -> str:
    s = int(round(seconds))
    return f"{s // 60}:{s % 60:02d}"
