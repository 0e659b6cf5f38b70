"""The append-only event log, in SQLite (WAL) through sqlite-utils.

Tables: `meta` (schema version), `sessions` (code, hash of the host key, status), `events`
(session, seq, at, type, payload). Participant data appear only inside event payloads, and only
as a random token, an optional category and room/remote.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import sqlite_utils

from .events import Event, decode, encode

SCHEMA_VERSION = 1


def _migrate_to_1(db: sqlite_utils.Database) -> None:
    db["sessions"].create(
        {"code": str, "host_key_hash": str, "status": str, "created_at": float, "closed_at": float},
        pk="code",
        if_not_exists=True,
    )
    db["events"].create(
        {"id": int, "session": str, "seq": int, "at": float, "type": str, "payload": str},
        pk="id",
        if_not_exists=True,
    )
    db["events"].create_index(["session", "seq"], unique=True, if_not_exists=True)


# Each entry brings the schema from version N-1 to N; add new ones, never edit old ones.
MIGRATIONS: dict[int, Callable[[sqlite_utils.Database], None]] = {1: _migrate_to_1}


class Store:
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        # One connection, used from the event loop's thread (and by tests from theirs).
        self.db = sqlite_utils.Database(sqlite3.connect(self.path, check_same_thread=False))
        self.db.enable_wal()
        self.db.execute("PRAGMA synchronous=NORMAL")
        self._migrate()
        self._seq: dict[str, int] = {}

    # schema
    def schema_version(self) -> int:
        if "meta" not in self.db.table_names():
            return 0
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _migrate(self) -> None:
        with self.db.conn:
            self.db["meta"].create({"key": str, "value": str}, pk="key", if_not_exists=True)
            version = self.schema_version()
            for target in sorted(v for v in MIGRATIONS if v > version):
                MIGRATIONS[target](self.db)
                self.db["meta"].upsert({"key": "schema_version", "value": str(target)}, pk="key")

    # sessions
    def add_session(self, code: str, host_key_hash: str, now: float) -> None:
        with self.db.conn:
            self.db["sessions"].insert(
                {
                    "code": code,
                    "host_key_hash": host_key_hash,
                    "status": "draft",
                    "created_at": now,
                    "closed_at": None,
                }
            )

    def code_taken(self, code: str) -> bool:
        return self.db.execute("SELECT 1 FROM sessions WHERE code = ?", [code]).fetchone() is not None

    def host_key_hash(self, code: str) -> str | None:
        row = self.db.execute("SELECT host_key_hash FROM sessions WHERE code = ?", [code]).fetchone()
        return row[0] if row else None

    def set_status(self, code: str, status: str, now: float | None = None) -> None:
        with self.db.conn:
            self.db.execute(
                "UPDATE sessions SET status = ?, closed_at = ? WHERE code = ?",
                [status, now if status == "closed" else None, code],
            )

    def session_codes(self, *, open_only: bool = False) -> list[str]:
        sql = (
            "SELECT code FROM sessions"
            + (" WHERE status != 'closed'" if open_only else "")
            + " ORDER BY created_at"
        )
        return [row[0] for row in self.db.execute(sql).fetchall()]

    # events
    def append(self, code: str, events: Iterable[Event], now: float | None = None) -> None:
        """Persist events in one transaction; only then may the caller report success."""
        at = time.time() if now is None else now
        seq = self._next_seq(code)
        rows = []
        for e in events:
            type_, payload = encode(e)
            rows.append((code, seq, at, type_, payload))
            seq += 1
        with self.db.conn:
            self.db.conn.executemany(
                "INSERT INTO events (session, seq, at, type, payload) VALUES (?, ?, ?, ?, ?)", rows
            )
        self._seq[code] = seq

    def _next_seq(self, code: str) -> int:
        if code not in self._seq:
            row = self.db.execute("SELECT MAX(seq) FROM events WHERE session = ?", [code]).fetchone()
            self._seq[code] = (row[0] + 1) if row and row[0] is not None else 0
        return self._seq[code]

    def events(self, code: str) -> list[Event]:
        rows = self.db.execute(
            "SELECT type, payload FROM events WHERE session = ? ORDER BY seq", [code]
        ).fetchall()
        return [decode(type_, payload) for type_, payload in rows]

    def count_events(self, code: str, type_: str | None = None) -> int:
        sql, params = "SELECT COUNT(*) FROM events WHERE session = ?", [code]
        if type_ is not None:
            sql, params = sql + " AND type = ?", [*params, type_]
        return self.db.execute(sql, params).fetchone()[0]

    def close(self) -> None:
        self.db.close()
