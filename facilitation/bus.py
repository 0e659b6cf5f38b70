"""How a Room tells its views that something changed.

Publishing names topics, not data: subscribers re-read the state they show. Bursts coalesce:
a topic published many times before its flush reaches each subscriber once. Tally topics
("tally", "tally:...") are throttled on the leading edge: the first change goes out at once,
then at most one delivery every `TALLY_INTERVAL` seconds; phones that follow the screen hear of
the same changes as "follow:tally…", at most every `FOLLOW_INTERVAL` seconds. A delivery to many subscribers (a
phase change reaching every phone) runs in chunks of `CHUNK`, so that the votes arriving
meanwhile are not held behind it.

Between processes (`facilitation/redis_bus.py`), a bus carries only "session X has events up to
sequence number N" (`announce`): each process catches its replica up from the log and publishes
the topics to its own views. Tokens and texts never travel on it.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Protocol

log = logging.getLogger(__name__)

BATCH_DELAY = 0.02
TALLY_INTERVAL = 0.2
FOLLOW_INTERVAL = 0.5  # what every phone follows (the screen's tallies, at phone size)
CHUNK = 100
FOLLOW = "follow:"  # a tally topic as phones follow it: "follow:tally", "follow:tally:world_cafe"


def followed(topic: str) -> str:
    """The topic under which phones following the screen hear of a tally topic: the same
    changes, coalesced to at most two deliveries a second (a vote costs no fan-out to phones)."""
    return FOLLOW + topic if topic.startswith("tally") else topic


Callback = Callable[[], None]
Heard = Callable[[str, int], None]  # (session code, its next sequence number, or ERASED)


class Bus(Protocol):
    def subscribe(self, code: str, topic: str, callback: Callback) -> Callable[[], None]: ...

    def publish(self, code: str, topics: Iterable[str]) -> None:
        """Tell this process's subscribers of `code` that these topics changed."""
        ...

    def announce(self, code: str, seq: int) -> None:
        """Tell the other processes that `code`'s log now reaches `seq` (nothing to do alone)."""
        ...

    def listen(self, heard: Heard, reconnected: Callback) -> None:
        """Call `heard` for each announcement of another process, and `reconnected` whenever
        announcements may have been missed (the bus was out of reach)."""
        ...

    def count_connections(self, code: str, n: int) -> None:
        """This process now has `n` phones connected to `code` (for the other processes)."""
        ...

    def connected_elsewhere(self, code: str, at_most: int) -> int:
        """Phones connected to `code` through the other processes, never more than `at_most`
        (the session's participants: a larger count from elsewhere is not believed)."""
        ...

    def subscriptions(self) -> int:
        """How many subscriptions are alive (a leak shows here, on `/healthz`)."""
        ...


class LocalBus:
    """The in-process bus: one event loop, coalesced flushes."""

    def __init__(self) -> None:
        self._subscribers: dict[tuple[str, str], dict[int, Callback]] = defaultdict(dict)
        self._pending: set[tuple[str, str]] = set()
        self._last_flush: dict[tuple[str, str], float] = {}
        self._next_id = 0

    def subscribe(self, code: str, topic: str, callback: Callback) -> Callable[[], None]:
        key = (code, topic)
        self._next_id += 1
        sid = self._next_id
        self._subscribers[key][sid] = callback

        def unsubscribe() -> None:
            subscribers = self._subscribers.get(key)
            if subscribers is not None:
                subscribers.pop(sid, None)
                if not subscribers:
                    del self._subscribers[key]

        return unsubscribe

    def announce(self, code: str, seq: int) -> None:
        return None  # one process: nobody else to tell

    def listen(self, heard: Heard, reconnected: Callback) -> None:
        return None

    def count_connections(self, code: str, n: int) -> None:
        return None

    def connected_elsewhere(self, code: str, at_most: int) -> int:
        return 0

    def subscriber_count(self, code: str, topic: str) -> int:
        return len(self._subscribers.get((code, topic), {}))

    def subscriptions(self) -> int:
        return sum(len(callbacks) for callbacks in self._subscribers.values())

    def publish(self, code: str, topics: Iterable[str]) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no loop (pure tests, start-up): deliver at once
            for topic in topics:
                self._deliver((code, topic))
            return
        for topic in topics:
            if topic.startswith("tally"):
                self._schedule(loop, (code, FOLLOW + topic), FOLLOW_INTERVAL)
                self._schedule(loop, (code, topic), TALLY_INTERVAL)
            else:
                self._schedule(loop, (code, topic), None)

    def _schedule(
        self, loop: asyncio.AbstractEventLoop, key: tuple[str, str], interval: float | None
    ) -> None:
        """Flush `key` after the batch delay, or, for a throttled topic, at once when idle and
        then at most once per `interval`."""
        if key in self._pending or key not in self._subscribers:
            return
        self._pending.add(key)
        if interval is None:
            delay = BATCH_DELAY
        else:
            delay = max(0.0, self._last_flush.get(key, -interval) + interval - loop.time())
        loop.call_later(delay, self._flush, key)

    def _flush(self, key: tuple[str, str]) -> None:
        self._pending.discard(key)
        self._last_flush[key] = asyncio.get_running_loop().time()
        self._deliver(key)

    def _deliver(self, key: tuple[str, str]) -> None:
        callbacks = list(self._subscribers.get(key, {}).items())
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self._run(key, callbacks)
            return
        self._chunk(loop, key, callbacks, 0)

    def _chunk(
        self,
        loop: asyncio.AbstractEventLoop,
        key: tuple[str, str],
        callbacks: list[tuple[int, Callback]],
        start: int,
    ) -> None:
        """Run one chunk, then let the loop turn (and read the sockets) before the next."""
        self._run(key, callbacks[start : start + CHUNK])
        if start + CHUNK < len(callbacks):
            loop.call_soon(self._chunk, loop, key, callbacks, start + CHUNK)

    def _run(self, key: tuple[str, str], callbacks: list[tuple[int, Callback]]) -> None:
        current = self._subscribers.get(key, {})
        for sid, callback in callbacks:
            if sid not in current:
                continue  # unsubscribed since the delivery began (its page is gone)
            try:
                callback()
            except Exception:  # a broken view must not stop the others
                log.exception("subscriber of %s failed", key[1])
