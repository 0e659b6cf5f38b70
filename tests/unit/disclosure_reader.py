"""The reader the disclosure rule must defeat: someone who saw every snapshot published (live and
exported: they are the same snapshots), who knows each person's group and who answered when, and
who works out, by integer programming, the answers consistent with all of it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from facilitation.disclosure import GROUPED, HIDDEN, K, Protected, Published, record


@dataclass
class Seen:
    """One published snapshot: the truth behind it (to check against) and what was shown."""

    answers: dict[str, tuple[str, str]]  # person -> (group, answer), the truth
    table: Protected
    acted: set[str]  # who answered or changed since the previous snapshot (the reader saw them)


@dataclass
class Play:
    columns: list[str]
    groups: list[str]
    seen: list[Seen] = field(default_factory=list)


def play(
    events: Sequence[tuple[str, str, str | None]], columns: Sequence[str], groups: Sequence[str], k: int = K
) -> Play:
    """Fold `events` ((person, group, answer or None to withdraw)) and keep every snapshot published."""
    published = Published()
    current: dict[str, tuple[str, str]] = {}
    acted: set[str] = set()
    out = Play(columns=list(columns), groups=list(groups))
    for person, group, answer in events:
        if answer is None:
            current.pop(person, None)
        else:
            current[person] = (group, answer)
        acted.add(person)
        if record(published, person, current, columns, groups, k):
            out.seen.append(
                Seen(
                    answers=dict(published.answers),
                    table=published.protected(columns, groups, k),
                    acted=acted,
                )
            )
            acted = set()
    return out


def _row_members(seen: Seen, row: str | None) -> list[str]:
    if row is None:
        return list(seen.answers)
    if row == GROUPED:
        return [p for p, (g, _) in seen.answers.items() if g not in seen.table.rows]
    return [p for p, (g, _) in seen.answers.items() if g == row]


def leaks(run: Play, k: int = K) -> list[str]:
    """What the reader can determine: "person p answered c at snapshot s", "group g (k people or
    fewer) all answered c at snapshot s". Empty when nothing."""
    cols = run.columns
    var: dict[tuple[str, int, str], int] = {}
    for s, seen in enumerate(run.seen):
        for p in seen.answers:
            for c in cols:
                var[(p, s, c)] = len(var)
    if not var:
        return []
    rows_a: list[np.ndarray] = []
    lo: list[float] = []
    hi: list[float] = []

    def constrain(cells: list[tuple[str, int, str]], low: float, high: float) -> None:
        line = np.zeros(len(var))
        for cell in cells:
            line[var[cell]] += 1
        rows_a.append(line)
        lo.append(low)
        hi.append(high)

    for s, seen in enumerate(run.seen):
        for p in seen.answers:
            constrain([(p, s, c) for c in cols], 1, 1)
            if s and p in run.seen[s - 1].answers and p not in seen.acted:
                for c in cols:  # unchanged since the previous snapshot
                    line = np.zeros(len(var))
                    line[var[(p, s, c)]] = 1
                    line[var[(p, s - 1, c)]] = -1
                    rows_a.append(line)
                    lo.append(0)
                    hi.append(0)
        if seen.table.hidden:
            continue
        for row, shown in [*((r, v) for r, v in seen.table.rows.items()), (None, seen.table.total)]:
            members = _row_members(seen, row)
            for c in cols:
                if c in shown:
                    constrain([(p, s, c) for p in members], shown[c], shown[c])
            marked = [c for c in cols if c not in shown]
            n = shown.get(HIDDEN, 0)
            constrain([(p, s, c) for p in members for c in marked], n, n)
    constraints = LinearConstraint(np.array(rows_a), np.array(lo), np.array(hi))
    integrality = np.ones(len(var))
    bounds = Bounds(0, 1)

    def solve(objective: Mapping[int, float]) -> tuple[float, np.ndarray] | None:
        vector = np.zeros(len(var))
        for i, w in objective.items():
            vector[i] = w
        result = milp(vector, constraints=constraints, integrality=integrality, bounds=bounds)
        return None if result.status != 0 else (float(result.fun), np.asarray(result.x))

    found: list[str] = []
    # a person's answer at a snapshot: can every one of them be moved off the truth, together or not?
    truths = {(p, s): seen.answers[p][1] for s, seen in enumerate(run.seen) for p in seen.answers}
    left = dict(truths)
    while left:
        objective = {var[(p, s, c)]: 1.0 for (p, s), c in left.items()}
        best = solve(objective)
        assert best is not None, "the truth itself must be consistent with what was shown"
        value, solution = best
        if round(value) == len(left):
            found += [f"person {p} answered {c} at snapshot {s}" for (p, s), c in left.items()]
            break
        left = {(p, s): c for (p, s), c in left.items() if solution[var[(p, s, c)]] > 0.5}
    # a group of k people or fewer, all on one answer
    for s, seen in enumerate(run.seen):
        for g in run.groups:
            members = [p for p, (h, _) in seen.answers.items() if h == g]
            answers = {seen.answers[p][1] for p in members}
            if 1 < len(members) <= k and len(answers) == 1:
                (c,) = answers
                best = solve({var[(p, s, c)]: 1.0 for p in members})
                if best is not None and round(best[0]) == len(members):
                    found.append(f"group {g} ({len(members)}) all answered {c} at snapshot {s}")
    return found
