"""The event log, on the engine of the run (`--backend`), and what only SQLite's files show."""

from __future__ import annotations

import time

import pytest

from facilitation import session
from facilitation.store import SCHEMA_VERSION, Derived, SeqConflict, SqliteStore
from facilitation.store import sqlite as sqlite_module

CREATED = session.SessionCreated(code="ABCDEF", title="Forum", at=1.0)


def test_schema_version(store) -> None:
    assert store.schema_version() == SCHEMA_VERSION


def test_events_round_trip_in_order(store) -> None:
    store.add_session("ABCDEF", "hash", 1.0)
    events = [CREATED, session.SessionStarted(at=2.0)]
    assert store.append("ABCDEF", events) == 2
    assert store.append("ABCDEF", [session.AgendaMoved(index=0, at=3.0)]) == 3
    assert store.events("ABCDEF") == [*events, session.AgendaMoved(index=0, at=3.0)]
    assert [seq for seq, _ in store.events_since("ABCDEF", 0)] == [0, 1, 2]
    assert store.events_since("ABCDEF", 2) == [(2, session.AgendaMoved(index=0, at=3.0))]
    assert store.heads(["ABCDEF", "ZZZZZZ"]) == {"ABCDEF": 3}
    assert store.event_types("ABCDEF") == {"session.created", "session.started", "session.agenda_moved"}


def test_sequence_continues_after_reopening(make_store) -> None:
    first = make_store("c")
    first.add_session("ABCDEF", "hash", 1.0)
    first.append("ABCDEF", [CREATED])
    first.close()
    second = make_store("c")
    assert second.append("ABCDEF", [session.SessionStarted(at=2.0)], expected_seq=1) == 2
    assert len(second.events("ABCDEF")) == 2
    assert second.schema_version() == SCHEMA_VERSION


def test_an_append_that_expects_another_sequence_number_changes_nothing(store) -> None:
    store.add_session("ABCDEF", "hash", 1.0)
    store.append("ABCDEF", [CREATED], expected_seq=0)
    with pytest.raises(SeqConflict):  # as if another process had written number 0 first
        store.append("ABCDEF", [session.SessionStarted(at=2.0)], expected_seq=0)
    assert store.events("ABCDEF") == [CREATED]  # the log is unchanged
    assert store.append("ABCDEF", [session.SessionStarted(at=2.0)], expected_seq=1) == 2


def test_two_processes_on_one_log_cannot_write_one_number_twice(make_store, backend) -> None:
    if backend.name != "postgres":
        pytest.skip("one process owns a SQLite file")
    first, second = make_store("shared"), make_store("shared")
    first.add_session("ABCDEF", "hash", 1.0)
    with first.writing("ABCDEF"):
        first.append("ABCDEF", [CREATED], expected_seq=0)
    with pytest.raises(SeqConflict), second.writing("ABCDEF"):
        second.append("ABCDEF", [session.SessionStarted(at=2.0)], expected_seq=0)
    assert second.events_since("ABCDEF", 0) == [(0, CREATED)]
    with second.writing("ABCDEF"):  # caught up: number 1 is free
        assert second.events_since("ABCDEF", 1) == []
        second.append("ABCDEF", [session.SessionStarted(at=2.0)], expected_seq=1)
    assert first.heads(["ABCDEF"]) == {"ABCDEF": 2}


def test_a_lease_is_held_by_one_process_and_moves_when_it_goes(make_store, backend) -> None:
    first, second = make_store("shared"), make_store("shared")
    assert first.lease("housekeeping") and first.lease("housekeeping")
    if backend.name != "postgres":
        return  # alone, a process holds every lease
    assert not second.lease("housekeeping")
    assert second.lease("another duty")
    first.close()  # as if it died: its connection ends (PostgreSQL's backend then exits)
    for _ in range(100):
        if second.lease("housekeeping"):
            break
        time.sleep(0.05)
    assert second.lease("housekeeping")


