from __future__ import annotations

import asyncio

import pytest

from facilitation import session as rules
from facilitation.bus import LocalBus
from facilitation.commands import HOST, Actor
from facilitation.i18n import RuleViolation
from facilitation.rooms import Rooms


async def eventually(predicate, limit: float = 10.0) -> None:
    """Wait until `predicate()` holds (the loop runs meanwhile); fail after `limit` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + limit
    while not predicate():
        assert loop.time() < deadline, "the condition never held"
        await asyncio.sleep(0.005)


async def test_write_path_persists_before_publishing(rooms: Rooms, clock) -> None:
    room, _ = rooms.create(plan="open-detat-2018-03-12")
    seen: list[int] = []
    room.subscribe("phase", lambda: seen.append(rooms.store.count_events(room.code)))
    await room.run(HOST, rules.start)
    await eventually(lambda: seen)
    assert seen == [2]  # the subscriber ran once, after the event was in the log


async def test_a_refused_command_stores_nothing(rooms: Rooms, clock) -> None:
    room, _ = rooms.create(plan="open-detat-2018-03-12")
    before = rooms.store.count_events(room.code)
    with pytest.raises(RuleViolation):
        await room.run(HOST, rules.next_item)
    assert rooms.store.count_events(room.code) == before
    assert room.state.status == "draft"


async def test_bursts_reach_a_subscriber_as_one_update(rooms: Rooms, clock) -> None:
    room, _ = rooms.create(plan="open-detat-2018-03-12")
    calls: list[int] = []
    room.subscribe("presence", lambda: calls.append(len(room.state.participants)))
    for i in range(50):
        await room.run(Actor.participant(f"t{i}"), rules.join, None, "room")
    await eventually(lambda: calls)
    for _ in range(10):
        await asyncio.sleep(0)
    assert calls == [50]


async def test_tally_topics_go_out_at_once_then_at_most_every_interval() -> None:
    bus = LocalBus()
    calls: list[int] = []
    bus.subscribe("C", "tally", lambda: calls.append(1))
    bus.publish("C", ["tally"])
    await eventually(lambda: calls)  # an idle tally is not held back by the interval
    for _ in range(10):
        bus.publish("C", ["tally"])
    for _ in range(10):
        await asyncio.sleep(0)
    assert calls == [1]  # within the interval: coalesced, not yet sent
    await eventually(lambda: len(calls) == 2)
    for _ in range(10):
        await asyncio.sleep(0)
    assert calls == [1, 1]  # the burst went out as one delivery


async def test_a_large_fan_out_lets_other_work_run_between_chunks() -> None:
    from facilitation.bus import CHUNK

    bus = LocalBus()
    order: list[str] = []
    loop = asyncio.get_running_loop()

    def first_phone() -> None:
        order.append("phone")
        loop.call_soon(lambda: order.append("vote"))  # work that became ready meanwhile

    bus.subscribe("C", "phase", first_phone)
    for _ in range(CHUNK * 3 - 1):
        bus.subscribe("C", "phase", lambda: order.append("phone"))
    bus._deliver(("C", "phase"))
    for _ in range(10):  # a few turns of the loop, no clock involved
        await asyncio.sleep(0)
    assert len(order) == CHUNK * 3 + 1
    assert order.index("vote") == CHUNK  # it ran after the first chunk, not after every phone


def test_a_subscriber_removed_during_a_delivery_is_skipped() -> None:
    bus = LocalBus()
    calls: list[str] = []
    unsubscribe_b = None

    def a() -> None:
        calls.append("a")
        unsubscribe_b()

    bus.subscribe("C", "phase", a)
    unsubscribe_b = bus.subscribe("C", "phase", lambda: calls.append("b"))
    bus.publish("C", ["phase"])  # no loop: delivered at once
    assert calls == ["a"]


async def test_a_failing_subscriber_does_not_stop_the_others() -> None:
    bus = LocalBus()
    calls: list[str] = []

    def broken() -> None:
        raise ValueError("boom")

    bus.subscribe("C", "phase", broken)
    bus.subscribe("C", "phase", lambda: calls.append("ok"))
    bus.publish("C", ["phase"])
    await eventually(lambda: calls)
    assert calls == ["ok"]


def test_unsubscribe_stops_delivery() -> None:
    bus = LocalBus()
    calls: list[int] = []
    unsubscribe = bus.subscribe("C", "phase", lambda: calls.append(1))
    bus.publish("C", ["phase"])  # no running loop: delivered at once
    unsubscribe()
    bus.publish("C", ["phase"])
    assert calls == [1] and bus.subscriber_count("C", "phase") == 0


async def test_rooms_are_rebuilt_from_the_log(rooms: Rooms, clock) -> None:
    room, key = rooms.create(plan="open-detat-2018-03-12")
    await room.run(HOST, rules.start)
    await room.run(Actor.participant("tok"), rules.join, "man", "remote")
    await room.run(HOST, rules.next_item)
    again = Rooms(rooms.store, clock=clock)
    assert again.load_open() == 1
    back = again.get(room.code)
    assert back is not None and back is not room
    assert back.state.model_dump() == room.state.model_dump()
    assert again.key_ok(room.code, key) and not again.key_ok(room.code, "nope")


async def test_closed_sessions_are_not_rebuilt_but_still_found(rooms: Rooms, clock) -> None:
    room, _ = rooms.create(title="Atelier")
    await room.run(HOST, rules.close)
    again = Rooms(rooms.store, clock=clock)
    assert again.load_open() == 0
    assert again.get(room.code.lower()).state.status == "closed"
    assert again.get("ZZZZZZ") is None


def test_blank_session_needs_a_title(rooms: Rooms) -> None:
    with pytest.raises(RuleViolation, match="home.title_required"):
        rooms.create(title="   ")
    with pytest.raises(RuleViolation, match="error.unknown_plan"):
        rooms.create(plan="../../etc/passwd")


@pytest.mark.sqlite_only
def test_host_key_is_stored_only_as_a_hash(rooms: Rooms) -> None:
    room, key = rooms.create(title="Atelier")
    dump = "\n".join(rooms.store.db.conn.iterdump())
    assert key not in dump
