"""Counting: distributions, the movement matrix, and the sentence that tells the room who moved,
derived from the published snapshots (`published_distribution`, `published_movement`) or from
positions (`distribution`, `movement`: what the snapshots are folded from). Pure: no UI, no I/O."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel

from facilitation.disclosure import HIDDEN, Protected
from facilitation.i18n import t, t_plural

from .settings import HESITANT, Statement

MODES = ("room", "remote")


class PositionCount(BaseModel):
    """One position's count: phones in the room, phones at home, and people counted by hand.
    Published, `split` False: the room/remote split is not shown (`room` holds all phones);
    `marked`: the phones are hidden, or none (alike: counted in `Distribution.other`)."""

    position: str
    room: int = 0
    remote: int = 0
    heads: int = 0
    split: bool = True
    marked: bool = False

    @property
    def phones(self) -> int:
        return self.room + self.remote

    def shown(self, mode: str) -> int | None:
        """Phones in the room (`mode` "room") or at a distance ("remote") as published; None: hidden
        or none (alike), or the split is not shown."""
        if self.marked or not self.split:
            return None
        return self.room if mode == "room" else self.remote

    @property
    def shown_total(self) -> int | None:
        """Phones and heads as published; None when the phones are hidden or none and nobody was
        counted by hand."""
        if self.marked:
            return self.heads or None
        return self.total

    @property
    def total(self) -> int:
        return self.room + self.remote + self.heads


class Distribution(BaseModel):
    counts: list[PositionCount]
    other: int = 0  # phones whose position is hidden ("autres réponses")

    @property
    def voters(self) -> int:
        """Distinct phones with a position."""
        return sum(c.phones for c in self.counts) + self.other

    @property
    def heads(self) -> int:
        return sum(c.heads for c in self.counts)

    @property
    def total(self) -> int:
        return self.voters + self.heads

    def get(self, position: str) -> PositionCount:
        return next(c for c in self.counts if c.position == position)

    def percent(self, position: str) -> int:
        """The share of `position` in the total, rounded to a whole percent (0 when nobody)."""
        return self.share(self.get(position).total)

    def share(self, n: int) -> int:
        """`n` people as a share of the total, rounded to a whole percent (0 when nobody)."""
        total = self.total
        return round(100 * n / total) if total else 0


def distribution(
    positions: list[str],
    votes: Mapping[str, str],
    heads: Mapping[str, int],
    remote: set[str] | frozenset[str] = frozenset(),
) -> Distribution:
    """Counts per position of `votes` (token -> position; tokens in `remote` count as remote)
    and of the head counts `heads` (position -> people)."""
    counts = {p: PositionCount(position=p, heads=max(0, heads.get(p, 0))) for p in positions}
    for token, position in votes.items():
        count = counts.get(position)
        if count is None:
            continue
        if token in remote:
            count.remote += 1
        else:
            count.room += 1
    return Distribution(counts=list(counts.values()))


class Movement(BaseModel):
    """Between the first and the final round, for the phones that took part in both:
    `matrix[i][j]` people went from `positions[i]` to `positions[j]`; `other`: those whose move is
    hidden (published movement)."""

    positions: list[str]
    matrix: list[list[int]]
    other: int = 0
    withheld: bool = False  # published: too few yet to show anything

    @property
    def both(self) -> int:
        return sum(sum(row) for row in self.matrix) + self.other

    @property
    def moved(self) -> int:
        """People shown to have moved (a hidden move is not counted)."""
        return sum(sum(row) for row in self.matrix) - sum(
            self.matrix[i][i] for i in range(len(self.positions))
        )

    def arrivals(self, position: str) -> int:
        """People who moved to `position` from another one."""
        j = self.positions.index(position)
        return sum(row[j] for i, row in enumerate(self.matrix) if i != j)

    def flows(self) -> list[tuple[str, str, int]]:
        """(from, to, people) for every non-empty cell."""
        return [
            (a, b, self.matrix[i][j])
            for i, a in enumerate(self.positions)
            for j, b in enumerate(self.positions)
            if self.matrix[i][j]
        ]


def movement(positions: list[str], first: Mapping[str, str], final: Mapping[str, str]) -> Movement:
    index = {p: i for i, p in enumerate(positions)}
    matrix = [[0] * len(positions) for _ in positions]
    for token, before in first.items():
        after = final.get(token)
        if after is None or before not in index or after not in index:
            continue
        matrix[index[before]][index[after]] += 1
    return Movement(positions=positions, matrix=matrix)


def published_distribution(positions: list[str], table: Protected, heads: Mapping[str, int]) -> Distribution:
    """A round as published: `table` (rows room/remote, columns positions) protected from its
    snapshot, with the head counts (counted by hand, in the open: not a person's answer)."""
    counts = []
    split = set(table.rows) == set(MODES)
    for p in positions:
        shown = table.total.get(p)
        count = PositionCount(position=p, heads=max(0, heads.get(p, 0)), marked=shown is None)
        if shown is not None:
            room, remote = (table.rows[m].get(p) for m in MODES) if split else (None, None)
            if room is not None and remote is not None:
                count.room, count.remote = room, remote
            else:
                count.room, count.split = shown, False
        counts.append(count)
    return Distribution(counts=counts, other=table.total.get(HIDDEN, 0))


def published_movement(positions: list[str], table: Protected) -> Movement:
    """The movement as published: `table` (one row, columns "first>final") protected from its snapshot."""
    index = {p: i for i, p in enumerate(positions)}
    matrix = [[0] * len(positions) for _ in positions]
    for pair, n in table.total.items():
        if pair == HIDDEN:
            continue
        before, _, after = pair.partition(">")
        matrix[index[before]][index[after]] = n
    return Movement(
        positions=positions, matrix=matrix, other=table.total.get(HIDDEN, 0), withheld=table.hidden
    )


def short_label(statement: Statement, position: str, lang: str) -> str:
    """The few words naming a position on bars and in sentences: "A", "B", "Hésitant·es", or a
    scale point's label."""
    if statement.form == "scale":
        if statement.labels:
            return statement.labels[int(position) - 1].get(lang)
        return t(f"debat_mouvant.scale.{position}", lang)
    if position == HESITANT:
        return t("debat_mouvant.hesitant", lang)
    return position.upper()


def movement_sentence(statement: Statement, m: Movement, lang: str) -> str:
    """ "7 personnes ont changé de position, dont 5 vers B", or that nobody moved."""
    if m.withheld:
        return t("kanon.too_few", lang)
    if m.both == 0:
        return t("debat_mouvant.movement.nobody_both", lang)
    if m.moved == 0:
        return t("debat_mouvant.movement.none", lang)
    head = t_plural("debat_mouvant.movement.moved", m.moved, lang)
    if statement.form == "scale":
        towards_agree = sum(
            m.matrix[i][j] for i in range(len(m.positions)) for j in range(len(m.positions)) if j < i
        )
        towards_disagree = m.moved - towards_agree
        if towards_agree == towards_disagree:
            return t("debat_mouvant.movement.split", lang, head=head)
        side, n = (
            ("agree", towards_agree) if towards_agree > towards_disagree else ("disagree", towards_disagree)
        )
        return t(f"debat_mouvant.movement.towards_{side}", lang, head=head, k=n)
    arrivals = sorted(((m.arrivals(p), p) for p in m.positions), reverse=True)
    (k, best), (second, _) = arrivals[0], arrivals[1]
    if k == second:  # no single destination stands out: name each one
        parts = ", ".join(
            t("debat_mouvant.movement.part", lang, k=n, to=short_label(statement, p, lang))
            for n, p in arrivals
            if n
        )
        return t("debat_mouvant.movement.list", lang, head=head, parts=parts)
    if m.moved == 1:
        return t("debat_mouvant.movement.one_to", lang, head=head, to=short_label(statement, best, lang))
    return t("debat_mouvant.movement.towards", lang, head=head, k=k, to=short_label(statement, best, lang))
