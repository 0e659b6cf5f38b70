"""What the propulsion board shows, derived each time: engagements, each with its actions, then
initiatives, then what is not classed yet, each group ranked by support; for each proposal its
support, its contributors by collège and the room's ratings of its criteria, all as
`kanon.protect_counts` lets them be shown (never a count of 1 or 2). Pure."""

from __future__ import annotations

from dataclasses import dataclass, field

from activities.controversies.map import DECLARED, UNSPECIFIED
from facilitation.kanon import protect_counts, shown
from facilitation.session import SessionState

from .events import Rating
from .model import Proposal, PropulsionState
from .settings import CRITERIA

RATINGS: tuple[Rating, ...] = ("met", "partly", "not")


@dataclass(frozen=True)
class Entry:
    """One proposal as the board shows it."""

    proposal: Proposal
    support: int | None  # None: 1 or 2 people (shown as "fewer than 3")
    contributors: dict[str, int]  # collège group (or `HIDDEN`) -> people; empty: fewer than 3 in all
    ratings: dict[str, dict[str, int]]  # criterion -> rating (or `HIDDEN`) -> people
    actions: list[Entry] = field(default_factory=list)

    @property
    def contributing(self) -> int | None:
        total = sum(self.contributors.values())
        return total if total else (0 if not self.proposal.backing("contribute") else None)


@dataclass(frozen=True)
class Board:
    engagements: list[Entry]
    initiatives: list[Entry]
    unclassed: list[Entry]  # not classed yet, and actions whose engagement is gone

    def entries(self) -> list[Entry]:
        """Every proposal on the board, in the board's order."""
        return [
            *(e for engagement in self.engagements for e in (engagement, *engagement.actions)),
            *self.initiatives,
            *self.unclassed,
        ]


def college_group(session: SessionState, token: str) -> str:
    participant = session.participants.get(token)
    college = participant.college if participant is not None else None
    return college if college in DECLARED else UNSPECIFIED


def entry(proposal: Proposal, session: SessionState) -> Entry:
    supporters = len(proposal.backing("support"))
    by_college: dict[str, int] = {}
    for token in proposal.backing("contribute"):
        group = college_group(session, token)
        by_college[group] = by_college.get(group, 0) + 1
    ordered = {g: by_college[g] for g in (*DECLARED, UNSPECIFIED) if g in by_college}
    ratings: dict[str, dict[str, int]] = {}
    for criterion in CRITERIA:
        answers = proposal.ratings.get(criterion, {})
        counts: dict[str, int] = {r: sum(1 for v in answers.values() if v == r) for r in RATINGS}
        ratings[criterion] = protect_counts(counts)
    return Entry(
        proposal=proposal,
        support=supporters if shown(supporters) else None,
        contributors=protect_counts(ordered),
        ratings=ratings,
    )


def _ranked(entries: list[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: -(e.support or 0))  # sorted() keeps the board's order between equals


def build_board(state: PropulsionState, session: SessionState) -> Board:
    proposals = state.shown()
    entries = {p.id: entry(p, session) for p in proposals}
    engagements = [
        Entry(
            proposal=e.proposal,
            support=e.support,
            contributors=e.contributors,
            ratings=e.ratings,
            actions=_ranked(
                [entries[p.id] for p in proposals if p.klass == "action" and p.parent == e.proposal.id]
            ),
        )
        for e in _ranked([entries[p.id] for p in proposals if p.klass == "engagement"])
    ]
    parents = {e.proposal.id for e in engagements}
    initiatives = _ranked([entries[p.id] for p in proposals if p.klass == "initiative"])
    unclassed = _ranked(
        [
            entries[p.id]
            for p in proposals
            if p.klass is None or (p.klass == "action" and p.parent not in parents)
        ]
    )
    return Board(engagements=engagements, initiatives=initiatives, unclassed=unclassed)
