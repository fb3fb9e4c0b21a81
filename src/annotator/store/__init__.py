"""The desktop's persistence, on SQLAlchemy; of the app's packages only this one and the
group server (`annotator.server`, its own schema) import SQLAlchemy.

The services use the port (`store/api.py`); the local library is the SQLite adapter
(`store/sqlite/`), whose `Store` these names are, and a library on a PostgreSQL server is
the other (`store/postgres/`, optional: it needs psycopg). Importing this package costs
SQLAlchemy's import (~0.5 s): the window opens the store after its first paint.
`Store.open()` is the only way to a local database.
"""

from __future__ import annotations

from annotator.store.api import DamagedDocument, DocumentSummary, Hit, StoredDocument, Suggestion
from annotator.store.migrate import head_revision
from annotator.store.opening import open_store
from annotator.store.sqlite.backups import BackupInfo, backups_dir, list_backups, newest_good_backup
from annotator.store.sqlite.backups import describe as describe_backup
from annotator.store.sqlite.database import (
    CorruptDatabaseError,
    Store,
    default_path,
    restore_backup,
    set_aside_damage,
)
from annotator.store.sqlite.health import check_health

__all__ = [
    "BackupInfo",
    "CorruptDatabaseError",
    "DamagedDocument",
    "DocumentSummary",
    "Hit",
    "Store",
    "StoredDocument",
    "Suggestion",
    "backups_dir",
    "check_health",
    "default_path",
    "describe_backup",
    "head_revision",
    "list_backups",
    "newest_good_backup",
    "open_store",
    "restore_backup",
    "set_aside_damage",
]
