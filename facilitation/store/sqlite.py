"""The embedded event log, in SQLite (WAL) through sqlite-utils: Cercle's default, for one
process. The interface and the tables are described in `base.py`."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import sqlite_utils

from ..events import Event, decode, encode
from ..privacy import scrub_json
from .base import Derived, SeqConflict


def _migrate_to_1(db: sqlite_utils.Database) -> None:
    db.table("sessions").create(
        {"code": str, "host_key_hash": str, "status": str, "created_at": float, "closed_at": float},
        pk="code",
        if_not_exists=True,
    )
    db.table("events").create(
        {"id": int, "session": str, "seq": int, "at": float, "type": str, "payload": str},
        pk="id",
        if_not_exists=True,
    )
    db.table("events").create_index(["session", "seq"], unique=True, if_not_exists=True)


def _migrate_to_2(db: sqlite_utils.Database) -> None:
    """The restitution's own tables, kept when the raw events are purged: built documents,
    publication and retention state, comments and the moderation log (what, when, why; never who)."""
    db.table("restitutions").create(
        {"session": str, "lang": str, "built_at": float, "document": str},
        pk=("session", "lang"),
        if_not_exists=True,
    )
    db.table("archive").create(
        {"session": str, "publish": int, "unlinked_at": float, "purged_at": float},
        pk="session",
        if_not_exists=True,
    )
    db.table("comments").create(
        {"id": int, "session": str, "at": float, "text": str, "hidden": int, "reason": str},
        pk="id",
        if_not_exists=True,
    )
    db.table("comments").create_index(["session"], if_not_exists=True)
    db.table("moderation").create(
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
    db.table("moderation").create_index(["session"], if_not_exists=True)


def _migrate_to_3(db: sqlite_utils.Database) -> None:
    """Comments, the moderation log and publication become events of the session's log (one
    write path); their tables go. The restitution documents saved at close stay (a projection
    of the log that outlives a retention purge)."""
    names = set(db.table_names())
    if not {"comments", "moderation", "archive"} <= names:
        return
    for (code,) in db.execute("SELECT code FROM sessions").fetchall():
        row = db.execute("SELECT MAX(seq) FROM events WHERE session = ?", [code]).fetchone()
        seq = (row[0] + 1) if row and row[0] is not None else 0
        rows: list[tuple[float, str, dict[str, Any]]] = []
        for id_, at, text in db.execute(
            "SELECT id, at, text FROM comments WHERE session = ? ORDER BY id", [code]
        ).fetchall():
            rows.append((at, "session.comment_posted", {"id": id_, "text": text, "at": at}))
        numbers = {old: n for n, (_, _, p) in enumerate(rows, start=1) for old in [p["id"]]}
        for _, _, payload in rows:
            payload["id"] = numbers[payload["id"]]
        for at, target, target_id, action, reason, place in db.execute(
            "SELECT at, target, target_id, action, reason, place FROM moderation WHERE session = ? ORDER BY id",
            [code],
        ).fetchall():
            if target == "comment" and target_id.isdigit() and int(target_id) in numbers:
                payload = {
                    "id": numbers[int(target_id)],
                    "hidden": action == "hide",
                    "reason": reason,
                    "at": at,
                }
                rows.append((at, "session.comment_moderated", payload))
            elif target == "free_text" and ":" in target_id:
                item, text_id = target_id.split(":", 1)
                payload = {
                    "item": int(item),
                    "text_id": text_id,
                    "action": action,
                    "reason": reason,
                    "place": place,
                    "at": at,
                }
                rows.append((at, "session.text_moderated", payload))
        archived = db.execute(
            "SELECT publish, unlinked_at, purged_at FROM archive WHERE session = ?", [code]
        ).fetchone()
        if archived:
            publish, unlinked_at, purged_at = archived
            at = unlinked_at or purged_at or 0.0
            if publish is not None:
                rows.append((at, "session.publication_chosen", {"publish": bool(publish), "at": at}))
            if unlinked_at is not None:
                rows.append((unlinked_at, "session.unlinked", {"at": unlinked_at}))
            if purged_at is not None:
                rows.append((purged_at, "session.purged", {"at": purged_at}))
        for at, type_, payload in rows:
            db.execute(
                "INSERT INTO events (session, seq, at, type, payload) VALUES (?, ?, ?, ?, ?)",
                [code, seq, at, type_, json.dumps(payload, ensure_ascii=False)],
            )
            seq += 1
    for table in ("comments", "moderation", "archive"):
        db[table].drop()


# Each entry brings the schema from version N-1 to N; add new ones, never edit old ones.
MIGRATIONS: dict[int, Callable[[sqlite_utils.Database], None]] = {
    1: _migrate_to_1,
    2: _migrate_to_2,
    3: _migrate_to_3,
}


class SqliteStore:
    """One process owns the file: the next sequence numbers are kept in memory, and an append
    checks `expected_seq` against them (the unique index on (session, seq) stands behind)."""

    shared = False

    def __init__(self, path: Path | str, synchronous: str = "full") -> None:
        self.path = Path(path)
        # The log holds what people said: readable by this user only, -wal and -shm files too
        # (SQLite gives them the database file's mode).
        old_umask = os.umask(0o077)
        try:
            # One connection, used from the event loop's thread (and by tests from theirs).
            self.db = sqlite_utils.Database(sqlite3.connect(self.path, check_same_thread=False))
            self.db.enable_wal()
        finally:
            os.umask(old_umask)
        for suffix in ("", "-wal", "-shm"):
            file = self.path.with_name(self.path.name + suffix)
            if file.exists():
                file.chmod(0o600)
        # FULL (the default): a confirmed command survives a power cut, not only a crash of the
        # process; NORMAL survives a crash only (measured cost: docs/design.md, "Durability").
        if synchronous not in ("full", "normal"):
            raise ValueError(f"synchronous must be full or normal, not {synchronous!r}")
        self.db.execute(f"PRAGMA synchronous={synchronous.upper()}")
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
            self.db.table("meta").create({"key": str, "value": str}, pk="key", if_not_exists=True)
            version = self.schema_version()
            for target in sorted(v for v in MIGRATIONS if v > version):
                MIGRATIONS[target](self.db)
                self.db.table("meta").upsert({"key": "schema_version", "value": str(target)}, pk="key")

    # sessions
    def add_session(self, code: str, host_key_hash: str, now: float) -> None:
        with self.db.conn:
            self.db.table("sessions").insert(
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

    def session_codes(self, *, open_only: bool = False) -> list[str]:
        sql = (
            "SELECT code FROM sessions"
            + (" WHERE status != 'closed'" if open_only else "")
            + " ORDER BY created_at"
        )
        return [row[0] for row in self.db.execute(sql).fetchall()]

    # events
    def append(
        self,
        code: str,
        events: Iterable[Event],
        now: float | None = None,
        *,
        expected_seq: int | None = None,
        status: str | None = None,
        relabel: dict[str, str] | None = None,
        keep_types: frozenset[str] | None = None,
        derived: Derived | None = None,
        host_key_hash: str | None = None,
    ) -> int:
        """See `base.Store.append`."""
        at = time.time() if now is None else now
        seq = self._next_seq(code)
        if expected_seq is not None and expected_seq != seq:
            raise SeqConflict(code, expected_seq)
        rows = []
        for e in events:
            type_, payload = encode(e)
            rows.append((code, seq, at, type_, payload))
            seq += 1
        rewrite = relabel is not None or keep_types is not None
        if rewrite:
            self.db.execute("PRAGMA secure_delete = ON")  # what is replaced is zeroed, not left behind
        try:
            self._write(code, rows, at, status, relabel, keep_types, derived, host_key_hash)
        except sqlite3.IntegrityError as exc:
            if "UNIQUE" not in str(exc) or "sessions.code" in str(exc):
                raise
            self._seq.pop(code, None)  # another writer of the same file: read it again next time
            raise SeqConflict(code, rows[0][1] if rows else seq) from exc
        self._seq[code] = seq
        if rewrite:
            self.scrub()
        return seq

    def _write(
        self,
        code: str,
        rows: list[tuple[str, int, float, str, str]],
        at: float,
        status: str | None,
        relabel: dict[str, str] | None,
        keep_types: frozenset[str] | None,
        derived: Derived | None,
        host_key_hash: str | None,
    ) -> None:
        with self._transaction():
            if host_key_hash is not None:
                self.db.execute(
                    "INSERT INTO sessions (code, host_key_hash, status, created_at, closed_at) "
                    "VALUES (?, ?, 'draft', ?, NULL)",
                    [code, host_key_hash, at],
                )
            if relabel:
                old = self.db.execute("SELECT id, payload FROM events WHERE session = ?", [code]).fetchall()
                changed = [(new, id_) for id_, p in old if (new := scrub_json(p, relabel)) != p]
                self.db.conn.executemany("UPDATE events SET payload = ? WHERE id = ?", changed)
            if keep_types is not None:
                kept = sorted(keep_types)
                marks = ", ".join("?" for _ in kept)
                self.db.execute(
                    f"DELETE FROM events WHERE session = ? AND type NOT IN ({marks})", [code, *kept]
                )
            self.db.conn.executemany(
                "INSERT INTO events (session, seq, at, type, payload) VALUES (?, ?, ?, ?, ?)", rows
            )
            if status is not None:
                self.db.execute(
                    "UPDATE sessions SET status = ?, closed_at = ? WHERE code = ?",
                    [status, at if status == "closed" else None, code],
                )
            if derived:
                self.db.conn.executemany(
                    "INSERT INTO restitutions (session, lang, built_at, document) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (session, lang) DO UPDATE SET built_at = excluded.built_at, "
                    "document = excluded.document",
                    [(code, lang, at, document) for lang, document in derived.restitutions.items()],
                )

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """One transaction, begun explicitly, committed at the end or rolled back on an error:
        sqlite-utils' `execute` commits at once a write that would open one implicitly (a purge's
        deletion would be kept without the event that says so)."""
        with self.db.conn:
            self.db.conn.execute("BEGIN")
            yield

    def writing(self, code: str) -> contextlib.AbstractContextManager[None]:
        return _NOTHING  # one process, one event loop: the room's own lock suffices

    def _next_seq(self, code: str) -> int:
        if code not in self._seq:
            row = self.db.execute("SELECT MAX(seq) FROM events WHERE session = ?", [code]).fetchone()
            self._seq[code] = (row[0] + 1) if row and row[0] is not None else 0
        return self._seq[code]

    def events(self, code: str) -> list[Event]:
        return [e for _, e in self.events_since(code, 0)]

    def events_since(self, code: str, seq: int) -> list[tuple[int, Event]]:
        rows = self.db.execute(
            "SELECT seq, type, payload FROM events WHERE session = ? AND seq >= ? ORDER BY seq", [code, seq]
        ).fetchall()
        return [(n, decode(type_, payload)) for n, type_, payload in rows]

    def heads(self, codes: list[str]) -> dict[str, int]:
        return {code: self._next_seq(code) for code in codes if self.code_taken(code)}

    def event_types(self, code: str) -> set[str]:
        return {
            row[0] for row in self.db.execute("SELECT DISTINCT type FROM events WHERE session = ?", [code])
        }

    def count_events(self, code: str, type_: str | None = None) -> int:
        sql, params = "SELECT COUNT(*) FROM events WHERE session = ?", [code]
        if type_ is not None:
            sql, params = sql + " AND type = ?", [*params, type_]
        return self.db.execute(sql, params).fetchone()[0]

    # restitution, retention and erasure (migration 2)
    def restitution(self, code: str, lang: str) -> str | None:
        row = self.db.execute(
            "SELECT document FROM restitutions WHERE session = ? AND lang = ?", [code, lang]
        ).fetchone()
        return row[0] if row else None

    def restitutions_behind(
        self, langs: Sequence[str], *, purged: str, ignored: frozenset[str], code: str | None = None
    ) -> list[str]:
        """See `base.Store.restitutions_behind`."""
        lang_marks = ", ".join("?" for _ in langs)
        shown = f" AND e.type NOT IN ({', '.join('?' for _ in ignored)})" if ignored else ""
        rows = self.db.execute(
            "SELECT code FROM sessions s WHERE status = 'closed'"
            + (" AND code = ?" if code is not None else "")
            + " AND NOT EXISTS (SELECT 1 FROM events e WHERE e.session = s.code AND e.type = ?)"
            f" AND ((SELECT COUNT(*) FROM restitutions r WHERE r.session = s.code AND r.lang IN ({lang_marks})) < ?"
            " OR (SELECT MIN(built_at) FROM restitutions r WHERE r.session = s.code)"
            f" < (SELECT MAX(at) FROM events e WHERE e.session = s.code{shown}))"
            " ORDER BY created_at",
            [*([code] if code is not None else []), purged, *langs, len(langs), *sorted(ignored)],
        ).fetchall()
        return [row[0] for row in rows]

    def closed_sessions(self) -> list[tuple[str, float | None]]:
        return [
            (row[0], row[1])
            for row in self.db.execute(
                "SELECT code, closed_at FROM sessions WHERE status = 'closed' ORDER BY created_at"
            ).fetchall()
        ]

    def closed_without(self, type_: str) -> list[tuple[str, float | None]]:
        """Closed sessions (code, closed_at) whose log holds no event of `type_`."""
        return [
            (row[0], row[1])
            for row in self.db.execute(
                "SELECT code, closed_at FROM sessions s WHERE status = 'closed' AND NOT EXISTS "
                "(SELECT 1 FROM events e WHERE e.session = s.code AND e.type = ?) ORDER BY created_at",
                [type_],
            ).fetchall()
        ]

    def delete_session(self, code: str) -> None:
        """Erase every row of a session, its restitution, comments and moderation log included."""
        self.db.execute("PRAGMA secure_delete = ON")
        with self._transaction():
            for table in ("events", "restitutions"):
                self.db.execute(f"DELETE FROM {table} WHERE session = ?", [code])
            self.db.execute("DELETE FROM sessions WHERE code = ?", [code])
        self._seq.pop(code, None)

    def scrub(self) -> None:
        """After a rewrite or a deletion (made with secure_delete on): fold the WAL into the
        database and truncate it, so that old page images do not linger in the -wal file."""
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def lease(self, name: str) -> bool:
        return True  # the only process

    def close(self) -> None:
        self.db.close()


class _Nothing:
    """A context manager that does nothing, shared (no generator made per command)."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


_NOTHING = _Nothing()
