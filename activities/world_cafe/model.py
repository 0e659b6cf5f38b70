"""The world café's state: settings, groups, schedule, the clock's anchor, contributions. Pure."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from .clock import Anchor, Timing, read
from .contributions import Contribution, table_count
from .schedule import Group, rotation_schedule
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

    def planned_schedule(self, people: int) -> list[list[int]]:
        """The schedule the café would start with if `people` were present now."""
        if self.schedule_edit is not None:
            return self.schedule_edit
        if not self.tables:
            return []
        return rotation_schedule(self.settings.group_count(people), self.tables, self.settings.rotation_count)


def initial_state(raw: dict[str, Any]) -> CafeState:
    """The state from the plan's settings; bad settings leave an error for the console to show."""
    try:
        return CafeState(settings=parse_settings(raw))
    except SettingsError as exc:
        return CafeState(error=exc.details)


def find(state: CafeState, cid: str) -> Contribution | None:
    return next((c for c in state.contributions if c.id == cid), None)
