"""Where Annotator keeps what it stores, for Help ▸ Where Data Lives.

Paths only: nothing is opened, so the answer comes even when the database is damaged.
"""

from __future__ import annotations

from pathlib import Path

from annotator import paths


def data_locations() -> list[tuple[str, Path]]:
    """(key, path) pairs: database, backups, data, config, state, taxonomy."""
    from annotator.store import backups_dir, default_path

    database = default_path()
    return [
        ("database", database),
        ("backups", backups_dir(database)),
        ("data", paths.data_dir()),
        ("config", paths.config_dir()),
        ("state", paths.state_dir()),
        ("taxonomy", paths.user_taxonomy_path()),
    ]
