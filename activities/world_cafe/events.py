"""World café events: past-tense facts, stored as JSON. Never rename one; add a new type.

Times are epoch seconds. Clock events carry the end time they set (`ends_at`) or, when paused,
the seconds left (`remaining`): replaying the log gives the same clock without any ticking.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from facilitation.events import ActivityEvent, event
from facilitation.moderation import Span

from .contributions import ActorKind, ContributionKind
from .schedule import Group


@event
class SetupChanged(ActivityEvent):
    """Before the start, the facilitator changed the settings; `settings` is the whole new set."""

    type = "world_cafe.setup_changed"
    settings: dict[str, Any]
    at: float


@event
class ScheduleEdited(ActivityEvent):
    """Before the start, the facilitator edited the schedule (`schedule[r][g]` = table of group g
    in rotation r; its width fixes the number of groups), or reset it to the computed one (None)."""

    type = "world_cafe.schedule_edited"
    schedule: list[list[int]] | None = None
    at: float


@event
class CafeStarted(ActivityEvent):
    """The café started: `groups` as formed then (stored, never recomputed on replay), the
    `schedule` in force, and rotation 1 running until `ends_at`."""

    type = "world_cafe.started"
    groups: list[Group]
    schedule: list[list[int]]
    ends_at: float
    at: float


@event
class ClockPaused(ActivityEvent):
    """The clock stopped during `segment` with `remaining` seconds left."""

    type = "world_cafe.clock_paused"
    segment: int
    remaining: float
    at: float


@event
class ClockResumed(ActivityEvent):
    """The clock runs again: `segment` now ends at `ends_at`."""

    type = "world_cafe.clock_resumed"
    segment: int
    ends_at: float
    at: float


@event
class TimeAdded(ActivityEvent):
    """`seconds` were added to `segment`: it now ends at `ends_at`, or (paused) has `remaining` left."""

    type = "world_cafe.time_added"
    segment: int
    seconds: float
    ends_at: float | None = None
    remaining: float | None = None
    at: float


@event
class RotationSkipped(ActivityEvent):
    """The facilitator moved on: `segment` (a rotation) starts now and ends at `ends_at`."""

    type = "world_cafe.rotation_skipped"
    segment: int
    ends_at: float
    at: float


@event
class CafeFinished(ActivityEvent):
    """The facilitator ended the café before its last rotation ran out."""

    type = "world_cafe.finished"
    at: float


@event
class LateArrivalPlaced(ActivityEvent):
    """A participant who was not in a group when the café started joined group `group`."""

    type = "world_cafe.late_arrival_placed"
    token: str
    group: int
    remote: bool = False


@event
class PersonMoved(ActivityEvent):
    """The facilitator moved a participant to group `group`."""

    type = "world_cafe.person_moved"
    token: str
    group: int


@event
class GroupsMerged(ActivityEvent):
    """The facilitator merged group `source` into group `target` (source is left empty)."""

    type = "world_cafe.groups_merged"
    source: int
    target: int


@event
class ContributionAdded(ActivityEvent):
    """A contribution at `table` during `rotation` by a member of `group` (who, never stored).
    An actor: `text` is the organisation, `actor_kind`, `why`; an idea: `text`. `held` /
    `why_held`: kept for review by the session's moderation policy (with the reason and what
    the detector found)."""

    type = "world_cafe.contribution_added"
    id: str
    table: int
    rotation: int
    group: int
    kind: ContributionKind
    text: str = Field(max_length=500)
    actor_kind: ActorKind = "other"
    why: str = Field(default="", max_length=280)
    held: bool = False
    held_reason: str = ""
    spans: list[Span] = Field(default_factory=list)
    why_held: bool = False
    why_held_reason: str = ""
    why_spans: list[Span] = Field(default_factory=list)
    at: float


@event
class ContributionModerated(ActivityEvent):
    """The facilitator hid or showed (`hidden`), corrected (`text`) or approved (`approved`: a
    held text is shown) a contribution; `field` is "text" (the idea or the actor's name) or "why"
    (the actor's reason); `table` is where it was written (so that only that table's phones redraw)."""

    type = "world_cafe.contribution_moderated"
    id: str
    table: int | None = None
    field: str = "text"
    hidden: bool | None = None
    text: str | None = None
    approved: bool = False
    at: float
