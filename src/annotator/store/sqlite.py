"""Everything SQLite-specific, in one place, so the rest of the store stays portable.

Here: the engine with its pragmas and transactional DDL, the health check that detects a
corrupt file before anything writes to it, backups through SQLite's online backup API, the
FTS5 tables and triggers, precompiled statements run on the sqlite3 connection for the hot
paths, and the translation of SQLite's error strings into messages a reader can act on.
A PostgreSQL store would replace this module and nothing else.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Dialect, Engine, create_engine, event, text
from sqlalchemy.pool import ConnectionPoolEntry, QueuePool
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

from annotator.errors import StoreError

HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
COMPANIONS = ("-wal", "-shm", "-journal")
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
        # µs) on every transaction. Errors (busy) surface as sqlite3.Error. Inside
        # `write_transaction` sqlite3 is in a transaction already: nothing to begin.
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


# --- hot paths: precompiled statements on the sqlite3 connection ---------------------

# UTCDateTime keeps ISO 8601 text on SQLite; rows read through `Prepared` come back raw.
parse_datetime: Callable[[str], datetime] = datetime.fromisoformat


_Binds = tuple[tuple[str, Callable[[Any], Any] | None, Any], ...]  # name, processor, default


class Prepared:
    """A Core statement compiled once, run on the sqlite3 connection of an open transaction.

    SQLAlchemy's per-execution machinery (cache key, execution context, events, result
    objects and processors) costs ~100 µs per statement and ~0.5 µs per row: most of the
    one-highlight commit, and a third of loading 10,000 annotations. The statement is
    still built by Core from the portable models and compiled by SQLAlchemy; only where it
    runs is SQLite's. Parameters go through the column types' bind processors, so what is
    stored is exactly what `Connection.execute` would store. Rows come back as sqlite3
    gives them: UTCDateTime columns as ISO text (see `parse_datetime`), booleans as 0/1.
    The connection must be inside a transaction (`Store.transaction()` begins one).
    """

    def __init__(self, statement: ClauseElement) -> None:
        self._statement = statement
        # Per kind of dialect (every engine has its own dialect object): SQL and binds.
        self._compiled: dict[tuple[type, str], tuple[str, _Binds]] = {}

    def _prepare(self, dialect: Dialect) -> tuple[str, _Binds]:
        compiled = self._statement.compile(dialect=dialect)
        assert isinstance(compiled, SQLCompiler) and compiled.positional  # sqlite3: qmark
        binds = []
        for name in compiled.positiontup or ():
            bind = compiled.binds[name]
            binds.append((name, bind.type.bind_processor(dialect), bind.value))
        prepared = str(compiled), tuple(binds)
        self._compiled[type(dialect), dialect.paramstyle] = prepared
        return prepared

    def _for(self, dialect: Dialect) -> tuple[str, _Binds]:
        return self._compiled.get((type(dialect), dialect.paramstyle)) or self._prepare(dialect)

    def _params(self, binds: _Binds, values: Mapping[str, Any]) -> tuple[Any, ...]:
        return tuple(
            process(values.get(name, default)) if process else values.get(name, default)
            for name, process, default in binds
        )

    def execute(self, conn: Connection, values: Mapping[str, Any]) -> sqlite3.Cursor:
        sql, binds = self._for(conn.dialect)
        return driver(conn).execute(sql, self._params(binds, values))

    def execute_many(self, conn: Connection, rows: Iterable[Mapping[str, Any]]) -> None:
        sql, binds = self._for(conn.dialect)
        driver(conn).executemany(sql, [self._params(binds, values) for values in rows])


@contextlib.contextmanager
def write_transaction(conn: Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE ... COMMIT (or ROLLBACK) issued on the sqlite3 connection itself.

    SQLAlchemy's Transaction (its object, events and listener) was a sixth of a
    one-highlight commit. Statements run through SQLAlchemy on `conn` still belong to this
    transaction: the Connection autobegins, the begin listener finds sqlite3 already in a
    transaction and emits nothing, and the end commits or rolls back through SQLAlchemy
    so both agree. Committed before the block's caller goes on; WAL and the synchronous
    pragma apply as to any commit.
    """
    dbapi = driver(conn)
    dbapi.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if conn.in_transaction():
            conn.rollback()
        elif dbapi.in_transaction:
            dbapi.rollback()
        raise
    if conn.in_transaction():
        conn.commit()
    else:
        dbapi.commit()


