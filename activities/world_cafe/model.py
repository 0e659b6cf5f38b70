"""The world café's state: settings, groups, schedule, the clock's anchor, contributions; and how
each event changes it (one small fold per event type). Pure."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from facilitation.events import ActivityEvent, Folder
from facilitation.session import SessionState

from .clock import Anchor, Timing, read
from .contributions import Contribution, table_count
from .events import (
    CafeFinished,
    CafeStarted,
    ClockPaused,
    ClockResumed,
    ContributionAdded,
    ContributionModerated,
    GroupsMerged,
    LateArrivalPlaced,
    PersonMoved,
    RotationSkipped,
    ScheduleEdited,
    SetupChanged,
    TimeAdded,
)
from .schedule import Group, rotation_schedule, schedule_problem
from .settings import CafeSettings, SettingsError, parse_settings


class CafeState(BaseModel):
    settings: CafeSettings = Field(default_factory=CafeSettings)
    error: str | None = None  # the plan's settings could not be read (shown on the console)
    schedule_edit: list[list[int]] | None = None
    started_at: float | None = None
    groups: list[Group] = Field(default_factory=list)
    schedule: list[list[int]] = Field(default_factory=list)
    member_of: dict[str, int] = Field(default_factory=dict)
    anchor: Anchor | None = None
    finished_at: float | None = None
    contributions: list[Contribution] = Field(default_factory=list)

    @property
    def started(self) -> bool:
        return self.started_at is not None

    @property
    def tables(self) -> int:
        return len(self.settings.themes)

    @property
    def rotations(self) -> int:
        return len(self.schedule) if self.schedule else self.settings.rotation_count

    def timing(self, now: float) -> Timing:
        return read(
            self.anchor,
            now,
            rotations=self.rotations,
            rotation_s=self.settings.rotation_seconds,
            pause_s=self.settings.pause_seconds,
            finished_at=self.finished_at,
        )

    def table_of(self, group: int, rotation: int) -> int | None:
        if not 0 <= rotation < len(self.schedule) or not 0 <= group < len(self.schedule[rotation]):
            return None
        return self.schedule[rotation][group]

    def groups_at(self, table: int, rotation: int) -> list[int]:
        if not 0 <= rotation < len(self.schedule):
            return []
        return [
            g
            for g, t in enumerate(self.schedule[rotation])
            if t == table and g < len(self.groups) and self.groups[g].merged_into is None
        ]

    def count(self, table: int) -> int:
        return table_count(self.contributions, table)

    def planned_schedule(self, people: int, remote: int = 0) -> list[list[int]]:
        """The schedule the café would start with if `people` were present now (`remote` of them)."""
        if self.schedule_edit is not None:
            return self.schedule_edit
        if not self.tables:
            return []
        count = self.settings.group_count(people, remote)
        return rotation_schedule(count, self.tables, self.settings.rotation_count)


def initial_state(raw: dict[str, Any]) -> CafeState:
    """The state from the plan's settings; bad settings leave an error for the console to show."""
    try:
        return CafeState(settings=parse_settings(raw))
    except SettingsError as exc:
        return CafeState(error=exc.details)


def find(state: CafeState, cid: str) -> Contribution | None:
    return next((c for c in state.contributions if c.id == cid), None)


# --- folding events -----------------------------------------------------------------------------


fold: Folder[CafeState, []] = Folder()


@fold.on(SetupChanged)
def _setup_changed(state: CafeState, e: SetupChanged) -> None:
    state.settings = CafeSettings.model_validate(e.settings)
    state.error = None
    edit = state.schedule_edit
    if edit and (
        len(edit) != state.settings.rotation_count or schedule_problem(edit, len(edit[0]), state.tables)
    ):
        state.schedule_edit = None  # a hand-made schedule that no longer fits is dropped


@fold.on(ScheduleEdited)
def _schedule_edited(state: CafeState, e: ScheduleEdited) -> None:
    state.schedule_edit = e.schedule


@fold.on(CafeStarted)
def _started(state: CafeState, e: CafeStarted) -> None:
    state.started_at = e.at
    state.groups = [g.model_copy(deep=True) for g in e.groups]
    state.schedule = [list(row) for row in e.schedule]
    state.member_of = {t: g for g, group in enumerate(state.groups) for t in group.members}
    state.anchor = Anchor(segment=0, ends_at=e.ends_at)


@fold.on(ClockPaused)
def _paused(state: CafeState, e: ClockPaused) -> None:
    state.anchor = Anchor(segment=e.segment, paused=True, remaining=e.remaining)


@fold.on(ClockResumed, RotationSkipped)
def _running_until(state: CafeState, e: ClockResumed | RotationSkipped) -> None:
    state.anchor = Anchor(segment=e.segment, ends_at=e.ends_at)


@fold.on(TimeAdded)
def _time_added(state: CafeState, e: TimeAdded) -> None:
    if e.ends_at is not None:
        state.anchor = Anchor(segment=e.segment, ends_at=e.ends_at)
    else:
        state.anchor = Anchor(segment=e.segment, paused=True, remaining=e.remaining or 0.0)


@fold.on(CafeFinished)
def _finished(state: CafeState, e: CafeFinished) -> None:
    state.finished_at = e.at


def _put(state: CafeState, token: str, group: int) -> None:
    old = state.member_of.get(token)
    if old is not None and token in state.groups[old].members:
        state.groups[old].members.remove(token)
    state.groups[group].members.append(token)
    state.member_of[token] = group


@fold.on(LateArrivalPlaced)
def _late_arrival(state: CafeState, e: LateArrivalPlaced) -> None:
    _put(state, e.token, e.group)
    if e.remote and not state.groups[e.group].remote:
        state.groups[e.group].mixed = True


@fold.on(PersonMoved)
def _person_moved(state: CafeState, e: PersonMoved) -> None:
    _put(state, e.token, e.group)


@fold.on(GroupsMerged)
def _groups_merged(state: CafeState, e: GroupsMerged) -> None:
    source, target = state.groups[e.source], state.groups[e.target]
    target.members.extend(source.members)
    target.mixed = target.mixed or source.mixed or source.remote != target.remote
    for token in source.members:
        state.member_of[token] = e.target
    source.members = []
    source.merged_into = e.target


@fold.on(ContributionAdded)
def _contribution_added(state: CafeState, e: ContributionAdded) -> None:
    state.contributions.append(
        Contribution(
            id=e.id,
            table=e.table,
            rotation=e.rotation,
            group=e.group,
            kind=e.kind,
            text=e.text,
            actor_kind=e.actor_kind,
            why=e.why,
            held=e.held,
            held_reason=e.held_reason,
            spans=list(e.spans),
            why_held=e.why_held,
            why_held_reason=e.why_held_reason,
            why_spans=list(e.why_spans),
            at=e.at,
        )
    )


@fold.on(ContributionModerated)
def _contribution_moderated(state: CafeState, e: ContributionModerated) -> None:
    c = find(state, e.id)
    if c is None:
        return
    if e.field == "why":
        if e.hidden is not None:
            c.why_hidden = e.hidden
        if e.approved:
            c.why_held = False
        if e.text is not None:
            c.why, c.why_spans = e.text, []
    else:
        if e.hidden is not None:
            c.hidden = e.hidden
        if e.approved:
            c.held = False
        if e.text is not None:
            c.text, c.spans = e.text, []


def apply(state: CafeState, e: ActivityEvent, session: SessionState | None = None) -> CafeState:
    """Fold one event into the state (in place) and return it; the session is not needed."""
    return fold(state, e)
