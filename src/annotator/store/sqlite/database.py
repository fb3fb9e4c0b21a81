"""Opening the local library's SQLite file safely: health, backup, migration, transactions.

`Store.open()` is the one way in. Holding the data folder's lock (`store/sqlite/lock.py`), so
that two processes starting at once never see each other's half-created file, it
1. checks the file (header, `quick_check`); a damaged one is moved aside, never deleted or
   overwritten, and `CorruptDatabaseError` names it and the newest backup that verifies;
2. brings the schema to head with Alembic, after a verified backup copy, in one
   transaction (all revisions or none);
3. takes a routine backup when the newest one is older than a day; then backups follow the
   work while it is open (`Store`, `store/sqlite/backups.py`).

No engine exists before `open()`: importing this module touches no file. `Store`
satisfies the port (`store/api.py`), which is all the services see of it.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from annotator import paths
from annotator.errors import StoreError
from annotator.store import sqlite
from annotator.store.migrate import current_revision, head_revision, known_revisions, upgrade
from annotator.store.sqlite.backups import (
    PRE_MIGRATION,
    ROUTINE,
    BackupInfo,
    list_backups,
    newest_good_backup,
)
from annotator.store.sqlite.backups import backups_dir as backups_dir
from annotator.store.sqlite.backups import describe as describe_backup
from annotator.store.sqlite.backups import take as take_backup
from annotator.store.sqlite.lock import folder_lock, hold_open, in_use, release
from annotator.store.sqlite.repository import SqliteRepository

log = logging.getLogger(__name__)

DATABASE_NAME = "annotator.db"
BACKUP_KEEP = 7
BACKUP_INTERVAL = timedelta(days=1)
BACKUP_PERIOD_SECONDS = 600.0


class CorruptDatabaseError(StoreError):
    """The database file is damaged; it has been moved to `moved_to`.

    `backup` is the newest backup that passes `integrity_check` (None when there is none),
    `backup_info` what it holds (documents, annotations, when it was taken) when it can be
    read; `restore_backup(backup, database)` puts it back.
    """

    def __init__(self, database: Path, problem: str, moved_to: Path, backup: Path | None):
        self.database = database
        self.moved_to = moved_to
        self.backup = backup
        self.backup_info = _info(backup)
        if self.backup_info is not None:
            offer = f"the newest good backup is {self.backup_info.describe()}"
        elif backup is not None:
            offer = f"the newest good backup is {backup}"
        else:
            offer = "there is no good backup; the next start begins an empty library"
        super().__init__(f"The database {database} {problem}; it was moved to {moved_to}, {offer}.")


def _info(backup: Path | None) -> BackupInfo | None:
    if backup is None:
        return None
    try:
        return describe_backup(backup)
    except StoreError:
        return None


def default_path() -> Path:
    return paths.data_dir() / DATABASE_NAME


def restore_backup(backup: Path, database: Path | None = None) -> Path | None:
    """Put `backup` back as the database; where the file it replaced was kept, if any.

    Refused while any process has the library open (`store/sqlite/lock.py`, `hold_open`): it
    would go on writing into the file being replaced. A sound current file is kept as
    `.replaced-…`, a damaged one as `.damaged-…`; nothing is deleted.
    """
    database = database or default_path()
    problem = sqlite.check_health(backup, full=True)
    if problem:
        raise StoreError(f"The backup {backup} {problem}; choose another one.")
    try:
        with folder_lock(database.parent):
            if in_use(database):
                raise StoreError(
                    f"The library {database} is open in another Annotator (the window or a "
                    "command); close it, then restore."
                )
            kept = None
            if database.exists():
                sound = sqlite.check_health(database) is None
                kept = sqlite.move_aside(database, "replaced" if sound else "corrupt")
            sqlite.copy_back(backup, database)
            set_aside_damage(database)
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(f"Could not restore {backup} to {database}: {exc}") from exc
    if kept is not None and not kept.exists():
        kept = kept.with_name(kept.name.replace(".corrupt-", ".damaged-", 1))
    return kept


class Store:
    """An open, healthy, migrated database; hands out transactions as `Repository`s.

    Writes go through one connection the store keeps checked out, one transaction at a
    time (a lock serialises threads): checking a connection out of the pool and back in
    cost a fifth of a one-highlight commit. Reads check out pooled connections as usual.

    Backups follow the work (issue 13, item 3): once something is written, a thread takes
    a verified backup every `backup_period` seconds while there are new commits, and
    `close()` takes one when anything changed since the last, so a damaged library
    restores to within minutes of the last work.
    """

    def __init__(
        self, path: Path, *, keep: int = BACKUP_KEEP,
        backup_period: float = BACKUP_PERIOD_SECONDS, read_only: bool = False,
    ) -> None:
        self.path = path
        self.read_only = read_only
        self._writer = sqlite.make_engine(path, read_only=read_only)
        self._reader = sqlite.make_engine(path, writer=False, read_only=read_only)
        self._write_lock = threading.RLock()
        self._write_conn: Connection | None = None
        self._journal: tuple[tuple[int, int] | None, ...] = ()
        self._writing = False
        self._keep = keep
        self._backup_period = backup_period
        self._changes = 0  # commits not yet in a backup
        self._changes_lock = threading.Lock()
        self._stop = threading.Event()
        self._follower: threading.Thread | None = None
        self._held = hold_open(path)  # until close(): `restore` waits for it

    @classmethod
    def open(
        cls,
        path: Path | None = None,
        *,
        keep: int = BACKUP_KEEP,
        target_revision: str = "head",
        backup_period: float = BACKUP_PERIOD_SECONDS,
    ) -> Store:
        """Open (creating if needed) the database at `path`, default the data folder's.

        `target_revision` exists for migration tests that build a database at an old
        revision; the app always opens at head. `backup_period` is how often, in seconds,
        new work is backed up while the store stays open.

        A library that exists but cannot be written (a read-only mount or file) opens
        read-only (`read_only`): reading, search and export work, writes are refused
        with a message saying why, and nothing in its folder is touched.
        """
        path = path or default_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"Cannot create the data folder {path.parent}: {exc}") from exc
        if path.exists() and not sqlite.writable(path):
            return cls._open_read_only(path, keep)
        if not sqlite.writable(path):
            raise StoreError(sqlite.explain(sqlite3.OperationalError("readonly"), path))
        with folder_lock(path.parent):
            _refuse_empty_over_damage(path)
            if path.exists() and not _never_finished(path):
                problem = sqlite.check_health(path)
                if problem:
                    moved = sqlite.move_aside(path)
                    raise CorruptDatabaseError(path, problem, moved, newest_good_backup(path))
            try:
                _migrate(path, target_revision, keep)
                store = cls(path, keep=keep, backup_period=backup_period)
                store._routine_backup(keep)
            except SQLAlchemyError as exc:
                raise StoreError(sqlite.explain(exc, path)) from exc
        return store

    @classmethod
    def _open_read_only(cls, path: Path, keep: int) -> Store:
        problem = sqlite.check_health(path)
        if problem:
            raise StoreError(
                f"The database {path} {problem}; it is read-only, so it was left as it is. "
                "Copy it and its backups folder somewhere writable to recover it."
            )
        store = cls(path, keep=keep, read_only=True)
        try:
            with store._reader.connect() as conn:
                current = current_revision(conn)
        except SQLAlchemyError as exc:
            store.close()
            raise StoreError(sqlite.explain(exc, path)) from exc
        if current != head_revision():
            store.close()
            raise StoreError(
                f"The library {path} is read-only and its schema ({current}) is not this "
                "version's; open it once where it can be written, or with the matching "
                "Annotator version."
            )
        return store

    @property
    def files_dir(self) -> Path:
        """Files kept beside the library (originals of merged documents) go here."""
        return self.path.parent

    def close(self) -> None:
        """Stop the backup thread, back up what changed since the last backup, close."""
        self._stop.set()
        if self._follower is not None:
            self._follower.join()
            self._follower = None
        with self._write_lock:
            if self._write_conn is not None and self._journal_replaced():
                self._rescue_journal()  # the commits only the removed log holds
        self._backup_changes()
        with self._write_lock:
            if self._write_conn is not None:
                self._write_conn.close()
                self._write_conn = None
        self._writer.dispose()
        self._reader.dispose()
        release(self._held)
        self._held = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def transaction(self, *, write: bool = True) -> AbstractContextManager[SqliteRepository]:
        """One transaction: committed when the block ends, rolled back if it raises.

        Writers take the write lock up front (BEGIN IMMEDIATE) so a second process waits
        on the busy timeout rather than failing midway. SQLite failures surface as a
        `StoreError` whose message says what to do; nothing of the transaction persists.
        """
        if write and self.read_only:
            raise StoreError(sqlite.explain(sqlite3.OperationalError("readonly"), self.path))
        return _Writing(self) if write else self._reading()

    @contextmanager
    def _reading(self) -> Iterator[SqliteRepository]:
        try:
            with self._reader.connect() as conn, conn.begin():
                yield SqliteRepository(conn)
        except (DBAPIError, sqlite3.Error) as exc:
            raise StoreError(sqlite.explain(exc, self.path)) from exc

    def _begin_writing(self) -> Connection:
        """The write connection in a new transaction, the write lock held (`_Writing`)."""
        self._write_lock.acquire()
        try:
            if self._writing:
                raise StoreError("A write transaction is already open in this thread.")
            conn = self._writer_connection()
            try:
                sqlite.begin_write(conn)
            except (DBAPIError, sqlite3.Error) as exc:
                raise self._write_failed(conn, exc) from exc
        except BaseException:
            self._write_lock.release()
            raise
        self._writing = True
        return conn

    def _end_writing(self, conn: Connection, failure: BaseException | None) -> None:
        """Commit, or roll back after `failure`; then release the write lock."""
        try:
            try:
                sqlite.end_write(conn, commit=failure is None)
            except (DBAPIError, sqlite3.Error) as exc:
                raise self._write_failed(conn, exc) from exc
            if failure is None:
                self._changed()
            elif isinstance(failure, (DBAPIError, sqlite3.Error)):
                raise self._write_failed(conn, failure) from failure
        finally:
            self._writing = False
            self._write_lock.release()

    def _write_failed(self, conn: Connection, exc: BaseException) -> StoreError:
        """The error for a failed write, whose transaction SQLite has rolled back; the
        next write starts on a fresh connection all the same."""
        removed = self._journal_replaced()
        self._write_conn = None
        conn.invalidate()
        conn.close()
        if removed:
            return StoreError(sqlite.journal_removed_message(self.path, saved=False))
        return StoreError(sqlite.explain(exc, self.path))

    def _writer_connection(self) -> Connection:
        """The write connection, opened if needed; its files are checked first.

        If another program removed the WAL or SHM under the open library, the acknowledged
        commits still in the old WAL are folded into the database through this
        connection (which holds the removed files open), the connection is dropped, and
        the reader is told what happened instead of writing into a log nobody will read.
        """
        if self._write_conn is not None and self._journal_replaced():
            saved = self._rescue_journal()
            raise StoreError(sqlite.journal_removed_message(self.path, saved=saved))
        if self._write_conn is None:
            self._write_conn = self._writer.connect()
            sqlite.driver(self._write_conn).execute("SELECT count(*) FROM sqlite_master")
            self._journal = sqlite.journal_identity(self.path)
        return self._write_conn

    def _journal_replaced(self) -> bool:
        return bool(self._journal) and sqlite.journal_identity(self.path) != self._journal

    def _rescue_journal(self) -> bool:
        conn, self._write_conn = self._write_conn, None
        assert conn is not None
        saved = True
        try:
            sqlite.driver(conn).execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error as exc:
            log.warning("could not fold the removed WAL into %s: %s", self.path, exc)
            saved = False
        conn.invalidate()
        conn.close()
        self._reader.dispose()
        self._journal = ()
        return saved

    def data_version(self) -> int | None:
        """SQLite's `PRAGMA data_version` on the writer connection, None while it is busy.

        The value changes when another connection (another process: the CLI) commits,
        never for this store's own writes, which all go through that connection; the
        window polls it to notice changes made elsewhere (issue 7, item 9). It never
        waits: a write in progress on another thread answers None for this poll.
        """
        if self.read_only or not self._write_lock.acquire(blocking=False):
            return None
        try:
            if self._writing:
                return None
            conn = self._writer_connection()
            row = sqlite.driver(conn).execute("PRAGMA data_version").fetchone()
        except (DBAPIError, sqlite3.Error) as exc:
            raise StoreError(sqlite.explain(exc, self.path)) from exc
        finally:
            self._write_lock.release()
        return int(row[0])

    def backup(self, reason: str = ROUTINE, keep: int = BACKUP_KEEP) -> Path:
        """A verified copy in the backups folder, then rotation (`store/sqlite/backups.py`)."""
        with self._changes_lock:
            pending = self._changes
        with folder_lock(self.path.parent):
            target = take_backup(self.path, reason, keep)
        with self._changes_lock:
            self._changes -= pending
        return target

    def _changed(self) -> None:
        with self._changes_lock:
            self._changes += 1
            if self._follower is None and not self._stop.is_set():
                self._follower = threading.Thread(
                    target=self._follow, name="annotator-backups", daemon=True
                )
                self._follower.start()

    def _follow(self) -> None:
        while not self._stop.wait(self._backup_period):
            self._backup_changes()

    def _backup_changes(self) -> None:
        """Back up if anything was committed since the last backup; failures are logged
        (a full disk must not stop the reader), and the changes stay pending."""
        with self._changes_lock:
            if not self._changes:
                return
        try:
            self.backup(ROUTINE, self._keep)
        except StoreError as exc:
            log.warning("%s", exc)

    def _routine_backup(self, keep: int) -> None:
        newest = list_backups(self.path)
        if newest:
            age = datetime.now(UTC) - datetime.fromtimestamp(newest[0].stat().st_mtime, UTC)
            if age < BACKUP_INTERVAL:
                return
        try:
            take_backup(self.path, ROUTINE, keep)
        except StoreError as exc:
            # A routine copy failing (disk full) must not stop the reader from reading.
            log.warning("%s", exc)


def _damaged_copies(database: Path) -> list[Path]:
    """Damaged libraries moved aside and not yet set aside by the reader, newest first."""
    return sorted(
        (p for p in database.parent.glob(f"{database.name}.corrupt-*") if p.name.endswith("Z")),
        reverse=True,
    )


def _refuse_empty_over_damage(path: Path) -> None:
    """Never start an empty library while a damaged one waits for its good backup.

    After `CorruptDatabaseError` the library file is gone; the next start (a CLI command,
    say) would otherwise create an empty one, and its backups would soon rotate the good
    one away (issue 13, item 5). Until the reader restores (`restore_backup`) or chooses
    to start empty (`set_aside_damage`), every open repeats the offer.
    """
    if path.exists():
        return
    damaged = _damaged_copies(path)
    if not damaged:
        return
    backup = newest_good_backup(path)
    if backup is not None:
        raise CorruptDatabaseError(path, "was damaged and has not been restored yet",
                                   damaged[0], backup)


def set_aside_damage(database: Path | None = None) -> None:
    """The reader chose to start an empty library: keep the damaged files, renamed
    `.damaged-…`, so the next open creates a new library instead of offering a backup."""
    database = database or default_path()
    for damaged in _damaged_copies(database):
        for companion in database.parent.glob(f"{damaged.name}*"):
            kept = companion.name.replace(".corrupt-", ".damaged-", 1)
            try:
                companion.replace(companion.with_name(kept))
            except OSError as exc:
                raise StoreError(f"Could not set {companion} aside: {exc}") from exc


def _never_finished(path: Path) -> bool:
    """True for an empty file that never held a library: a first start killed before
    SQLite wrote its first page. No backup was ever taken of it (the first one follows
    the migration), so nothing can be lost by creating the library in it; an empty file
    that has backups lost its content and is reported as damaged."""
    wal = path.with_name(path.name + "-wal")
    return (
        path.stat().st_size == 0
        and not (wal.exists() and wal.stat().st_size > 0)
        and not list_backups(path)
    )


def _migrate(path: Path, target: str, keep: int) -> None:
    """Apply pending revisions in one transaction, after a verified backup if data exists.

    Runs on its own engine with foreign keys off (batch migrations copy and drop tables)
    and checks every foreign key before committing instead.
    """
    wanted = head_revision() if target == "head" else target
    engine = sqlite.make_engine(path, foreign_keys=False)
    try:
        with engine.connect() as conn:
            current = current_revision(conn)
            conn.rollback()
            if current is not None and current not in known_revisions():
                raise StoreError(
                    f"The database {path} was written by a newer version of Annotator "
                    f"(schema {current}); update Annotator to open it."
                )
            if current == wanted:
                return
            has_data = current is not None
        if has_data:
            take_backup(path, PRE_MIGRATION, keep)
        with engine.connect() as conn, conn.begin():
            upgrade(conn, target)
            problems = sqlite.foreign_key_problems(conn)
            if problems:
                raise StoreError(
                    f"Migrating {path} would break {len(problems)} reference(s); "
                    "the database is unchanged."
                )
            sqlite.set_user_version(conn, int(wanted))
    finally:
        engine.dispose()


class _Writing:
    """`Store.transaction()` for writing: a class, not a generator-based context manager,
    because entering and leaving two of those (this and the BEGIN ... COMMIT inside it)
    cost a tenth of a one-highlight commit (`highlight_commit`, benchmarks/)."""

    __slots__ = ("_conn", "_store")

    def __init__(self, store: Store) -> None:
        self._store = store

    def __enter__(self) -> SqliteRepository:
        self._conn = self._store._begin_writing()
        return SqliteRepository(self._conn)

    def __exit__(self, kind: object, failure: BaseException | None, trace: object) -> None:
        self._store._end_writing(self._conn, failure)
