"""The event log: one interface (`base.Store`), two engines. SQLite, embedded, is the default;
PostgreSQL (`CERCLE_DATABASE_URL=postgresql://…`) lets several Cercle processes share the log."""

from __future__ import annotations

from pathlib import Path

from .base import ERASED, SCHEMA_VERSION, Derived, SeqConflict, Store
from .sqlite import MIGRATIONS, SqliteStore

__all__ = [
    "ERASED",
    "MIGRATIONS",
    "Derived",
    "SCHEMA_VERSION",
    "SeqConflict",
    "SqliteStore",
    "Store",
    "open_store",
]


def open_store(database_url: str, data_dir: Path, synchronous: str = "full") -> Store:
    """PostgreSQL when `database_url` names it, else SQLite in `data_dir/cercle.db`."""
    if database_url:
        from .postgres import PostgresStore  # psycopg is needed only then

        return PostgresStore(database_url, synchronous=synchronous)
    return SqliteStore(data_dir / "cercle.db", synchronous=synchronous)
