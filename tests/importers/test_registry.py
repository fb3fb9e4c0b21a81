"""The registry: importers get bytes, are picked by content first and by suffix second."""

from __future__ import annotations

from annotator.importers import markdown, plaintext
from annotator.importers.registry import IMPORTERS, import_bytes, pick, supported_suffixes


def test_every_importer_declares_suffixes_and_mime_types() -> None:
    for importer in IMPORTERS:
        assert importer.suffixes and all(s.startswith(".") for s in importer.suffixes)
        assert importer.mime_types and all("/" in m for m in importer.mime_types)
    assert {".txt", ".md"} <= set(supported_suffixes())


def test_suffix_picks_a_text_format_and_unknown_suffixes_read_as_text() -> None:
    assert pick(b"# Title", "notes.MD") is markdown.IMPORTER
    assert pick(b"# Title", "notes.txt") is plaintext.IMPORTER
    assert pick(b"# Title", "notes.weird") is plaintext.IMPORTER


def test_progress_and_cancel_are_optional() -> None:
    seen: list[float] = []
    document = import_bytes(b"Title\n\nBody.", "a.txt", seen.append, lambda: False)
    assert document.metadata.title == "Title"
