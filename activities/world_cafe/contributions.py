"""Contributions at the tables: ideas and actor references, and how actors are deduplicated. Pure."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, Field

from facilitation.moderation import Span
from facilitation.text import clean_text

ContributionKind = Literal["actor", "idea"]
ActorKind = Literal["public", "association", "company", "research", "media", "other"]
ACTOR_KINDS: tuple[ActorKind, ...] = ("public", "association", "company", "research", "media", "other")

NAME_MAX = 120
WHY_MAX = 280
IDEA_MAX = 500

_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_'\u2019/]+")
_DROPPED = re.compile(r"[.\u00b7]")


def actor_key(name: str) -> str:
    """The key under which two actor names count as one.

    The rule: accents are dropped (é -> e), case is ignored (casefold), hyphens, dashes,
    apostrophes, underscores and slashes count as spaces, dots are dropped (so "C.N.I.L." is
    "CNIL"), and runs of spaces count as one. Nothing else is merged: articles and word order
    matter ("La Quadrature du Net" and "Quadrature du Net" stay two actors), as do spelling
    differences. So "Regards Citoyens", "regards  citoyens" and "Regards-Citoyens" are one actor.
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _DROPPED.sub("", text)
    return " ".join(_SEPARATORS.sub(" ", text).split())


class Contribution(BaseModel):
    """One contribution as stored (no token, no name of who wrote it). For an actor, `text` is the
    organisation's name, `actor_kind` its kind and `why` why it matters; for an idea, `text`."""

    id: str
    table: int
    rotation: int
    group: int
    kind: ContributionKind
    text: str
    actor_kind: ActorKind = "other"
    why: str = ""
    hidden: bool = False
    why_hidden: bool = False
    held: bool = False  # `text` waits for review: shown nowhere but the console (and its author)
    held_reason: str = ""
    spans: list[Span] = Field(default_factory=list)
    why_held: bool = False  # the same, for `why`
    why_held_reason: str = ""
    why_spans: list[Span] = Field(default_factory=list)
    at: float = 0.0

    @property
    def shown(self) -> bool:
        """`text` reaches screens, phones and the record: neither hidden nor held."""
        return not self.hidden and not self.held

    @property
    def why_shown(self) -> bool:
        return bool(self.why) and not self.why_hidden and not self.why_held


@dataclass
class ActorLine:
    """An actor on a table's map: its most used spelling, the first mention's kind, every mention."""

    key: str
    name: str
    kind: ActorKind
    mentions: int = 0
    reasons: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)


def table_actors(contributions: list[Contribution], table: int) -> list[ActorLine]:
    """The visible actors of `table`, deduplicated by `actor_key`, in order of first mention; an
    actor is named by its most used spelling and keeps the kind given at its first mention."""
    lines: dict[str, ActorLine] = {}
    spellings: dict[str, Counter[str]] = {}
    for c in contributions:
        if c.table != table or c.kind != "actor" or not c.shown:
            continue
        key = actor_key(c.text)
        line = lines.get(key)
        if line is None:
            line = lines[key] = ActorLine(key=key, name=c.text, kind=c.actor_kind)
            spellings[key] = Counter()
        spellings[key][c.text] += 1
        line.name = max(spellings[key], key=lambda name: spellings[key][name])  # most used, first on a tie
        line.mentions += 1
        line.ids.append(c.id)
        if c.why_shown:
            line.reasons.append(c.why)
    return list(lines.values())


def table_ideas(contributions: list[Contribution], table: int) -> list[Contribution]:
    return [c for c in contributions if c.table == table and c.kind == "idea" and c.shown]


def table_count(contributions: list[Contribution], table: int) -> int:
    """Progress toward the target: distinct actors plus ideas (a repeated actor counts once)."""
    return len(table_actors(contributions, table)) + len(table_ideas(contributions, table))


def actors_by_kind(lines: list[ActorLine]) -> dict[ActorKind, list[ActorLine]]:
    """Actors grouped by kind (kinds in their fixed order), most mentioned first."""
    grouped: dict[ActorKind, list[ActorLine]] = {}
    for kind in ACTOR_KINDS:
        chosen = [line for line in lines if line.kind == kind]
        if chosen:
            grouped[kind] = sorted(chosen, key=lambda line: -line.mentions)
    return grouped


def clean(text: str) -> str:
    """One line, invisible characters removed, spaces tidied (`facilitation.text.clean_text`)."""
    return clean_text(text)
