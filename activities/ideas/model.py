"""The idea workshop's state: ideas, clusters, the stage and each person's dots; and how each event
changes it (one small fold per event type). Pure: no UI, no I/O.

Dots are stored as people placed them (the latest count per person and target); the ranking is
derived from them each time it is asked for (`ranking`), never counted apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, Field, PrivateAttr

from facilitation.events import ActivityEvent, Folder
from facilitation.moderation import Span
from facilitation.session import SessionState

from .events import (
    By,
    ClusterChanged,
    DotsSet,
    IdeaAdded,
    IdeaModerated,
    IdeasClustered,
    IdeasMerged,
    IdeaUngrouped,
    Stage,
    StageChanged,
)
from .settings import IdeasSettings, SettingsError, parse_settings


class Idea(BaseModel):
    id: str
    text: str
    by: By
    source: str = ""
    origin: str = ""
    hidden: bool = False
    corrected: bool = False
    held: bool = False  # waiting for review: seen by nobody but the console (and its author)
    held_reason: str = ""
    spans: list[Span] = Field(default_factory=list)
    merged_into: str | None = None
    cluster: str | None = None
    at: float = 0.0

    @property
    def shown(self) -> bool:
        """Reaches screens, phones and the record: neither hidden nor held."""
        return not self.hidden and not self.held

    @property
    def standing(self) -> bool:
        """Shown, and not merged into another idea: an idea of its own on the wall."""
        return self.shown and self.merged_into is None


class Cluster(BaseModel):
    id: str
    name: str
    hidden: bool = False  # its name is hidden: it is called by its number
    at: float = 0.0

    @property
    def number(self) -> int:
        return int(self.id[1:])


@dataclass(frozen=True)
class Option:
    """What a dot can go to: a cluster (with its ideas) or an idea standing alone."""

    id: str
    kind: Literal["cluster", "idea"]
    label: str  # the cluster's name ("" when hidden: views say "Regroupement n") or the idea
    ideas: tuple[str, ...]  # the ideas' texts (a cluster's; an idea's own and those merged into it)


class IdeasState(BaseModel):
    settings: IdeasSettings = Field(default_factory=IdeasSettings)
    error: str | None = None  # the plan's settings could not be read (shown on the console)
    ideas: list[Idea] = Field(default_factory=list)
    clusters: list[Cluster] = Field(default_factory=list)
    stage: Stage = "collect"
    ballots: dict[str, dict[str, int]] = Field(default_factory=dict)  # token -> target -> dots
    revision: int = 0  # events folded so far (views cache what they draw by it)
    wall: int = 0  # events that changed ideas or clusters (not dots): the options' version
    _options: tuple[int, list[Option], frozenset[str]] | None = PrivateAttr(default=None)

    def idea(self, idea_id: str) -> Idea | None:
        return next((i for i in self.ideas if i.id == idea_id), None)

    def cluster(self, cluster_id: str) -> Cluster | None:
        return next((c for c in self.clusters if c.id == cluster_id), None)

    def standing(self) -> list[Idea]:
        """The ideas on the wall: shown and not merged into another."""
        return [i for i in self.ideas if i.standing]

    def merged_into(self, idea_id: str) -> list[Idea]:
        return [i for i in self.ideas if i.merged_into == idea_id and i.shown]

    def options(self) -> list[Option]:
        """What dots can go to, in the wall's order: each cluster that holds a standing idea, then
        each standing idea in no cluster. Kept until ideas or clusters change (a dot costs O(1))."""
        if self._options is None or self._options[0] != self.wall:
            options = self._build_options()
            self._options = (self.wall, options, frozenset(o.id for o in options))
        return self._options[1]

    def _build_options(self) -> list[Option]:
        texts: dict[str, list[str]] = {i.id: [i.text] for i in self.ideas if i.standing}
        for i in self.ideas:
            if i.shown and i.merged_into in texts:
                texts[i.merged_into].append(i.text)
        standing = [i for i in self.ideas if i.id in texts]
        members: dict[str, list[str]] = {c.id: [] for c in self.clusters}
        for idea in standing:
            if idea.cluster in members:
                members[idea.cluster].extend(texts[idea.id])
        found = [
            Option(c.id, "cluster", "" if c.hidden else c.name, tuple(members[c.id]))
            for c in self.clusters
            if members[c.id]
        ]
        found += [
            Option(i.id, "idea", i.text, tuple(texts[i.id]))
            for i in standing
            if i.cluster is None or i.cluster not in members
        ]
        return found

    def targets(self) -> frozenset[str]:
        self.options()
        assert self._options is not None
        return self._options[2]

    def dots_of(self, token: str) -> dict[str, int]:
        """`token`'s dots on what can receive dots now (dots left on an idea since hidden do not
        count, and may be placed again)."""
        valid = self.targets()
        return {t: n for t, n in self.ballots.get(token, {}).items() if n and t in valid}

    def used(self, token: str) -> int:
        return sum(self.dots_of(token).values())

    def tally(self) -> dict[str, int]:
        """Dots per option (every option, 0 included), derived from the ballots."""
        valid = self.targets()
        counts = dict.fromkeys(valid, 0)
        for ballot in self.ballots.values():
            for target, dots in ballot.items():
                if target in counts:
                    counts[target] += dots
        return counts

    def voters(self) -> int:
        """People with at least one dot on an option."""
        valid = self.targets()
        return sum(any(n and t in valid for t, n in ballot.items()) for ballot in self.ballots.values())

    def ranking(self) -> list[tuple[Option, int]]:
        """The options with their dots, most dots first (the wall's order between equals)."""
        counts = self.tally()
        options = self.options()
        order = {o.id: n for n, o in enumerate(options)}
        return sorted(((o, counts[o.id]) for o in options), key=lambda p: (-p[1], order[p[0].id]))


def initial_state(raw: dict[str, Any]) -> IdeasState:
    """The state from the plan's settings (its starting ideas on the wall); bad settings leave an
    error for the console to show."""
    try:
        settings = parse_settings(raw)
    except SettingsError as exc:
        return IdeasState(error=exc.details)
    ideas = [Idea(id=f"i{n}", text=text, by="plan") for n, text in enumerate(settings.ideas, start=1)]
    return IdeasState(settings=settings, ideas=ideas)


# --- folding events -----------------------------------------------------------------------------

fold: Folder[IdeasState, []] = Folder()


@fold.on(IdeaAdded)
def _idea_added(state: IdeasState, e: IdeaAdded) -> None:
    state.ideas.append(
        Idea(
            id=e.idea,
            text=e.text,
            by=e.by,
            source=e.source,
            origin=e.origin,
            held=e.held,
            held_reason=e.held_reason,
            spans=list(e.spans),
            at=e.at,
        )
    )


@fold.on(IdeaModerated)
def _idea_moderated(state: IdeasState, e: IdeaModerated) -> None:
    idea = state.idea(e.idea)
    if idea is None:
        return
    if e.hidden is not None:
        idea.hidden = e.hidden
    if e.approved:
        idea.held = False
    if e.text is not None:
        idea.text, idea.corrected, idea.spans = e.text, True, []


@fold.on(IdeasMerged)
def _merged(state: IdeasState, e: IdeasMerged) -> None:
    idea = state.idea(e.idea)
    if idea is not None:
        idea.merged_into, idea.cluster = e.into, None
        for other in state.ideas:  # what was merged into it follows it
            if other.merged_into == e.idea:
                other.merged_into = e.into


@fold.on(IdeasClustered)
def _clustered(state: IdeasState, e: IdeasClustered) -> None:
    state.clusters.append(Cluster(id=e.cluster, name=e.name, at=e.at))
    for idea_id in e.ideas:
        idea = state.idea(idea_id)
        if idea is not None:
            idea.cluster = e.cluster


@fold.on(IdeaUngrouped)
def _ungrouped(state: IdeasState, e: IdeaUngrouped) -> None:
    idea = state.idea(e.idea)
    if idea is not None:
        idea.cluster = None


@fold.on(ClusterChanged)
def _cluster_changed(state: IdeasState, e: ClusterChanged) -> None:
    cluster = state.cluster(e.cluster)
    if cluster is None:
        return
    if e.name is not None:
        cluster.name = e.name
    if e.hidden is not None:
        cluster.hidden = e.hidden


@fold.on(StageChanged)
def _stage(state: IdeasState, e: StageChanged) -> None:
    state.stage = e.stage


@fold.on(DotsSet)
def _dots(state: IdeasState, e: DotsSet) -> None:
    ballot = state.ballots.setdefault(e.token, {})
    if e.dots:
        ballot[e.target] = e.dots
    else:
        ballot.pop(e.target, None)


def apply(state: IdeasState, e: ActivityEvent, session: SessionState | None = None) -> IdeasState:
    """Fold one event into the state (in place) and return it; the session is not needed."""
    state.revision += 1
    if not isinstance(e, DotsSet):
        state.wall += 1
    return fold(state, e)
