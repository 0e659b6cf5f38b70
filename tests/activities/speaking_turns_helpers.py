"""A small forum for the speaking turns' pure tests: a live session, the activity at item 0."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from activities.speaking_turns.model import TurnsState
from facilitation import session as rules
from facilitation.activity import REGISTRY, CommandContext
from facilitation.events import Event

ITEM = 0


class Forum:
    def __init__(self, settings: dict[str, Any] | None = None, now: float = 1000.0) -> None:
        self.now = now
        item = rules.AgendaItem(title="Propulsion", kind="speaking_turns", settings=settings or {})
        self.session = rules.SessionState()
        self.events: list[Event] = []
        self._apply(rules.create("ABCDEF", "Forum", now, agenda=[item]))
        self._apply(rules.start(self.session, now))

    def _apply(self, events: list[Event]) -> list[Event]:
        for e in events:
            rules.apply(self.session, e, REGISTRY)
        self.events += events
        return events

    @property
    def state(self) -> TurnsState:
        return self.session.activities[ITEM]

    def join(self, token: str, category: rules.Category | None = None, mode: rules.Mode = "room") -> str:
        self._apply(rules.join(self.session, token, category, mode, self.now))
        return token

    def act(self, command: Callable[..., list[Event]], *args: Any, **kwargs: Any) -> list[Event]:
        cc = CommandContext(item=ITEM, now=self.now, session=self.session)
        return self._apply(command(self.state, cc, *args, **kwargs))

    def advance(self, seconds: float) -> None:
        self.now += seconds
