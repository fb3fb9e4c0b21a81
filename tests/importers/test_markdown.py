"""Markdown import keeps structure and text, never raw HTML."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.document import BlockKind, InlineStyle
from annotator.errors import ImportRejected
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


NORDIC = """# Fjords and finance

*By Ingrid Solberg · 14 March 2025 · Nordic Policy Review*

Oslo is **very** firm on *climate* finance, says [the ministry](https://example.org/m).

> A quoted **line**.

- first
- second
  - nested
""".encode()


def test_an_emphasised_byline_gives_author_date_and_source() -> None:
    document = import_bytes(NORDIC, "nordic.md")
    meta = document.metadata
    assert (meta.author, meta.date, meta.source) == (
        "Ingrid Solberg", date(2025, 3, 14), "Nordic Policy Review")
    assert document.blocks[1].kind is BlockKind.BYLINE


def test_bold_italic_and_links_survive_as_inline_ranges() -> None:
    document = import_bytes(NORDIC, "nordic.md")
    styled = {(i.style, document.text[i.start:i.end], i.target) for i in document.inlines}
    assert (InlineStyle.BOLD, "very", "") in styled
    assert (InlineStyle.ITALIC, "climate", "") in styled
    assert (InlineStyle.LINK, "the ministry", "https://example.org/m") in styled
    assert (InlineStyle.BOLD, "line", "") in styled
    assert "https://" not in document.text  # the target is kept beside the text only


def test_quotes_and_lists_after_the_lede_are_their_own_blocks() -> None:
    document = import_bytes(NORDIC, "nordic.md")
    kinds = [(b.kind, document.block_text(b), b.level) for b in document.blocks]
    assert (BlockKind.QUOTE, "A quoted line.", 1) in kinds
    assert (BlockKind.LIST_ITEM, "first", 1) in kinds
    assert (BlockKind.LIST_ITEM, "nested", 2) in kinds


def test_inline_ranges_stay_inside_their_blocks_and_on_word_edges() -> None:
    document = import_bytes(b"A **b  c** d *e*\n\n**f**", "x.md")
    assert [document.text[i.start:i.end] for i in document.inlines] == ["b c", "e", "f"]
    assert document.text == "x\n\nA b c d e\n\nf"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab *_`[]()\n>-#\u0301", max_size=200))
def test_any_markdown_keeps_inline_ranges_within_one_block(text: str) -> None:
    try:
        document = import_bytes(text.encode(), "fuzz.md")
    except ImportRejected:
        return
    for inline in document.inlines:
        inside = [b for b in document.blocks if b.start <= inline.start < inline.end <= b.end]
        assert len(inside) == 1
        assert document.text[inline.start:inline.end] == (
            document.text[inline.start:inline.end].strip())


def test_links_to_local_files_or_scripts_are_not_links() -> None:
    document = import_bytes(
        b"[a](file:///etc/passwd) [b](javascript:alert(1)) [c](https://ok.example)", "l.md")
    assert [i.target for i in document.inlines] == ["https://ok.example"]
