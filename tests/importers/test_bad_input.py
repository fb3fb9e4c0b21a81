"""Bad files get a specific message and never a traceback."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.errors import ImportRejected
from annotator.importers import import_bytes, import_path
from annotator.importers.decoding import MAX_BYTES


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "is empty"),
        (b"   \n\n\t ", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a PNG image"),
        (b"\x7fELF\x02\x01\x01\x00", "looks like a program"),
        (b"%PDF-1.7\n", "looks like a PDF document"),
        (b"hello\x00world", "contains binary data"),
        (b"caf\xe9 au lait", "not valid UTF-8 (bad byte at position 3)"),
    ],
)
def test_rejected_with_a_specific_message(data: bytes, expected: str) -> None:
    with pytest.raises(ImportRejected, match=expected.replace("(", r"\(").replace(")", r"\)")):
        import_bytes(data, "input.txt")


def test_utf16_with_bom_is_read() -> None:
    data = codecs.BOM_UTF16_LE + "Título\n\nTexto.".encode("utf-16-le")
    assert import_bytes(data, "u.txt").metadata.title == "Título"


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(ImportRejected, match="does not exist"):
        import_path(tmp_path / "nope.txt")


def test_folder_is_not_a_document(tmp_path: Path) -> None:
    with pytest.raises(ImportRejected, match="is a folder"):
        import_path(tmp_path)


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(ImportRejected, match=r"too large \(32\.0 MB\); the limit is 32 MB"):
        import_path(big)


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".md", ".text"]))
def test_any_bytes_give_a_document_or_import_rejected(data: bytes, suffix: str) -> None:
    try:
        document = import_bytes(data, f"fuzz{suffix}")
    except ImportRejected as exc:
        assert str(exc)
        return
    assert document.text.strip()
    for block in document.blocks:
        assert 0 <= block.start < block.end <= len(document.text)


@settings(max_examples=200, deadline=None)
@given(text=st.text(min_size=1, max_size=1500))
def test_any_text_keeps_block_offsets_consistent(text: str) -> None:
    try:
        document = import_bytes(text.encode("utf-8", "surrogatepass"), "t.txt")
    except ImportRejected:
        return
    for block in document.blocks:
        assert document.block_text(block) == document.block_text(block).strip()
        assert document.block_text(block)
