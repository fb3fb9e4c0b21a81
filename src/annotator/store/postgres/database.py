"""Opening a library in a PostgreSQL database: migrate under a lock, then transactions.

There is no file here to check, lock or copy: the server keeps the data durable, and its
administrator backs it up with `pg_dump` (issue 12). What the store does is bring the
schema to head with the same Alembic history as the SQLite library, one process at a
time (a transaction-scoped advisory lock), and hand out transactions as repositories
that satisfy the port (`store/api.py`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError

from annotator import paths
from annotator.errors import StoreError
from annotator.store.migrate import current_revision, head_revision, known_revisions, upgrade
from annotator.store.postgres.repository import PostgresRepository

DRIVER = "postgresql+psycopg"
# pg_advisory_xact_lock key: "annotator migrations", so two processes never migrate at once.
MIGRATION_LOCK = 0x616E6E6F74617465
CONNECT_SECONDS = 10


def database_url(url: str) -> URL:
    """`url` (postgresql://… or postgresql+psycopg://…) on the psycopg 3 driver."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"Not a database URL: {url!r} ({exc}).") from exc
    if parsed.get_backend_name() != "postgresql":
        raise StoreError(f"Not a PostgreSQL URL: {parsed.render_as_string(hide_password=True)}.")
    return parsed.set(drivername=DRIVER)


class PostgresStore:
    """An open, migrated PostgreSQL library; hands out transactions as repositories."""

    def __init__(self, engine: Engine, files_dir: Path | None = None) -> None:
        self._engine = engine
        self._files_dir = files_dir
        self.url = engine.url.render_as_string(hide_password=True)

    @classmethod
    def open(
        cls, url: str, *, files_dir: Path | None = None, target_revision: str = "head"
    ) -> PostgresStore:
        """Connect to the database at `url` and bring its schema to `target_revision`.

        `files_dir` is where files kept beside the library go (default: the data folder).
        """
        parsed = database_url(url)
        # An unreachable host answers in seconds, not after the system's TCP timeout:
        # the window waits for this on its first paint.
        wait = {} if "connect_timeout" in parsed.query else {"connect_timeout": CONNECT_SECONDS}
        try:
            engine = create_engine(parsed, pool_pre_ping=True, connect_args=wait)
        except (NoSuchModuleError, ImportError) as exc:
            raise StoreError(
                "A PostgreSQL library needs psycopg: install annotator[postgres]."
            ) from exc
        store = cls(engine, files_dir)
        try:
            store._migrate(target_revision)
        except BaseException:
            store.close()
            raise
        return store

    def _migrate(self, target: str) -> None:
        try:
            with self._engine.connect() as conn, conn.begin():
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})
                current = current_revision(conn)
                if current is not None and current not in known_revisions():
                    raise StoreError(
                        f"The database {self.url} was written by a newer version of "
                        f"Annotator (schema {current}); update Annotator to open it."
                    )
                wanted = head_revision() if target == "head" else target
                if current != wanted:
                    upgrade(conn, target)
        except SQLAlchemyError as exc:
            raise StoreError(self._explain(exc)) from exc

    @property
    def path(self) -> Path | None:
        """None: the library is no file of this machine's."""
        return None

    @property
    def files_dir(self) -> Path:
        return self._files_dir or paths.data_dir()

    @contextmanager
    def transaction(self, *, write: bool = True) -> Iterator[PostgresRepository]:
        """One transaction: committed when the block ends, rolled back if it raises.

        A read transaction is `READ ONLY`, so a bug in a read path cannot write.
        """
        try:
            with self._engine.connect() as conn, conn.begin():
                if not write:
                    conn.execute(text("SET TRANSACTION READ ONLY"))
                yield PostgresRepository(conn)
        except DBAPIError as exc:
            raise StoreError(self._explain(exc)) from exc

    def data_version(self) -> int | None:
        """None: no cheap signal of other writers' commits here (a group library learns
        of them through the server's notifications)."""
        return None

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _explain(self, exc: BaseException) -> str:
        """One sentence for a failure on the server, without the password."""
        message = " ".join(str(getattr(exc, "orig", None) or exc).split())
        if "connection" in message.lower() and (
            "refused" in message.lower() or "failed" in message.lower()
        ):
            return f"Cannot reach the database server for {self.url}: {message}"
        return f"Database error on {self.url}: {message}"[:500]
