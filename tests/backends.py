"""The event logs the tests run on: SQLite files, or one PostgreSQL cluster for the whole run
(started from Debian's package as `make cluster` starts it, `deploy/cluster.py`: passwords
only, Cercle's role no superuser) with a fresh schema for each log."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import quote

from deploy.cluster import Postgres


@dataclass
class Backend:
    name: str
    postgres: Postgres | None = None
    _numbers: Iterator[int] = field(default_factory=itertools.count)

    def fresh_url(self) -> str:
        """A PostgreSQL URL whose tables live in a new, empty schema."""
        assert self.postgres is not None
        import psycopg

        schema = f"t{os.getpid()}_{next(self._numbers)}"
        with psycopg.connect(self.postgres.url, autocommit=True) as db:
            db.execute(f"CREATE SCHEMA {schema}")
        return f"{self.postgres.url}?options={quote(f'-csearch_path={schema}')}"


@contextmanager
def open_backend(name: str) -> Iterator[Backend]:
    if name != "postgres":
        yield Backend(name)
        return
    postgres = Postgres(durable=False).start()
    try:
        yield Backend(name, postgres)
    finally:
        postgres.stop()
