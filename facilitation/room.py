"""A live session in memory: commands applied one at a time, persisted, then published."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Callable

from .activity import REGISTRY, Registry
from .bus import Bus, Callback
from .events import Event
from .session import SessionState, apply, replay, topics
from .store import Store

Decide = Callable[[SessionState], list[Event]]
Clock = Callable[[], float]


class Room:
    """One per session. The only write path: decide -> store.append -> apply -> publish."""

    def __init__(
        self,
        state: SessionState,
        store: Store,
        bus: Bus,
        clock: Clock = time.time,
        registry: Registry = REGISTRY,
    ) -> None:
        self.state = state
        self.store = store
        self.bus = bus
        self.clock = clock
        self.registry = registry
        self._lock = asyncio.Lock()
        self.connections: Counter[str] = Counter()  # live phone connections per token, memory only

    @property
    def code(self) -> str:
        return self.state.code

    @classmethod
    def load(
        cls, code: str, store: Store, bus: Bus, clock: Clock = time.time, registry: Registry = REGISTRY
    ) -> Room:
        return cls(replay(store.events(code), registry), store, bus, clock, registry)

    async def submit(self, decide: Decide) -> list[Event]:
        """Apply a command: its events are stored before anyone is told. Raises RuleViolation."""
        async with self._lock:
            return self.submit_now(decide)

    def submit_now(self, decide: Decide) -> list[Event]:
        """The same, for callers already in the event loop's turn (no await between steps)."""
        events = decide(self.state)
        if not events:
            return []
        self.store.append(self.code, events, self.clock())
        changed: set[str] = set()
        for e in events:
            apply(self.state, e, self.registry)
            changed |= topics(e, self.registry)
        status = self.state.status
        if any(e.type in ("session.started", "session.closed") for e in events):
            self.store.set_status(self.code, status, self.clock())
        self.bus.publish(self.code, changed)
        return events

    def subscribe(self, topic: str, callback: Callback) -> Callable[[], None]:
        return self.bus.subscribe(self.code, topic, callback)

    def connect(self, token: str) -> None:
        self.connections[token] += 1
        self.bus.publish(self.code, {"connections"})

    def disconnect(self, token: str) -> None:
        self.connections[token] -= 1
        if self.connections[token] <= 0:
            del self.connections[token]
        self.bus.publish(self.code, {"connections"})

    @property
    def connected(self) -> int:
        return len(self.connections)
