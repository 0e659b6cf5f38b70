"""What the propulsion board shows, derived each time: engagements, each with its actions, then
initiatives, then what is not classed yet, each group ranked by support; for each proposal its
support, its contributors by collège and the room's ratings of its criteria; the last two from
their published snapshots, as the disclosure rule lets them be shown (never a count of 1 or 2, no
unanimity, moving only in steps that isolate nobody). Pure."""

from __future__ import annotations

from dataclasses import dataclass, field

from activities.controversies.map import DECLARED, UNSPECIFIED
from facilitation.disclosure import Published, shown
from facilitation.session import SessionState

from .events import Rating
from .model import COLLEGE_GROUPS, Proposal, PropulsionState
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
        """People contributing as published; None: none, or too few to be shown (alike)."""
        total = sum(self.contributors.values())
        return total if total else None


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


def _published(proposal: Proposal, key: str, columns: tuple[str, ...]) -> dict[str, int]:
    """One published snapshot as a row of counts (`HIDDEN` for what it hides); empty: nothing shown."""
    table = proposal.published.get(key, Published()).protected(columns)
    return {} if table.hidden else dict(table.total)


def entry(proposal: Proposal, session: SessionState) -> Entry:
    supporters = len(proposal.backing("support"))
    return Entry(
        proposal=proposal,
        support=supporters if shown(supporters) else None,
        contributors=_published(proposal, "contribute", COLLEGE_GROUPS),
        ratings={c: _published(proposal, f"rating:{c}", RATINGS) for c in CRITERIA},
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
