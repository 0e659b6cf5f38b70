"""The ephemeral store of names between processes: each `RedisEphemeral` here stands for a
Cercle process with its own bus, on a real redis-server started with `deploy/redis.conf` and
the users of `deploy/cluster.py` (Cercle's, and an administrator's for what the tests check)."""

from __future__ import annotations

import asyncio
import contextlib

import pytest
import redis.asyncio as redis
from redis.exceptions import AuthenticationError, NoPermissionError

from deploy.cluster import Redis
from facilitation.bus import LocalBus
from facilitation.ephemeral import CHANNEL, PREFIX, TTL, MemoryEphemeral, RedisEphemeral
from tests.unit.test_room import eventually

CODE = "ABCDEF"
OTHER = "GHJKLM"
TOPIC = "tally:speaking_turns"
KEY = "speaking_turns:4:r1"
SECRET = "test-secret"  # CERCLE_STORAGE_SECRET, the same in every process


def test_the_memory_store_keeps_values_per_session() -> None:
    store = MemoryEphemeral()
    store.put(CODE, KEY, "Zoé")
    store.put("GHJKLM", KEY, "Yann")
    assert store.get(CODE, KEY) == "Zoé" and store.items(CODE) == {KEY: "Zoé"}
    store.put(CODE, KEY, "")
    assert store.get(CODE, KEY) is None and store.items(CODE) == {}
    store.drop("GHJKLM")
    assert store.items("GHJKLM") == {}
    with pytest.raises(ValueError):
        store.put(CODE, "two words", "x")


async def test_a_value_put_by_one_process_reaches_the_views_of_another_and_no_disk() -> None:
    server = Redis().start()
    db = redis.from_url(server.admin_url)
    stores: list[RedisEphemeral] = []

    def process(name: str) -> tuple[RedisEphemeral, list[int]]:
        bus = LocalBus()
        store = RedisEphemeral(server.url, bus, SECRET, name)
        redrawn: list[int] = []
        bus.subscribe(CODE, TOPIC, lambda: redrawn.append(1))
        stores.append(store)
        return store, redrawn

    try:
        # Redis as deployed writes nothing to disk: no snapshot, no append-only file.
        assert (await db.config_get("save")) == {"save": ""}
        assert (await db.config_get("appendonly")) == {"appendonly": "no"}

        one, _ = process("one")
        two, redrawn = process("two")
        for store in stores:
            await store.start()
        two.follow(CODE, {TOPIC})
        await eventually(lambda: one.subscribed and two.subscribed)

        one.put(CODE, KEY, "Zoé")
        assert one.get(CODE, KEY) == "Zoé"  # at once where it was typed
        await eventually(lambda: two.get(CODE, KEY) == "Zoé" and redrawn)
        assert 0 < await db.ttl(PREFIX + CODE) <= TTL  # it expires

        late, _ = process("late")  # a process that starts afterwards reads what was put
        await late.start()
        late.follow(CODE, {TOPIC})
        await eventually(lambda: late.get(CODE, KEY) == "Zoé")

        one.put(CODE, KEY, None)
        await eventually(lambda: two.get(CODE, KEY) is None and late.get(CODE, KEY) is None)
        one.put(CODE, "speaking_turns:4:r2", "Yann")
        await eventually(lambda: two.items(CODE) == {"speaking_turns:4:r2": "Yann"})

        two.drop(CODE)  # the session closed: gone from Redis and from every process
        await eventually(lambda: not one.items(CODE) and not late.items(CODE))
        assert await db.exists(PREFIX + CODE) == 0
        assert one.items(CODE) == two.items(CODE) == {}
    finally:
        with contextlib.suppress(Exception):
            await asyncio.gather(*(store.stop() for store in stores))
        await db.aclose()
        server.stop()


async def test_redis_answers_nobody_without_a_password_and_cercle_only_on_its_keys() -> None:
    """As `deploy/cluster.py` starts it: the `default` user is off, Cercle's user runs what
    Cercle runs on `cercle:*` and nothing else (no CONFIG, no other key or channel)."""
    server = Redis().start()
    anonymous = redis.from_url(f"redis://127.0.0.1:{server.port}/0")
    wrong = redis.from_url(server.url.replace(server.password, "not-the-password"))
    cercle = redis.from_url(server.url)
    try:
        for refused in (anonymous, wrong):
            with pytest.raises(AuthenticationError):
                await refused.ping()
        assert await cercle.ping() and await cercle.publish("cercle:heads", "x") == 0
        assert await cercle.hset(PREFIX + CODE, KEY, "Zoé") == 1
        for forbidden in (
            cercle.config_get("save"),
            cercle.set("other:key", 1),
            cercle.publish("other", "x"),
            cercle.keys("*"),
            cercle.flushall(),
        ):
            with pytest.raises(NoPermissionError):
                await forbidden
    finally:
        for client in (anonymous, wrong, cercle):
            await client.aclose()
        server.stop()


async def test_a_forged_line_makes_no_process_forget_the_names() -> None:
    """Someone who can write to Redis without Cercle's secret says "session dropped": unsigned,
    the line is dropped and the names stay; a signed change still arrives."""
    server = Redis().start()
    intruder = redis.from_url(server.url)
    one, two = (RedisEphemeral(server.url, LocalBus(), SECRET, name) for name in ("one", "two"))
    try:
        for store in (one, two):
            await store.start()
            store.follow(CODE, {TOPIC})
            store.follow(OTHER, {TOPIC})
        await eventually(lambda: one.subscribed and two.subscribed)
        one.put(CODE, KEY, "Zoé")
        await eventually(lambda: two.get(CODE, KEY) == "Zoé")

        await intruder.publish(CHANNEL, f"x {CODE} *")
        await intruder.publish(CHANNEL, f"x {CODE} * {'0' * 32}")
        one.put(OTHER, KEY, "Yann")  # signed, told after the forged lines (another session's)
        await eventually(lambda: two.get(OTHER, KEY) == "Yann")
        assert two.get(CODE, KEY) == "Zoé" and two.seal.dropped == 2
    finally:
        with contextlib.suppress(Exception):
            await asyncio.gather(one.stop(), two.stop())
        await intruder.aclose()
        server.stop()
