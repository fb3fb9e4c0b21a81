"""`Store.data_version` moves for another connection's commit, not for the store's own."""

from __future__ import annotations

from pathlib import Path

from annotator.core.document import Document
from annotator.services.library import Library
from annotator.services.reader_session import ReaderSession
from annotator.store import Store


def _doc(title: str) -> Document:
    from annotator.importers.plaintext import parse

    return parse(f"{title}\n\nA paragraph about climate finance and peace talks.\n", title)


def test_only_commits_elsewhere_count(annotator_home: Path) -> None:
    with Store.open() as mine, Store.open() as theirs:
        session = ReaderSession(mine)
        assert session.changed_elsewhere() is False  # the baseline
        Library(mine).add(_doc("Mine"), None)
        assert session.changed_elsewhere() is False
        Library(theirs).add(_doc("Theirs"), None)
        assert session.changed_elsewhere() is True
        assert session.changed_elsewhere() is False  # once per batch
