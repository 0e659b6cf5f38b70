"""Shared fixtures: every test gets its own data folder; UI tests reach the running service."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from activities import register_all
from facilitation.activity import REGISTRY
from facilitation.rooms import Rooms
from facilitation.service import Service
from facilitation.store import Store

register_all(REGISTRY)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data folder for the app the `user` fixture starts (main.py reads CERCLE_DATA_DIR)."""
    path = tmp_path / "data"
    monkeypatch.setenv("CERCLE_DATA_DIR", str(path))
    monkeypatch.setenv("CERCLE_DETECTOR", "thread")  # the `user` fixture's app: no worker process per test
    monkeypatch.delenv("CERCLE_PUBLIC_URL", raising=False)
    return path


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "test.db")
    yield s
    s.close()


@pytest.fixture
def rooms(store: Store, clock: FakeClock) -> Rooms:
    return Rooms(store, clock=clock)


def running_service() -> Service:
    """The service of the app that the `user` fixture started (call inside a UI test)."""
    from nicegui import app

    return app.state.cercle


def in_ci() -> bool:
    return bool(os.environ.get("CI"))
