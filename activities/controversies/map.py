"""The controversy map, derived from each statement's published snapshot (`disclosure`): the
distribution overall and by collège as the rule lets it be shown, its divergence and the gap
between collèges; statements ordered from the most divisive to the most consensual. Pure.

**Divergence** is the standard deviation of the positions on the five-point scale, divided by its
largest possible value (2 points: half the room at each end), as a percent; "je ne sais pas" does
not count. A statement is divisive when the room is split, whichever way it leans: a statement
everyone rejects is a consensus, not a controversy. The standard deviation measures that split on
an ordered scale, needs no collège (the map works when nobody gave one), and reads as a percent.
**The gap between collèges** is the largest difference between two declared collèges' mean
positions (in points, 0 to 4): whether the split runs between public agents, civil society and
citizens. It is shown beside the divergence and breaks ties.

Both are computed from the numbers the published table shows, never from the positions: so they
move only with the snapshot, and tell nothing the table does not. The answers under "autres
réponses" are left out; when the positions shown on the scale are fewer than K, or less than two
thirds of the row, there is no figure. They are rounded (divergence to 5 %, the gap to half a point)
and no collège's own mean is shown.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from facilitation.disclosure import GROUPED, K, Protected
from facilitation.session import SessionState

from .model import DECLARED, GROUPS, POSITIONS, SCALE, UNSPECIFIED, ControversiesState, Statement, college_of

__all__ = ["DECLARED", "GROUPS", "UNSPECIFIED", "StatementMap", "build_map", "college_of", "statement_map"]


@dataclass(frozen=True)
class StatementMap:
    statement: Statement
    table: Protected  # rows: collège groups (and `GROUPED`); columns: POSITIONS
    divergence: int | None  # percent, by steps of 5 (None: too few positions shown on the scale)
    gap: float | None  # points, by halves (None: fewer than two collèges with a figure)
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


def shown_values(row: Mapping[str, int]) -> list[int] | None:
    """The positions on the scale a published row shows, one per person; None when they are fewer
    than K or less than two thirds of the row (too many under "autres réponses" for a figure)."""
    values = [int(p) for p in SCALE for _ in range(row.get(p, 0))]
    if len(values) < K or 3 * len(values) < 2 * sum(row.values()):
        return None
    return values


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


def statement_map(statement: Statement, table: Protected) -> StatementMap:
    """A statement's map from its published table (`Published.protected(POSITIONS, GROUPS)`)."""
    if table.hidden:
        return StatementMap(statement=statement, table=table, divergence=None, gap=None)
    by_group = {
        g: v for g, row in table.rows.items() if g != GROUPED and (v := shown_values(row)) is not None
    }
    gap, apart = college_gap(by_group, set(by_group))
    overall = shown_values(table.total)
    return StatementMap(
        statement=statement,
        table=table,
        divergence=divergence(overall) if overall is not None else None,
        gap=gap,
        apart=apart,
    )


def published_table(state: ControversiesState, statement_id: str) -> Protected:
    """The statement's published snapshot as it is shown (nothing before the first snapshot)."""
    published = state.published.get(statement_id)
    if published is None:
        return Protected(columns=POSITIONS, hidden=True)
    return published.protected(POSITIONS, GROUPS)


def build_map(state: ControversiesState, session: SessionState | None = None) -> list[StatementMap]:
    """Every statement shown, from the most divisive to the most consensual (a statement without
    enough answers last, in the order it came). Reads only the published snapshots."""
    maps = [statement_map(s, published_table(state, s.id)) for s in state.shown()]
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
