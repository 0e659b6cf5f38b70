"""No door around the write path: the restitution that outlives a purge is written in the same
transaction as the events it follows, and a session is created with its first event. A failure at
any step (the document's build, or the database refusing a row) loses nothing and leaves nothing
half-done; a record behind its log catches up at start. On both engines."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from facilitation import feedback
from facilitation import session as rules
from facilitation.commands import HOST, PUBLIC
from facilitation.restitution import archive
from facilitation.restitution.model import Restitution
from facilitation.rooms import DAY, Rooms
from facilitation.session import SessionPurged
from facilitation.store import SqliteStore, Store
from tests.harness import said
from tests.unit.test_restitution_support import FAKE, registry, run_session, write_plan

TOKENS = [f"Tk{i}x-RANDOMTOKENVALUE{i:02d}" for i in range(4)]
RAW = "fake_notes.note_added"  # a participation event: what a purge deletes


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    write_plan(tmp_path / "plans")
    return tmp_path / "plans"


@pytest.fixture
def forum(make_store, clock, plans) -> Rooms:
    rooms = Rooms(make_store(), clock=clock, registry=registry(), plans_dir=plans)
    archive.attach(rooms)
    return rooms


@contextmanager
def refusing(store: Store, table: str) -> Iterator[None]:
    """The database refuses every new row of `table` (as a full disk or a broken index would),
    through a trigger: whatever else the transaction wrote must be rolled back with it."""
    if isinstance(store, SqliteStore):
        store.db.execute(
            f"CREATE TRIGGER refuse_{table} BEFORE INSERT ON {table} BEGIN SELECT RAISE(ABORT, 'refused'); END"
        )
        try:
            yield
        finally:
            store.db.execute(f"DROP TRIGGER refuse_{table}")
        return
    import psycopg

    with psycopg.connect(store.url, autocommit=True) as db:  # type: ignore[attr-defined]
        db.execute(
            "CREATE OR REPLACE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'refused'; END $$"
        )
        db.execute(
            f"CREATE TRIGGER refuse_{table} BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION refuse()"
        )
        try:
            yield
        finally:
            db.execute(f"DROP TRIGGER refuse_{table} ON {table}")


@contextmanager
def failing(fault: str, store: Store, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The restitution's step fails: its build raises, or the database refuses its rows."""
    if fault == "build":

        def broken(*args: Any, **kwargs: Any) -> None:
            raise RuntimeError("refused: the document could not be built")

        with monkeypatch.context() as patch:
            patch.setattr(archive, "build", broken)
            yield
    else:
        with refusing(store, "restitutions"):
            yield


def behind(rooms: Rooms, code: str | None = None) -> list[str]:
    return rooms.store.restitutions_behind(
        ("fr", "en"), purged=SessionPurged.type, ignored=archive.NOT_IN_DOCUMENTS, code=code
    )


def moderated_unrecorded(rooms: Rooms, code: str) -> None:
    """As an older Cercle did: a text hidden after the close while the saved documents did not
    follow (they were written after the commit, and that write was lost)."""
    rooms.records.remove(archive.record)
    room = rooms.get(code)
    assert room is not None
    room.run_now(HOST, feedback.moderate_text, FAKE, "n2", hide=True, reason="un nom", item=1)
    archive.attach(rooms)


def sections(rooms: Rooms, code: str) -> list[Any]:
    """The record's sections as the restitution page shows them (built live until a purge)."""
    doc = archive.document(rooms, code, "fr")
    assert doc is not None
    return doc.sections


def saved_sections(rooms: Rooms, code: str, lang: str = "fr") -> list[Any]:
    """The sections of the document the store saved."""
    raw = rooms.store.restitution(code, lang)
    assert raw is not None
    return Restitution.model_validate_json(raw).sections


@pytest.mark.parametrize("fault", ["build", "store"])
def test_a_purge_whose_record_fails_keeps_the_raw_events_and_the_record(
    forum: Rooms, clock, monkeypatch, fault: str
) -> None:
    room = run_session(forum, clock, TOKENS)
    code, store = room.code, forum.store
    clock.advance(60)
    moderated_unrecorded(forum, code)
    saved = store.restitution(code, "fr")
    assert saved is not None and behind(forum) == [code]  # the purge must write it again
    expected = sections(forum, code)  # built from the full log, the moderation included
    assert saved_sections(forum, code) != expected
    raw = store.count_events(code, RAW)
    clock.advance(31 * DAY)

    with failing(fault, store, monkeypatch):
        assert forum.purge_expired(30) == []  # refused, and said in the server log
    assert store.count_events(code, RAW) == raw  # nothing lost: the raw events stay
    assert SessionPurged.type not in store.event_types(code)
    assert store.restitution(code, "fr") == saved  # and the record as it was
    again = forum.get(code)
    assert again is not None and again.state.purged_at is None
    assert sections(forum, code) == expected

    assert forum.purge_expired(30) == [code]  # run again, it succeeds
    assert store.count_events(code, RAW) == 0
    assert store.restitution(code, "fr") != saved and sections(forum, code) == expected
    assert archive.catch_up(forum) == [] and sections(forum, code) == expected  # never rebuilt empty


