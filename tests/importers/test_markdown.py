"""Markdown import keeps structure and text, never raw HTML."""

from __future__ import annotations

from annotator.core.document import BlockKind
from annotator.importers import import_bytes

ARTICLE = b"""# Climate talks stall

By Ana Ruiz

- Negotiators missed the deadline
- Finance remains the sticking point

Delegates met in *Baku* for the [COP29](https://example.org) summit.

## What comes next

<script>alert(1)</script> Another paragraph with `code`.
"""


def test_headings_key_points_byline_and_paragraphs() -> None:
    document = import_bytes(ARTICLE, "talks.md")
    kinds = [(b.kind, document.block_text(b)) for b in document.blocks]
    assert kinds[0] == (BlockKind.TITLE, "Climate talks stall")
    assert kinds[1] == (BlockKind.BYLINE, "By Ana Ruiz")
    assert kinds[2] == (BlockKind.KEY_POINT, "Negotiators missed the deadline")
    assert kinds[4] == (BlockKind.PARAGRAPH, "Delegates met in Baku for the COP29 summit.")
    assert kinds[5] == (BlockKind.HEADING, "What comes next")
    assert document.metadata.title == "Climate talks stall"
    assert document.metadata.author == "Ana Ruiz"


def test_raw_html_is_text_not_markup() -> None:
    document = import_bytes(ARTICLE, "talks.md")
    assert "<script>" in document.text  # shown literally, as the author typed it
    assert "Another paragraph with code." in document.text


def test_markdown_without_h1_uses_file_name() -> None:
    document = import_bytes(b"Just a paragraph.", "loose-notes.md")
    assert document.metadata.title == "loose-notes"
    assert document.blocks[0].kind is BlockKind.TITLE


def test_deep_nesting_is_bounded() -> None:
    document = import_bytes(b"> " * 5000 + b"deep", "deep.md")
    assert document.metadata.title == "deep"
