"""Where Annotator keeps what it stores, for Help ▸ Where Data Lives.

Paths (and a library database's URL) only: nothing is opened, so the answer comes even
when the database is damaged or its server cannot be reached.
"""

from __future__ import annotations

from pathlib import Path

from annotator import paths


def data_locations() -> list[tuple[str, Path | str]]:
    """(key, place) pairs: database, backups, data, config, state, taxonomy.

    A library in PostgreSQL (`library_database.py`) is its URL, without the password,
    and has no backups folder: its server's administrator backs it up.
    """
    from annotator.services.library_database import chosen
    from annotator.store import backups_dir, default_path

    choice = chosen()
    database = default_path()
    library: list[tuple[str, Path | str]] = (
        [("database", choice.shown)] if choice.on_postgres
        else [("database", database), ("backups", backups_dir(database))]
    )
    return [
        *library,
        ("data", paths.data_dir()),
        ("config", paths.config_dir()),
        ("state", paths.state_dir()),
        ("taxonomy", paths.user_taxonomy_path()),
    ]
