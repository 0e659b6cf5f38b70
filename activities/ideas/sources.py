"""Where else ideas were written in the session: the ideas contributed at a world café's tables.
Pure: it reads the café's pure model (`activities.world_cafe.model`), never its views, and the
core never knows of it.

Why read the café's model here rather than through a new member of the core's contract: only
this workshop needs it today, the café's `Contribution` already says what an idea is and whether
it may be shown (`kind`, `shown`), and importing copies the text (an `IdeaAdded` event in this
workshop's log), so nothing breaks when the café's texts change later. A second reader would be
the moment to move this into the contract.
"""

from __future__ import annotations

from dataclasses import dataclass

from activities.world_cafe.contributions import table_ideas
from activities.world_cafe.model import CafeState
from facilitation.i18n import t
from facilitation.session import SessionState

CAFE = "world_cafe"


@dataclass(frozen=True)
class SourceIdea:
    """An idea written elsewhere: `key` ("item id:text id") is what an import remembers."""

    key: str
    text: str
    where: str  # "Table 2 — Controverses", as people read it


@dataclass(frozen=True)
class Source:
    item: int
    title: str
    ideas: list[SourceIdea]


def cafe_sources(session: SessionState, lang: str = "fr") -> list[Source]:
    """Every world café item of the session, with the ideas shown at its tables."""
    found = []
    for item_id, item in session.agenda.items():
        state = session.activities.get(item_id)
        if item.kind != CAFE or not isinstance(state, CafeState):
            continue
        ideas = [
            SourceIdea(
                key=f"{item_id}:{c.id}",
                text=c.text,
                where=f"{t('world_cafe.table', lang, n=table + 1)} — {theme.title}",
            )
            for table, theme in enumerate(state.settings.themes)
            for c in table_ideas(state.contributions, table)
        ]
        found.append(Source(item=item_id, title=item.title, ideas=ideas))
    return found


def source_of(session: SessionState, item_id: int, lang: str = "fr") -> Source | None:
    return next((s for s in cafe_sources(session, lang) if s.item == item_id), None)
