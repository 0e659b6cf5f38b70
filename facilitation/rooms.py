"""All sessions of this server: creation, look-up, host keys, rebuilding after a restart,
erasure and retention; with a shared store, keeping the replicas up with the other processes."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypedDict

from . import codes, session
from .activity import REGISTRY, Registry
from .bus import Bus, LocalBus
from .commands import SYSTEM
from .i18n import RuleViolation, Text
from .moderation import Policy
from .plans import PLANS_DIR, Plan, PlanError, load_plan, parse_plan
from .remote import RemoteSettings
from .room import Clock, Projection, Record, Room
from .store import ERASED, Store
from .text import clean_text

log = logging.getLogger(__name__)

DAY = 86_400.0
HOUSEKEEPING = "housekeeping"  # the lease of what runs once for the whole service (see `Store.lease`)


class _Details(TypedDict, total=False):
    """What a new session is created with besides its code (`session.create`'s keywords)."""

    title: Text | str
    agenda: list[session.AgendaItem]
    date: str
    charter: Text | str
    licence: str
    publish: bool
    plan: str | None
    moderation: Policy
    remote: RemoteSettings
    languages: list[str]
    bilingual: bool
    colleges: bool


class Rooms:
    def __init__(
        self,
        store: Store,
        bus: Bus | None = None,
        clock: Clock = time.time,
        registry: Registry = REGISTRY,
        plans_dir: Path = PLANS_DIR,
    ) -> None:
        self.store = store
        self.bus = bus or LocalBus()
        self.clock = clock
        self.registry = registry
        self.plans_dir = plans_dir
        self._rooms: dict[str, Room] = {}
        # Shared by every room (see `Room`): records written with the events, projections after.
        self.records: list[Record] = []
        self.projections: list[Projection] = []
        self.failed: dict[str, str] = {}  # code -> why its log could not be replayed
        self._behind: set[str] = set()  # replicas with a catch-up already scheduled
        self.bus.listen(self._heard, self._reconnected)

    def load_open(self) -> int:
        """Rebuild every session that is not closed by replaying its log. A session whose log
        cannot be replayed is reported (log, `/healthz`) and left aside; the others start."""
        for code in self.store.session_codes(open_only=True):
            self._load(code)
        log.info("rebuilt %d open sessions", len(self._rooms))
        if self.failed:
            log.error("%d sessions could not be rebuilt: see the errors above", len(self.failed))
        return len(self._rooms)

    def _load(self, code: str) -> Room | None:
        try:
            room = Room.load(
                code, self.store, self.bus, self.clock, self.registry, self.projections, self.records
            )
        except Exception as exc:
            self.failed[code] = f"{type(exc).__name__}: {exc}"[:300]
            log.exception("session %s could not be rebuilt from its log", code)
            return None
        self.failed.pop(code, None)
        self._rooms[code] = room
        return room

    def get(self, code: str) -> Room | None:
        """The room of `code` (closed sessions are loaded on demand), or None."""
        code = codes.normalise_code(code)
        room = self._rooms.get(code)
        if room is None and len(code) == codes.CODE_LENGTH and self.store.code_taken(code):
            room = self._load(code)
        return room

    # --- replicas of sessions that other processes write to too -------------------------------------

    def _heard(self, code: str, seq: int) -> None:
        """Another process announced `code`'s head: catch up, once per turn of the loop."""
        room = self._rooms.get(code)
        if room is None:
            return  # not in memory here: loaded from the log when asked for
        if seq == ERASED:
            if self.store.code_taken(code):  # an announcement alone erases nothing: the log says
                log.warning("an erasure was announced for a session still in the log: ignored")
                return
            self._forget(code, room)
            return
        if seq <= room.seq or code in self._behind:
            return
        self._behind.add(code)
        try:
            asyncio.get_running_loop().call_soon(self._catch_up, code)
        except RuntimeError:
            self._catch_up(code)

    def _catch_up(self, code: str) -> None:
        self._behind.discard(code)
        room = self._rooms.get(code)
        if room is None or room.erased:
            return
        try:
            room.catch_up()
        except Exception:
            log.exception("a replica could not catch up with its log; it is rebuilt")
            room.rebuild()

    def _reconnected(self) -> None:
        self.catch_up_all()

    def catch_up_all(self) -> int:
        """Every replica in memory catches up with the log (after the bus was out of reach, and
        every few seconds in case an announcement was lost). Returns how many were behind."""
        if not self.store.shared:
            return 0
        rooms = [room for room in self._rooms.values() if not room.erased]
        heads = self.store.heads([room.code for room in rooms])
        behind = 0
        for room in rooms:
            head = heads.get(room.code)
            if head is None and not self.store.code_taken(room.code):
                self._forget(room.code, room)  # erased by another process
            elif head is not None and head > room.seq:
                behind += 1
                self._catch_up(room.code)
        return behind

    def _forget(self, code: str, room: Room) -> None:
        self._rooms.pop(code, None)
        self.failed.pop(code, None)
        room.forget(announce=False)

    def open_rooms(self) -> list[Room]:
        return list(self._rooms.values())

    def create(self, *, plan: str | Plan | None = None, title: str | None = None) -> tuple[Room, str]:
        """A new session (from a plan, shipped by name or uploaded, or blank with a title);
        returns its room and host key. Its row and its first event are written in one
        transaction: a failure leaves no session behind."""
        title = clean_text(title)
        code = codes.new_code(self.store.code_taken)
        key = codes.new_host_key()
        if plan:
            p = plan if isinstance(plan, Plan) else load_plan(plan, self.plans_dir, self.registry)
            details: _Details = {
                "title": title or p.title,
                "agenda": p.agenda,
                "date": p.date,
                "charter": p.charter,
                "licence": p.licence,
                "publish": p.publish,
                "plan": p.name,
                "moderation": p.moderation,
                "remote": p.remote,
                "languages": p.languages,
                "bilingual": p.bilingual,
                "colleges": p.colleges,
            }
        else:
            if not (title or "").strip():
                raise RuleViolation("home.title_required")
            details = {
                "title": (title or "").strip(),
                "charter": default_charter(self.plans_dir, self.registry),
            }
        room = Room(
            session.SessionState(),
            self.store,
            self.bus,
            self.clock,
            self.registry,
            self.projections,
            0,
            self.records,
        )
        room.open(code, codes.hash_key(key), **details)
        self._rooms[code] = room
        return room, key

    def open_count(self) -> int:
        """How many sessions are open (draft or live): every one of them is in memory."""
        return sum(1 for room in self._rooms.values() if room.state.status != "closed")

    def unstarted(self, created_before: float) -> list[str]:
        """Sessions never started (still draft, nobody joined) created before `created_before`."""
        if self.store.shared:  # sessions opened by the other processes too
            for code in self.store.session_codes(open_only=True):
                self.get(code)
        return [
            code
            for code, room in list(self._rooms.items())
            if room.state.status == "draft"
            and not room.state.participants
            and room.state.created_at < created_before
        ]

    def key_ok(self, code: str, key: str | None) -> bool:
        stored = self.store.host_key_hash(codes.normalise_code(code))
        return stored is not None and codes.key_matches(key, stored)

    # --- what outlives a session --------------------------------------------------------------

    def erase(self, code: str) -> bool:
        """Erase a whole session for good: its log (comments and moderation log included), its
        saved restitution and its row. Not a change of state but the removal of the log itself;
        views still open on it are told, and their room refuses every command."""
        code = codes.normalise_code(code)
        if not self.store.code_taken(code):
            return False
        room = self._rooms.pop(code, None)
        self.store.delete_session(code)
        self.store.scrub()
        self.failed.pop(code, None)
        if room is not None:
            room.forget()
        else:
            self.bus.announce(code, ERASED)
        log.info("a session was erased")
        return True

    def finish_closes(self) -> int:
        """The privacy step of closed sessions that missed it (a log written before it was part
        of closing): run now, through each room, by the process holding the housekeeping lease.
        Returns how many were finished."""
        if not self.store.lease(HOUSEKEEPING):
            return 0
        done = 0
        for code, _ in self.store.closed_without(session.SessionUnlinked.type):
            if self._housekeep(code, lambda room: bool(room.run_now(SYSTEM, session.unlink))):
                done += 1
        return done

    def save_records(self, codes: list[str]) -> list[str]:
        """The records of these sessions (missing or behind their log) written again from their
        log, by the process holding the housekeeping lease. Returns the codes written."""
        if not codes or not self.store.lease(HOUSEKEEPING):
            return []
        saved = [code for code in codes if self._housekeep(code, Room.save_records)]
        if saved:
            log.info("%d sessions' records caught up with their log", len(saved))
        return saved

    def purge_expired(self, retention_days: int, now: float | None = None) -> list[str]:
        """Retention: purge the raw events of sessions closed for more than `retention_days`
        (0 keeps them): a command through each room; the restitution saved at close, the
        comments and the moderation log stay. Run by the process holding the housekeeping lease.
        Returns the purged codes."""
        if retention_days <= 0 or not self.store.lease(HOUSEKEEPING):
            return []
        now = self.clock() if now is None else now
        limit = now - retention_days * DAY
        purged = []
        for code, closed_at in self.store.closed_without(session.SessionPurged.type):
            if closed_at is None or closed_at > limit:
                continue
            if self._housekeep(
                code, lambda room: room.state.purged_at is None and bool(room.run_now(SYSTEM, session.purge))
            ):
                purged.append(code)
        if purged:
            log.info("retention: raw events of %d closed sessions purged", len(purged))
        return purged

    def _housekeep(self, code: str, step: Callable[[Room], bool]) -> bool:
        """Run `step` on a closed session's room. A failure is logged and leaves the session as
        its log says (the step's transaction wrote nothing): tried again at the next start. A
        room loaded only for this is dropped again (closed rooms are loaded on demand)."""
        loaded = code in self._rooms
        room = self.get(code)
        try:
            return room is not None and step(room)
        except Exception:
            log.exception("housekeeping of session %s failed; it is tried again at the next start", code)
            return False
        finally:
            if not loaded:
                self._rooms.pop(code, None)


def default_charter(plans_dir: Path = PLANS_DIR, registry: Registry = REGISTRY) -> Text:
    """The charter of a blank session: the first shipped plan's (the Open d'État manifesto's rules)."""
    for path in sorted(plans_dir.glob("*.toml")):
        try:
            p = parse_plan(path.stem, path.read_text(encoding="utf-8"), registry)
        except PlanError:
            continue  # a plan this build cannot run still has nothing to say here
        if p.charter:
            return p.charter
    return Text()
