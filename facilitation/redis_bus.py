"""The bus between Cercle processes: Redis pub/sub (`CERCLE_REDIS_URL`).

Inside a process it is a `LocalBus` (topics, coalescing, chunks). Between processes it carries,
on one channel, lines "<process> <session code> <next sequence number>" (`announce`), and the
number of phones each process has connected to a session ("<process> <code> c<count>"): never
a token, a text or anything else of the log. A process that hears of a newer head catches its
replica up from the log (`Rooms`), so a lost announcement delays a view, it loses nothing: the
log is the truth, and every replica also checks it every few seconds.

When Redis is out of reach, announcements wait (and are sent once it answers); when the
subscription comes back, `reconnected` makes every replica catch up from the log. Pub/sub keeps
nothing for a subscriber that is not there yet: a process that (re)subscribes says so on the
channel ("<process> * hello"), and every other process tells it again the heads it announced in
the last `TELL_AGAIN_FOR` seconds and its connection counts, so an announcement made while Redis
was away reaches every process, whichever came back first. A subscription is checked with a
PING whenever the channel has been silent for `PING_EVERY` seconds; one that stops answering
(a Redis gone without closing its sockets) is dropped and made again.

Every line is signed (`Seal`): an HMAC-SHA256 keyed by a key derived from the secret every
process shares (`CERCLE_STORAGE_SECRET`), over the channel's name and the line. A line whose
signature is missing or wrong (anyone who can write to Redis without the secret) is dropped,
counted, and logged at most once a minute. A signed line is still not believed alone: an
erasure is checked against the log before a replica is forgotten (`Rooms`), and a count of
phones is bounded by the session's participants (`Room.connected`).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import logging
import secrets
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Protocol

import redis.asyncio as redis
from redis.asyncio.client import PubSub
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError

from .bus import Callback, Heard, LocalBus
from .store import ERASED

log = logging.getLogger(__name__)

CHANNEL = "cercle:heads"
RETRY = 0.5  # seconds between two attempts to reach Redis again
COUNT_EVERY = 5.0  # seconds between two reminders of this process's connection counts
COUNT_TTL = 12.0  # a process not heard of for this long no longer counts (it died)
TELL_AGAIN_FOR = 60.0  # seconds during which a head announced is told again to a process that arrives
PING_EVERY = 5.0  # seconds of silence on the subscription before it is checked with a PING
UNANSWERED = 2  # PINGs left unanswered before the subscription is dropped and made again
HELLO = "*"  # in place of a session code: "<process> * hello", a process (re)subscribed
DROPPED_LOG_EVERY = 60.0  # seconds: lines dropped for their signature are logged at most this often
MAC_LENGTH = 32  # hex digits of the signature kept on each line (128 bits)


def channel_key(secret: str) -> bytes:
    """The key that signs the lines between processes, derived from the shared secret (which
    also signs the browsers' cookies: never used as it is for a second purpose)."""
    if not secret:
        raise ValueError("the lines between processes are signed with CERCLE_STORAGE_SECRET: set it")
    return hmac.new(secret.encode(), b"cercle: lines between processes, v1", hashlib.sha256).digest()


class Seal:
    """Signs the lines of one channel and opens them: `sign(line)` appends the signature;
    `open(data)` returns the line when its signature is right, else None (the line is counted
    in `dropped`, and the first drop of each minute is logged, without the line itself)."""

    def __init__(self, secret: str, channel: str) -> None:
        self.channel = channel
        self.dropped = 0
        self._key = channel_key(secret)
        self._logged: float | None = None  # when a drop was last logged
        self._unlogged = 0  # drops since then

    def _mac(self, line: str) -> str:
        message = f"{self.channel} {line}".encode()
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()[:MAC_LENGTH]

    def sign(self, line: str) -> str:
        return f"{line} {self._mac(line)}"

    def open(self, data: bytes | str) -> str | None:
        try:
            text = data.decode() if isinstance(data, bytes) else data
        except UnicodeDecodeError:
            text = ""
        line, _, mac = text.rpartition(" ")
        if line and hmac.compare_digest(mac.encode(), self._mac(line).encode()):
            return line
        self.dropped += 1
        self._unlogged += 1
        now = time.monotonic()
        if self._logged is None or now - self._logged >= DROPPED_LOG_EVERY:
            log.warning(
                "%d line(s) on the Redis channel %s dropped: not signed with this process's "
                "CERCLE_STORAGE_SECRET (a process with another secret, or someone else writing to "
                "Redis: check the secret of every process and who can reach Redis)",
                self._unlogged,
                self.channel,
            )
            self._logged, self._unlogged = now, 0
        return None


class RedisBus(LocalBus):
    def __init__(self, url: str, secret: str, name: str | None = None) -> None:
        super().__init__()
        self.url = url
        self.seal = Seal(secret, CHANNEL)
        self.name = name or secrets.token_hex(4)
        self.subscribed = False
        self._heard: list[Heard] = []
        self._reconnected: list[Callback] = []
        self._heads: dict[str, int] = {}  # to announce: code -> head
        self._counts: dict[str, int] = {}  # to announce: code -> phones connected here
        self._mine: dict[str, int] = {}  # phones connected here, reminded every COUNT_EVERY
        self._theirs: dict[str, dict[str, tuple[int, float]]] = defaultdict(dict)  # code -> name -> (n, when)
        self._told: dict[str, tuple[int, float]] = {}  # code -> (head, when): sent, told again on a hello
        self._hello = False  # to send: this process has just (re)subscribed
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

    def connected_elsewhere(self, code: str, at_most: int) -> int:
        """Phones connected to `code` through the other live processes, at most `at_most` (the
        session's participants): a process's count above it is not believed at all."""
        now = time.monotonic()
        theirs = self._theirs.get(code, {})
        believed = (n for n, heard in theirs.values() if now - heard < COUNT_TTL and 0 <= n <= at_most)
        return min(sum(believed), at_most)

    # --- running ------------------------------------------------------------------------------------

    async def start(self) -> None:
        self._wake = asyncio.Event()
        self._tasks = [
            asyncio.create_task(self._send(), name="redis-bus-send"),
            asyncio.create_task(self._receive(), name="redis-bus-receive"),
            asyncio.create_task(self._remind(), name="redis-bus-counts"),
        ]

    async def stop(self) -> None:
        await stop_tasks(self._tasks)
        self._tasks = []

    def _kick(self) -> None:
        if self._wake is not None:
            self._wake.set()

    def _client(self) -> redis.Redis:
        return new_client(self.url)

    def _lines(self) -> tuple[list[str], dict[str, int], dict[str, int]]:
        """What waits to be sent, taken: the lines, and the heads and counts they carry."""
        heads, self._heads = self._heads, {}
        counts, self._counts = self._counts, {}
        lines = [f"{self.name} {HELLO} hello"] if self._hello else []
        lines += [f"{self.name} {code} {seq}" for code, seq in heads.items()]
        lines += [f"{self.name} {code} c{n}" for code, n in counts.items()]
        return lines, heads, counts

    async def _send(self) -> None:
        assert self._wake is not None
        client: redis.Redis | None = None
        try:
            while True:
                await self._wake.wait()
                self._wake.clear()
                if not self.subscribed:
                    continue  # everything waits: the subscription, once back, wakes this task
                lines, heads, counts = self._lines()
                if not lines:
                    continue
                client = client or self._client()
                try:
                    async with client.pipeline(transaction=False) as pipe:
                        for line in lines:
                            pipe.publish(CHANNEL, self.seal.sign(line))
                        await pipe.execute()
                except (RedisError, OSError):
                    log.warning("Redis is out of reach: announcements wait for it")
                    for code, seq in heads.items():
                        self.announce(code, max(seq, self._heads.get(code, seq)))
                    for code, n in counts.items():
                        self._counts.setdefault(code, n)
                    with contextlib.suppress(Exception):
                        await client.aclose()
                    client = None
                    await asyncio.sleep(RETRY)
                    self._wake.set()
                    continue
                self._hello = False
                now = time.monotonic()
                for code, seq in heads.items():
                    self._told[code] = (seq, now)
        finally:
            if client is not None:
                with contextlib.suppress(Exception):
                    await client.aclose()

    async def _receive(self) -> None:
        await subscribe_forever(self, CHANNEL, self._subscribed, self._hear, "heads")

    def _subscribed(self) -> None:
        self._hello = True  # the others tell this process again what it may have missed
        self._kick()
        for reconnected in self._reconnected:  # what was said while nobody listened
            _safely(reconnected)

    def _hear(self, data: bytes | str) -> None:
        text = self.seal.open(data)
        if text is None:
            return  # forged, or from a process with another secret
        parts = text.split(" ")
        if len(parts) != 3 or parts[0] == self.name:
            return
        name, code, value = parts
        if code == HELLO:
            if value == "hello":
                self._tell_again()
            return
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

    def _tell_again(self) -> None:
        """A process (re)subscribed: the heads announced lately, and the counts, once more."""
        now = time.monotonic()
        for code, (seq, when) in self._told.items():
            if now - when < TELL_AGAIN_FOR:
                self.announce(code, seq)
        self._counts.update(self._mine)
        self._kick()

    async def _remind(self) -> None:
        """Every few seconds, this process's counts again: a process that died stops being heard,
        and its phones stop counting after COUNT_TTL."""
        while True:
            await asyncio.sleep(COUNT_EVERY)
            self._counts.update(self._mine)
            self._kick()
            now = time.monotonic()
            for code, (_, when) in list(self._told.items()):
                if now - when >= TELL_AGAIN_FOR:
                    del self._told[code]
            for code, theirs in list(self._theirs.items()):
                gone = [name for name, (_, heard) in theirs.items() if now - heard >= COUNT_TTL]
                for name in gone:
                    del theirs[name]
                if gone:
                    self.publish(code, {"connections"})
                if not theirs:
                    del self._theirs[code]


class Subscriber(Protocol):
    url: str
    subscribed: bool


async def subscribe_forever(
    owner: Subscriber,
    channel: str,
    subscribed: Callable[[], None],
    heard: Callable[[bytes | str], None],
    what: str,
) -> None:
    """Subscribe `owner` to `channel` and pass each message to `heard`, for ever: a lost or silent
    connection is closed and subscribed again every `RETRY` seconds, and `subscribed` is called
    each time the subscription is (again) in place. `owner.subscribed` says whether it is."""
    while True:
        client = new_client(owner.url)
        pubsub = client.pubsub(ignore_subscribe_messages=True)
        try:
            await pubsub.subscribe(channel)
            owner.subscribed = True
            subscribed()
            await hear(pubsub, heard)
        except (RedisError, OSError):
            if owner.subscribed:
                log.warning("lost the Redis subscription (%s): subscribing again", what)
        finally:
            owner.subscribed = False
            with contextlib.suppress(Exception):
                await pubsub.aclose()
                await client.aclose()
        await asyncio.sleep(RETRY)


async def hear(pubsub: PubSub, heard: Callable[[bytes | str], None]) -> None:
    """Pass each message of a subscription to `heard` until the connection is lost or stops
    answering: after `PING_EVERY` seconds of silence a PING, and after `UNANSWERED` PINGs with
    no answer a ConnectionError (a Redis gone without closing its sockets is noticed)."""
    unanswered = 0
    while True:
        message = await pubsub.get_message(timeout=PING_EVERY)
        if message is None:  # silence: is Redis still there?
            if unanswered >= UNANSWERED:
                raise RedisConnectionError("Redis stopped answering the subscription")
            unanswered += 1
            await pubsub.ping()
            continue
        unanswered = 0
        if message.get("type") == "message":
            heard(message["data"])


async def stop_tasks(tasks: list[asyncio.Task[None]]) -> None:
    """Cancel `tasks` and wait for their end. A cancellation that lands in redis-py at the wrong
    moment (a reply being read) can be swallowed, the task going on as if nothing happened (seen
    with redis-py 8 after a restart of Redis): a task still running after `RETRY` seconds is
    cancelled again."""
    for task in tasks:
        task.cancel()
    while running := [task for task in tasks if not task.done()]:
        await asyncio.wait(running, timeout=RETRY)
        for task in running:
            task.cancel()
    for task in tasks:
        with contextlib.suppress(asyncio.CancelledError, Exception):
            task.result()


def new_client(url: str) -> redis.Redis:
    """A client of its own for each attempt (one whose server went away is closed, never
    reused). It does not retry by itself: the callers' loops do, every `RETRY` seconds, and so
    know that the connection was lost (a subscription must then say hello, replicas catch up)."""
    return redis.from_url(
        url,
        socket_connect_timeout=2,
        socket_timeout=PING_EVERY,
        socket_keepalive=True,
        retry=Retry(NoBackoff(), 0),
    )


def _safely(callback: Callback | Heard, *args: str | int) -> None:
    try:
        callback(*args)  # type: ignore[arg-type]
    except Exception:
        log.exception("a listener of the Redis bus failed")