def driver(conn: Connection) -> sqlite3.Connection:
    """The sqlite3 connection under a SQLAlchemy one (and its transaction, if begun)."""
    dbapi = conn.connection.driver_connection
    assert isinstance(dbapi, sqlite3.Connection)
    return dbapi


# --- health -------------------------------------------------------------------------


def check_health(path: Path, *, full: bool = False) -> str | None:
    """None when `path` is a sound SQLite database, else what is wrong with it.

    The header is read first (a PNG renamed to .db, a zeroed header or a 0-byte file is
    caught without opening it), then `quick_check` (or the slower `integrity_check` for
    backups) walks the b-trees. The connection is opened read-only so a damaged file is
    never written to.
    """
    try:
        with path.open("rb") as handle:
            header = handle.read(len(HEADER))
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if len(header) == 0:
        return "is empty (0 bytes)"
    if header != HEADER:
        return "is not an SQLite database (bad header)"
    uri = f"{path.as_uri()}?mode=ro" if writable(path) else read_only_uri(path)
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=5)
    except sqlite3.Error as exc:
        return f"cannot be opened ({exc})"
    try:
        pragma = "integrity_check" if full else "quick_check"
        rows = conn.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.OperationalError as exc:
        if _is_damage(exc):
            return f"is damaged ({exc})"
        # the file may be fine: the folder is read-only, the disk failing, a lock held
        raise StoreError(explain(exc, path)) from exc
    except sqlite3.DatabaseError as exc:
        return f"is damaged ({exc})"
    finally:
        conn.close()
    if [tuple(r) for r in rows] != [("ok",)]:
        return f"is damaged ({rows[0][0]})"
    return None


def _is_damage(exc: sqlite3.Error) -> bool:
    message = str(exc).lower()
    return any(word in message for word in ("malformed", "not a database", "corrupt"))


def move_aside(path: Path, label: str = "corrupt") -> Path:
    """Rename a database (and its WAL/SHM) out of the way, never deleting it: a damaged
    one as `.corrupt-…`, one a restored backup replaces as `.replaced-…`."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = path.with_name(f"{path.name}.{label}-{stamp}")
    path.replace(target)
    for suffix in COMPANIONS:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.replace(target.with_name(target.name + suffix))
    return target


def journal_identity(path: Path) -> tuple[tuple[int, int] | None, ...]:
    """(device, inode) of the database file, its WAL and its SHM; None for a missing one.

    While a connection is open these files stay in place: if one disappears or is
    replaced, another program removed it under the open library (issue 13, item 5).
    """
    identity: list[tuple[int, int] | None] = []
    for suffix in ("", "-wal", "-shm"):
        try:
            status = Path(f"{path}{suffix}").stat()
        except OSError:
            identity.append(None)
        else:
            identity.append((status.st_dev, status.st_ino))
    return tuple(identity)


def _log_removed_under_another(path: Path) -> bool:
    """The -wal file is gone (or new and empty) while the -shm index of a process
    using it remains.

    SQLite then fails with "disk I/O error" (the index names log frames the file no
    longer has); the disk is fine, and the process that holds the removed log writes
    it back on its next write or when it closes (`Store._rescue_journal`).
    """
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    try:
        return (not wal.exists() or wal.stat().st_size == 0) and shm.stat().st_size > 0
    except OSError:
        return False


def journal_removed_message(path: Path, saved: bool) -> str:
    """What to tell the reader when the library's files were removed while in use."""
    outcome = (
        "everything saved so far was written back into the library; try again."
        if saved
        else "close every Annotator using the library (it writes back what it holds), "
        "then try again."
    )
    return (
        f"The library's write-ahead log was removed while in use: another program "
        f"removed or replaced {path.name}-wal or -shm in {path.parent}; {outcome}"
    )


