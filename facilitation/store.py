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
from typing import Any

import sqlite_utils

from .events import Event, decode, encode

SCHEMA_VERSION = 2


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


def _migrate_to_2(db: sqlite_utils.Database) -> None:
    """The restitution's own tables, kept when the raw events are purged: built documents,
    publication and retention state, comments and the moderation log (what, when, why; never who)."""
    db["restitutions"].create(
        {"session": str, "lang": str, "built_at": float, "document": str},
        pk=("session", "lang"),
        if_not_exists=True,
    )
    db["archive"].create(
        {"session": str, "publish": int, "unlinked_at": float, "purged_at": float},
        pk="session",
        if_not_exists=True,
    )
    db["comments"].create(
        {"id": int, "session": str, "at": float, "text": str, "hidden": int, "reason": str},
        pk="id",
        if_not_exists=True,
    )
    db["comments"].create_index(["session"], if_not_exists=True)
    db["moderation"].create(
        {
            "id": int,
            "session": str,
            "at": float,
            "target": str,
            "target_id": str,
            "action": str,
            "reason": str,
            "place": str,
        },
        pk="id",
        if_not_exists=True,
    )
    db["moderation"].create_index(["session"], if_not_exists=True)


# Each entry brings the schema from version N-1 to N; add new ones, never edit old ones.
MIGRATIONS: dict[int, Callable[[sqlite_utils.Database], None]] = {1: _migrate_to_1, 2: _migrate_to_2}


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

    # restitution, retention and erasure (migration 2)
    def save_restitution(self, code: str, lang: str, document: str, now: float) -> None:
        with self.db.conn:
            self.db["restitutions"].upsert(
                {"session": code, "lang": lang, "built_at": now, "document": document}, pk=("session", "lang")
            )

    def restitution(self, code: str, lang: str) -> str | None:
        row = self.db.execute(
            "SELECT document FROM restitutions WHERE session = ? AND lang = ?", [code, lang]
        ).fetchone()
        return row[0] if row else None

    def archive(self, code: str) -> dict[str, Any]:
        """Publication and retention state of a session (publish: None follows the plan)."""
        row = self.db.execute(
            "SELECT publish, unlinked_at, purged_at FROM archive WHERE session = ?", [code]
        ).fetchone()
        publish, unlinked_at, purged_at = row if row else (None, None, None)
        return {"publish": publish, "unlinked_at": unlinked_at, "purged_at": purged_at}

    def set_archive(self, code: str, **fields: Any) -> None:
        with self.db.conn:
            self.db["archive"].upsert({"session": code, **fields}, pk="session")

    def closed_sessions(self) -> list[tuple[str, float | None]]:
        return [
            (row[0], row[1])
            for row in self.db.execute(
                "SELECT code, closed_at FROM sessions WHERE status = 'closed' ORDER BY created_at"
            ).fetchall()
        ]

    def add_comment(self, code: str, text: str, now: float) -> int:
        with self.db.conn:
            cursor = self.db.conn.execute(
                "INSERT INTO comments (session, at, text, hidden, reason) VALUES (?, ?, ?, 0, '')",
                [code, now, text],
            )
        return int(cursor.lastrowid or 0)

    def comments(self, code: str) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT id, at, text, hidden, reason FROM comments WHERE session = ? ORDER BY id", [code]
        ).fetchall()
        return [{"id": r[0], "at": r[1], "text": r[2], "hidden": bool(r[3]), "reason": r[4]} for r in rows]

    def hide_comment(self, code: str, comment_id: int, reason: str, hidden: bool = True) -> bool:
        with self.db.conn:
            cursor = self.db.conn.execute(
                "UPDATE comments SET hidden = ?, reason = ? WHERE session = ? AND id = ?",
                [int(hidden), reason if hidden else "", code, comment_id],
            )
        return cursor.rowcount > 0

    def log_moderation(self, code: str, entry: dict[str, Any], now: float) -> None:
        with self.db.conn:
            self.db["moderation"].insert({**entry, "session": code, "at": now})

    def moderation_log(self, code: str) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT at, target, target_id, action, reason, place FROM moderation WHERE session = ? ORDER BY id",
            [code],
        ).fetchall()
        keys = ("at", "target", "target_id", "action", "reason", "place")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def rewrite_payloads(self, code: str, rewrite: Callable[[str], str]) -> int:
        """Replace event payloads of `code` by `rewrite(payload)` (the privacy unlink on close)."""
        self.db.execute("PRAGMA secure_delete = ON")  # overwritten content is zeroed, not left behind
        rows = self.db.execute("SELECT id, payload FROM events WHERE session = ?", [code]).fetchall()
        changed = [(new, id_) for id_, old in rows if (new := rewrite(old)) != old]
        with self.db.conn:
            self.db.conn.executemany("UPDATE events SET payload = ? WHERE id = ?", changed)
        return len(changed)

    def delete_events(self, code: str) -> None:
        self.db.execute("PRAGMA secure_delete = ON")
        with self.db.conn:
            self.db.execute("DELETE FROM events WHERE session = ?", [code])
        self._seq.pop(code, None)

    def delete_session(self, code: str) -> None:
        """Erase every row of a session, its restitution, comments and moderation log included."""
        self.db.execute("PRAGMA secure_delete = ON")
        with self.db.conn:
            for table in ("events", "restitutions", "archive", "comments", "moderation"):
                self.db.execute(f"DELETE FROM {table} WHERE session = ?", [code])
            self.db.execute("DELETE FROM sessions WHERE code = ?", [code])
        self._seq.pop(code, None)

    def scrub(self) -> None:
        """After a rewrite or a deletion (made with secure_delete on): fold the WAL into the
        database and truncate it, so that old page images do not linger in the -wal file."""
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        self.db.close()
