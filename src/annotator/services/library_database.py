"""Which database holds the reader's library: the SQLite file, or a PostgreSQL database.

SQLite in the data folder is the default. A library on a PostgreSQL server (a school's,
or the reader's own, kept by its administrator) is chosen, first match wins, by
`annotator --database URL …` (this run only), the `ANNOTATOR_DATABASE_URL` environment
variable, or a line in the settings file under the config folder:

    [library]
    database = postgresql://reader@db.example.org/annotator

The window and every command open the library through `open_library_store`, so all of
them agree. What only a file has (backups, `annotator restore`, the file lock and health
check) is refused in one line for a PostgreSQL library: its server's administrator backs
it up with `pg_dump` (docs/library-database.md).
"""

from __future__ import annotations

import configparser
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from annotator import paths
from annotator.errors import FolderError, StoreError
from annotator.store.api import Store

ENV = "ANNOTATOR_DATABASE_URL"
OPTION = "--database"
SETTINGS_FILE = "settings.ini"  # the window's preferences file (gui/settings.py)
SECTION, KEY = "library", "database"


@dataclass(frozen=True, slots=True)
class LibraryDatabase:
    """Where the library lives: `url` None for the SQLite file, and who chose it."""

    url: str | None
    chosen_by: str | None = None  # "--database", the variable, or the settings file

    @property
    def on_postgres(self) -> bool:
        return self.url is not None

    @property
    def shown(self) -> str:
        """The URL without its password, or the SQLite file's path."""
        if self.url is None:
            from annotator.store import default_path

            return str(default_path())
        return hide_password(self.url)

    def refuse_file_only(self, what: str) -> None:
        """Raise the one line saying `what` (a file-only feature) does not apply here."""
        if self.url is not None:
            raise StoreError(
                f"{what} works on the SQLite library file only; this library is the "
                f"PostgreSQL database {self.shown} (chosen by {self.chosen_by}), which its "
                "server's administrator backs up with pg_dump."
            )


def hide_password(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{parts.username or ''}:***@{host}"))


def settings_path() -> Path:
    return paths.config_dir() / SETTINGS_FILE


def chosen(option: str | None = None) -> LibraryDatabase:
    """The library's database: `option` (from `--database`), else the environment,
    else the settings file, else the SQLite file. An empty value means the default."""
    if option:
        return LibraryDatabase(option, OPTION)
    if os.environ.get(ENV):
        return LibraryDatabase(os.environ[ENV], ENV)
    try:
        settings = settings_path()
    except FolderError:  # no settings folder, so no line in it: the store says what is wrong
        return LibraryDatabase(None)
    configured = _from_settings(settings)
    if configured:
        return LibraryDatabase(configured, f"[{SECTION}] {KEY} in {settings}")
    return LibraryDatabase(None)


def _from_settings(path: Path) -> str | None:
    """The `[library] database` line; a settings file Qt wrote may quote the value.

    A file that cannot be read leaves the default: the window reports its own settings.
    """
    parser = configparser.RawConfigParser(strict=False)
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, OSError, UnicodeDecodeError):
        return None
    value = parser.get(SECTION, KEY, fallback="").strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value = value[1:-1].strip()
    return value or None


def open_library_store(choice: LibraryDatabase) -> Store:
    """Open (creating and migrating) the chosen library; raises StoreError."""
    from annotator.store import open_store

    return open_store(choice.url)
