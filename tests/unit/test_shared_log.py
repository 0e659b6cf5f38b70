"""Several processes on one log: each `Rooms` here stands for a Cercle process with its own
replicas, sharing a PostgreSQL log (run with `--backend postgres`; skipped on SQLite), and the
Redis bus between processes (Debian's redis-server, started here)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal

import pytest
import redis.asyncio as aioredis

from activities.debat_mouvant import state as debat
from deploy.cluster import Redis
from facilitation import redis_bus
from facilitation import session as rules
from facilitation.bus import LocalBus
from facilitation.commands import HOST, SYSTEM, Actor
from facilitation.redis_bus import CHANNEL, RedisBus, Seal
from facilitation.rooms import HOUSEKEEPING, Rooms
from facilitation.store import ERASED
from tests.unit.test_room import eventually

PLAN = "open-detat-2018-03-12"
SECRET = "test-secret"  # CERCLE_STORAGE_SECRET, the same in every process


@pytest.fixture
def shared(backend, make_store, clock):
    """Two processes' `Rooms` on one PostgreSQL log, each with a bus of its own."""
    if backend.name != "postgres":
        pytest.skip("one process owns a SQLite file: run with --backend postgres")
    return Rooms(make_store("log"), LocalBus(), clock=clock), Rooms(
        make_store("log"), LocalBus(), clock=clock
    )


def votes(room) -> dict[str, str]:
    return room.state.activities[1].runs[0].votes[1]


def voting(rooms: Rooms, voters: int):
    room, _ = rooms.create(plan=PLAN)
    for i in range(voters):
        room.run_now(Actor.participant(f"p{i}"), rules.join, None, "room")
    room.run_now(HOST, rules.start)
    room.run_now(HOST, rules.move_to, 1)
    room.run_now(HOST, debat.open_round, 0, item=1)
    return room


def test_a_command_is_decided_against_what_the_other_process_wrote(shared) -> None:
    a, b = shared
    room_a = voting(a, 3)
    room_b = b.get(room_a.code)
    assert room_b is not None and room_b.seq == room_a.seq
    room_a.run_now(Actor.participant("p0"), debat.take_position, 0, 1, "a", item=1)
    room_a.run_now(Actor.participant("p1"), debat.take_position, 0, 1, "b", item=1)
    # b heard nothing: it catches up under the session's lock before deciding
    room_b.run_now(Actor.participant("p2"), debat.take_position, 0, 1, "a", item=1)
    assert room_b.seq == room_a.seq + 1
    assert votes(room_b) == {"p0": "a", "p1": "b", "p2": "a"}
    assert b.catch_up_all() == 0 and a.catch_up_all() == 1
    assert votes(room_a) == votes(room_b)
    assert [seq for seq, _ in a.store.events_since(room_a.code, 0)] == list(range(room_a.seq))


def test_a_conflict_rebuilds_the_replica_and_decides_again(shared, monkeypatch, caplog) -> None:
    a, b = shared
    room_a = voting(a, 2)
    room_b = b.get(room_a.code)
    assert room_b is not None
    room_a.run_now(Actor.participant("p0"), debat.take_position, 0, 1, "a", item=1)
    # As if b's catch-up had raced with a's append: b decides on a stale state, once.
    stale = iter([True])
    real = room_b.catch_up
    monkeypatch.setattr(room_b, "catch_up", lambda: False if next(stale, False) else real())
    events = room_b.run_now(Actor.participant("p1"), debat.take_position, 0, 1, "b", item=1)
    assert len(events) == 1
    assert votes(room_b) == {"p0": "a", "p1": "b"}
    stored = [e for _, e in b.store.events_since(room_a.code, 0) if e.type == "debat_mouvant.position_taken"]
    assert len(stored) == 2  # each vote once
    assert "another process wrote to a session first" in caplog.text  # the conflict did happen


def test_system_follow_ups_are_not_run_twice(shared) -> None:
    a, b = shared
    room_a = voting(a, 1)
    room_b = b.get(room_a.code)
    assert room_b is not None
    room_a.run_now(HOST, rules.close)
    assert room_b.run_now(SYSTEM, rules.unlink) == []  # already done by a: nothing appended
    assert b.store.count_events(room_a.code, rules.SessionUnlinked.type) == 1
    assert list(room_b.state.participants) == ["participant 1"]  # relabelled as it caught up


def test_erasure_and_housekeeping_reach_every_process(shared) -> None:
    a, b = shared
    room_a, _ = a.create(title="Atelier")
    room_b = b.get(room_a.code)
    assert room_b is not None
    assert a.store.lease(HOUSEKEEPING) != b.store.lease(HOUSEKEEPING)  # one holder
    a.erase(room_a.code)
    assert b.catch_up_all() == 0 and room_b.erased and b.get(room_a.code) is None


