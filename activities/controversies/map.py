"""The controversy map, derived from the positions each time it is asked for: for each statement,
the distribution overall and by collège (as `kanon.protect` lets it be shown), its divergence and
the gap between collèges; statements ordered from the most divisive to the most consensual. Pure.

**Divergence** is the standard deviation of the positions on the five-point scale, divided by its
largest possible value (2 points: half the room at each end), as a percent; "je ne sais pas" does
not count. A statement is divisive when the room is split, whichever way it leans: a statement
everyone rejects is a consensus, not a controversy. The standard deviation measures that split on
an ordered scale, needs no collège (the map works when nobody gave one), and reads as a percent.
**The gap between collèges** is the largest difference between two declared collèges' mean
positions (in points, 0 to 4): whether the split runs between public agents, civil society and
citizens. It is shown beside the divergence and breaks ties.

Both are computed from the answers themselves and only over groups of at least K people; a mean
over a few people can still narrow down what a hidden cell holds, so they are rounded (divergence
to 5 %, the gap to half a point) and no collège's own mean is shown.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from facilitation.kanon import GROUPED, K, Protected, protect
from facilitation.session import SessionState

from .model import POSITIONS, SCALE, ControversiesState, Statement

UNSPECIFIED = "undisclosed"  # no collège given, or "prefer not to say"
DECLARED = ("public_agent", "civil_society", "citizen", "business", "other")
GROUPS = (*DECLARED, UNSPECIFIED)


def college_of(session: SessionState, token: str) -> str:
    participant = session.participants.get(token)
    college = participant.college if participant is not None else None
    return college if college in DECLARED else UNSPECIFIED


def colleges_of(session: SessionState) -> dict[str, str]:
    """token -> collège group, for every participant (read once per map)."""
    return {token: college_of(session, token) for token in session.participants}


@dataclass(frozen=True)
class StatementMap:
    statement: Statement
    table: Protected  # rows: collège groups (and `GROUPED`); columns: POSITIONS
    divergence: int | None  # percent, by steps of 5 (None: fewer than K positions on the scale)
    gap: float | None  # points, by halves (None: fewer than two collèges of K people or more)
    apart: tuple[str, ...] = field(default=())  # the two collèges furthest apart

    @property
    def answers(self) -> int:
        return self.table.people

    @property
    def by_college(self) -> bool:
        """Whether the map has more than one group to show (someone gave a collège)."""
        return any(g != UNSPECIFIED for g in self.table.rows)


def divergence(values: list[int]) -> int | None:
    """The standard deviation of `values` (1 to 5) over its maximum (2), as a percent rounded to 5."""
    if len(values) < K:
        return None
    mean = sum(values) / len(values)
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))
    return min(100, 5 * round(100 * sd / 2 / 5))


def college_gap(by_group: Mapping[str, list[int]], shown: set[str]) -> tuple[float | None, tuple[str, ...]]:
    """The largest gap between two declared collèges' mean positions (rounded to half a point),
    among the groups shown (`shown`) with at least K positions on the scale, and which two."""
    means = {
        g: sum(values) / len(values)
        for g, values in by_group.items()
        if g in DECLARED and g in shown and len(values) >= K
    }
    if len(means) < 2:
        return None, ()
    low = min(means, key=lambda g: (means[g], GROUPS.index(g)))
    high = max(means, key=lambda g: (means[g], -GROUPS.index(g)))
    return round(2 * (means[high] - means[low])) / 2, (low, high)


def statement_map(
    statement: Statement, positions: Mapping[str, str], colleges: Mapping[str, str]
) -> StatementMap:
    table: dict[str, dict[str, int]] = {}
    values: list[int] = []
    by_group: dict[str, list[int]] = {}
    for token, position in positions.items():
        group = colleges.get(token, UNSPECIFIED)
        group = group if group in DECLARED else UNSPECIFIED
        row = table.setdefault(group, dict.fromkeys(POSITIONS, 0))
        row[position] = row.get(position, 0) + 1
        if position in SCALE:
            values.append(int(position))
            by_group.setdefault(group, []).append(int(position))
    ordered = {g: table[g] for g in GROUPS if g in table}
    protected = protect(ordered, POSITIONS)
    shown = set(protected.rows) - {GROUPED}
    gap, apart = college_gap(by_group, shown) if not protected.hidden else (None, ())
    return StatementMap(
        statement=statement,
        table=protected,
        divergence=divergence(values) if not protected.hidden else None,
        gap=gap,
        apart=apart,
    )


def build_map(state: ControversiesState, session: SessionState) -> list[StatementMap]:
    """Every statement shown, from the most divisive to the most consensual (a statement without
    enough answers last, in the order it came)."""
    colleges = colleges_of(session)
    maps = [statement_map(s, state.positions.get(s.id, {}), colleges) for s in state.shown()]
    order = {m.statement.id: n for n, m in enumerate(maps)}
    return sorted(
        maps,
        key=lambda m: (
            m.divergence is None,
            -(m.divergence or 0),
            -(m.gap or 0),
            order[m.statement.id],
        ),
    )
