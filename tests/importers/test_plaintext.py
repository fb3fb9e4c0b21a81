"""The plain-text importer, with the bundled sample as the golden case."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from annotator.core.document import BLOCK_SEPARATOR, BlockKind
from annotator.importers import import_bytes, import_path


def test_sample_metadata_is_read_from_its_shape(sample_path: Path) -> None:
    document = import_path(sample_path)
    meta = document.metadata
    assert meta.author == "Wang Huiyao"
    assert meta.title == (
        "Stakes have never been higher for US-China cooperation to get into gear"
    )
    assert meta.date == date(2024, 5, 22)
    assert meta.source == "SCMP"
    assert meta.byline == (
        "By Wang Huiyao | Founder of the Center for China and Globalization(CCG)"
    )


def test_sample_blocks_have_the_right_kinds_in_order(sample_path: Path) -> None:
    document = import_path(sample_path)
    kinds = [b.kind for b in document.blocks]
    assert kinds[:4] == [BlockKind.TITLE, BlockKind.BYLINE, BlockKind.KEY_POINT,
                         BlockKind.KEY_POINT]
    assert kinds[-1] is BlockKind.SOURCE
    assert kinds.count(BlockKind.PARAGRAPH) == 17
    assert document.block_text(document.blocks[0]).startswith("Stakes have never")
    assert document.block_text(document.blocks[1]) == (
        "May 22, 2024 · By Wang Huiyao | Founder of the Center for China and "
        "Globalization(CCG)"
    )
    first_key_point = document.block_text(document.blocks[2])
    assert first_key_point.startswith("Recent high-level talks")
    assert "■" not in first_key_point
    assert document.block_text(document.blocks[-1]) == "From SCMP, 2024-5-22"


def test_blocks_index_the_text_exactly(sample_path: Path) -> None:
    document = import_path(sample_path)
    rebuilt = BLOCK_SEPARATOR.join(document.block_text(b) for b in document.blocks)
    assert rebuilt == document.text
    for before, after in zip(document.blocks, document.blocks[1:], strict=False):
        assert after.start == before.end + len(BLOCK_SEPARATOR)


def test_generic_text_splits_on_blank_lines_and_takes_first_line_as_title() -> None:
    data = b"A plain heading\n\nFirst paragraph\ncontinues here.\n\nSecond one.\n"
    document = import_bytes(data, "notes.txt")
    assert document.metadata.title == "A plain heading"
    assert [document.block_text(b) for b in document.blocks] == [
        "A plain heading", "First paragraph continues here.", "Second one."
    ]
    assert document.metadata.author == ""
    assert document.metadata.date is None


def test_long_first_line_is_not_a_title_and_file_name_is_used() -> None:
    sentence = "This first line is a full sentence of prose that ends with a stop. " * 4
    document = import_bytes(sentence.encode(), "essay.txt")
    assert document.metadata.title == "essay"
    assert document.blocks[1].kind is BlockKind.PARAGRAPH


def test_crlf_and_nfc_are_normalised() -> None:
    decomposed = "Cafe\u0301 notes\r\n\r\nUne phrase.\r\n"
    document = import_bytes(decomposed.encode(), "cafe.txt")
    assert document.metadata.title == "Café notes"
    assert "\r" not in document.text
    assert "\u0301" not in document.text


def test_a_colon_in_an_ordinary_first_line_is_not_an_author() -> None:
    document = import_bytes(b"Note: remember the milk\n\nBuy two litres.", "x.txt")
    assert document.metadata.author == ""
