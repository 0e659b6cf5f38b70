"""The ephemeral store of names between processes: each `RedisEphemeral` here stands for a
Cercle process with its own bus, on a real redis-server started with `deploy/redis.conf`."""

from __future__ import annotations

import asyncio
import contextlib

import pytest
import redis.asyncio as redis

from deploy.cluster import Redis
from facilitation.bus import LocalBus
from facilitation.ephemeral import PREFIX, TTL, MemoryEphemeral, RedisEphemeral
from tests.unit.test_room import eventually

CODE = "ABCDEF"
TOPIC = "tally:speaking_turns"
KEY = "speaking_turns:4:r1"


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
    db = redis.from_url(server.url)
    stores: list[RedisEphemeral] = []

    def process(name: str) -> tuple[RedisEphemeral, list[int]]:
        bus = LocalBus()
        store = RedisEphemeral(server.url, bus, name)
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
