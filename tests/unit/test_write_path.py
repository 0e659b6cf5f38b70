"""The one write path under failure: a fold that raises, a store that fails, a log that cannot be
replayed, an event whose shape changed; and what the room runs by itself (arrivals, wake-ups)."""

from __future__ import annotations

import json
from typing import Any, ClassVar

import pytest

from facilitation import session as rules
from facilitation.activity import Registry
from facilitation.bus import LocalBus
from facilitation.commands import HOST, SYSTEM, Actor, CommandContext, command
from facilitation.events import ActivityEvent, Event, decode, encode, event, registered_types
from facilitation.i18n import RuleViolation
from facilitation.rooms import Rooms
from facilitation.store import SqliteStore as Store
from tests.unit.test_restitution_support import FAKE, NotesState, write_plan
from tests.unit.test_room import eventually

ME = Actor.participant("tok-me")


@event
class Broken(ActivityEvent):
    """An event its activity cannot fold (a bug in a new release)."""

    type = "fake_notes.broken"


@command("host")
def break_it(state: NotesState, cc: CommandContext) -> list[ActivityEvent]:
    return [Broken(item=cc.item)]


class BrokenFold(type(FAKE)):  # the fake activity, with a fold that fails on `Broken`
    def apply(self, state: NotesState, e: ActivityEvent, session: Any) -> NotesState:
        if isinstance(e, Broken):
            state.votes["half-applied"] = "x"  # changes the state, then fails
            raise RuntimeError("fold failed")
        return super().apply(state, e, session)


@pytest.fixture
def broken_rooms(tmp_path, make_store, clock) -> Rooms:
    registry = Registry()
    registry.register(BrokenFold())
    write_plan(tmp_path / "plans")
    return Rooms(make_store(), clock=clock, registry=registry, plans_dir=tmp_path / "plans")


def started(rooms: Rooms):
    room, _ = rooms.create(plan="essai")
    room.run_now(ME, rules.join, None, "room")
    room.run_now(HOST, rules.start)
    room.run_now(HOST, rules.next_item)
    return room


def test_a_fold_that_fails_stores_nothing_and_leaves_no_trace_in_memory(broken_rooms) -> None:
    room = started(broken_rooms)
    stored = broken_rooms.store.count_events(room.code)
    before = room.state.activities[1].model_dump()
    published: list[int] = []
    room.subscribe("tally", lambda: published.append(1))
    with pytest.raises(RuntimeError, match="fold failed"):
        room.run_now(HOST, break_it, item=1)
    assert broken_rooms.store.count_events(room.code) == stored  # never reached the disk
    assert room.state.activities[1].model_dump() == before  # rebuilt from the log
    assert published == []  # nobody was told
    room.run_now(HOST, rules.next_item)  # and the room goes on
    assert room.state.current == 2


def test_a_store_that_fails_leaves_the_state_as_the_log_says(broken_rooms, monkeypatch) -> None:
    room = started(broken_rooms)

    def full_disk(*args: Any, **kwargs: Any) -> None:
        raise OSError("database or disk is full")

    monkeypatch.setattr(broken_rooms.store, "append", full_disk)
    with pytest.raises(OSError):
        room.run_now(HOST, rules.next_item)
    assert room.state.current == 1  # not moved in memory either
    monkeypatch.undo()
    room.run_now(HOST, rules.next_item)
    assert room.state.current == 2


@pytest.mark.sqlite_only
def test_a_session_whose_log_cannot_be_replayed_does_not_stop_the_others(tmp_path, clock) -> None:
    write_plan(tmp_path / "plans")
    store = Store(tmp_path / "c.db")
    rooms = Rooms(store, clock=clock, plans_dir=tmp_path / "plans")
    good, _ = rooms.create(title="Atelier A")
    bad, _ = rooms.create(title="Atelier B")
    store.db.execute(
        "INSERT INTO events (session, seq, at, type, payload) VALUES (?, 99, 1.0, 'session.renamed_long_ago', '{}')",
        [bad.code],
    )
    store.db.conn.commit()
    again = Rooms(store, clock=clock)
    assert again.load_open() == 1
    assert again.get(good.code) is not None
    assert bad.code in again.failed and "unknown event type" in again.failed[bad.code]
    assert again.get(bad.code) is None  # still reported, never half-loaded


