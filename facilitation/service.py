"""The running service: settings, store and rooms, and the URLs it hands out."""

from __future__ import annotations

import time
from dataclasses import dataclass

from .activity import REGISTRY, Registry
from .room import Clock
from .rooms import Rooms
from .settings import Settings
from .store import Store


@dataclass
class Service:
    settings: Settings
    rooms: Rooms

    @classmethod
    def open(cls, settings: Settings, clock: Clock = time.time, registry: Registry = REGISTRY) -> Service:
        store = Store(settings.data_dir / "cercle.db", synchronous=settings.synchronous)
        rooms = Rooms(store, clock=clock, registry=registry)
        rooms.load_open()
        return cls(settings, rooms)

    @property
    def base_url(self) -> str:
        return self.settings.base_url

    def join_url(self, code: str) -> str:
        return f"{self.base_url}/j/{code}"

    def screen_url(self, code: str) -> str:
        return f"{self.base_url}/screen/{code}"

    def host_url(self, code: str, key: str) -> str:
        return f"{self.base_url}/host/{code}?key={key}"
