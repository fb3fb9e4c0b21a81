"""A damaged library: what the window offers when the store cannot be opened, and the
backups `annotator restore` lists and puts back.

The store finds the damage (`CorruptDatabaseError` carries the damaged file and the
newest good backup); the window asks the reader and calls one of these. They live here so
the GUI never reaches into `store/`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from annotator.errors import StoreError
from annotator.store import (
    CorruptDatabaseError,
    backups_dir,
    check_health,
    default_path,
    describe_backup,
    list_backups,
    restore_backup,
    set_aside_damage,
)

__all__ = [
    "BackupStatus",
    "CorruptDatabaseError",
    "backups",
    "find_backup",
    "restore",
    "restore_newest_backup",
    "start_empty",
    "status",
]


def restore_newest_backup(damage: CorruptDatabaseError) -> None:
    """Put the newest good backup back in place of the damaged database (the window
    offers this only when `damage.backup` is set)."""
    if damage.backup is None:
        raise StoreError("There is no good backup to restore.")
    restore_backup(damage.backup, damage.database)


def start_empty(damage: CorruptDatabaseError) -> None:
    """Keep the damaged files aside, so the next open creates an empty library."""
    set_aside_damage(damage.database)


@dataclass(frozen=True, slots=True)
class BackupStatus:
    """One backup as `annotator restore --list` shows it: what it holds, or why it is
    unusable (`problem`; then the counts are None)."""

    path: Path
    documents: int | None = None
    annotations: int | None = None
    taken: datetime | None = None
    problem: str | None = None

    @property
    def good(self) -> bool:
        return self.problem is None


def backups(database: Path | None = None) -> list[BackupStatus]:
    """Every backup of the library, newest first, each verified (`integrity_check`)."""
    return [status(backup) for backup in list_backups(database or default_path())]


def status(backup: Path) -> BackupStatus:
    try:
        problem = check_health(backup, full=True)
        if problem is not None:
            return BackupStatus(backup, problem=f"the backup {problem}")
        info = describe_backup(backup)
    except StoreError as exc:
        return BackupStatus(backup, problem=str(exc))
    return BackupStatus(backup, info.documents, info.annotations, info.taken)


def find_backup(name: Path, database: Path | None = None) -> Path:
    """A backup named by its path, or by its file name in the backups folder."""
    candidate = name if name.exists() else backups_dir(database or default_path()) / name
    if not candidate.is_file():
        raise StoreError(f"There is no backup '{name}' (see `annotator restore --list`).")
    return candidate


def restore(backup: Path, database: Path | None = None) -> Path | None:
    """Put `backup` back as the library; where the file it replaced was kept, if any.
    Refused while any process has the library open (`store.restore_backup`)."""
    return restore_backup(backup, database or default_path())