async def test_healthz_names_failed_sessions_as_degraded(user) -> None:
    from tests.conftest import running_service

    rooms = running_service().rooms
    rooms.failed["ZZZZZZ"] = "ValueError: unknown event type"
    try:
        body = (await user.http_client.get("/healthz")).json()
    finally:
        rooms.failed.pop("ZZZZZZ")
    assert body["status"] == "degraded" and body["sessions"]["failed"] == 1
    assert "ZZZZZZ" not in json.dumps(body)  # the codes are in the server log, not public


def test_an_old_event_is_upgraded_when_the_log_is_replayed(make_store, monkeypatch) -> None:
    """A log written by today's code; then a release renames a field (version 2, with an upgrade):
    the old log still replays, and new events are written with their version."""

    class NoteV1(Event):
        type: ClassVar[str] = "test.note_kept"
        text: str

    store = make_store()
    store.add_session("ABCDEF", "h", 1.0)
    store.append("ABCDEF", [NoteV1(text="écrit hier")])  # as today's code writes it
    monkeypatch.setitem(registered_types.__globals__["_TYPES"], NoteV1.type, NoteV1)
    assert store.events("ABCDEF") == [NoteV1(text="écrit hier")]

    class NoteV2(Event):
        """The same event after `text` was renamed `body`."""

        type: ClassVar[str] = "test.note_kept"
        version: ClassVar[int] = 2
        upgrades: ClassVar[dict] = {1: lambda old: {"body": old.pop("text"), **old}}
        body: str

    monkeypatch.setitem(registered_types.__globals__["_TYPES"], NoteV2.type, NoteV2)
    assert store.events("ABCDEF") == [NoteV2(body="écrit hier")]
    store.append("ABCDEF", [NoteV2(body="écrit aujourd'hui")])
    assert json.loads(encode(NoteV2(body="x"))[1])["_v"] == 2
    assert store.events("ABCDEF") == [NoteV2(body="écrit hier"), NoteV2(body="écrit aujourd'hui")]
    with pytest.raises(ValueError, match="newer"):
        decode(NoteV2.type, {"body": "x", "_v": 3})


def test_an_event_class_without_its_upgrades_is_refused() -> None:
    class Missing(Event):
        type: ClassVar[str] = "test.missing_upgrade"
        version: ClassVar[int] = 3
        upgrades: ClassVar[dict] = {1: lambda old: old}

    with pytest.raises(ValueError, match="lacks upgrades from versions \\[2\\]"):
        event(Missing)


async def test_the_room_seats_a_late_arrival_in_a_running_cafe(rooms, clock) -> None:
    room, _ = rooms.create(plan="open-detat-2018-03-12")
    for i in range(6):
        await room.run(Actor.participant(f"p{i}"), rules.join, None, "room")
    await room.run(HOST, rules.start)
    await room.run(HOST, rules.move_to, 2)
    from activities.world_cafe import state as cafe

    await room.run(HOST, cafe.start, None, item=2)
    await room.run(Actor.participant("late"), rules.join, None, "remote")  # no page drew anything
    assert "late" in room.state.activities[2].member_of
    assert rooms.store.count_events(room.code, "world_cafe.late_arrival_placed") == 1
    room.connect("late")  # coming back changes nothing
    assert rooms.store.count_events(room.code, "world_cafe.late_arrival_placed") == 1


async def test_the_room_wakes_the_views_when_a_rotation_ends(store) -> None:
    import time

    rooms = Rooms(store, LocalBus(), clock=time.time)
    room, _ = rooms.create(plan="open-detat-2018-03-12")
    await room.run(Actor.participant("p0"), rules.join, None, "room")
    await room.run(HOST, rules.start)
    await room.run(HOST, rules.move_to, 2)
    from activities.world_cafe import state as cafe

    settings = room.state.activities[2].settings.model_dump()
    await room.run(HOST, cafe.change_setup, {**settings, "rotation_minutes": 0.01}, item=2)  # 0.6 s
    woken: list[float] = []
    room.subscribe(cafe.PHASE, lambda: woken.append(time.time()))
    await room.run(HOST, cafe.start, None, item=2)
    ends_at = room.state.activities[2].timing(time.time()).ends_at
    assert ends_at is not None
    # Nobody's page is open: the room itself tells the views once the rotation has ended.
    await eventually(lambda: any(at >= ends_at for at in woken), limit=5)
    assert room.state.activities[2].timing(time.time()).segment >= 1


def test_the_system_cannot_run_a_host_command_and_the_public_cannot_moderate(rooms) -> None:
    room, _ = rooms.create(title="Atelier")
    for actor in (SYSTEM, Actor("public"), ME):
        with pytest.raises(RuleViolation, match="error.forbidden"):
            room.run_now(actor, rules.start)
    assert room.state.status == "draft"
