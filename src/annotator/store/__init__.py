"""SQLAlchemy persistence. Nothing outside this package imports SQLAlchemy.

Importing this package costs SQLAlchemy's import (~0.5 s): the window opens the store
after its first paint. `Store.open()` is the only way to a database.
"""

from __future__ import annotations

from annotator.core.layers import Suggestion
from annotator.store.backups import BackupInfo, list_backups, newest_good_backup
from annotator.store.backups import describe as describe_backup
from annotator.store.database import (
    CorruptDatabaseError,
    Store,
    default_path,
    restore_backup,
    set_aside_damage,
)
from annotator.store.repository import DocumentSummary, StoredDocument

__all__ = [
    "BackupInfo",
    "CorruptDatabaseError",
    "DocumentSummary",
    "Store",
    "StoredDocument",
    "Suggestion",
    "default_path",
    "describe_backup",
    "list_backups",
    "newest_good_backup",
    "restore_backup",
    "set_aside_damage",
]