@pytest.mark.slow
async def test_the_redis_bus_carries_heads_and_survives_a_restart_of_redis() -> None:
    redis = Redis().start()
    one, two = RedisBus(redis.url, SECRET, "one"), RedisBus(redis.url, SECRET, "two")
    heard: list[tuple[str, int]] = []
    caught_up: list[bool] = []
    two.listen(lambda code, seq: heard.append((code, seq)), lambda: caught_up.append(True))
    try:
        await one.start()
        await two.start()
        await eventually(lambda: one.subscribed and two.subscribed and caught_up)
        one.announce("ABCDEF", 3)
        one.announce("ABCDEF", 5)  # coalesced with the first if not sent yet
        await eventually(lambda: heard and heard[-1] == ("ABCDEF", 5))
        one.count_connections("ABCDEF", 7)
        await eventually(lambda: two.connected_elsewhere("ABCDEF", 10) == 7)
        assert one.connected_elsewhere("ABCDEF", 10) == 0  # its own phones are not "elsewhere"

        redis.kill()
        redis.stop()  # its folder
        await eventually(lambda: not two.subscribed)
        one.announce("ABCDEF", 9)  # said while Redis is away: kept until it answers
        redis = redis.again().start()
        await eventually(lambda: two.subscribed and len(caught_up) >= 2, limit=20)
        await eventually(lambda: ("ABCDEF", 9) in heard, limit=20)
        one.announce("ZZZZZZ", ERASED)
        await eventually(lambda: ("ZZZZZZ", ERASED) in heard)
        assert all(isinstance(seq, int) for _, seq in heard)
    finally:
        with contextlib.suppress(Exception):
            await asyncio.gather(one.stop(), two.stop())
        redis.stop()


async def test_the_redis_bus_notices_a_redis_that_stops_answering(monkeypatch) -> None:
    """A Redis frozen (SIGSTOP) keeps its sockets open and answers nothing, as one behind a
    broken network would: the subscription's PING goes unanswered, it is dropped and made
    again once Redis answers, and what was announced meanwhile arrives."""
    monkeypatch.setattr(redis_bus, "PING_EVERY", 0.3)
    redis = Redis().start()
    assert redis.process is not None
    one, two = RedisBus(redis.url, SECRET, "one"), RedisBus(redis.url, SECRET, "two")
    heard: list[tuple[str, int]] = []
    caught_up: list[bool] = []
    two.listen(lambda code, seq: heard.append((code, seq)), lambda: caught_up.append(True))
    try:
        await one.start()
        await two.start()
        await eventually(lambda: one.subscribed and two.subscribed and caught_up)
        os.kill(redis.process.pid, signal.SIGSTOP)
        await eventually(lambda: not two.subscribed)
        one.announce("ABCDEF", 4)
        os.kill(redis.process.pid, signal.SIGCONT)
        await eventually(lambda: two.subscribed and len(caught_up) >= 2, limit=20)
        await eventually(lambda: ("ABCDEF", 4) in heard, limit=20)
    finally:
        os.kill(redis.process.pid, signal.SIGCONT)
        with contextlib.suppress(Exception):
            await asyncio.gather(one.stop(), two.stop())
        redis.stop()


async def test_a_forged_line_on_redis_erases_nothing_and_counts_nobody(backend, make_store, clock) -> None:
    """Anyone who can write to Redis without Cercle's secret (`redis-cli PUBLISH cercle:heads
    'x <CODE> -1'`) is not heard: the session stays in memory, its phones are not told it was
    erased, and a count of 99,999 phones shows nowhere. A signed line is not believed alone
    either: an erasure of a session still in the log, a count beyond its participants. A real
    erasure still reaches every process."""
    if backend.name != "postgres":
        pytest.skip("one process owns a SQLite file: run with --backend postgres")
    server = Redis().start()
    bus_a, bus_b = RedisBus(server.url, SECRET, "a"), RedisBus(server.url, SECRET, "b")
    a, b = Rooms(make_store("log"), bus_a, clock=clock), Rooms(make_store("log"), bus_b, clock=clock)
    buses = [bus_a, bus_b]
    intruder = aioredis.from_url(server.url)  # Redis's password, not the secret
    try:
        for bus in buses:
            await bus.start()
        await eventually(lambda: bus_a.subscribed and bus_b.subscribed)
        room_a = voting(a, 3)
        code = room_a.code
        room_b = b.get(code)
        assert room_b is not None and room_b.connected == 0
        told: list[str] = []
        for topic in ("erased", "checked"):
            bus_b.subscribe(code, topic, lambda topic=topic: told.append(topic))

        await intruder.publish(CHANNEL, f"x {code} {ERASED}")
        await intruder.publish(CHANNEL, f"x {code} c99999")
        await intruder.publish(CHANNEL, f"x {code} {ERASED} {'0' * 32}")  # a made-up signature
        liar = Seal(SECRET, CHANNEL)  # a process with the secret, wrong or replaying old lines
        await intruder.publish(CHANNEL, liar.sign(f"y {code} {ERASED}"))
        await intruder.publish(CHANNEL, liar.sign(f"y {code} c99999"))
        await intruder.publish(CHANNEL, liar.sign(f"z {code} c2"))  # heard after all of them
        await eventually(lambda: room_b.connected == 2)
        assert bus_b.connected_elsewhere(code, 10**6) == 99_999 + 2  # y's count heard, not believed
        bus_b.publish(code, {"checked"})
        await eventually(lambda: "checked" in told)  # anything published before has been flushed
        assert bus_b.seal.dropped == 3
        assert not room_b.erased and b.get(code) is room_b and "erased" not in told
        room_b.run_now(Actor.participant("p0"), debat.take_position, 0, 1, "a", item=1)
        assert votes(room_b) == {"p0": "a"}

        a.erase(code)  # a real erasure: out of the log, then announced
        await eventually(lambda: room_b.erased and "erased" in told)
        assert b.get(code) is None
    finally:
        with contextlib.suppress(Exception):
            await asyncio.gather(*(bus.stop() for bus in buses))
        await intruder.aclose()
        server.stop()
