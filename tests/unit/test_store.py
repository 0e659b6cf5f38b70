from __future__ import annotations

import sqlite3

import pytest

from facilitation import session
from facilitation.store import SCHEMA_VERSION, Store


def test_schema_version_and_wal(store: Store) -> None:
    assert store.schema_version() == SCHEMA_VERSION
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_events_round_trip_in_order(store: Store) -> None:
    store.add_session("ABCDEF", "hash", 1.0)
    events = [session.SessionCreated(code="ABCDEF", title="Forum", at=1.0)] + [session.SessionStarted(at=2.0)]
    store.append("ABCDEF", events)
    store.append("ABCDEF", [session.AgendaMoved(index=0, at=3.0)])
    back = store.events("ABCDEF")
    assert back == [*events, session.AgendaMoved(index=0, at=3.0)]
    assert [row[0] for row in store.db.execute("SELECT seq FROM events ORDER BY seq").fetchall()] == [0, 1, 2]


def test_sequence_continues_after_reopening(tmp_path) -> None:
    path = tmp_path / "c.db"
    first = Store(path)
    first.add_session("ABCDEF", "hash", 1.0)
    first.append("ABCDEF", [session.SessionCreated(code="ABCDEF", title="Forum", at=1.0)])
    first.close()
    second = Store(path)
    second.append("ABCDEF", [session.SessionStarted(at=2.0)])
    assert len(second.events("ABCDEF")) == 2
    assert second.schema_version() == SCHEMA_VERSION


def test_a_sequence_number_cannot_be_written_twice(store: Store) -> None:
    store.add_session("ABCDEF", "hash", 1.0)
    store.append("ABCDEF", [session.SessionCreated(code="ABCDEF", title="Forum", at=1.0)])
    store._seq["ABCDEF"] = 0  # as if two writers raced
    with pytest.raises(sqlite3.IntegrityError):
        store.append("ABCDEF", [session.SessionStarted(at=2.0)])
    assert len(store.events("ABCDEF")) == 1  # the log is unchanged


def test_migration_hook_runs_new_steps_once(tmp_path, monkeypatch) -> None:
    from facilitation import store as store_module

    calls: list[int] = []
    path = tmp_path / "m.db"
    Store(path).close()
    monkeypatch.setitem(store_module.MIGRATIONS, SCHEMA_VERSION + 1, lambda db: calls.append(1))
    Store(path).close()
    Store(path).close()
    assert calls == [1]
    assert Store(path).schema_version() == SCHEMA_VERSION + 1


def test_only_open_sessions_are_listed_as_open(store: Store) -> None:
    store.add_session("AAAAAA", "h", 1.0)
    store.add_session("CCCCCC", "h", 2.0)
    store.append("AAAAAA", [session.SessionClosed(at=3.0)], 3.0, status="closed")
    assert store.session_codes(open_only=True) == ["CCCCCC"]
    assert store.session_codes() == ["AAAAAA", "CCCCCC"]


def test_files_are_private_and_writes_durable(tmp_path) -> None:
    store = Store(tmp_path / "p.db")
    store.add_session("ABCDEF", "hash", 1.0)
    store.append("ABCDEF", [session.SessionCreated(code="ABCDEF", title="Forum", at=1.0)])
    files = list(tmp_path.glob("p.db*"))
    assert {f.name for f in files} >= {"p.db", "p.db-wal"}
    assert all(f.stat().st_mode & 0o777 == 0o600 for f in files)  # nobody else reads what was said
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert Store(tmp_path / "q.db", synchronous="normal").db.execute("PRAGMA synchronous").fetchone()[0] == 1
    with pytest.raises(ValueError):
        Store(tmp_path / "r.db", synchronous="off")