def test_status_relabel_and_purge_in_the_append(store) -> None:
    store.add_session("AAAAAA", "h", 1.0)
    store.add_session("CCCCCC", "h", 2.0)
    token = "T" * 22
    store.append("AAAAAA", [session.ParticipantJoined(token=token, at=1.0)])
    store.append("AAAAAA", [session.SessionClosed(at=3.0)], 3.0, status="closed")
    assert store.session_codes(open_only=True) == ["CCCCCC"]
    assert store.session_codes() == ["AAAAAA", "CCCCCC"]
    assert store.closed_sessions() == [("AAAAAA", 3.0)]
    store.append("AAAAAA", [session.SessionUnlinked(at=4.0)], relabel={token: "participant 1"})
    assert store.events("AAAAAA")[0] == session.ParticipantJoined(token="participant 1", at=1.0)
    assert store.closed_without(session.SessionPurged.type) == [("AAAAAA", 3.0)]
    store.append("AAAAAA", [session.SessionPurged(at=5.0)], keep_types=session.KEPT_ON_PURGE)
    assert store.event_types("AAAAAA") == {"session.closed", "session.unlinked", "session.purged"}
    assert [seq for seq, _ in store.events_since("AAAAAA", 0)] == [1, 2, 3]  # numbers are kept
    assert store.closed_without(session.SessionPurged.type) == []


def test_erasure_leaves_no_row(store) -> None:
    store.add_session("ABCDEF", "hash", 1.0)
    store.append("ABCDEF", [CREATED])
    store.append("ABCDEF", [], 2.0, derived=Derived(restitutions={"fr": "{}"}))
    assert store.restitution("ABCDEF", "fr") == "{}" and store.host_key_hash("ABCDEF") == "hash"
    store.delete_session("ABCDEF")
    store.scrub()
    assert not store.code_taken("ABCDEF") and store.events("ABCDEF") == []
    assert store.restitution("ABCDEF", "fr") is None and store.heads(["ABCDEF"]) == {}


# --- SQLite's own files ------------------------------------------------------------------------


@pytest.mark.sqlite_only
def test_wal_and_unique_sequence_numbers(tmp_path) -> None:
    store = SqliteStore(tmp_path / "c.db")
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.add_session("ABCDEF", "hash", 1.0)
    store.append("ABCDEF", [CREATED])
    store._seq["ABCDEF"] = 0  # as if another writer of the file had raced: the index refuses
    with pytest.raises(SeqConflict):
        store.append("ABCDEF", [session.SessionStarted(at=2.0)])
    assert len(store.events("ABCDEF")) == 1
    assert store.append("ABCDEF", [session.SessionStarted(at=2.0)]) == 2  # read again, then written


@pytest.mark.sqlite_only
def test_migration_hook_runs_new_steps_once(tmp_path, monkeypatch) -> None:
    calls: list[int] = []
    path = tmp_path / "m.db"
    SqliteStore(path).close()
    monkeypatch.setitem(sqlite_module.MIGRATIONS, SCHEMA_VERSION + 1, lambda db: calls.append(1))
    SqliteStore(path).close()
    SqliteStore(path).close()
    assert calls == [1]
    assert SqliteStore(path).schema_version() == SCHEMA_VERSION + 1


@pytest.mark.sqlite_only
def test_files_are_private_and_writes_durable(tmp_path) -> None:
    store = SqliteStore(tmp_path / "p.db")
    store.add_session("ABCDEF", "hash", 1.0)
    store.append("ABCDEF", [CREATED])
    files = list(tmp_path.glob("p.db*"))
    assert {f.name for f in files} >= {"p.db", "p.db-wal"}
    assert all(f.stat().st_mode & 0o777 == 0o600 for f in files)  # nobody else reads what was said
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    normal = SqliteStore(tmp_path / "q.db", synchronous="normal")
    assert normal.db.execute("PRAGMA synchronous").fetchone()[0] == 1
    with pytest.raises(ValueError):
        SqliteStore(tmp_path / "r.db", synchronous="off")
