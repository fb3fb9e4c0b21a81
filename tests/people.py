"""People with libraries of their own (a teacher, students), for sharing tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.services.annotating import Annotating
from annotator.services.identity import Identity, Reader
from annotator.services.library import Library
from annotator.services.sharing import Sharing
from annotator.store import Store


class Person:
    """One reader with a library of their own."""

    def __init__(self, path: Path, name: str) -> None:
        self.store = Store.open(path)
        # Each person is a user of their own, with their own configuration.
        identity = Identity(self.store, path.with_name(f"{path.stem}-identity.json"))
        self.reader: Reader = identity.set_name(name)
        self.library = Library(self.store)
        self.annotating = Annotating(self.store, self.reader)
        self.sharing = Sharing(self.store, self.reader)
        self.path = path

    def live(self, doc_id: str) -> list[object]:
        return [(a.id, a.note, a.author_id, a.deleted) for a in self.library.annotations(doc_id)]

    def dump(self) -> str:
        conn = sqlite3.connect(self.path)
        try:
            return "\n".join(conn.iterdump())
        finally:
            conn.close()
