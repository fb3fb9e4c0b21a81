"""Who the local reader is: a display name and a UUID, kept in the database.

Every annotation records its author's id and name, so a group library or a merged bundle
can tell readers apart. The name defaults to the OS user until the reader picks one.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from annotator.core.annotation import new_id, utc_now
from annotator.errors import AnnotatorError
from annotator.store.api import Store

LOCAL_AUTHOR_KEY = "local_author_id"
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
    def __init__(self, store: Store) -> None:
        self._store = store

    def reader(self) -> Reader:
        """The local reader, created with the OS user's name on first use."""
        with self._store.transaction() as repo:
            author_id = repo.setting(LOCAL_AUTHOR_KEY)
            name = repo.author_name(author_id) if author_id else None
            if author_id and name is not None:
                return Reader(author_id, name)
            author_id = author_id or new_id()
            name = default_name()
            repo.save_author(author_id, name, utc_now())
            repo.set_setting(LOCAL_AUTHOR_KEY, author_id)
            return Reader(author_id, name)

    def set_name(self, name: str) -> Reader:
        """Rename the local reader; their existing annotations carry the new name too."""
        name = " ".join(name.split())
        if not name:
            raise AnnotatorError("A display name cannot be empty.")
        if len(name) > MAX_NAME:
            raise AnnotatorError(f"A display name is at most {MAX_NAME} characters.")
        reader = self.reader()
        with self._store.transaction() as repo:
            repo.save_author(reader.id, name, utc_now())
        return Reader(reader.id, name)