# --- backups ------------------------------------------------------------------------


def backup_to(source: Path, target: Path) -> None:
    """Copy `source` into `target` with the online backup API, verified before it counts.

    The copy is written to a temporary name, checked with `integrity_check`, synced, and
    only then renamed into place, so a half-written or bad backup never looks like a good
    one. The backup API takes a consistent snapshot even while another process writes.
    """
    tmp = target.with_name(target.name + ".tmp")
    try:
        src = sqlite3.connect(
            f"{source.as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000
        )
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            finally:
                dst.close()
        finally:
            src.close()
        problem = check_health(tmp, full=True)
        if problem:
            raise sqlite3.DatabaseError(f"backup copy {problem}")
        with tmp.open("rb") as handle:
            os.fsync(handle.fileno())
        tmp.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def copy_back(backup: Path, target: Path) -> None:
    """Restore `backup` as the database at `target` (which must not exist)."""
    backup_to(backup, target)
    # The restored file must be in WAL like a live database; switch on first open.
    conn = raw_connect(target)
    conn.close()


# --- full-text search ---------------------------------------------------------------

FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"


def _fts_ddl(table: str, columns: tuple[str, ...]) -> tuple[str, ...]:
    """An external-content FTS5 index over `table`'s `columns`, kept in step by triggers.

    The index reads its text from the table (content=), keyed by the table's integer
    `seq`, which no VACUUM or table-copying migration renumbers.
    """
    fts = f"{table}_fts"
    names = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    insert = f"INSERT INTO {fts}(rowid, {names}) VALUES (new.seq, {new});"
    delete = f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.seq, {old});"
    return (
        f"CREATE VIRTUAL TABLE {fts} USING fts5({names}, content='{table}', "
        f"content_rowid='seq', tokenize='{FTS_TOKENIZER}')",
        f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {names} ON {table} "
        f"BEGIN {delete} {insert} END",
    )


_ANNOTATIONS_FTS = _fts_ddl("annotations", ("note", "exact"))
FTS_DDL: tuple[str, ...] = (
    *_fts_ddl("documents", ("title", "text")),
    *_ANNOTATIONS_FTS,
    # Index what was there before the FTS tables existed (a database at revision 1).
    "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')",
    "INSERT INTO annotations_fts(annotations_fts) VALUES ('rebuild')",
)

# Rows added at once past which `bulk_indexed` pays: below, dropping and recreating the
# trigger (a schema change every connection re-prepares after) costs more than it saves.
BULK_INDEX_ROWS = 500


@contextlib.contextmanager
def bulk_indexed(conn: Connection, rows: int) -> Iterator[None]:
    """Index the annotations inserted in the block in one statement, not one per row.

    The FTS5 insert trigger made a merge of 15,000 annotations spend 0.55 s of its 0.7 s
    of inserting in the index, one row at a time; the same rows indexed by one
    INSERT ... SELECT after the batch take 0.02 s (`benchmarks/bench_merge.py`). Inside
    the caller's write transaction the trigger is dropped, the rows inserted, the new
    rows (rowids past the old largest: nothing else writes meanwhile) indexed, and the
    trigger made again from the same DDL, so a failure rolls all of it back. Small
    batches keep the trigger.
    """
    if rows < BULK_INDEX_ROWS:
        yield
        return
    dbapi = driver(conn)
    [last] = dbapi.execute("SELECT coalesce(max(seq), 0) FROM annotations").fetchone()
    dbapi.execute("DROP TRIGGER annotations_fts_insert")
    yield
    dbapi.execute(
        "INSERT INTO annotations_fts(rowid, note, exact) "
        "SELECT seq, note, exact FROM annotations WHERE seq > ?", (last,)
    )
    dbapi.execute(_ANNOTATIONS_FTS[1])


