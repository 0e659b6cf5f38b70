"""A small forum for the speaking turns' pure tests: a live session, the activity at item 0."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from activities.speaking_turns.model import TurnsState
from facilitation import session as rules
from facilitation.activity import REGISTRY
from facilitation.commands import HOST, SYSTEM, Actor, roles_of
from facilitation.events import Event

ITEM = 0


class Forum:
    def __init__(self, settings: dict[str, Any] | None = None, now: float = 1000.0) -> None:
        self.now = now
        item = rules.AgendaItem(title="Propulsion", kind="speaking_turns", settings=settings or {})
        self.session = rules.SessionState()
        self.events: list[Event] = []
        self._apply(
            rules.decide(
                self.session, SYSTEM, rules.create, code="ABCDEF", title="Forum", agenda=[item], now=now
            )
        )
        self._apply(rules.decide(self.session, HOST, rules.start, now=now))

    def _apply(self, events: list[Event]) -> list[Event]:
        for e in events:
            rules.apply(self.session, e, REGISTRY)
        self.events += events
        return events

    @property
    def state(self) -> TurnsState:
        return self.session.activities[ITEM]

    def join(self, token: str, category: rules.Category | None = None, mode: rules.Mode = "room") -> str:
        self._apply(
            rules.decide(self.session, Actor.participant(token), rules.join, category, mode, now=self.now)
        )
        return token

    def act(self, command: Callable[..., list[Event]], *args: Any, **kwargs: Any) -> list[Event]:
        """Run `command` as the room would: a participant's command takes the participant's token
        as its first argument here (`act(raise_hand, "tok", "r1")`), anything else is the host's."""
        actor = HOST
        if roles_of(command) == {"participant"}:
            token, *rest = args
            actor, args = Actor.participant(token), tuple(rest)
        return self._apply(
            rules.decide(self.session, actor, command, *args, item=ITEM, now=self.now, **kwargs)
        )

    def advance(self, seconds: float) -> None:
        self.now += seconds
