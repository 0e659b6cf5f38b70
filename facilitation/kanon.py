"""Counts broken down by collège, under the Chatham House rule: no number shown counts one or two
people (k-anonymity, `K` = 3). Pure: the one rule that the activities, the screen, the phones
and every export use.

A count of one or two people in a small group says what those people thought: "the 2 business
people both disagree". So a table of counts (rows: groups of people, such as collèges; columns:
what they answered, such as positions) is shown only after `protect`:

1. **Small groups merge.** A group of fewer than K people joins the row `GROUPED` ("autres"); while
   that row holds 1 to K-1 people, the smallest remaining group joins it too. When everyone
   together is fewer than K, nothing is shown at all (`Protected.hidden`).
2. **Small cells hide.** In every row, and in the total row (everyone together), a cell of 1 to
   K-1 people is hidden.
3. **No subtraction finds them.** A row's total is known, and so is a column's (the total row's
   cell): while what is hidden in a row or in a column adds up to 1 to K-1, the smallest cell still
   shown there is hidden too (in a column, the total row's cell itself when no group cell is left).
4. **What a row hides is shown as its "autres réponses"** (column `HIDDEN`): 0 or at least K.

So every number shown is 0 or at least K, each row adds up to its people, and neither a row nor a
column lets a hidden count of 1 or 2 be found by subtracting shown numbers. This is the usual
heuristic of statistical offices (primary and secondary cell suppression on row and column sums);
combining several rows and columns at once can still narrow what a hidden cell holds, which only
a linear-programming audit rules out. Zero is shown: it counts nobody.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .i18n import add

K = 3
GROUPED = "grouped"  # the row of the small groups merged together ("autres")
HIDDEN = "hidden"  # in a row, the sum of its hidden cells ("autres réponses")
_MARGIN = "\x00everyone"  # the total row, while it is worked on (no group is called so)


def shown(n: int, k: int = K) -> bool:
    """Whether a count may be shown as it is: 0, or at least `k`."""
    return n == 0 or n >= k


@dataclass(frozen=True)
class Protected:
    """A table as it may be shown. `rows`: group -> column -> count, hidden cells left out and
    their sum under `HIDDEN` (only when not 0); the merged small groups are the row `GROUPED`, last.
    `total`: the same for everyone together. `merged`: the groups that went into the row `GROUPED`.
    `hidden`: fewer than K people in all, nothing is shown (`rows` and `total` are empty)."""

    columns: tuple[str, ...]
    rows: dict[str, dict[str, int]] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)
    merged: tuple[str, ...] = ()
    hidden: bool = False

    @property
    def people(self) -> int:
        """Everyone counted (0 when hidden)."""
        return sum(self.total.values())

    def values(self) -> list[int]:
        """Every number this table shows (what the tests check)."""
        return [n for row in (*self.rows.values(), self.total) for n in row.values()]


def protect(table: Mapping[str, Mapping[str, int]], columns: Sequence[str], k: int = K) -> Protected:
    """The table `table` (group -> column -> count; a missing cell is 0) as it may be shown (see
    the module's rule). Groups keep their order; columns are `columns`."""
    cols = tuple(columns)
    raw = {g: {c: max(0, int(row.get(c, 0))) for c in cols} for g, row in table.items()}
    raw = {g: row for g, row in raw.items() if sum(row.values()) > 0}
    everyone = {c: sum(row[c] for row in raw.values()) for c in cols}
    if sum(everyone.values()) < k:
        return Protected(columns=cols, hidden=True)
    groups, merged = _merge_small_groups(raw, cols, k)
    hide: dict[str, set[str]] = {g: {c for c in cols if not shown(row[c], k)} for g, row in groups.items()}
    hide[_MARGIN] = {c for c in cols if not shown(everyone[c], k)}
    rows = {**groups, _MARGIN: everyone}
    changed = True
    while changed:
        changed = False
        for g, row in rows.items():  # rows: their total is known
            if _small(sum(row[c] for c in hide[g]), k):
                changed |= _hide_smallest(row, hide[g], cols)
        for c in cols:  # columns: the total row's cell is their total
            if c in hide[_MARGIN]:
                continue
            if _small(sum(groups[g][c] for g in groups if c in hide[g]), k):
                candidates = {g: groups[g][c] for g in groups if c not in hide[g] and groups[g][c] > 0}
                if candidates:
                    smallest = min(candidates, key=lambda g: (candidates[g], list(groups).index(g)))
                    hide[smallest].add(c)
                else:
                    hide[_MARGIN].add(c)
                changed = True
    return Protected(
        columns=cols,
        rows={g: _shown_row(row, hide[g], cols) for g, row in groups.items()},
        total=_shown_row(everyone, hide[_MARGIN], cols),
        merged=tuple(merged),
    )


def protect_counts(counts: Mapping[str, int], k: int = K) -> dict[str, int]:
    """One row of counts (e.g. people by collège) as it may be shown: counts of 1 to K-1 merged into
    `HIDDEN` (with the smallest others until it holds 0 or at least K); empty when fewer than K in all."""
    result = protect({"": counts}, list(counts), k)
    return {} if result.hidden else result.total


def _small(n: int, k: int) -> bool:
    return 0 < n < k


def _merge_small_groups(
    raw: dict[str, dict[str, int]], cols: tuple[str, ...], k: int
) -> tuple[dict[str, dict[str, int]], list[str]]:
    people = {g: sum(row.values()) for g, row in raw.items()}
    merged = [g for g in raw if people[g] < k]
    while merged and sum(people[g] for g in merged) < k:
        rest = [g for g in raw if g not in merged]
        merged.append(min(rest, key=lambda g: (people[g], list(raw).index(g))))
    groups = {g: dict(row) for g, row in raw.items() if g not in merged}
    if merged:
        groups[GROUPED] = {c: sum(raw[g][c] for g in merged) for c in cols}
    return groups, [g for g in raw if g in merged]


def _hide_smallest(row: dict[str, int], hidden: set[str], cols: tuple[str, ...]) -> bool:
    candidates = [c for c in cols if c not in hidden and row[c] > 0]
    if not candidates:
        return False
    hidden.add(min(candidates, key=lambda c: (row[c], cols.index(c))))
    return True


def _shown_row(row: dict[str, int], hidden: set[str], cols: tuple[str, ...]) -> dict[str, int]:
    out = {c: row[c] for c in cols if c not in hidden}
    other = sum(row[c] for c in hidden)
    if other:
        out[HIDDEN] = other
    return out


add(
    {
        "kanon.other_group": ("Autres (regroupés)", "Others (grouped)"),
        "kanon.other_answers": ("autres réponses", "other answers"),
        "kanon.too_few": (
            "Moins de {k} réponses : rien n'est affiché, pour que personne ne soit reconnu.",
            "Fewer than {k} answers: nothing is shown, so that nobody can be recognised.",
        ),
        "kanon.rule": (
            "Aucun nombre affiché ne compte 1 ou 2 personnes : les petits groupes sont regroupés en "
            "« autres », les petites cases masquées.",
            "No number shown counts 1 or 2 people: small groups are grouped as “others”, small cells hidden.",
        ),
    }
)
