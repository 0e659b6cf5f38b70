"""A live session in memory: commands checked, decided, applied, stored, then published.

The one write path of Cercle. `Room.run(actor, command, *args)` checks that the command
declared the actor's role, decides it against the current state, folds its events into the
state, appends them to the log (with what the store must do in the same transaction: the
session's status, the close-time relabelling, a retention purge, the records derived from the
events), and only then tells the subscribers. If folding, recording or storing fails, nothing is
published and the state is rebuilt from the log, which never received the events: a bad event
cannot reach the disk, nor stay in memory.

What follows the log comes in two kinds, and neither decides anything:
- **records** (`Record`, `Room.records`): tables derived from the log that must not be lost (the
  restitution documents that outlive a retention purge). The room computes them after folding the
  events and before appending, and the store writes them in the events' transaction (`Derived`):
  both are written, or neither. A record missing or behind its log (an older log) catches up with
  `save_records`, from the log.
- **projections** (`Projection`, `Room.projections`): memory housekeeping only (forgetting the
  names typed for a speaking queue when the session closes). They run after the commit; a failure
  is logged and changes nothing stored.

Several processes may serve one session (a shared store, `store.shared`): each keeps a replica
of the room. A command is decided under the session's writers' lock, after the replica has
caught up with what the others appended (`catch_up`); the append names the sequence number it
expects, and a conflict (which the lock makes exceptional) rebuilds the state from the log and
decides again. After a commit the room announces the session's new head on the bus; the other
processes catch up from the log and publish the topics to their own views.

What must happen at a time or on an arrival is run by the room, never by a page: each activity
may name the next moment it must be woken at (`wake_at`) and the commands that follow an
arrival (`arrive`); the room arms one timer and runs them as the "system" actor.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from .activity import REGISTRY, Activity, Registry
from .bus import Bus, Callback
from .commands import NO_ITEM, SYSTEM, Actor, Command
from .events import Event
from .i18n import RuleViolation, add
from .privacy import session_labels
from .session import (
    KEPT_ON_PURGE,
    SessionPurged,
    SessionState,
    SessionUnlinked,
    apply,
    create,
    decide,
    replay,
    topics,
)
from .store import ERASED, Derived, SeqConflict, Store

log = logging.getLogger(__name__)

Decide = Callable[[SessionState], list[Event]]
Clock = Callable[[], float]
Projection = Callable[["Room", list[Event]], None]
"""Memory housekeeping after a commit (the commit's events): never writes to the store; a
failure is logged, the command stands."""
Record = Callable[["Room", list[Event] | None, Derived], None]
"""What a commit's events (folded into `room.state`, not yet stored) imply for a table derived from
the log, added to `Derived` and written in the events' transaction. `None` instead of events: the
whole log, for a record catching up. A failure refuses the command: nothing is stored."""
WAKE_SLACK = 0.3  # seconds after a deadline, so that the clock has surely passed it
COMMIT_TRIES = 5  # a command decided again after a conflict at most this many times


class Room:
    """One per session. The only write path: check the role, decide, apply, store, publish."""

    def __init__(
        self,
        state: SessionState,
        store: Store,
        bus: Bus,
        clock: Clock = time.time,
        registry: Registry = REGISTRY,
        projections: list[Projection] | None = None,
        seq: int = 0,
        records: list[Record] | None = None,
    ) -> None:
        self.state = state
        self.seq = seq  # the next sequence number of the session's log, as this replica knows it
        self.store = store
        self.bus = bus
        self.clock = clock
        self.registry = registry
        self.projections = projections if projections is not None else []  # after the commit
        self.records = records if records is not None else []  # in the commit's transaction
        self.erased = False
        self.version = 0  # commits folded since this room was loaded: what views may cache on
        self._lock = asyncio.Lock()
        self._unstored = False  # the state holds events that failed to be stored: rebuild it
        self._wake: tuple[float, asyncio.TimerHandle] | None = None
        self.connections: Counter[str] = Counter()  # live phone connections per token, memory only

    @property
    def code(self) -> str:
        return self.state.code

    @classmethod
    def load(
        cls,
        code: str,
        store: Store,
        bus: Bus,
        clock: Clock = time.time,
        registry: Registry = REGISTRY,
        projections: list[Projection] | None = None,
        records: list[Record] | None = None,
    ) -> Room:
        state, seq = _rebuild(store, code, registry)
        return cls(state, store, bus, clock, registry, projections, seq, records)

    # --- the write path -------------------------------------------------------------------------

    async def run(
        self, actor: Actor, command: Command, *args: Any, item: int | None = None, **kwargs: Any
    ) -> list[Event]:
        """Run `command` for `actor`: `command(state, cc, *args, **kwargs)`, where `state` is the
        session's (core commands) or agenda item `item`'s activity state. Returns the events
        stored; raises RuleViolation when the rules (or the actor's role) refuse it."""
        async with self._lock:
            return self.run_now(actor, command, *args, item=item, **kwargs)

    def run_now(
        self, actor: Actor, command: Command, *args: Any, item: int | None = None, **kwargs: Any
    ) -> list[Event]:
        """The same, for callers already in the event loop's turn (no await between steps)."""
        events = self._commit(
            lambda state: decide(
                state, actor, command, *args, item=item, now=self.clock(), registry=self.registry, **kwargs
            )
        )
        if events:
            self._follow_up(events)
        return events

    def open(self, code: str, host_key_hash: str, **details: Any) -> list[Event]:
        """The session's first command (`session.create` of `code` with `details`, as the system),
        stored with the session's row in one transaction: a session exists with its first event,
        or not at all."""
        events = self._commit(
            lambda state: decide(state, SYSTEM, create, code=code, now=self.clock(), **details),
            new=(code, host_key_hash),
        )
        if events:
            self._follow_up(events)
        return events

    def save_records(self) -> bool:
        """Write the session's records from its whole log, at its head, in one transaction (a
        record missing or behind its log catches up). Returns whether any was written."""
        if self.erased:
            raise RuleViolation("error.erased")
        with self.store.writing(self.code):
            if self.store.shared:
                self.catch_up()
            derived = self._records(None)
            if not derived:
                return False
            self.store.append(self.code, [], self.clock(), expected_seq=self.seq, derived=derived)
        return True

    def _records(self, events: list[Event] | None) -> Derived:
        derived = Derived()
        for record in self.records:
            record(self, events, derived)
        return derived

    def _commit(self, decide: Decide, new: tuple[str, str] | None = None) -> list[Event]:
        """Decide, fold, record and append under the session's writers' lock; then publish. `new`:
        (code, host key's hash) of a session whose row is written with these first events."""
        if self.erased:
            raise RuleViolation("error.erased")
        for _ in range(COMMIT_TRIES):
            try:
                with self.store.writing(new[0] if new else self.code):
                    if self.store.shared and new is None:
                        self.catch_up()  # under the lock: decided against the latest state
                    events, changed = self._decide_and_append(decide, new[1] if new else None)
            except SeqConflict:
                log.warning("another process wrote to a session first: caught up, deciding again")
                self.rebuild()
                continue
            except Exception:
                if self._unstored:  # rebuilt once the failed transaction is over, from the log as it is
                    self._unstored = False
                    self.rebuild()
                raise
            if not events:
                return []
            self.bus.publish(self.code, changed)
            self.bus.announce(self.code, self.seq)
            for project in self.projections:
                try:
                    project(self, events)
                except Exception:  # memory only: what is stored is already complete
                    log.exception("a projection after a command failed; the command stands")
            return events
        raise RuleViolation("error.busy")

    def _decide_and_append(self, decide: Decide, host_key_hash: str | None) -> tuple[list[Event], set[str]]:
        events = decide(self.state)
        if not events:
            return [], set()
        relabel = session_labels(self.state) if any(isinstance(e, SessionUnlinked) for e in events) else None
        purge = any(isinstance(e, SessionPurged) for e in events)
        status = self.state.status
        changed: set[str] = set()
        try:
            for e in events:
                apply(self.state, e, self.registry)
                changed |= topics(e, self.registry)
            derived = self._records(events)
            self.seq = self.store.append(
                self.code,
                events,
                self.clock(),
                expected_seq=self.seq,
                status=self.state.status if self.state.status != status else None,
                relabel=relabel,
                keep_types=KEPT_ON_PURGE if purge else None,
                derived=derived or None,
                host_key_hash=host_key_hash,
            )
        except SeqConflict:
            raise
        except Exception:
            log.exception(
                "a command's events could not be applied, recorded or stored; the room is rebuilt "
                "from its log"
            )
            self._unstored = True
            raise
        if relabel is not None:
            self.connections.clear()
        self.version += 1
        return events, changed

    def rebuild(self) -> None:
        """Replay the session's log: after a failed fold or store, or a gap in what was caught up."""
        self.state, self.seq = _rebuild(self.store, self.code, self.registry)
        self.version += 1

    def catch_up(self) -> bool:
        """Fold what other processes appended since this replica's head, and tell the views here.
        Returns whether anything was new."""
        missed = self.store.events_since(self.code, self.seq)
        if not missed:
            return False
        changed: set[str] = set()
        if missed[0][0] != self.seq:  # events were deleted meanwhile (a purge): replay it all
            self.rebuild()
            changed = {"phase", "presence", "restitution"}
        else:
            for seq, e in missed:
                apply(self.state, e, self.registry)
                changed |= topics(e, self.registry)
                self.seq = seq + 1
                if isinstance(e, SessionUnlinked):
                    self.connections.clear()
            self.version += 1
        self.bus.publish(self.code, changed)
        self.arm()
        return True

    # --- what the room runs by itself -----------------------------------------------------------

    def _follow_up(self, events: list[Event]) -> None:
        """After a change: the arrivals' follow-ups, then the next wake-up."""
        from .session import ParticipantJoined

        for e in events:
            if isinstance(e, ParticipantJoined):
                self.arrived(e.token)
        self.arm()

    def current_activity(self) -> tuple[int, Activity[Any]] | None:
        """The current agenda item's id and its activity, while live (None otherwise)."""
        state = self.state
        if state.status != "live" or state.current is None or state.current not in state.activities:
            return None
        activity = self.registry.get(state.agenda[state.current].kind)
        return None if activity is None else (state.current, activity)

    def arrived(self, token: str) -> None:
        """A participant joined or came back: the current activity may place them (a world café
        seats a late arrival). Runs as the system, in this turn of the loop."""
        found = self.current_activity()
        arrive = found[1].arrive if found else None
        if found is None or arrive is None or token not in self.state.participants:
            return
        try:
            self.run_now(SYSTEM, arrive, token, item=found[0])
        except RuleViolation:
            pass  # e.g. nothing to place them in: the activity says so on the phone

    def arm(self) -> None:
        """Keep one timer, at the current activity's next deadline (a rotation's end), that
        tells every view; cancelled when the deadline changes or the activity is left."""
        found = self.current_activity()
        deadline = found[1].wake_at(self.state.activities[found[0]], self.clock()) if found else None
        known = self._wake
        if known is not None and known[0] == deadline:
            return
        if known is not None:
            known[1].cancel()
            self._wake = None
        if deadline is None:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # no loop (pure tests, start-up): armed again at the next change or connection
        delay = max(0.0, deadline - self.clock()) + WAKE_SLACK
        self._wake = (deadline, loop.call_later(delay, self._woken, found[0] if found else NO_ITEM))

    def _woken(self, item: int) -> None:
        self._wake = None
        found = self.current_activity()
        if found is not None and found[0] == item:
            self.bus.publish(self.code, found[1].woken_topics())
        self.arm()

    # --- subscriptions and connections ----------------------------------------------------------

    def subscribe(self, topic: str, callback: Callback) -> Callable[[], None]:
        return self.bus.subscribe(self.code, topic, callback)

    def connect(self, token: str) -> None:
        """A phone's socket connected (memory only: nothing of it is stored)."""
        self.connections[token] += 1
        self.bus.publish(self.code, {"connections"})
        self.bus.count_connections(self.code, len(self.connections))
        self.arrived(token)
        self.arm()

    def disconnect(self, token: str) -> None:
        self.connections[token] -= 1
        if self.connections[token] <= 0:
            del self.connections[token]
        self.bus.publish(self.code, {"connections"})
        self.bus.count_connections(self.code, len(self.connections))

    @property
    def connected(self) -> int:
        """Phones connected now, through this process and the others (whose counts are not
        believed beyond the session's participants)."""
        return len(self.connections) + self.bus.connected_elsewhere(self.code, len(self.state.participants))

    def forget(self, announce: bool = True) -> None:
        """This room's session was erased: refuse every command, tell every view (here, and in the
        other processes when `announce`), stop timers."""
        if announce:
            self.bus.announce(self.code, ERASED)
        self.erased = True
        if self._wake is not None:
            self._wake[1].cancel()
            self._wake = None
        self.bus.publish(self.code, {"phase", "presence", "restitution", "erased"})


def _rebuild(store: Store, code: str, registry: Registry) -> tuple[SessionState, int]:
    """The session's state replayed from its log, and its next sequence number."""
    stored = store.events_since(code, 0)
    state = replay([e for _, e in stored], registry)
    state.code = state.code or code  # a purged session keeps only its record's events
    return state, (stored[-1][0] + 1) if stored else 0


add(
    {
        "error.busy": (
            "La session est très sollicitée : votre action n'a pas pu être enregistrée. Réessayez.",
            "The session is very busy: your action could not be saved. Please try again.",
        ),
        "error.erased": (
            "Cette session a été effacée : rien ne peut plus y être ajouté.",
            "This session was erased: nothing can be added to it any more.",
        ),
    }
)