FTS_DROP: tuple[str, ...] = (
    "DROP TRIGGER IF EXISTS annotations_fts_update",
    "DROP TRIGGER IF EXISTS annotations_fts_delete",
    "DROP TRIGGER IF EXISTS annotations_fts_insert",
    "DROP TABLE IF EXISTS annotations_fts",
    "DROP TRIGGER IF EXISTS documents_fts_update",
    "DROP TRIGGER IF EXISTS documents_fts_delete",
    "DROP TRIGGER IF EXISTS documents_fts_insert",
    "DROP TABLE IF EXISTS documents_fts",
)

_WORD = re.compile(r"\w+\*?")


def match_terms(query: str) -> list[str]:
    """The reader's words as safe FTS5 terms: each word quoted, `word*` a prefix.

    Quoting each word means punctuation, `AND`, `-` or a stray quote in the search box can
    never be a syntax error. The index is Porter-stemmed (`cooperating` finds
    `cooperation`), so a prefix matches stems: `cooper*` does, `cooperat*` does not.
    """
    terms = []
    for word in _WORD.findall(query):
        core = word.rstrip("*")
        if core:
            terms.append(f'"{core}"' + ("*" if word.endswith("*") else ""))
    return terms


def match_expression(query: str) -> str | None:
    """Every word of the query required; None when the query has no words at all."""
    return " ".join(match_terms(query)) or None


def search_documents(conn: Connection, match: str, limit: int) -> Sequence[Any]:
    """(id, text) of live documents whose title or text matches, best first.

    No FTS5 `snippet()`: it is quadratic in a row's matches (store/snippets.py).
    """
    return conn.execute(
        text(
            "SELECT d.id, d.text FROM documents_fts JOIN documents d "
            "ON d.seq = documents_fts.rowid "
            "WHERE documents_fts MATCH :m AND d.deleted = 0 ORDER BY rank LIMIT :n"
        ),
        {"m": match, "n": limit},
    ).all()


def search_annotations(conn: Connection, match: str, limit: int) -> Sequence[Any]:
    """(document id, annotation id, start, note, quote) of live annotations whose note
    or quote matches, best first."""
    return conn.execute(
        text(
            "SELECT a.document_id, a.id, a.start, a.note, a.exact "
            "FROM annotations_fts JOIN annotations a ON a.seq = annotations_fts.rowid "
            "JOIN documents d ON d.id = a.document_id "
            "WHERE annotations_fts MATCH :m AND a.deleted = 0 AND d.deleted = 0 "
            "ORDER BY rank LIMIT :n"
        ),
        {"m": match, "n": limit},
    ).all()


def set_user_version(conn: Connection, version: int) -> None:
    """Mirror the schema revision in SQLite's header, readable without Alembic."""
    conn.exec_driver_sql(f"PRAGMA user_version = {int(version)}")


def foreign_key_problems(conn: Connection) -> list[Any]:
    """Rows violating a foreign key, checked before a migration commits."""
    return list(conn.exec_driver_sql("PRAGMA foreign_key_check").all())


# --- errors -------------------------------------------------------------------------


def explain(exc: BaseException, path: Path) -> str:
    """One sentence a reader can act on, for an SQLite failure on the database at `path`."""
    message = str(getattr(exc, "orig", None) or exc).lower()
    if "disk i/o error" in message and _log_removed_under_another(path):
        return journal_removed_message(path, saved=False)
    if "disk is full" in message or "disk i/o error" in message:
        return (
            f"Cannot write to {path}: the disk is full or failing. Free some space and try "
            "again; everything saved before is intact."
        )
    if "readonly" in message or "read-only" in message:
        return (
            f"Cannot write to {path}: it is read-only. Earlier data is intact; check the "
            "folder's permissions or mount."
        )
    if "locked" in message or "busy" in message:
        return (
            f"The database {path} is busy: another Annotator is writing to it. "
            "Try again in a moment."
        )
    if "unable to open" in message:
        return f"Cannot open the database {path}: check that its folder exists and is writable."
    if "malformed" in message or "not a database" in message or "corrupt" in message:
        return f"The database {path} is damaged ({message}). Restart Annotator to recover it."
    return f"Database error on {path}: {message}"
