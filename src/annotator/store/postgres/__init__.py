"""The group library's adapter: a PostgreSQL database, reached with psycopg 3.

Optional (`pip install annotator[postgres]`): nothing imports this package unless a
PostgreSQL library is opened. It shares the models, the Alembic history and the row
mapper with the SQLite adapter; what is its own is full-text search on `tsvector`
expression indexes (`search.py`) and a store with no file to check or back up
(`database.py`): the server's administrator backs it up with `pg_dump`.
"""

from __future__ import annotations

from annotator.store.postgres.database import PostgresStore

__all__ = ["PostgresStore"]
