"""Small pieces the pages share: the current item, counts, durations, the activity slot."""

from __future__ import annotations

import logging
from collections.abc import Callable

from nicegui import ui

from ..activity import Activity
from ..i18n import t
from ..room import Room
from ..session import MOMENT, SessionState
from .context import Role, Scope, ViewContext

log = logging.getLogger(__name__)


def minutes(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    seconds = int(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}"


def current_activity(room: Room) -> tuple[int | None, Activity | None]:
    """The current agenda position and its activity (None for a moment or a kind not built)."""
    state = room.state
    if state.current is None or state.status != "live":
        return state.current, None
    item = state.agenda[state.current]
    if item.kind == MOMENT or state.current not in state.activities:
        return state.current, None
    return state.current, room.registry.get(item.kind)


def is_unavailable(state: SessionState, index: int) -> bool:
    """An agenda item whose activity is not built into this Cercle."""
    item = state.agenda[index]
    return item.kind != MOMENT and index not in state.activities


class ActivitySlot:
    """A container that shows the current activity's view, rebuilt only when the item changes."""

    def __init__(
        self,
        room: Room,
        lang: str,
        role: Role,
        token: str | None = None,
        fallback: Callable[[], None] | None = None,
    ) -> None:
        self.room, self.lang, self.role, self.token, self.fallback = room, lang, role, token, fallback
        self.container = ui.column().classes("w-full cercle-activity")
        self.scope = Scope()
        self.shown: tuple[int | None, str | None, str] | None = None
        self.update()

    def update(self, force: bool = False) -> None:
        index, activity = current_activity(self.room)
        key = (index, activity.kind if activity else None, self.room.state.status)
        if key == self.shown and not force:
            return
        self.shown = key
        self.scope.close()
        self.container.clear()
        with self.container:
            if activity is None:
                if self.fallback is not None:
                    self.fallback()
                return
            ctx = ViewContext(self.room, self.lang, self.role, item=index, token=self.token, scope=self.scope)
            try:
                getattr(activity, self.role)(ctx)
            except Exception:  # one broken view must not take the console, screen or phone down
                log.exception("the %s view of %s failed", self.role, activity.kind)
                self.scope.close()
                self.container.clear()
                with self.container:
                    ui.label(t("error.view", self.lang)).classes("cercle-notice cercle-notice-error")

    def close(self) -> None:
        self.scope.close()
