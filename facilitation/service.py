"""The running service: settings, store and rooms, the ephemeral store of names (`ephemeral`),
and the URLs it hands out; with a shared log, what keeps this process in step with the others."""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field

from . import drafts, ephemeral
from .activity import REGISTRY, Registry
from .bus import Bus, LocalBus
from .room import Clock
from .rooms import HOUSEKEEPING, Rooms
from .settings import Settings
from .store import open_store

log = logging.getLogger(__name__)

CHECK_EVERY = 2.0  # seconds between two checks of the shared log and of the housekeeping lease


@dataclass
class Service:
    settings: Settings
    rooms: Rooms
    housekeeper: bool = False  # this process holds the housekeeping lease (always, alone)
    shared: ephemeral.Ephemeral = field(default_factory=ephemeral.MemoryEphemeral)  # names, labels
    _tasks: list[asyncio.Task[None]] = field(default_factory=list)

    @classmethod
    def open(cls, settings: Settings, clock: Clock = time.time, registry: Registry = REGISTRY) -> Service:
        store = open_store(settings.database_url, settings.data_dir, settings.synchronous)
        bus: Bus = LocalBus()
        shared: ephemeral.Ephemeral = ephemeral.MemoryEphemeral()
        if settings.redis_url:
            from .redis_bus import RedisBus

            bus = RedisBus(settings.redis_url, settings.storage_secret)
            shared = ephemeral.RedisEphemeral(settings.redis_url, bus, settings.storage_secret)
        ephemeral.use(shared)
        rooms = Rooms(store, bus, clock=clock, registry=registry)
        rooms.load_open()
        service = cls(settings, rooms, shared=shared)
        service.housekeeper = store.lease(HOUSEKEEPING)
        return service

    async def start(self) -> None:
        """In the event loop: the bus between processes, and the periodic checks of a shared log."""
        for part in (self.rooms.bus, self.shared):
            start = getattr(part, "start", None)
            if start is not None:
                await start()
        if self.rooms.store.shared:
            self._tasks.append(asyncio.create_task(self._keep_in_step(), name="shared-log"))

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for part in (self.shared, self.rooms.bus):
            stop = getattr(part, "stop", None)
            if stop is not None:
                await stop()
        if self.rooms.store.shared:
            self.rooms.store.close()  # its connections, and the leases they hold

    async def _keep_in_step(self) -> None:
        """Every few seconds: catch up any replica that missed an announcement (Redis out of
        reach, or no Redis at all), and take the housekeeping lease if its holder died; the new
        holder runs at once what the old one ran at its start."""
        while True:
            await asyncio.sleep(CHECK_EVERY)
            try:
                self.rooms.catch_up_all()
                held = self.rooms.store.lease(HOUSEKEEPING)
                if held and not self.housekeeper:
                    log.info("this process now holds the housekeeping lease")
                    self.housekeeping()
                self.housekeeper = held
            except Exception:
                log.exception("keeping in step with the shared log failed; trying again")

    def housekeeping(self) -> None:
        """What the lease holder runs at its start: finish closes, retention, old drafts."""
        from .restitution import archive

        archive.start_up(self.rooms, self.settings.retention_days)
        drafts.purge_unstarted(self.rooms, self.settings.draft_ttl_hours)

    @property
    def base_url(self) -> str:
        return self.settings.base_url

    def join_url(self, code: str) -> str:
        return f"{self.base_url}/j/{code}"

    def screen_url(self, code: str) -> str:
        return f"{self.base_url}/screen/{code}"

    def host_url(self, code: str, key: str) -> str:
        return f"{self.base_url}/host/{code}?key={key}"
