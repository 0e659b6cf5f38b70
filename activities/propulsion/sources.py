"""What the workshops of the session offer the board: the ideas and clusters of each idea workshop
(by dots), the statements of each controversy map (by divergence). Pure: it reads those
activities' pure modules, never their views, and the core never knows of it.

Why this way rather than a new member of the core's contract: the board is the only reader, the
two workshops are shipped beside it, and a promotion copies the text into this board's own log
(`ProposalAdded`), so nothing here can break when a workshop changes later. A workshop not built
into this Cercle is simply not offered.
"""

from __future__ import annotations

from dataclasses import dataclass

from activities.controversies.map import build_map
from activities.controversies.model import ControversiesState
from activities.ideas.display import option_label
from activities.ideas.model import IdeasState
from facilitation.i18n import t
from facilitation.session import SessionState


@dataclass(frozen=True)
class Offer:
    """A text a workshop offers: `key` ("item id:text id") is what a promotion remembers."""

    key: str
    text: str
    origin: str  # where it comes from, as people read it


@dataclass(frozen=True)
class Workshop:
    item: int
    title: str
    kind: str
    offers: list[Offer]


def workshops(session: SessionState, lang: str = "fr") -> list[Workshop]:
    """Every idea workshop and controversy map of the session, with what each offers, best first."""
    found = []
    for item_id, item in session.agenda.items():
        state = session.activities.get(item_id)
        if isinstance(state, IdeasState):
            offers = [
                Offer(
                    key=f"{item_id}:{option.id}",
                    text=_cut(
                        f"{option_label(option, lang)} : {' ; '.join(option.ideas)}"
                        if option.kind == "cluster"
                        else option.label
                    ),
                    origin=t("propulsion.origin.ideas", lang, title=item.title, n=dots),
                )
                for option, dots in state.ranking()
            ]
        elif isinstance(state, ControversiesState):
            offers = [
                Offer(
                    key=f"{item_id}:{m.statement.id}",
                    text=m.statement.text,
                    origin=(
                        t("propulsion.origin.controversy", lang, title=item.title, n=m.divergence)
                        if m.divergence is not None
                        else item.title
                    ),
                )
                for m in build_map(state, session)
            ]
        else:
            continue
        found.append(Workshop(item=item_id, title=item.title, kind=item.kind, offers=offers))
    return found


def _cut(text: str, limit: int = 500) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def offer(session: SessionState, key: str, lang: str = "fr") -> Offer | None:
    item, _, _ = key.partition(":")
    if not item.isdigit():
        return None
    for workshop in workshops(session, lang):
        if workshop.item == int(item):
            return next((o for o in workshop.offers if o.key == key), None)
    return None
