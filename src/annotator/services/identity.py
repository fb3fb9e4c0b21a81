"""Who the local reader is: a display name and a UUID, kept in the user's configuration.

Every annotation records its author's id and name, so a group library or a merged bundle
can tell readers apart. Which author is *this* reader belongs to the user, not to a
database: a library on a server is shared by a whole group (issue 12), and even a local
library file can be copied to someone else. So the id and name live in
`identity.json` in the configuration folder (`paths.config_dir()`), and the library
only holds the author row every author has. Versions before kept the id in the
library's `settings` table; the first open moves it out. The name defaults to the OS
user until the reader picks one.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from annotator import paths
from annotator.core.annotation import new_id, utc_now
from annotator.errors import AnnotatorError
from annotator.store.api import Store

IDENTITY_FILE = "identity.json"
# Where the local reader's id was kept before, in the library itself.
LEGACY_SETTING = "local_author_id"
MAX_NAME = 200


@dataclass(frozen=True, slots=True)
class Reader:
    id: str
    name: str


def default_name() -> str:
    """The OS user name, or a neutral fallback where the platform cannot tell."""
    try:
        return getpass.getuser() or "Reader"
    except (OSError, KeyError):
        return "Reader"


class Identity:
    """The local reader, read from `config` (default: the user's `identity.json`)."""

    def __init__(self, store: Store, config: Path | None = None) -> None:
        self._store = store
        self._config = config

    @property
    def config(self) -> Path:
        return self._config or paths.config_dir() / IDENTITY_FILE

    def reader(self) -> Reader:
        """The local reader, created on first use (from the library's old setting when
        it has one, else new with the OS user's name); the library knows them after.

        Writes to the library only when something is missing or moved there, so a
        read-only library still opens for a reader it knows.
        """
        with self._store.transaction(write=False) as repo:
            legacy = repo.setting(LEGACY_SETTING)
            legacy_name = repo.author_name(legacy) if legacy else None
        reader = _load(self.config) or _create(
            self.config, Reader(legacy or new_id(), legacy_name or default_name())
        )
        with self._store.transaction(write=False) as repo:
            known = repo.author_name(reader.id)
        if known != reader.name or legacy is not None:
            with self._store.transaction() as repo:
                if known != reader.name:
                    repo.save_author(reader.id, reader.name, utc_now())
                repo.delete_setting(LEGACY_SETTING)
        return reader

    def set_name(self, name: str) -> Reader:
        """Rename the local reader; their existing annotations carry the new name too."""
        name = " ".join(name.split())
        if not name:
            raise AnnotatorError("A display name cannot be empty.")
        if len(name) > MAX_NAME:
            raise AnnotatorError(f"A display name is at most {MAX_NAME} characters.")
        return self.become(self.reader().id, name)

    def become(self, author_id: str, name: str) -> Reader:
        """Make this user the author `author_id` from now on (a group member joining
        from another device adopts the member's id), named `name` in the library too."""
        reader = Reader(author_id, name)
        _write(self.config, reader, replace=True)
        with self._store.transaction() as repo:
            repo.save_author(author_id, name, utc_now())
        return reader


def _load(config: Path) -> Reader | None:
    try:
        text = config.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise AnnotatorError(f"Cannot read your reader identity {config}: {exc}.") from exc
    try:
        data = json.loads(text)
        reader = Reader(str(data["id"]), str(data["name"]))
    except (ValueError, KeyError, TypeError) as exc:
        raise AnnotatorError(
            f"Your reader identity {config} is damaged ({type(exc).__name__}); restore it, "
            "or remove it to start as a new reader (your annotations keep their author)."
        ) from exc
    if not reader.id or not reader.name:
        raise AnnotatorError(f"Your reader identity {config} has an empty id or name.")
    return reader


def _create(config: Path, reader: Reader) -> Reader:
    """Write `reader` unless another process wrote one first; the one on disk wins."""
    _write(config, reader, replace=False)
    found = _load(config)
    assert found is not None
    return found


def _write(config: Path, reader: Reader, *, replace: bool) -> None:
    """Written whole to a temporary file first, so a crash never leaves half a file;
    without `replace`, linked into place only if there is no file yet."""
    try:
        handle, name = tempfile.mkstemp(prefix=".identity-", dir=config.parent)
        temporary = Path(name)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump({"id": reader.id, "name": reader.name}, out, ensure_ascii=False)
                out.flush()
                os.fsync(out.fileno())
            if replace:
                temporary.replace(config)
            else:
                with contextlib.suppress(FileExistsError):
                    config.hardlink_to(temporary)
        finally:
            temporary.unlink(missing_ok=True)
    except OSError as exc:
        raise AnnotatorError(f"Cannot save your reader identity to {config}: {exc}.") from exc
