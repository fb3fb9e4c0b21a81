"""The registry: importers get bytes, are picked by content first and by suffix second."""

from __future__ import annotations

import os
from pathlib import Path

from annotator.importers import markdown, plaintext
from annotator.importers.registry import (
    IMPORTERS,
    import_bytes,
    pick,
    slow_to_import,
    supported_suffixes,
)


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


def test_slow_formats_are_named_by_size_and_content(tmp_path: Path) -> None:
    page = b"<!DOCTYPE html><html><body><p>" + b"words " * 20_000 + b"</p></body></html>"
    as_text = tmp_path / "page.txt"  # a web page whatever its name: sniffed
    as_text.write_bytes(page)
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"words " * 20_000)
    small = tmp_path / "small.html"
    small.write_bytes(page[:5_000])
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    assert slow_to_import(as_text)
    assert not slow_to_import(notes)  # 120 KB of text reads in milliseconds
    assert not slow_to_import(small)
    assert not slow_to_import(fifo)  # refused at once instead, without blocking
    assert not slow_to_import(Path("/dev/zero"))
