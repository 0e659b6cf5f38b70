"""Shared fixtures: every test gets its own data folder and event log (SQLite, or PostgreSQL with
`--backend postgres`); UI tests reach the running service."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from activities import register_all
from facilitation import i18n
from facilitation.activity import REGISTRY
from facilitation.rooms import Rooms
from facilitation.service import Service
from facilitation.store import SqliteStore, Store
from tests.backends import Backend, open_backend

register_all(REGISTRY)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--backend",
        choices=("sqlite", "postgres"),
        default=os.environ.get("CERCLE_TEST_BACKEND", "sqlite"),
        help="the event log every test runs on (PostgreSQL: started by the fixtures)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:  # what runs NiceGUI's app is run again by `make nicegui-upgrade`
        if "user" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.nicegui)
    if config.getoption("--backend") != "postgres":
        return
    skip = pytest.mark.skip(reason="reads SQLite's own files: the SQLite pass covers it")
    for item in items:
        if item.get_closest_marker("sqlite_only"):
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def no_missing_translation() -> Iterator[None]:
    """Fails a test during which the code asked the tables for a key they do not hold (the views
    drawn by the `user` fixture run in this process; see tests/unit/test_translations.py)."""
    i18n.forget_missing()
    yield
    missing = i18n.missing()
    i18n.forget_missing()
    assert not missing, f"translation keys missing from the tables: {sorted(missing)}"


@pytest.fixture(scope="session")
def backend(request: pytest.FixtureRequest) -> Iterator[Backend]:
    with open_backend(request.config.getoption("--backend")) as opened:
        yield opened


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, backend: Backend) -> Path:
    """A fresh data folder and log for the app the `user` fixture starts (main.py reads
    CERCLE_DATA_DIR, and CERCLE_DATABASE_URL on PostgreSQL)."""
    path = tmp_path / "data"
    monkeypatch.setenv("CERCLE_DATA_DIR", str(path))
    monkeypatch.setenv("CERCLE_DETECTOR", "thread")  # the `user` fixture's app: no worker process per test
    monkeypatch.delenv("CERCLE_PUBLIC_URL", raising=False)
    monkeypatch.delenv("CERCLE_REDIS_URL", raising=False)
    if backend.name == "postgres":
        monkeypatch.setenv("CERCLE_DATABASE_URL", backend.fresh_url())
        monkeypatch.setenv("CERCLE_STORAGE_SECRET", "test-secret")
    else:
        monkeypatch.delenv("CERCLE_DATABASE_URL", raising=False)
    return path


@pytest.fixture
def make_store(tmp_path: Path, backend: Backend) -> Iterator[Callable[..., Store]]:
    """`make_store("c")`: the log named "c" of this test, opened again on each call (a restart);
    `make_store("c", synchronous="normal")` passes SQLite's options through."""
    opened: list[Store] = []
    urls: dict[str, str] = {}

    def make(name: str = "c", **options: str) -> Store:
        if backend.name == "postgres":
            from facilitation.store.postgres import PostgresStore

            store: Store = PostgresStore(urls.setdefault(name, backend.fresh_url()))
        else:
            store = SqliteStore(tmp_path / f"{name}.db", **options)
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


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
def store(make_store: Callable[..., Store]) -> Store:
    return make_store("test")


@pytest.fixture
def rooms(store: Store, clock: FakeClock) -> Rooms:
    return Rooms(store, clock=clock)


def running_service() -> Service:
    """The service of the app that the `user` fixture started (call inside a UI test)."""
    from nicegui import app

    return app.state.cercle


def in_ci() -> bool:
    return bool(os.environ.get("CI"))
