"""Opening the library wherever it lives: the SQLite file, or a PostgreSQL database.

The one place that picks an adapter by the library's address, so neither front names
one: `None` is the SQLite file in the data folder (the default, `sqlite/database.py`);
a `postgresql://` URL is a PostgreSQL database (`postgres/database.py`, imported only
then, since it needs psycopg). Both migrate to the same Alembic head on open.
"""

from __future__ import annotations

from pathlib import Path

from annotator.store.api import Store as StorePort


def open_store(url: str | None = None, path: Path | None = None) -> StorePort:
    """The library at `url` (PostgreSQL), else the SQLite file at `path` (by default the
    data folder's); raises StoreError with one line saying why it cannot be opened."""
    if url is None:
        from annotator.store.sqlite.database import Store

        return Store.open(path)
    from annotator.store.postgres.database import PostgresStore

    return PostgresStore.open(url)
