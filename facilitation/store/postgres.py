"""The event log in PostgreSQL (psycopg 3), shared by every Cercle process of a service.

The interface and the tables are those of `base.py`, at the same schema version as SQLite.

Calls are synchronous and short, made from the event loop's thread like SQLite's: one
connection carries the write path and the reads (the loop makes one call at a time, so a pool
would only add connections), a second one holds the leases. A command costs one transaction of
four quick statements (the session's lock, the catch-up read, the insert, the commit);
`docs/scaling.md` has the measured cost. The lock is PostgreSQL's transaction-scoped advisory
lock on the session: the writers of one session take turns, those of different sessions do not
wait for each other. What the lock does not cover, the unique (session, seq) index does: a
second write of one sequence number is refused (`SeqConflict`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from typing import Any

import psycopg
from psycopg import errors

from ..events import Event, decode, encode
from ..privacy import scrub_json
from .base import SCHEMA_VERSION, Derived, SeqConflict

log = logging.getLogger(__name__)

# Namespaces of PostgreSQL's advisory locks (first key), the second being a hash of the name.
SESSION_LOCKS, LEASES, MIGRATING = 0x43_45_52_01, 0x43_45_52_02, 0x43_45_52_03


def _tables_1(db: psycopg.Connection[Any]) -> None:
    db.execute(
        "CREATE TABLE IF NOT EXISTS sessions (code text PRIMARY KEY, host_key_hash text NOT NULL, "
        "status text NOT NULL, created_at double precision NOT NULL, closed_at double precision)"
    )
    db.execute(
        "CREATE TABLE IF NOT EXISTS events (id bigserial PRIMARY KEY, session text NOT NULL, "
        "seq integer NOT NULL, at double precision NOT NULL, type text NOT NULL, payload text NOT NULL)"
    )
    db.execute("CREATE UNIQUE INDEX IF NOT EXISTS events_session_seq ON events (session, seq)")


def _tables_2(db: psycopg.Connection[Any]) -> None:
    """The restitution documents saved at close. (SQLite's version 2 also made tables for
    comments, the moderation log and publication, which version 3 folded into the log: no
    PostgreSQL log ever held them.)"""
    db.execute(
        "CREATE TABLE IF NOT EXISTS restitutions (session text NOT NULL, lang text NOT NULL, "
        "built_at double precision NOT NULL, document text NOT NULL, PRIMARY KEY (session, lang))"
    )


def _nothing_to_do(db: psycopg.Connection[Any]) -> None:
    """Version 3 moved comments and moderation into the log: already so here."""


# Each entry brings the schema from version N-1 to N, as `sqlite.MIGRATIONS` does.
MIGRATIONS: dict[int, Callable[[psycopg.Connection[Any]], None]] = {
    1: _tables_1,
    2: _tables_2,
    3: _nothing_to_do,
}
assert max(MIGRATIONS) == SCHEMA_VERSION


class PostgresStore:
    shared = True

    def __init__(self, url: str, synchronous: str = "full") -> None:
        if synchronous not in ("full", "normal"):
            raise ValueError(f"synchronous must be full or normal, not {synchronous!r}")
        self.url = url
        # "normal" (CERCLE_SYNCHRONOUS): commits do not wait for the disk, as SQLite's NORMAL; a
        # crash of PostgreSQL's machine may lose the last confirmed commands, a crash of Cercle not.
        self.synchronous = synchronous
        self._conn: psycopg.Connection[Any] | None = None
        self._lease_conn: psycopg.Connection[Any] | None = None
        self._leases: set[str] = set()
        self._locked = False  # inside `writing`: appends join its transaction
        self._scrub_due = False
        self._migrate()

    def _db(self) -> psycopg.Connection[Any]:
        """The connection, opened again if PostgreSQL restarted since."""
        if self._conn is None or self._conn.closed or self._conn.broken:
            self._conn = psycopg.connect(self.url, autocommit=True, connect_timeout=5)
            if self.synchronous == "normal":
                self._conn.execute("SET synchronous_commit = off")
        return self._conn

    # schema
    def schema_version(self) -> int:
        db = self._db()
        exists = db.execute("SELECT to_regclass('meta') IS NOT NULL").fetchone()
        if not exists or not exists[0]:
            return 0
        row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _migrate(self) -> None:
        db = self._db()
        db.execute("SELECT pg_advisory_lock(%s, 0)", [MIGRATING])  # instances starting together
        try:
            with db.transaction():
                db.execute("CREATE TABLE IF NOT EXISTS meta (key text PRIMARY KEY, value text NOT NULL)")
                version = self.schema_version()
                for target in sorted(v for v in MIGRATIONS if v > version):
                    MIGRATIONS[target](db)
                    db.execute(
                        "INSERT INTO meta (key, value) VALUES ('schema_version', %s) "
                        "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                        [str(target)],
                    )
        finally:
            db.execute("SELECT pg_advisory_unlock(%s, 0)", [MIGRATING])

    # sessions
    def add_session(self, code: str, host_key_hash: str, now: float) -> None:
        self._db().execute(
            "INSERT INTO sessions (code, host_key_hash, status, created_at) VALUES (%s, %s, 'draft', %s)",
            [code, host_key_hash, now],
        )

    def code_taken(self, code: str) -> bool:
        return self._db().execute("SELECT 1 FROM sessions WHERE code = %s", [code]).fetchone() is not None

    def host_key_hash(self, code: str) -> str | None:
        row = self._db().execute("SELECT host_key_hash FROM sessions WHERE code = %s", [code]).fetchone()
        return str(row[0]) if row else None

    def session_codes(self, *, open_only: bool = False) -> list[str]:
        where = " WHERE status <> 'closed'" if open_only else ""
        rows = self._db().execute(f"SELECT code FROM sessions{where} ORDER BY created_at, code").fetchall()
        return [row[0] for row in rows]

    # events
    @contextmanager
    def writing(self, code: str) -> Iterator[None]:
        db = self._db()
        try:
            with db.transaction():
                db.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", [SESSION_LOCKS, code])
                self._locked = True
                try:
                    yield
                finally:
                    self._locked = False
        finally:
            if self._scrub_due:
                self.scrub()

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
        db = self._db()
        try:
            with nullcontext() if self._locked else db.transaction():
                if host_key_hash is not None:
                    db.execute(
                        "INSERT INTO sessions (code, host_key_hash, status, created_at) "
                        "VALUES (%s, %s, 'draft', %s)",
                        [code, host_key_hash, at],
                    )
                seq = self._next_seq(db, code) if expected_seq is None else expected_seq
                rows = []
                for e in events:
                    type_, payload = encode(e)
                    rows.append((code, seq, at, type_, payload))
                    seq += 1
                if relabel:
                    old = db.execute("SELECT id, payload FROM events WHERE session = %s", [code]).fetchall()
                    changed = [(new, id_) for id_, p in old if (new := scrub_json(p, relabel)) != p]
                    if changed:
                        db.cursor().executemany("UPDATE events SET payload = %s WHERE id = %s", changed)
                if keep_types is not None:
                    db.execute(
                        "DELETE FROM events WHERE session = %s AND NOT (type = ANY(%s))",
                        [code, sorted(keep_types)],
                    )
                if rows:
                    db.cursor().executemany(
                        "INSERT INTO events (session, seq, at, type, payload) VALUES (%s, %s, %s, %s, %s)",
                        rows,
                    )
                if status is not None:
                    db.execute(
                        "UPDATE sessions SET status = %s, closed_at = %s WHERE code = %s",
                        [status, at if status == "closed" else None, code],
                    )
                if derived:
                    db.cursor().executemany(
                        "INSERT INTO restitutions (session, lang, built_at, document) VALUES (%s, %s, %s, %s) "
                        "ON CONFLICT (session, lang) DO UPDATE SET built_at = EXCLUDED.built_at, "
                        "document = EXCLUDED.document",
                        [(code, lang, at, document) for lang, document in derived.restitutions.items()],
                    )
        except errors.UniqueViolation as exc:
            if exc.diag.table_name != "events":
                raise  # a session's code taken by another process meanwhile: not a conflict of the log
            raise SeqConflict(code, expected_seq if expected_seq is not None else -1) from exc
        if relabel is not None or keep_types is not None:
            self._scrub_due = True
            if not self._locked:
                self.scrub()
        return seq

    def _next_seq(self, db: psycopg.Connection[Any], code: str) -> int:
        row = db.execute("SELECT MAX(seq) FROM events WHERE session = %s", [code]).fetchone()
        return (int(row[0]) + 1) if row and row[0] is not None else 0

    def events(self, code: str) -> list[Event]:
        return [e for _, e in self.events_since(code, 0)]

    def events_since(self, code: str, seq: int) -> list[tuple[int, Event]]:
        rows = (
            self._db()
            .execute(
                "SELECT seq, type, payload FROM events WHERE session = %s AND seq >= %s ORDER BY seq",
                [code, seq],
            )
            .fetchall()
        )
        return [(n, decode(type_, payload)) for n, type_, payload in rows]

    def heads(self, codes: list[str]) -> dict[str, int]:
        if not codes:
            return {}
        rows = (
            self._db()
            .execute(
                "SELECT session, MAX(seq) + 1 FROM events WHERE session = ANY(%s) GROUP BY session", [codes]
            )
            .fetchall()
        )
        return {code: int(head) for code, head in rows}

    def count_events(self, code: str, type_: str | None = None) -> int:
        sql, params = "SELECT COUNT(*) FROM events WHERE session = %s", [code]
        if type_ is not None:
            sql, params = sql + " AND type = %s", [*params, type_]
        row = self._db().execute(sql, params).fetchone()
        return int(row[0]) if row else 0

    def event_types(self, code: str) -> set[str]:
        rows = self._db().execute("SELECT DISTINCT type FROM events WHERE session = %s", [code]).fetchall()
        return {row[0] for row in rows}

    # restitution, retention and erasure
    def restitution(self, code: str, lang: str) -> str | None:
        row = (
            self._db()
            .execute("SELECT document FROM restitutions WHERE session = %s AND lang = %s", [code, lang])
            .fetchone()
        )
        return str(row[0]) if row else None

    def restitutions_behind(
        self, langs: Sequence[str], *, purged: str, ignored: frozenset[str], code: str | None = None
    ) -> list[str]:
        """See `base.Store.restitutions_behind`."""
        rows = (
            self._db()
            .execute(
                "SELECT code FROM sessions s WHERE status = 'closed'"
                " AND (%(code)s::text IS NULL OR code = %(code)s)"
                " AND NOT EXISTS (SELECT 1 FROM events e WHERE e.session = s.code AND e.type = %(purged)s)"
                " AND ((SELECT COUNT(*) FROM restitutions r WHERE r.session = s.code AND r.lang = ANY(%(langs)s::text[]))"
                " < %(n)s OR (SELECT MIN(built_at) FROM restitutions r WHERE r.session = s.code)"
                " < (SELECT MAX(at) FROM events e WHERE e.session = s.code AND NOT (e.type = ANY(%(ignored)s::text[]))))"
                " ORDER BY created_at, code",
                {
                    "code": code,
                    "purged": purged,
                    "langs": list(langs),
                    "n": len(langs),
                    "ignored": sorted(ignored),
                },
            )
            .fetchall()
        )
        return [row[0] for row in rows]

    def closed_sessions(self) -> list[tuple[str, float | None]]:
        rows = (
            self._db()
            .execute("SELECT code, closed_at FROM sessions WHERE status = 'closed' ORDER BY created_at, code")
            .fetchall()
        )
        return [(row[0], row[1]) for row in rows]

    def closed_without(self, type_: str) -> list[tuple[str, float | None]]:
        rows = (
            self._db()
            .execute(
                "SELECT code, closed_at FROM sessions s WHERE status = 'closed' AND NOT EXISTS "
                "(SELECT 1 FROM events e WHERE e.session = s.code AND e.type = %s) ORDER BY created_at, code",
                [type_],
            )
            .fetchall()
        )
        return [(row[0], row[1]) for row in rows]

    def delete_session(self, code: str) -> None:
        db = self._db()
        with db.transaction():
            for table in ("events", "restitutions"):
                db.execute(f"DELETE FROM {table} WHERE session = %s", [code])
            db.execute("DELETE FROM sessions WHERE code = %s", [code])
        self._scrub_due = True

    def scrub(self) -> None:
        """After a rewrite or a deletion: VACUUM, so that the old rows' space is reclaimed and
        reused (PostgreSQL keeps replaced rows until then; see `docs/scaling.md`, Privacy)."""
        self._scrub_due = False
        self._db().execute("VACUUM events")

    # leases
    def lease(self, name: str) -> bool:
        """A session-level advisory lock on a connection of its own: released by PostgreSQL as
        soon as this process's connection ends, however it ends."""
        try:
            conn = self._lease_conn
            if conn is not None and not conn.closed and not conn.broken and name in self._leases:
                conn.execute("SELECT 1")  # still alive, so still held
                return True
            if conn is None or conn.closed or conn.broken:
                self._leases.clear()
                conn = self._lease_conn = psycopg.connect(self.url, autocommit=True, connect_timeout=5)
            row = conn.execute("SELECT pg_try_advisory_lock(%s, hashtext(%s))", [LEASES, name]).fetchone()
        except psycopg.OperationalError:
            log.warning("the lease %s could not be checked: PostgreSQL is out of reach", name)
            self._leases.clear()
            return False
        held = bool(row and row[0])
        if held:
            self._leases.add(name)
        return held

    def close(self) -> None:
        for conn in (self._conn, self._lease_conn):
            if conn is not None and not conn.closed:
                conn.close()
