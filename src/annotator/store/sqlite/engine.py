"""SQLite engines: pragmas and real transactions.

The engine with its pragmas and transactional DDL, the write transaction issued on the
sqlite3 connection itself, and the checks a migration runs before it commits. The rest
of the SQLite adapter sits beside this module (`store/sqlite/`); the portable store
(`store/api.py`, models, migrations, `store/mapping.py`) depends on none of it."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import ConnectionPoolEntry, QueuePool

BUSY_TIMEOUT_MS = 10_000
# Pages the WAL may grow to before SQLite folds it into the database (default 1000, 4 MB):
# acknowledged commits live only in the WAL until then, so a WAL deleted by another
# program (issue 13, item 5) loses at most this much.
WAL_AUTOCHECKPOINT_PAGES = 100


def writable(path: Path) -> bool:
    """Whether the database at `path` (and its folder, for the WAL) can be written."""
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def read_only_uri(path: Path) -> str:
    """A URI that reads `path` without writing anything: no WAL, SHM or lock files.

    `immutable` is what lets SQLite read a WAL-mode file in a folder it cannot write
    (a read-only mount). A cleanly closed library has no WAL, so nothing is missed.
    """
    return f"{path.as_uri()}?mode=ro&immutable=1"


def make_engine(
    path: Path, *, foreign_keys: bool = True, writer: bool = True, read_only: bool = False
) -> Engine:
    """An engine on `path` with WAL, foreign keys, busy timeout and real transactions.

    sqlite3's legacy transaction control never emits BEGIN before DDL, so a migration
    would commit statement by statement; SQLAlchemy's documented recipe turns that off on
    connect and emits BEGIN itself, which makes migrations all-or-nothing. A writer engine
    begins with BEGIN IMMEDIATE so two processes queue on the busy timeout instead of
    failing to upgrade a read lock; a reader engine uses a plain (deferred) BEGIN so reads
    never wait for another process's write. Two engines rather than a per-transaction
    option: copying a Connection with execution options costs a visible share of the
    one-highlight commit.

    Migrations use `foreign_keys=False`: a batch migration copies and drops tables, and
    dropping a parent with foreign keys on would cascade-delete its children.

    `read_only` opens the file as immutable (`read_only_uri`) and sets no pragma that
    would write: a library on a read-only mount still reads, searches and exports.
    """
    if read_only:
        engine = create_engine(
            "sqlite://",
            creator=lambda: sqlite3.connect(
                read_only_uri(path), uri=True, check_same_thread=False
            ),
            poolclass=QueuePool,
        )
    else:
        engine = create_engine(
            f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}
        )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None
        if read_only:
            return
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT_PAGES}")
            cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        finally:
            cursor.close()

    begin = "BEGIN IMMEDIATE" if writer else "BEGIN"

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Straight to sqlite3: exec_driver_sql would cost a full SQLAlchemy execution (~30
        # µs) on every transaction. Errors (busy) surface as sqlite3.Error. After
        # `begin_write` sqlite3 is in a transaction already: nothing to begin.
        dbapi = driver(conn)
        if not dbapi.in_transaction:
            dbapi.execute(begin)

    return engine


def raw_connect(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection with the app's pragmas (health checks, benchmarks)."""
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT_PAGES}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def begin_write(conn: Connection) -> None:
    """BEGIN IMMEDIATE issued on the sqlite3 connection itself; `end_write` ends it.

    SQLAlchemy's Transaction (its object, events and listener) was a sixth of a
    one-highlight commit. Statements run through SQLAlchemy on `conn` still belong to this
    transaction: the Connection autobegins, the begin listener finds sqlite3 already in a
    transaction and emits nothing, and `end_write` commits or rolls back through
    SQLAlchemy so both agree. Two calls rather than a context manager: the store's write
    transaction (`store/sqlite/database.py: _Writing`) is one, and a generator-based one
    inside it cost a tenth of a one-highlight commit (`highlight_commit`, benchmarks/).
    """
    driver(conn).execute("BEGIN IMMEDIATE")


def end_write(conn: Connection, *, commit: bool) -> None:
    """COMMIT (committed before this returns; WAL and the synchronous pragma apply as to
    any commit) or ROLLBACK the transaction `begin_write` began."""
    dbapi = driver(conn)
    if commit:
        if conn.in_transaction():
            conn.commit()
        else:
            dbapi.commit()
    elif conn.in_transaction():
        conn.rollback()
    elif dbapi.in_transaction:
        dbapi.rollback()


def driver(conn: Connection) -> sqlite3.Connection:
    """The sqlite3 connection under a SQLAlchemy one (and its transaction, if begun)."""
    dbapi = conn.connection.driver_connection
    assert isinstance(dbapi, sqlite3.Connection)
    return dbapi


def set_user_version(conn: Connection, version: int) -> None:
    """Mirror the schema revision in SQLite's header, readable without Alembic."""
    conn.exec_driver_sql(f"PRAGMA user_version = {int(version)}")


def foreign_key_problems(conn: Connection) -> list[Any]:
    """Rows violating a foreign key, checked before a migration commits."""
    return list(conn.exec_driver_sql("PRAGMA foreign_key_check").all())
