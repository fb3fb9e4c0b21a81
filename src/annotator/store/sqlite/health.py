"""File health: a damaged library is found before anything writes to it, and kept;
SQLite's failures are told to the reader in words they can act on (`explain`).

The health check reads the header and walks the b-trees on a read-only connection; a
damaged file is moved aside, never deleted; a WAL or SHM removed under the open library
is noticed by the identity of its files (issue 13, item 5).
"""

from __future__ import annotations

import functools
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from annotator.errors import StoreError
from annotator.store.sqlite.engine import read_only_uri, writable

HEADER = b"SQLite format 3\x00"
COMPANIONS = ("-wal", "-shm", "-journal")

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
    Every write transaction asks (`Store._writer_connection`): the three paths are made
    once, which keeps this to ~5 µs of a one-highlight commit (`highlight_commit`,
    benchmarks/bench_store.py) instead of ~17.
    """
    database, wal, shm = _journal_files(path)
    return (_file_identity(database), _file_identity(wal), _file_identity(shm))


@functools.lru_cache(maxsize=16)
def _journal_files(path: Path) -> tuple[Path, Path, Path]:
    return path, Path(f"{path}-wal"), Path(f"{path}-shm")


def _file_identity(file: Path) -> tuple[int, int] | None:
    try:
        status = file.stat()
    except OSError:
        return None
    return (status.st_dev, status.st_ino)


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
