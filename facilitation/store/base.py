"""What every event log of Cercle offers: one interface, two engines (`sqlite.py`, `postgres.py`).

The log is append-only and numbered: each session's events carry a sequence number `seq`
(0, 1, 2…), unique per session. An append names the sequence number it expects to write next
(`expected_seq`); if another process wrote it first, the append raises `SeqConflict` and changes
nothing, and the room catches up from the log and decides again. A store shared by several
processes (`shared`) also serialises the writers of one session (`writing`), so that a room
catches up and decides under that lock and a conflict stays exceptional.

Tables (the same schema version on both engines): `meta` (schema version), `sessions` (code,
hash of the host key, status), `events` (session, seq, at, type, payload), `restitutions` (the
documents saved at close: a record derived from the log that outlives a retention purge).
Participant data appear only inside event payloads, and only as a random token, an optional
category and room/remote.

No door around the write path: a session's row, its status and its derived records are written
only by `append`, in the transaction of the events they follow (`Derived`), so that a failure
leaves neither events without their record nor a record without its events. Only erasure
(`delete_session`) removes rows outside it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Protocol

from ..events import Event

SCHEMA_VERSION = 3
ERASED = -1  # announced in place of a sequence number when a session was erased


class SeqConflict(Exception):
    """Another process appended to the session first: catch up from the log, then decide again."""

    def __init__(self, code: str, expected: int) -> None:
        super().__init__(f"session {code}: sequence number {expected} was already written")
        self.code, self.expected = code, expected


@dataclass
class Derived:
    """What the tables derived from the log receive with a commit's events, written by `append`
    in the same transaction (the room fills it from its records, `Room.records`): one fails, the
    other is not written either."""

    restitutions: dict[str, str] = field(default_factory=dict)  # lang -> the document (JSON)

    def __bool__(self) -> bool:
        return bool(self.restitutions)


class Store(Protocol):
    """The event log, whatever its engine."""

    shared: bool  # other processes write to it too (PostgreSQL); False for the embedded SQLite

    def schema_version(self) -> int: ...

    # sessions
    def add_session(self, code: str, host_key_hash: str, now: float) -> None:
        """A session's row alone (a log written by hand); the rooms create a session with its
        first event in one transaction (`append`'s `host_key_hash`)."""
        ...

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
        derived: Derived | None = None,
        host_key_hash: str | None = None,
    ) -> int:
        """Persist events in one transaction; only then may the caller report success. Returns
        the session's next sequence number.

        `expected_seq`, when given, is the sequence number the first event must take: if the log
        is elsewhere, `SeqConflict` and nothing is written. With the events, in the same
        transaction: `host_key_hash` inserts the session's row first (a new session: its row and
        its first events, or neither); `status` updates the session's row; `relabel` (token ->
        label) rewrites the payloads of every earlier event of the session, the close-time
        privacy step; `keep_types` deletes every earlier event whose type is not in it, a
        retention purge; `derived` saves the records that follow the events, built at `now`.
        `events` may be empty: a record that was behind its log catches up."""
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
    def restitution(self, code: str, lang: str) -> str | None:
        """The document saved for `code` in `lang` (written by `append`, see `Derived`)."""
        ...

    def restitutions_behind(
        self, langs: Sequence[str], *, purged: str, ignored: frozenset[str], code: str | None = None
    ) -> list[str]:
        """Closed sessions (or only `code`) not purged (no event of type `purged`) whose saved
        documents miss one of `langs`, or were built before the last event of their log whose
        type is not `ignored` (what the documents do not show): records behind their log."""
        ...

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
