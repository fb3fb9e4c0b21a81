"""Revision 0004: a document keeps its inline styles and language in the library, so a
Markdown or web page reopened from the library still shows its bold, italic and links;
a library at 0003 with documents migrates and keeps them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.core.document import InlineStyle
from annotator.importers import import_bytes
from annotator.services.library import Library
from annotator.store import Store
from tests.store.test_migration_0003 import _build_revision_2
from tests.store.test_migrations import DOC

ARTICLE = b"""# Fjords and finance

Oslo is **very** firm on *climate* finance, says [the ministry](https://example.org/m).
"""
PAGE = (b"<html lang='nb'><head><title>Fjorder</title></head><body><article><h1>Fjorder"
        b"</h1><p>Norge er <b>veldig</b> tydelig om klimafinans, sier departementet, og "
        b"legger til at mer m\xc3\xa5 gj\xc3\xb8res for kystene og fiskeriene.</p>"
        b"</article></body></html>")


def test_inline_styles_and_language_survive_the_library(tmp_path: Path) -> None:
    path = tmp_path / "annotator.db"
    imported = import_bytes(ARTICLE, "fjords.md")
    page = import_bytes(PAGE, "fjorder.html")
    assert imported.inlines and page.metadata.language == "nb"
    with Store.open(path) as store:
        library = Library(store)
        doc_id = library.add(imported)
        page_id = library.add(page)
    with Store.open(path) as store:  # a new session: only what was stored comes back
        library = Library(store)
        stored = library.document(doc_id).document
        assert stored.inlines == imported.inlines
        assert {i.style for i in stored.inlines} == {
            InlineStyle.BOLD, InlineStyle.ITALIC, InlineStyle.LINK}
        assert library.document(page_id).document.metadata.language == "nb"


def test_a_library_at_0003_gains_empty_inlines_and_language(tmp_path: Path) -> None:
    path = tmp_path / "annotator.db"
    _build_revision_2(path)
    with Store.open(path, target_revision="0003"):
        pass
    columns = {row[1] for row in sqlite3.connect(path).execute("PRAGMA table_info(documents)")}
    assert "inlines" not in columns
    with Store.open(path) as store:
        stored = Library(store).document(DOC).document
    assert stored.text == "Some text about kelp." and stored.inlines == ()
    assert stored.metadata.language == ""
