"""The disclosure rule: no figure Cercle publishes names anyone. One rule, pure, for every count
of people that is broken down (by collège, by position, room/remote, gender...) and shown on the
screen, on the phones, on the console's projected figures, in the exports, on `/r/` and in open
data. Under the Chatham House rule a reader who sees everything published, live and afterwards,
and who saw who answered when, must not learn what one person answered.

It is built from what statistical offices do with tables of counts (the ESSnet *Handbook on
Statistical Disclosure Control*, 2010, ch. 5 on frequency tables; the rules τ-ARGUS applies):

- **Threshold rule** (`K` = 3): no cell shows 1 or 2 people; a group of fewer than K people is
  not shown as a row, it joins the row `GROUPED` ("autres"), and when everyone together is fewer
  than K nothing is shown (`Protected.hidden`).
- **Group disclosure (dominance) rule**, *homogeneity*: a group whose people all fall, or all but
  fewer than K fall, into one answer is not shown as such: it joins `GROUPED`; `GROUPED` or the
  total row, when homogeneous, show no cell at all (only how many people they hold). Otherwise
  "the 3 public agents all agreed" would be read from a row of 3.
- **Secondary suppression, audited**: row and column sums are known (a row's people, the total
  row's cells), so hidden cells are summed per row as "autres réponses" (never 1 or 2), and then
  the whole table is audited by linear programming, as τ-ARGUS audits a suppression pattern: for
  every hidden cell that holds someone, the smallest and the largest value consistent with all
  that is shown; when they meet, the value would be known, and one more cell is hidden (in its
  row, else its column, else the total row). The table's constraints are those of a
  transportation problem (totally unimodular), so the LP bounds are the integer ones: exact.
- **One mark for hidden and empty**: a cell that is hidden and a cell that counts nobody are
  shown alike (`MARK`, explained once in the legend): a reader cannot tell which answers are
  non-empty, nor what the hidden ones add up to beyond "autres réponses".
- **No differencing over time** (`Published`, `record`): a table that changes after each answer
  tells, by subtraction, what the last person answered. What is published is a *snapshot*, and a
  new one is published only when at least K people answered or changed since the last one, and
  those who did are spread: overall, not all nor all but fewer than K on one answer (the dominance
  rule applied to the difference between two snapshots); within each row shown and within
  "autres", on at least two answers. A group held in "autres" stays there until some of its people
  answer again and it could have been shown then; a cell hidden in the last snapshot that nobody's
  answer changed stays hidden. Last, the two snapshots are audited together, as one table would
  be (integer programming over the people of each group, counted as unchanged since, as they were
  among those who acted, as they are now): when a class all on one answer could not be otherwise,
  the step waits. It is a pure fold over the ordered answers: replaying the log gives the same
  snapshots, and nothing new is stored. Every figure derived from the answers (divergence, gaps,
  percentages, shares) is computed from the published snapshot, never from the live answers, and
  the live views, the exports and the record read the same snapshots (answers given after the
  last one are in no figure until the next).

`tests/unit/test_disclosure_attacker.py` plays the reader: it records every snapshot of random
sequences of answers, changes and arrivals, and checks with an integer program that no person's
answer, and no small collège's unanimous answer, is determined by all of them together.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from pydantic import BaseModel, Field

from .i18n import add

K = 3
GROUPED = "grouped"  # the row of the small or homogeneous groups merged together ("autres")
HIDDEN = "hidden"  # in a row, the sum of its hidden cells ("autres réponses")
MARK = "·"  # what every display prints for a cell that is hidden or counts nobody (one mark for both)
_MARGIN = "\x00everyone"  # the total row, while it is worked on (no group is called so)


def shown(n: int, k: int = K) -> bool:
    """Whether a count may be shown as it is: 0, or at least `k`."""
    return n == 0 or n >= k


def homogeneous(counts: Iterable[int], k: int = K) -> bool:
    """Whether people spread as `counts` over answers all fall, or all but fewer than `k` fall, into
    one answer (the group disclosure rule). Nobody at all is not homogeneous."""
    values = [n for n in counts if n > 0]
    return bool(values) and sum(values) - max(values) < k


@dataclass(frozen=True)
class Protected:
    """A table as it may be shown. `rows`: group -> column -> count, with only the cells shown that
    count someone (a column missing is `MARK`: hidden or nobody) and the sum of the hidden ones
    under `HIDDEN` (only when not 0); the merged groups are the row `GROUPED`, last. `total`: the
    same for everyone together. `hidden`: fewer than K people in all, nothing is shown."""

    columns: tuple[str, ...]
    rows: dict[str, dict[str, int]] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)
    hidden: bool = False
    merged: tuple[str, ...] = ()  # which groups went into `GROUPED`: never published (it names them)
    suppressed: frozenset[tuple[str, str]] = frozenset()  # (row, column) hidden; row "" is the total

    @property
    def people(self) -> int:
        """Everyone counted (0 when hidden)."""
        return sum(self.total.values())

    def values(self) -> list[int]:
        """Every number this table shows (what the tests check)."""
        return [n for row in (*self.rows.values(), self.total) for n in row.values()]

    def cell(self, row: str | None, column: str) -> int | None:
        """A cell as shown: its count, or None for `MARK` (`row` None: the total row)."""
        return (self.total if row is None else self.rows.get(row, {})).get(column)


def protect(
    table: Mapping[str, Mapping[str, int]],
    columns: Sequence[str],
    k: int = K,
    merge: Collection[str] = (),
    keep: Collection[tuple[str, str]] = (),
) -> Protected:
    """The table `table` (group -> column -> count; a missing cell is 0) as it may be shown (see
    the module's rule). Groups keep their order; columns are `columns`; the groups in `merge` join
    `GROUPED` whatever they hold; the cells in `keep` ((row, column), row "" the total) stay hidden.
    The same table gives the same (shared, not to be changed) result."""
    cols = tuple(columns)
    key = tuple((g, tuple(max(0, int(row.get(c, 0))) for c in cols)) for g, row in table.items())
    return _protect(key, cols, k, frozenset(merge), frozenset(keep))


@lru_cache(maxsize=4096)
def _protect(
    key: tuple[tuple[str, tuple[int, ...]], ...],
    cols: tuple[str, ...],
    k: int,
    merge: frozenset[str],
    keep: frozenset[tuple[str, str]],
) -> Protected:
    raw = {g: dict(zip(cols, counts, strict=True)) for g, counts in key}
    raw = {g: row for g, row in raw.items() if sum(row.values()) > 0}
    everyone = {c: sum(row[c] for row in raw.values()) for c in cols}
    if sum(everyone.values()) < k:
        return Protected(columns=cols, hidden=True)
    groups, merged = _merge_groups(raw, cols, k, set(merge))
    hide: dict[str, set[str]] = {g: {c for c in cols if not shown(row[c], k)} for g, row in groups.items()}
    hide[_MARGIN] = {c for c in cols if not shown(everyone[c], k)}
    for g, row in [*groups.items(), (_MARGIN, everyone)]:
        if homogeneous(row.values(), k):
            hide[g] = set(cols)
    for g, c in keep:
        row_name = g or _MARGIN
        if row_name in hide and c in cols:
            hide[row_name].add(c)
    rows = {**groups, _MARGIN: everyone}
    while True:
        _suppress_on_sums(groups, rows, hide, cols, k)
        found = _audit(groups, everyone, hide, cols, k)
        if found is None:
            break
        _hide_one_more(found, groups, everyone, hide, cols)
    return Protected(
        columns=cols,
        rows={g: _shown_row(row, hide[g], cols) for g, row in groups.items()},
        total=_shown_row(everyone, hide[_MARGIN], cols),
        merged=tuple(merged),
        suppressed=frozenset(("" if g == _MARGIN else g, c) for g, cells in hide.items() for c in cells),
    )


def protect_counts(counts: Mapping[str, int], k: int = K) -> dict[str, int]:
    """One row of counts (e.g. people by collège) as it may be shown: counts of 1 to K-1 merged into
    `HIDDEN` (with the smallest others until it holds 0 or at least K); empty when fewer than K in all.
    A row of counts of *people by what they are* is not an answer: it is not held to homogeneity."""
    cols = list(counts)
    raw = {c: max(0, int(n)) for c, n in counts.items()}
    if sum(raw.values()) < k:
        return {}
    hide = {c for c in cols if not shown(raw[c], k)}
    while _small(sum(raw[c] for c in hide), k):
        _hide_smallest(raw, hide, tuple(cols))
    return _shown_row(raw, hide, tuple(cols))


def _small(n: int, k: int) -> bool:
    return 0 < n < k


def _merge_groups(
    raw: dict[str, dict[str, int]], cols: tuple[str, ...], k: int, forced: set[str]
) -> tuple[dict[str, dict[str, int]], list[str]]:
    people = {g: sum(row.values()) for g, row in raw.items()}
    merged = [g for g in raw if people[g] < k or g in forced or homogeneous(raw[g].values(), k)]
    while merged and sum(people[g] for g in merged) < k:
        rest = [g for g in raw if g not in merged]
        if not rest:
            break
        merged.append(min(rest, key=lambda g: (people[g], list(raw).index(g))))
    groups = {g: dict(row) for g, row in raw.items() if g not in merged}
    if merged and len(merged) < len(raw):
        groups[GROUPED] = {c: sum(raw[g][c] for g in merged) for c in cols}
    return groups, [g for g in raw if g in merged]


def _suppress_on_sums(
    groups: dict[str, dict[str, int]],
    rows: dict[str, dict[str, int]],
    hide: dict[str, set[str]],
    cols: tuple[str, ...],
    k: int,
) -> None:
    """The usual secondary suppression: neither a row's nor a column's hidden cells add up to 1..K-1."""
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


def _audit(
    groups: dict[str, dict[str, int]],
    everyone: dict[str, int],
    hide: dict[str, set[str]],
    cols: tuple[str, ...],
    k: int,
) -> tuple[str, str] | None:
    """The first hidden cell holding someone whose value follows from what is shown (row, column),
    the total row being `_MARGIN`; None when there is none. Linear programming over the cells."""
    names = list(groups)
    if not any(groups[g][c] > 0 for g in names for c in hide[g]) and not any(
        everyone[c] > 0 for c in hide[_MARGIN]
    ):
        return None
    if not names:  # the total row alone: a hidden cell is known when it is the only mark
        marked = [c for c in cols if c in hide[_MARGIN] or everyone[c] == 0]
        return (_MARGIN, marked[0]) if len(marked) == 1 and everyone[marked[0]] > 0 else None
    from scipy.optimize import linprog  # imported when a table hides something

    index = {(g, c): n for n, (g, c) in enumerate((g, c) for g in names for c in cols)}
    size = len(index)
    eq_rows: list[list[float]] = []
    eq_values: list[float] = []

    def equal(cells: Iterable[tuple[str, str]], value: int) -> None:
        line = [0.0] * size
        for cell in cells:
            line[index[cell]] = 1.0
        eq_rows.append(line)
        eq_values.append(float(value))

    for g in names:
        row = groups[g]
        marked = [c for c in cols if c in hide[g] or row[c] == 0]
        for c in cols:
            if c not in marked:
                equal([(g, c)], row[c])
        equal([(g, c) for c in marked], sum(row[c] for c in marked))
    marked_total = [c for c in cols if c in hide[_MARGIN] or everyone[c] == 0]
    for c in cols:
        if c not in marked_total:
            equal([(g, c) for g in names], everyone[c])
    equal([(g, c) for g in names for c in marked_total], sum(everyone[c] for c in marked_total))

    def bounds(cells: list[tuple[str, str]], truth: int) -> bool:
        """Whether the sum of `cells` can only be `truth`."""
        objective = [0.0] * size
        for cell in cells:
            objective[index[cell]] = 1.0
        for sign in (1.0, -1.0):
            result = linprog(
                [sign * v for v in objective], A_eq=eq_rows, b_eq=eq_values, bounds=(0, None), method="highs"
            )
            if result.status != 0 or round(sign * result.fun) != truth:
                return False
        return True

    marks = {g: [c for c in cols if c in hide[g] or groups[g][c] == 0] for g in names}

    def moves_in_row(g: str, c: str) -> bool:
        """Whether one person of the cell can surely move to another mark of its row, both columns
        being marked in the total row (nothing shown changes)."""
        return c in marked_total and any(o != c and o in marked_total for o in marks[g])

    def free(g: str, c: str) -> bool:
        """Whether the cell can surely lose one person: within its row, or around a rectangle of
        marks whose opposite corner can lose one too."""
        return moves_in_row(g, c) or any(
            o != c and c in marks[h] and o in marks[h] and groups[h][o] > 0
            for o in marks[g]
            for h in names
            if h != g
        )

    for g in names:
        for c in cols:
            if c in hide[g] and groups[g][c] > 0 and not free(g, c) and bounds([(g, c)], groups[g][c]):
                return g, c
    for c in cols:
        if c in hide[_MARGIN] and everyone[c] > 0:
            if any(groups[g][c] > 0 and moves_in_row(g, c) for g in names if c in marks[g]):
                continue
            if bounds([(g, c) for g in names], everyone[c]):
                return _MARGIN, c
    return None


def _hide_one_more(
    found: tuple[str, str],
    groups: dict[str, dict[str, int]],
    everyone: dict[str, int],
    hide: dict[str, set[str]],
    cols: tuple[str, ...],
) -> None:
    """One more cell hidden to protect `found`: in its row, else in its column, else in the total row."""
    g, c = found
    row = everyone if g == _MARGIN else groups[g]
    if _hide_smallest(row, hide[g], cols):
        return
    column = {h: groups[h][c] for h in groups if h != g and c not in hide[h] and groups[h][c] > 0}
    if column:
        hide[min(column, key=lambda h: (column[h], list(groups).index(h)))].add(c)
    elif c not in hide[_MARGIN]:
        hide[_MARGIN].add(c)
    else:  # nothing left to hide around it: hide the whole table's cells
        for h in hide:
            hide[h].update(cols)


def _hide_smallest(row: dict[str, int], hidden: set[str], cols: tuple[str, ...]) -> bool:
    candidates = [c for c in cols if c not in hidden and row[c] > 0]
    if not candidates:
        return False
    hidden.add(min(candidates, key=lambda c: (row[c], cols.index(c))))
    return True


def _shown_row(row: dict[str, int], hidden: set[str], cols: tuple[str, ...]) -> dict[str, int]:
    out = {c: row[c] for c in cols if c not in hidden and row[c] > 0}
    other = sum(row[c] for c in hidden)
    if other:
        out[HIDDEN] = other
    return out


# -- snapshots: what is published changes only in steps that isolate nobody ----------------------

Entry = tuple[str, str]  # (group, answer) of one person


class Published(BaseModel):
    """The published snapshot of one breakdown, folded from its answers in order (`record`).
    `answers`: person -> (group, answer) as of the last snapshot; every published figure is computed
    from it. `since`: the people who answered or changed since, with what they had then (None:
    nothing). `merged`: groups published inside `GROUPED` in that snapshot. `steps`: snapshots so far."""

    answers: dict[str, tuple[str, str]] = Field(default_factory=dict)
    since: dict[str, tuple[str, str] | None] = Field(default_factory=dict)
    merged: list[str] = Field(default_factory=list)
    suppressed: list[tuple[str, str]] = Field(default_factory=list)  # its hidden cells (row "" the total)
    steps: int = 0

    def table(self, groups: Sequence[str] = ()) -> dict[str, dict[str, int]]:
        """The snapshot as a table: group -> answer -> people (groups in the order `groups`, then
        any other in the order they come)."""
        return tally(self.answers, groups)

    def protected(self, columns: Sequence[str], groups: Sequence[str] = (), k: int = K) -> Protected:
        """The snapshot as it is shown."""
        return protect(self.table(groups), columns, k, merge=self.merged, keep=self.suppressed)


def tally(answers: Mapping[str, Entry], groups: Sequence[str] = ()) -> dict[str, dict[str, int]]:
    """group -> answer -> people, groups in the order `groups` then as they come."""
    table: dict[str, dict[str, int]] = {g: {} for g in groups}
    for group, answer in answers.values():
        row = table.setdefault(group, {})
        row[answer] = row.get(answer, 0) + 1
    return {g: row for g, row in table.items() if row}


def record(
    published: Published,
    person: str,
    current: Mapping[str, Entry],
    columns: Sequence[str],
    groups: Sequence[str] = (),
    k: int = K,
) -> bool:
    """`person` answered, changed or withdrew; `current`: everyone's (group, answer) now. Publishes
    a new snapshot into `published` when the step isolates nobody (see the module); returns whether
    it did. Pure apart from `published`, and deterministic: replaying the answers replays it."""
    if person not in published.since:
        published.since[person] = published.answers.get(person)
    if len(published.since) < k:
        return False
    merge = _step_merge(published, current, columns, groups, k)
    if merge is None:
        return False
    table = tally(current, groups)
    keep = _carried(published, current, table, columns, groups, merge, k)
    snapshot = protect(table, columns, k, merge=merge, keep=keep)
    if published.steps and not _apart(published, current, snapshot, columns, groups, k):
        return False
    published.answers = dict(current)
    published.since = {}
    published.merged = sorted(merge)
    published.suppressed = sorted(snapshot.suppressed)
    published.steps += 1
    return True


def _apart(
    published: Published,
    current: Mapping[str, Entry],
    snapshot: Protected,
    columns: Sequence[str],
    groups: Sequence[str],
    k: int,
) -> bool:
    """Whether the last snapshot and `snapshot` together still leave everyone's answer open: the
    audit of the two tables at once (integer programming over the answers, people of a group
    counted by class: unchanged since, as they were then among those who acted, as they are now).
    A class all on one answer must be able to be otherwise; else the step would tell it."""
    cols = tuple(columns)
    before = published.protected(columns, groups, k)
    if before.hidden or snapshot.hidden:
        return True
    untouched: dict[str, Counter[str]] = {}
    was: dict[str, Counter[str]] = {}
    now: dict[str, Counter[str]] = {}
    for person, entry in published.answers.items():
        after = current.get(person)
        if person not in published.since and after == entry:
            untouched.setdefault(entry[0], Counter())[entry[1]] += 1
        else:
            was.setdefault(entry[0], Counter())[entry[1]] += 1
    for person, entry in current.items():
        if person in published.since or published.answers.get(person) != entry:
            now.setdefault(entry[0], Counter())[entry[1]] += 1
    names = sorted({*untouched, *was, *now})
    classes = [
        (kind, g) for kind, found in (("u", untouched), ("p", was), ("c", now)) for g in names if g in found
    ]
    index = {
        (kind, g, c): n for n, (kind, g, c) in enumerate((kind, g, c) for kind, g in classes for c in cols)
    }
    if not index:
        return True
    import numpy as np  # with scipy: only when a snapshot follows another
    from scipy.optimize import Bounds, LinearConstraint, milp

    lines: list[np.ndarray] = []
    values: list[float] = []

    def equal(cells: Iterable[tuple[str, str, str]], value: int) -> None:
        line = np.zeros(len(index))
        for cell in cells:
            if cell in index:
                line[index[cell]] += 1
        lines.append(line)
        values.append(float(value))

    found = {"u": untouched, "p": was, "c": now}
    for kind, g in classes:
        equal([(kind, g, c) for c in cols], sum(found[kind][g].values()))
    for table, kinds in ((before, ("u", "p")), (snapshot, ("u", "c"))):
        rows = [(r, [r] if r != GROUPED else list(table.merged)) for r in table.rows]
        for row, members in [*rows, (HIDDEN, names)]:
            shown = table.total if row == HIDDEN else table.rows[row]
            for c in cols:
                if c in shown:
                    equal([(kind, g, c) for kind in kinds for g in members], shown[c])
            marked = [c for c in cols if c not in shown]
            equal([(kind, g, c) for kind in kinds for g in members for c in marked], shown.get(HIDDEN, 0))
    constraint = LinearConstraint(np.array(lines), np.array(values), np.array(values))
    for kind, g in classes:
        counts = found[kind][g]
        if len(counts) != 1:
            continue  # the truth is spread: not all on one answer, whatever was shown
        ((answer, n),) = counts.items()
        objective = np.zeros(len(index))
        objective[index[(kind, g, answer)]] = 1.0
        result = milp(
            objective, constraints=constraint, integrality=np.ones(len(index)), bounds=Bounds(0, np.inf)
        )
        if result.status == 0 and round(result.fun) == n:
            return False
    return True


def _carried(
    published: Published,
    current: Mapping[str, Entry],
    table: Mapping[str, Mapping[str, int]],
    columns: Sequence[str],
    groups: Sequence[str],
    merge: Collection[str],
    k: int,
) -> set[tuple[str, str]]:
    """The cells hidden in the last snapshot that nobody's answer changed: they stay hidden, or the
    new snapshot would tell what the last one hid (a row shown now, the same as it was then)."""
    if not published.suppressed:
        return set()
    before = published.protected(columns, groups, k)
    after_rows, after_merged = _merge_groups(
        {g: {c: row.get(c, 0) for c in columns} for g, row in table.items()}, tuple(columns), k, set(merge)
    )
    touched_groups = {e[0] for p, b in published.since.items() for e in (b, current.get(p)) if e is not None}
    touched_answers = {e[1] for p, b in published.since.items() for e in (b, current.get(p)) if e is not None}
    same_grouped = set(before.merged) == set(after_merged) and not touched_groups & set(after_merged)
    keep: set[tuple[str, str]] = set()
    for row, column in published.suppressed:
        if row == "":
            if column not in touched_answers:
                keep.add((row, column))
        elif row == GROUPED:
            if same_grouped and GROUPED in after_rows:
                keep.add((row, column))
        elif row in after_rows and row not in touched_groups:
            keep.add((row, column))
    return keep


def _step_merge(
    published: Published, current: Mapping[str, Entry], columns: Sequence[str], groups: Sequence[str], k: int
) -> set[str] | None:
    """The groups to keep inside `GROUPED` in the next snapshot; None when the step would isolate
    someone (the change of everyone, of a row shown or of "autres" since the last snapshot)."""
    table = tally(current, groups)
    cols = tuple(columns)
    raw = {g: {c: row.get(c, 0) for c in cols} for g, row in table.items()}
    everyone = [sum(row[c] for row in raw.values()) for c in cols]
    if sum(everyone) < k:
        return set()  # nothing is shown: nothing can be subtracted
    if not homogeneous(everyone, k) and not _step_safe(published, current, None, k):
        return None
    merge: set[str] = set()
    if published.steps:
        # a group held in "autres" in the last snapshot stays there until some of its people answer
        # again, and leaves it only if it could have been shown then: shown now, it would tell by
        # subtraction what "autres" hid
        touched = {e[0] for p, b in published.since.items() for e in (b, current.get(p)) if e is not None}
        then = tally(published.answers, groups)
        for g in published.protected(columns, groups, k).merged:
            before = then.get(g, {})
            if g not in touched or (before and (sum(before.values()) < k or homogeneous(before.values(), k))):
                merge.add(g)
    rows, merged = _merge_groups(raw, cols, k, merge)
    if any(g != GROUPED and not _step_safe(published, current, {g}, k) for g in rows):
        return None
    if GROUPED in rows and not _step_safe(published, current, set(merged), k):
        return None  # even hidden, "autres" is the total minus the rows shown
    return merge


def _step_safe(published: Published, current: Mapping[str, Entry], groups: set[str] | None, k: int) -> bool:
    """Whether those who acted since the last snapshot, within `groups` (None: everyone), cannot be
    told apart by the difference. Everyone: their answers now (withdrawn counting as one) and those
    they had then are not all, nor all but fewer than K, one (the dominance rule on the difference).
    A group: none of them acted, or the answers now of those who still have one are at least two
    different ones, and so are the answers then of those who changed."""
    now: Counter[str] = Counter()
    then: Counter[str] = Counter()
    for person, before in published.since.items():
        after = current.get(person)
        if groups is not None and not any(e is not None and e[0] in groups for e in (before, after)):
            continue
        now[after[1] if after is not None else ""] += 1
        if before is not None:
            then[before[1]] += 1
    if not now:
        return True
    if groups is None:
        return not homogeneous(now.values(), k) and (not then or not homogeneous(then.values(), k))
    answered = {a for a in now if a}
    return (len(answered) >= 2 or not answered) and (not then or len(then) >= 2)


add(
    {
        "kanon.other_group": ("Autres (regroupés)", "Others (grouped)"),
        "kanon.other_answers": ("autres réponses", "other answers"),
        "kanon.too_few": (
            "Trop peu de réponses pour être montrées sans que personne ne soit reconnu.",
            "Too few answers to be shown without anyone being recognised.",
        ),
        "kanon.rule": (
            "Aucun chiffre publié ne désigne quelqu'un : aucun nombre ne compte 1 ou 2 personnes, un groupe "
            "trop petit ou trop unanime est regroupé en « autres », et les chiffres ne changent que par "
            "étapes d'au moins 3 réponses.",
            "No published figure points at anyone: no number counts 1 or 2 people, a group too small or too "
            "unanimous is grouped as “others”, and figures change only in steps of at least 3 answers.",
        ),
        "kanon.mark": (
            "« · » : personne, ou trop peu de personnes pour être montrées ; elles sont comptées dans "
            "« autres réponses ».",
            "“·”: nobody, or too few people to be shown; they are counted in “other answers”.",
        ),
    }
)
