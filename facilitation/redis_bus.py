"""The bus between Cercle processes: Redis pub/sub (`CERCLE_REDIS_URL`).

Inside a process it is a `LocalBus` (topics, coalescing, chunks). Between processes it carries,
on one channel, lines "<process> <session code> <next sequence number>" (`announce`), and the
number of phones each process has connected to a session ("<process> <code> c<count>"): never
a token, a text or anything else of the log. A process that hears of a newer head catches its
replica up from the log (`Rooms`), so a lost announcement delays a view, it loses nothing: the
log is the truth, and every replica also checks it every few seconds.

When Redis is out of reach, announcements wait (and are sent once it answers); when the
subscription comes back, `reconnected` makes every replica catch up from the log.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import time
from collections import defaultdict

import redis.asyncio as redis
from redis.exceptions import RedisError

from .bus import Callback, Heard, LocalBus
from .store import ERASED

log = logging.getLogger(__name__)

CHANNEL = "cercle:heads"
RETRY = 0.5  # seconds between two attempts to reach Redis again
COUNT_EVERY = 5.0  # seconds between two reminders of this process's connection counts
COUNT_TTL = 12.0  # a process not heard of for this long no longer counts (it died)


class RedisBus(LocalBus):
    def __init__(self, url: str, name: str | None = None) -> None:
        super().__init__()
        self.url = url
        self.name = name or secrets.token_hex(4)
        self.subscribed = False
        self._heard: list[Heard] = []
        self._reconnected: list[Callback] = []
        self._heads: dict[str, int] = {}  # to announce: code -> head
        self._counts: dict[str, int] = {}  # to announce: code -> phones connected here
        self._mine: dict[str, int] = {}  # phones connected here, reminded every COUNT_EVERY
        self._theirs: dict[str, dict[str, tuple[int, float]]] = defaultdict(dict)  # code -> name -> (n, when)
        self._wake: asyncio.Event | None = None
        self._tasks: list[asyncio.Task[None]] = []

    # --- the Bus protocol, beyond LocalBus -------------------------------------------------------

    def announce(self, code: str, seq: int) -> None:
        known = self._heads.get(code)
        self._heads[code] = seq if known is None or seq == ERASED else max(known, seq)
        self._kick()

    def listen(self, heard: Heard, reconnected: Callback) -> None:
        self._heard.append(heard)
        self._reconnected.append(reconnected)

    # --- phones connected elsewhere -----------------------------------------------------------------

    def count_connections(self, code: str, n: int) -> None:
        """This process now has `n` phones connected to `code`: tell the others."""
        if self._mine.get(code, 0) == n:
            return
        if n:
            self._mine[code] = n
        else:
            self._mine.pop(code, None)
        self._counts[code] = n
        self._kick()

    def connected_elsewhere(self, code: str) -> int:
        """Phones connected to `code` through the other live processes."""
        now = time.monotonic()
        theirs = self._theirs.get(code, {})
        return sum(n for n, heard in theirs.values() if now - heard < COUNT_TTL)

    # --- running ------------------------------------------------------------------------------------

    async def start(self) -> None:
        self._wake = asyncio.Event()
        self._tasks = [
            asyncio.create_task(self._send(), name="redis-bus-send"),
            asyncio.create_task(self._receive(), name="redis-bus-receive"),
            asyncio.create_task(self._remind(), name="redis-bus-counts"),
        ]

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._tasks = []

    def _kick(self) -> None:
        if self._wake is not None:
            self._wake.set()

    def _client(self) -> redis.Redis:
        return redis.from_url(
            self.url, socket_connect_timeout=2, socket_keepalive=True, health_check_interval=5
        )

    async def _send(self) -> None:
        assert self._wake is not None
        client = self._client()
        while True:
            await self._wake.wait()
            self._wake.clear()
            heads, self._heads = self._heads, {}
            counts, self._counts = self._counts, {}
            lines = [f"{self.name} {code} {seq}" for code, seq in heads.items()]
            lines += [f"{self.name} {code} c{n}" for code, n in counts.items()]
            if not lines:
                continue
            try:
                async with client.pipeline(transaction=False) as pipe:
                    for line in lines:
                        pipe.publish(CHANNEL, line)
                    await pipe.execute()
            except (RedisError, OSError):
                log.warning("Redis is out of reach: announcements wait for it")
                for code, seq in heads.items():
                    self.announce(code, max(seq, self._heads.get(code, seq)))
                for code, n in counts.items():
                    self._counts.setdefault(code, n)
                await asyncio.sleep(RETRY)
                self._wake.set()

    async def _receive(self) -> None:
        while True:
            client = self._client()
            pubsub = client.pubsub(ignore_subscribe_messages=True)
            try:
                await pubsub.subscribe(CHANNEL)
                self.subscribed = True
                for reconnected in self._reconnected:  # what was said while nobody listened
                    _safely(reconnected)
                async for message in pubsub.listen():
                    if message.get("type") == "message":
                        self._hear(message["data"])
            except (RedisError, OSError):
                if self.subscribed:
                    log.warning("lost the Redis subscription: subscribing again")
            finally:
                self.subscribed = False
                with contextlib.suppress(Exception):
                    await pubsub.aclose()
                    await client.aclose()
            await asyncio.sleep(RETRY)

    def _hear(self, data: bytes | str) -> None:
        text = data.decode() if isinstance(data, bytes) else data
        parts = text.split(" ")
        if len(parts) != 3 or parts[0] == self.name:
            return
        name, code, value = parts
        try:
            if value.startswith("c"):
                self._theirs[code][name] = (int(value[1:]), time.monotonic())
                self.publish(code, {"connections"})
                return
            seq = int(value)
        except ValueError:
            return
        for heard in self._heard:
            _safely(heard, code, seq)

    async def _remind(self) -> None:
        """Every few seconds, this process's counts again: a process that died stops being heard,
        and its phones stop counting after COUNT_TTL."""
        while True:
            await asyncio.sleep(COUNT_EVERY)
            self._counts.update(self._mine)
            self._kick()
            now = time.monotonic()
            for code, theirs in list(self._theirs.items()):
                gone = [name for name, (_, heard) in theirs.items() if now - heard >= COUNT_TTL]
                for name in gone:
                    del theirs[name]
                if gone:
                    self.publish(code, {"connections"})
                if not theirs:
                    del self._theirs[code]


def _safely(callback: Callback | Heard, *args: str | int) -> None:
    try:
        callback(*args)  # type: ignore[arg-type]
    except Exception:
        log.exception("a listener of the Redis bus failed")
