"""A damaged library: what the window offers when the store cannot be opened.

The store finds the damage (`CorruptDatabaseError` carries the damaged file and the
newest good backup); the window asks the reader and calls one of these. They live here so
the GUI never reaches into `store/`.
"""

from __future__ import annotations

from annotator.errors import StoreError
from annotator.store import CorruptDatabaseError, restore_backup, set_aside_damage

__all__ = ["CorruptDatabaseError", "restore_newest_backup", "start_empty"]


def restore_newest_backup(damage: CorruptDatabaseError) -> None:
    """Put the newest good backup back in place of the damaged database (the window
    offers this only when `damage.backup` is set)."""
    if damage.backup is None:
        raise StoreError("There is no good backup to restore.")
    restore_backup(damage.backup, damage.database)


def start_empty(damage: CorruptDatabaseError) -> None:
    """Keep the damaged files aside, so the next open creates an empty library."""
    set_aside_damage(damage.database)
