"""A short-lived store shared by the processes, for what must never reach the log or a disk.

Some values are typed to be shown for a while and never kept: the names people give to be
called by in the speaking turns' queue, the facilitator's labels. They are not commands (the
log would keep them), yet every process serving a session must show them. `Ephemeral` holds
them per session code and key, read synchronously by the views from this process's memory:

- `MemoryEphemeral`: this process's memory only (one process, no `CERCLE_REDIS_URL`).
- `RedisEphemeral`: the same memory as a cache of one Redis hash per session
  (`cercle:ephemeral:<code>`), which expires a day after its last change (`TTL`) and is deleted
  when the session closes (`drop`). A change is written in the background, then told on the
  channel `cercle:ephemeral` as "<process> <code> <key>" (never the value); the other processes
  read the session's hash again and publish, on their own bus, the topics their views of the
  session follow (`follow`), so the views redraw. Redis keeps nothing on disk with
  `deploy/redis.conf` (no RDB snapshot, no append-only file). The lines are signed with the
  shared secret as the bus's are (`redis_bus.Seal`): a line without a right signature is
  dropped, so nobody without the secret makes the processes forget a session's names.

The store is chosen where the bus is (`Service.open`) and reached with `shared()`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections import defaultdict
from collections.abc import Iterable
from typing import Protocol

import redis.asyncio as redis
from redis.exceptions import RedisError

from .bus import Bus
from .redis_bus import RETRY, Seal, new_client, stop_tasks, subscribe_forever

log = logging.getLogger(__name__)

CHANNEL = "cercle:ephemeral"
PREFIX = "cercle:ephemeral:"
TTL = 24 * 3600  # seconds a session's values outlive their last change in Redis
DROPPED = "*"  # in place of a key: the session's values were dropped


class Ephemeral(Protocol):
    def get(self, code: str, key: str) -> str | None:
        """The value of `key` in session `code`, as this process knows it now."""
        ...

    def items(self, code: str) -> dict[str, str]:
        """Every value of session `code`."""
        ...

    def put(self, code: str, key: str, value: str | None) -> None:
        """Set `key` (None or "" removes it), here at once and for the other processes soon."""
        ...

    def drop(self, code: str) -> None:
        """Forget every value of session `code` (it closed), everywhere."""
        ...

    def follow(self, code: str, topics: Iterable[str]) -> None:
        """Views of `code` show these values: when they change in another process, publish
        `topics` on this process's bus so that the views redraw."""
        ...


class MemoryEphemeral:
    """This process's memory: what one process needs."""

    def __init__(self) -> None:
        self._values: dict[str, dict[str, str]] = {}

    def get(self, code: str, key: str) -> str | None:
        return self._values.get(code, {}).get(key)

    def items(self, code: str) -> dict[str, str]:
        return dict(self._values.get(code, {}))

    def put(self, code: str, key: str, value: str | None) -> None:
        if " " in key or key == DROPPED:
            raise ValueError(f"not an ephemeral key: {key!r}")
        if value:
            self._values.setdefault(code, {})[key] = value
        else:
            values = self._values.get(code, {})
            values.pop(key, None)
            if not values:
                self._values.pop(code, None)

    def drop(self, code: str) -> None:
        self._values.pop(code, None)

    def follow(self, code: str, topics: Iterable[str]) -> None:
        return None  # nobody else changes them


