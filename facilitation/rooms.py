"""All sessions of this server: creation, look-up, host keys, rebuilding after a restart."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from . import codes, session
from .activity import REGISTRY, Registry
from .bus import Bus, LocalBus
from .i18n import RuleViolation
from .plans import PLANS_DIR, list_plans, load_plan
from .room import Clock, Room
from .store import Store
from .text import clean_text

log = logging.getLogger(__name__)


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

    def load_open(self) -> int:
        """Rebuild every session that is not closed by replaying its log."""
        for code in self.store.session_codes(open_only=True):
            self._rooms[code] = Room.load(code, self.store, self.bus, self.clock, self.registry)
        log.info("rebuilt %d open sessions", len(self._rooms))
        return len(self._rooms)

    def get(self, code: str) -> Room | None:
        """The room of `code` (closed sessions are loaded on demand), or None."""
        code = codes.normalise_code(code)
        room = self._rooms.get(code)
        if room is None and len(code) == codes.CODE_LENGTH and self.store.code_taken(code):
            room = self._rooms[code] = Room.load(code, self.store, self.bus, self.clock, self.registry)
        return room

    def create(self, *, plan: str | None = None, title: str | None = None) -> tuple[Room, str]:
        """A new session (from a plan, or blank with a title); returns its room and host key."""
        now = self.clock()
        title = clean_text(title)
        code = codes.new_code(self.store.code_taken)
        key = codes.new_host_key()
        if plan:
            p = load_plan(plan, self.plans_dir)
            events = session.create(
                code,
                title or p.title,
                now,
                agenda=p.agenda,
                date=p.date,
                charter=p.charter,
                licence=p.licence,
                publish=p.publish,
                plan=p.name,
            )
        else:
            if not (title or "").strip():
                raise RuleViolation("home.title_required")
            events = session.create(code, (title or "").strip(), now, charter=default_charter(self.plans_dir))
        self.store.add_session(code, codes.hash_key(key), now)
        room = Room(session.SessionState(), self.store, self.bus, self.clock, self.registry)
        room.state.code = code
        room.submit_now(lambda _: events)
        self._rooms[code] = room
        return room, key

    def forget(self, code: str) -> None:
        """Drop the in-memory room of `code` (after its log was rewritten or erased); the next
        `get` rebuilds it from what the store holds, if anything."""
        self._rooms.pop(codes.normalise_code(code), None)

    def key_ok(self, code: str, key: str | None) -> bool:
        stored = self.store.host_key_hash(codes.normalise_code(code))
        return stored is not None and codes.key_matches(key, stored)


def default_charter(plans_dir: Path = PLANS_DIR) -> str:
    """The charter of a blank session: the first shipped plan's (the Open d'État manifesto's rules)."""
    for p in list_plans(plans_dir):
        if p.charter:
            return p.charter
    return ""
