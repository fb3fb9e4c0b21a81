"""Backups that follow the work: named by sequence, verified, rotated by count and age.

A backup is `backups/<stem>-<sequence>-<reason>.db`. The sequence (one more than the
highest in the folder, taken under the data folder's lock) orders them, so a clock that
ran ahead or behind can never make an old copy look newer than a new one. Ages are read
from the files' own modification times, measured from the newest backup's, never from
the clock at rotation time.

Rotation keeps the `keep` newest of each reason, plus the newest routine backup of each of
the `DAYS_KEPT` days before the newest one (Zotero keeps daily backups the same way).
A new copy is verified (`integrity_check`) and renamed into place before any old one is
removed, so a process killed at any moment leaves the good backups it had.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from annotator.errors import StoreError
from annotator.store.sqlite.engine import BUSY_TIMEOUT_MS, raw_connect
from annotator.store.sqlite.health import check_health

log = logging.getLogger(__name__)

PRE_MIGRATION = "pre-migration"
ROUTINE = "routine"
DAYS_KEPT = 30
_DAY_SECONDS = 86_400
_SEQUENCE = re.compile(r"-(\d{6,})-(?:routine|pre-migration)$")


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """What a backup holds, said before the reader chooses to restore it."""

    path: Path
    documents: int
    annotations: int
    taken: datetime

    def describe(self) -> str:
        def count(n: int, noun: str) -> str:
            return f"{n} {noun}" + ("" if n == 1 else "s")

        return (
            f"{self.path} ({count(self.documents, 'document')}, "
            f"{count(self.annotations, 'annotation')}, taken "
            f"{self.taken.astimezone().strftime('%Y-%m-%d %H:%M')})"
        )


def backups_dir(database: Path) -> Path:
    return database.parent / "backups"


def _sequence(backup: Path) -> int:
    """The backup's sequence number; -1 for a copy named by the clock (older versions)."""
    found = _SEQUENCE.search(backup.stem)
    return int(found.group(1)) if found else -1


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def list_backups(database: Path) -> list[Path]:
    """Backups of `database`, newest first: by sequence, then by the file's own time."""
    folder = backups_dir(database)
    if not folder.is_dir():
        return []
    found = [
        p for p in folder.glob(f"{database.stem}-*.db")
        if p.stem.endswith((f"-{ROUTINE}", f"-{PRE_MIGRATION}"))
    ]
    return sorted(found, key=lambda p: (_sequence(p), _mtime(p)), reverse=True)


def newest_good_backup(database: Path) -> Path | None:
    for backup in list_backups(database):
        if check_health(backup, full=True) is None:
            return backup
    return None


def describe(backup: Path) -> BackupInfo:
    """Live documents and annotations in `backup`, and when it was taken (its mtime)."""
    taken = datetime.fromtimestamp(_mtime(backup), UTC)
    try:
        conn = sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)
        try:
            documents = conn.execute("SELECT count(*) FROM documents WHERE deleted = 0")
            n_documents = int(documents.fetchone()[0])
            annotations = conn.execute("SELECT count(*) FROM annotations WHERE deleted = 0")
            n_annotations = int(annotations.fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise StoreError(f"The backup {backup} cannot be read ({exc}).") from exc
    return BackupInfo(backup, n_documents, n_annotations, taken)


def take(database: Path, reason: str, keep: int) -> Path:
    """A verified copy of `database` under the next sequence number, then rotation.

    The caller holds the data folder's lock (`store/sqlite/lock.py`): the sequence number and
    the rotation must not interleave with another process's.
    """
    folder = backups_dir(database)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(folder)
        existing = list_backups(database)
        number = max((_sequence(b) for b in existing), default=0) + 1
        target = folder / f"{database.stem}-{number:06d}-{reason}.db"
        backup_to(database, target)
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(
            f"Could not back up {database} to {folder}: {exc}. The database is unchanged."
        ) from exc
    rotate(database, keep)
    return target


def _remove_leftovers(folder: Path) -> None:
    """Temporary copies of a backup killed before it was verified and renamed."""
    for stale in folder.glob("*.db.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()


def rotate(database: Path, keep: int) -> None:
    """Keep the newest `keep` of each reason and one routine backup per recent day."""
    backups = list_backups(database)
    if not backups:
        return
    newest_time = _mtime(backups[0])
    kept: set[Path] = set()
    for reason in (ROUTINE, PRE_MIGRATION):
        kept.update([b for b in backups if b.stem.endswith(f"-{reason}")][:keep])
    days_seen: set[int] = set()
    for backup in backups:
        if not backup.stem.endswith(f"-{ROUTINE}"):
            continue
        day = int(max(0.0, newest_time - _mtime(backup)) // _DAY_SECONDS)
        if day < DAYS_KEPT and day not in days_seen:
            days_seen.add(day)
            kept.add(backup)
    for old in backups:
        if old not in kept:
            try:
                old.unlink()
            except OSError as exc:
                log.warning("could not remove old backup %s: %s", old, exc)


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
