"""Where Annotator keeps what it stores, for Help ▸ Where Data Lives and Help ▸ About.

Paths (and a library database's URL) only: nothing is opened, so the answer comes even
when the database is damaged or its server cannot be reached.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from annotator import paths


@dataclass(frozen=True, slots=True)
class DataLocations:
    """What the window shows of where the data lives; it never asks the store itself."""

    # A library in PostgreSQL: its URL with the password masked. None: the SQLite file.
    database_url: str | None
    places: tuple[tuple[str, Path | str], ...]  # (key, place), keys as `data_locations`

    @property
    def library(self) -> str:
        """Where the library is, in one phrase: the database's URL, else the data folder."""
        return self.database_url or str(paths.data_dir())


def data_locations(database: str | None = None) -> DataLocations:
    """The places of the library `database` names (`annotator --database URL`), else of
    the configured one (`library_database.py`): database, backups, data, config, state,
    taxonomy.

    A library in PostgreSQL is its URL, without the password, and has no backups
    folder: its server's administrator backs it up.
    """
    from annotator.services.library_database import chosen
    from annotator.store import backups_dir, default_path

    choice = chosen(database)
    file = default_path()
    library: list[tuple[str, Path | str]] = (
        [("database", choice.shown)] if choice.on_postgres
        else [("database", file), ("backups", backups_dir(file))]
    )
    return DataLocations(choice.shown if choice.on_postgres else None, (
        *library,
        ("data", paths.data_dir()),
        ("config", paths.config_dir()),
        ("state", paths.state_dir()),
        ("taxonomy", paths.user_taxonomy_path()),
    ))
