"""Small pieces the pages share: the current item, counts, durations, the activity slot."""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Callable
from typing import Any

from nicegui import ui

from ..activity import MOMENT, Activity
from ..i18n import t
from ..room import Room
from ..session import SessionState
from .context import Role, Scope, ViewContext

log = logging.getLogger(__name__)


def clear_sent(field: Any, sent: str) -> None:
    """Empty a field once its text was taken, unless its author already typed the next one
    while the text was being checked."""
    if (field.value or "") == sent:
        field.value = ""


def minutes(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    seconds = int(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}"


def current_activity(room: Room) -> tuple[int | None, Activity[Any] | None]:
    """The current agenda item's id and its activity (None for a moment or a kind not built)."""
    found = room.current_activity()
    return (found[0], found[1]) if found is not None else (room.state.current, None)


def is_unavailable(state: SessionState, item_id: int) -> bool:
    """An agenda item whose activity is not built into this Cercle."""
    item = state.agenda[item_id]
    return item.kind != MOMENT and item_id not in state.activities


DEFER_TURNS = 20  # loop turns left to the bus's chunks (the new titles) before building views
DEFER_BATCH = 10


class Renderer:
    """Builds deferred views a few at a time, letting the loop turn between batches.

    Rebuilding an activity view costs ~20 elements; on a thousand phones at once that is seconds
    of work. Done here, after the new title has reached everyone, and in small batches, it
    never holds a vote, a ping or the console behind it.
    """

    def __init__(self) -> None:
        self.queue: deque[Callable[[], None]] = deque()
        self.task: asyncio.Task[None] | None = None

    def defer(self, build: Callable[[], None]) -> None:
        self.queue.append(build)
        if self.task is None or self.task.done():
            self.task = asyncio.get_running_loop().create_task(self.drain())

    async def drain(self) -> None:
        for _ in range(DEFER_TURNS):  # turns, not seconds: the titles go first, whatever the machine
            await asyncio.sleep(0)
        while self.queue:
            for _ in range(min(DEFER_BATCH, len(self.queue))):
                build = self.queue.popleft()
                try:
                    build()
                except Exception:
                    log.exception("a deferred view failed to build")
            await asyncio.sleep(0)


RENDERER = Renderer()


class ActivitySlot:
    """A container that shows the current activity's view, rebuilt only when the item changes.

    With `deferred` (phones), a change hides the old view at once and builds the new one through
    the `RENDERER`; the first build, when the page opens, is immediate.
    """

    def __init__(
        self,
        room: Room,
        lang: str,
        role: Role,
        token: str | None = None,
        fallback: Callable[[], None] | None = None,
        deferred: bool = False,
    ) -> None:
        self.room, self.lang, self.role, self.token, self.fallback = room, lang, role, token, fallback
        self.deferred = deferred
        self.container = ui.column().classes("w-full cercle-activity")
        self.scope = Scope(self.container)
        self.shown: tuple[int | None, str | None, str] | None = None
        self.update()

    def key(self) -> tuple[int | None, str | None, str]:
        index, activity = current_activity(self.room)
        return (index, activity.kind if activity else None, self.room.state.status)

    def update(self, force: bool = False) -> None:
        if self.key() == self.shown and not force:
            return
        if self.deferred and self.shown is not None:
            self.shown = None  # whatever is drawn is stale until the rebuild
            self.scope.close()
            self.container.set_visibility(False)
            RENDERER.defer(self.build)
            return
        self.build()

    def build(self) -> None:
        if self.container.is_deleted or self.container.client.is_deleted:
            return
        key = self.key()
        if key == self.shown:
            return
        self.shown = key
        index, activity = current_activity(self.room)
        self.scope.close()
        self.container.clear()
        self.container.set_visibility(True)
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