@pytest.mark.parametrize("fault", ["build", "store"])
def test_a_close_whose_record_fails_leaves_the_session_as_its_log_says(
    forum: Rooms, make_store, clock, plans, monkeypatch, fault: str
) -> None:
    room = run_session(forum, clock, TOKENS, close=False)
    code, store = room.code, forum.store
    live = room.state.model_dump()
    seen: list[int] = []
    room.subscribe("phase", lambda: seen.append(1))

    with failing(fault, store, monkeypatch), pytest.raises(Exception, match="refused"):
        room.run_now(HOST, rules.close)
    assert room.state.model_dump() == live  # still live, tokens and all, in memory
    assert code in store.session_codes(open_only=True)  # and in the log
    assert "session.closed" not in store.event_types(code) and store.restitution(code, "fr") is None
    assert seen == []  # nobody was told of a close that did not happen
    restarted = Rooms(make_store(), clock=clock, registry=registry(), plans_dir=plans)
    assert restarted.load_open() == 1 and restarted.get(code).state.model_dump() == live

    room.run_now(HOST, rules.close)  # the facilitator closes again: it works
    assert room.state.status == "closed" and code not in store.session_codes(open_only=True)
    assert saved_sections(forum, code) == sections(forum, code) and saved_sections(forum, code, "en")
    assert not any(t in str(store.events(code)) for t in TOKENS)  # unlinked in the same step
    assert behind(forum) == []


def test_a_creation_that_fails_after_its_row_leaves_no_session(forum: Rooms) -> None:
    store = forum.store
    with refusing(store, "events"), pytest.raises(Exception, match="refused"):
        forum.create(plan="essai")  # the row is written first, then its first event is refused
    assert store.session_codes() == [] and forum.open_rooms() == []  # no row without its log

    room, key = forum.create(plan="essai")
    assert store.session_codes() == [room.code] and forum.key_ok(room.code, key)
    assert [e.type for e in store.events(room.code)] == ["session.created"]


@pytest.mark.parametrize("gap", ["missing", "behind"])
def test_a_record_missing_or_behind_its_log_is_rebuilt_at_start(
    forum: Rooms, make_store, clock, plans, gap: str
) -> None:
    if gap == "missing":  # closed by a Cercle whose write of the documents was lost
        forum.records.remove(archive.record)
    room = run_session(forum, clock, TOKENS)
    code = room.code
    clock.advance(60)
    if gap == "behind":
        moderated_unrecorded(forum, code)
    else:
        archive.attach(forum)
    expected = sections(forum, code)
    assert behind(forum) == [code] and behind(forum, code) == [code]
    kept = forum.store.restitution(code, "fr")
    assert (kept is None) == (gap == "missing")
    assert kept is None or saved_sections(forum, code) != expected

    restarted = Rooms(make_store(), clock=clock, registry=registry(), plans_dir=plans)
    assert archive.start_up(restarted, 0) == []  # nothing purged (retention 0)...
    assert behind(restarted) == []  # ...but the record caught up with its log
    assert restarted.open_rooms() == []  # loaded for this only, and let go
    assert restarted.store.restitution(code, "fr") != kept
    assert saved_sections(restarted, code) == expected and saved_sections(restarted, code, "en")

    restarted.get(code).run_now(PUBLIC, feedback.post_comment, said("Merci pour ce compte rendu"))
    assert behind(restarted) == []  # a comment is not in the documents: not behind for it
    assert archive.catch_up(restarted) == []


def test_a_projection_that_fails_after_the_commit_leaves_the_command_standing(forum: Rooms) -> None:
    """Memory housekeeping (forgetting names typed for a queue) runs after the commit: its failure
    is logged, and what was stored stands."""

    def broken(room: Any, events: Any) -> None:
        raise RuntimeError("housekeeping failed")

    forum.projections.append(broken)
    room, _ = forum.create(plan="essai")
    events = room.run_now(HOST, rules.start)
    assert [e.type for e in events] == ["session.started"] and room.state.status == "live"
    assert forum.store.count_events(room.code, "session.started") == 1