class RedisEphemeral(MemoryEphemeral):
    """This process's memory as a cache of Redis, kept up to date through its channel."""

    def __init__(self, url: str, bus: Bus, secret: str, name: str | None = None) -> None:
        super().__init__()
        self.url = url
        self.bus = bus
        self.seal = Seal(secret, CHANNEL)
        self.name = name or secrets.token_hex(4)
        self.subscribed = False
        self._topics: dict[str, set[str]] = defaultdict(set)  # code -> topics its views follow
        self._writes: dict[tuple[str, str], str | None] = {}  # to write: (code, key) -> value
        self._drops: set[str] = set()  # to delete
        self._loads: set[str] = set()  # to read again from Redis
        self._wake: asyncio.Event | None = None
        self._tasks: list[asyncio.Task[None]] = []

    def put(self, code: str, key: str, value: str | None) -> None:
        super().put(code, key, value)
        self._writes[(code, key)] = value or None
        self._kick()

    def drop(self, code: str) -> None:
        super().drop(code)
        self._writes = {k: v for k, v in self._writes.items() if k[0] != code}
        self._drops.add(code)
        self._kick()

    def follow(self, code: str, topics: Iterable[str]) -> None:
        known = code in self._topics
        self._topics[code].update(topics)
        if not known:  # its values may have been written by another process before
            self._loads.add(code)
            self._kick()

    # --- running ------------------------------------------------------------------------------------

    async def start(self) -> None:
        self._wake = asyncio.Event()
        self._tasks = [
            asyncio.create_task(self._work(), name="ephemeral-work"),
            asyncio.create_task(self._receive(), name="ephemeral-receive"),
        ]

    async def stop(self) -> None:
        await stop_tasks(self._tasks)
        self._tasks = []

    def _kick(self) -> None:
        if self._wake is not None:
            self._wake.set()

    async def _work(self) -> None:
        """Write what changed here, tell it, and read again what changed elsewhere; while Redis
        is out of reach, everything waits (this process's memory still shows its own)."""
        assert self._wake is not None
        client: redis.Redis | None = None
        try:
            while True:
                await self._wake.wait()
                self._wake.clear()
                writes, self._writes = self._writes, {}
                drops, self._drops = self._drops, set()
                loads, self._loads = self._loads, set()
                if not (writes or drops or loads):
                    continue
                client = client or new_client(self.url)
                try:
                    await self._write(client, writes, drops)
                    for code in loads - drops:
                        self._loaded(code, await client.hgetall(PREFIX + code))
                except (RedisError, OSError):
                    log.warning("Redis is out of reach: names and labels wait for it")
                    self._writes = writes | self._writes
                    self._drops |= drops
                    self._loads |= loads
                    with contextlib.suppress(Exception):
                        await client.aclose()
                    client = None
                    await asyncio.sleep(RETRY)
                    self._wake.set()
        finally:
            if client is not None:
                with contextlib.suppress(Exception):
                    await client.aclose()

    async def _write(
        self, client: redis.Redis, writes: dict[tuple[str, str], str | None], drops: set[str]
    ) -> None:
        if not (writes or drops):
            return
        async with client.pipeline(transaction=False) as pipe:
            for code in drops:
                pipe.delete(PREFIX + code)
                pipe.publish(CHANNEL, self.seal.sign(f"{self.name} {code} {DROPPED}"))
            for (code, key), value in writes.items():
                if value is None:
                    pipe.hdel(PREFIX + code, key)
                else:
                    pipe.hset(PREFIX + code, key, value)
                    pipe.expire(PREFIX + code, TTL)
                pipe.publish(CHANNEL, self.seal.sign(f"{self.name} {code} {key}"))
            await pipe.execute()

    def _loaded(self, code: str, stored: dict[bytes | str, bytes | str]) -> None:
        """Session `code`'s values as read from Redis, with this process's changes not yet
        written over them; its views are told if anything changed."""
        values = {_text(k): _text(v) for k, v in stored.items()}
        for (c, key), value in self._writes.items():
            if c == code:
                if value is None:
                    values.pop(key, None)
                else:
                    values[key] = value
        if values == self._values.get(code, {}):
            return
        if values:
            self._values[code] = values
        else:
            self._values.pop(code, None)
        self._changed(code)

    def _changed(self, code: str) -> None:
        topics = self._topics.get(code)
        if topics:
            self.bus.publish(code, set(topics))

    async def _receive(self) -> None:
        await subscribe_forever(self, CHANNEL, self._subscribed, self._hear, "names and labels")

    def _subscribed(self) -> None:
        self._loads |= set(self._topics) | set(self._values)  # what was said meanwhile
        self._kick()

    def _hear(self, data: bytes | str) -> None:
        text = self.seal.open(data)
        if text is None:
            return  # forged, or from a process with another secret
        parts = text.split(" ")
        if len(parts) != 3 or parts[0] == self.name:
            return
        _, code, key = parts
        if code not in self._topics and code not in self._values:
            return  # no view of it here: read when one follows it
        if key == DROPPED:
            self._values.pop(code, None)
            self._writes = {k: v for k, v in self._writes.items() if k[0] != code}
            self._changed(code)
            return
        self._loads.add(code)
        self._kick()


def _text(data: bytes | str) -> str:
    return data.decode() if isinstance(data, bytes) else data


_current: Ephemeral = MemoryEphemeral()


def shared() -> Ephemeral:
    """This process's store (`Service.open` chooses it)."""
    return _current


def use(store: Ephemeral) -> None:
    global _current
    _current = store
