"""What a view is given: the room, the language, its subscriptions, and a safe way to submit."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from nicegui import ui

from ..activity import CommandContext
from ..events import Event
from ..i18n import RuleViolation, t
from ..room import Room
from ..session import SessionState

log = logging.getLogger(__name__)

Role = Literal["console", "screen", "phone"]


class Scope:
    """Subscriptions that live as long as one rendering of a view."""

    def __init__(self) -> None:
        self._unsubscribes: list[Callable[[], None]] = []

    def add(self, unsubscribe: Callable[[], None]) -> None:
        self._unsubscribes.append(unsubscribe)

    def close(self) -> None:
        for unsubscribe in self._unsubscribes:
            unsubscribe()
        self._unsubscribes.clear()


@dataclass
class ViewContext:
    room: Room
    lang: str
    role: Role
    item: int | None = None
    token: str | None = None
    scope: Scope = field(default_factory=Scope)

    @property
    def session(self) -> SessionState:
        return self.room.state

    @property
    def state(self) -> Any:
        """The activity state of this view's agenda item."""
        assert self.item is not None
        return self.room.state.activities[self.item]

    def t(self, key: str, **params: Any) -> str:
        return t(key, self.lang, **params)

    def now(self) -> float:
        return self.room.clock()

    def subscribe(self, topic: str, callback: Callable[[], None]) -> None:
        """Call `callback` when `topic` changes, until this rendering of the view is gone."""
        self.scope.add(self.room.subscribe(topic, callback))

    async def submit(self, decide: Callable[[SessionState], list[Event]]) -> bool:
        """Submit a command; a refusal or a failure is told to the person, in their language."""
        try:
            await self.room.submit(decide)
        except RuleViolation as refusal:
            ui.notify(refusal.message(self.lang), type="warning", position="top")
            return False
        except Exception:
            log.exception("command failed")
            ui.notify(self.t("error.internal"), type="negative", position="top")
            return False
        return True

    async def act(self, command: Callable[..., list[Event]], *args: Any, **kwargs: Any) -> bool:
        """Submit an activity command `command(activity_state, CommandContext, *args, **kwargs)`."""
        item = self.item
        assert item is not None

        def decide(session: SessionState) -> list[Event]:
            cc = CommandContext(item=item, now=self.room.clock(), session=session)
            return command(session.activities[item], cc, *args, **kwargs)

        return await self.submit(decide)


class Redrawer:
    """A container redrawn by `draw`, with subscriptions that end at each redraw and with the view."""

    def __init__(self, ctx: ViewContext, draw: Callable[[Redrawer], None], classes: str = "w-full") -> None:
        self.ctx, self.draw = ctx, draw
        self.scope = Scope()
        ctx.scope.add(self.scope.close)
        self.container = ui.column().classes(classes)
        self.redraw()

    def subscribe(self, topic: str, callback: Callable[[], None]) -> None:
        self.scope.add(self.ctx.room.subscribe(topic, callback))

    def redraw(self) -> None:
        self.scope.close()
        self.container.clear()
        with self.container:
            self.draw(self)
