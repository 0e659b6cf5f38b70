"""What every event log of Cercle offers: one interface, two engines (`sqlite.py`, `postgres.py`).

The log is append-only and numbered: each session's events carry a sequence number `seq`
(0, 1, 2…), unique per session. An append names the sequence number it expects to write next
(`expected_seq`); if another process wrote it first, the append raises `SeqConflict` and changes
nothing, and the room catches up from the log and decides again. A store shared by several
processes (`shared`) also serialises the writers of one session (`writing`), so that a room
catches up and decides under that lock and a conflict stays exceptional.

Tables (the same schema version on both engines): `meta` (schema version), `sessions` (code,
hash of the host key, status), `events` (session, seq, at, type, payload), `restitutions` (the
documents saved at close: a projection of the log that outlives a retention purge). Participant
data appear only inside event payloads, and only as a random token, an optional category and
room/remote.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager
from typing import Protocol

from ..events import Event

SCHEMA_VERSION = 3
ERASED = -1  # announced in place of a sequence number when a session was erased


class SeqConflict(Exception):
    """Another process appended to the session first: catch up from the log, then decide again."""

    def __init__(self, code: str, expected: int) -> None:
        super().__init__(f"session {code}: sequence number {expected} was already written")
        self.code, self.expected = code, expected


class Store(Protocol):
    """The event log, whatever its engine."""

    shared: bool  # other processes write to it too (PostgreSQL); False for the embedded SQLite

    def schema_version(self) -> int: ...

    # sessions
    def add_session(self, code: str, host_key_hash: str, now: float) -> None: ...

    def code_taken(self, code: str) -> bool: ...

    def host_key_hash(self, code: str) -> str | None: ...

    def session_codes(self, *, open_only: bool = False) -> list[str]: ...

    # events
    def writing(self, code: str) -> AbstractContextManager[None]:
        """While a room catches up, decides and appends: holds the session's writers' lock (a
        transaction on PostgreSQL; nothing to do for a single process on SQLite)."""
        ...

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
    ) -> int:
        """Persist events in one transaction; only then may the caller report success. Returns
        the session's next sequence number.

        `expected_seq`, when given, is the sequence number the first event must take: if the log
        is elsewhere, `SeqConflict` and nothing is written. With the events, in the same
        transaction: `status` updates the session's row; `relabel` (token -> label) rewrites the
        payloads of every earlier event of the session, the close-time privacy step;
        `keep_types` deletes every earlier event whose type is not in it, a retention purge."""
        ...

    def events(self, code: str) -> list[Event]: ...

    def events_since(self, code: str, seq: int) -> list[tuple[int, Event]]:
        """(seq, event) of the session's events numbered `seq` or more, in order."""
        ...

    def heads(self, codes: list[str]) -> dict[str, int]:
        """The next sequence number of each of these sessions (absent: no event, or erased)."""
        ...

    def count_events(self, code: str, type_: str | None = None) -> int: ...

    def event_types(self, code: str) -> set[str]: ...

    # restitution, retention and erasure
    def save_restitution(self, code: str, lang: str, document: str, now: float) -> None: ...

    def restitution(self, code: str, lang: str) -> str | None: ...

    def closed_sessions(self) -> list[tuple[str, float | None]]: ...

    def closed_without(self, type_: str) -> list[tuple[str, float | None]]:
        """Closed sessions (code, closed_at) whose log holds no event of `type_`."""
        ...

    def delete_session(self, code: str) -> None: ...

    def scrub(self) -> None:
        """After a rewrite or a deletion: leave no old copy of what was removed behind."""
        ...

    # what one process among several does
    def lease(self, name: str) -> bool:
        """Whether this process holds the lease `name` (taking it if free): what must run once
        for the whole service runs where it is held, and moves when its holder dies."""
        ...

    def close(self) -> None: ...
