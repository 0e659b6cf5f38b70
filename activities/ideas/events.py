"""Idea workshop events: past-tense facts, stored as JSON. Never rename one; add a new type.

Ideas are `i1`, `i2`…, clusters `c1`, `c2`… in the order they were made; a dot vote's `target` is
an idea or a cluster. Times are epoch seconds.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from facilitation.events import ActivityEvent, event
from facilitation.moderation import Span

Stage = Literal["collect", "vote", "closed"]
By = Literal["plan", "phone", "facilitator", "import"]


@event
class IdeaAdded(ActivityEvent):
    """Idea `idea` was posted: from a phone, by the facilitator, from the plan (when the item
    began) or copied from another agenda item (`by` "import", `source` saying which text it was,
    `item id:text id`, so that it is not imported twice). `held`: kept for the facilitator's review
    by the session's moderation policy (`held_reason`, the detector's `spans`). Never holds who
    wrote it."""

    type = "ideas.idea_added"
    idea: str
    text: str
    by: By
    source: str = ""
    origin: str = ""  # where an imported idea was written, as people read it ("World café, table 2")
    held: bool = False
    held_reason: str = ""
    spans: list[Span] = Field(default_factory=list)
    at: float


@event
class IdeaModerated(ActivityEvent):
    """The facilitator hid or showed (`hidden`), corrected (`text`) or approved (`approved`: a held
    idea is shown) idea `idea`; a field left None is unchanged."""

    type = "ideas.idea_moderated"
    idea: str
    hidden: bool | None = None
    text: str | None = None
    approved: bool = False
    at: float


@event
class IdeasMerged(ActivityEvent):
    """Idea `idea` says the same as `into`: it is shown as part of `into` from now on."""

    type = "ideas.ideas_merged"
    idea: str
    into: str
    at: float


@event
class IdeasClustered(ActivityEvent):
    """The facilitator grouped `ideas` under the name `name`, as cluster `cluster` (a new one);
    an idea that was in another cluster left it."""

    type = "ideas.ideas_clustered"
    cluster: str
    name: str
    ideas: list[str]
    at: float


@event
class IdeaUngrouped(ActivityEvent):
    """Idea `idea` left its cluster (a cluster left with no idea is no longer shown)."""

    type = "ideas.idea_ungrouped"
    idea: str
    at: float


@event
class ClusterChanged(ActivityEvent):
    """The facilitator renamed (`name`) cluster `cluster`, or hid or showed its name (`hidden`:
    the cluster is then called by its number); a field left None is unchanged."""

    type = "ideas.cluster_changed"
    cluster: str
    name: str | None = None
    hidden: bool | None = None
    at: float


@event
class StageChanged(ActivityEvent):
    """The workshop moved to `stage`: "collect" (ideas are posted and grouped), "vote" (the dot
    vote is open), "closed" (the vote is closed and its ranking is final)."""

    type = "ideas.stage_changed"
    stage: Stage
    at: float


@event
class DotsSet(ActivityEvent):
    """Participant `token` now has `dots` dots on `target` (an idea or a cluster); the latest
    event of a token on a target is what counts."""

    type = "ideas.dots_set"
    token: str
    target: str
    dots: int
    at: float
