"""Issue 13 item 15: a huge paragraph is typeset in pieces; nothing lost, colours kept."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from annotator.core.document import BlockKind
from annotator.core.summary import Segment, SummaryOptions, TextBlock, build_summary
from annotator.errors import ExportError
from annotator.exporters import ExportOptions, export_format, render_bytes
from annotator.exporters.pdf import MAX_TEXT_CHARS, split_block
from annotator.importers.plaintext import parse
from annotator.services.exporting import export_document
from annotator.services.reading import bundled_taxonomy, read_document

_SEGMENTS = st.lists(
    st.tuples(st.text(alphabet="ab .!\n", min_size=1, max_size=40),
              st.sampled_from([None, "#ff0000", "#00ff00"])),
    min_size=1, max_size=30,
)


def _colours(block: TextBlock) -> list[str | None]:
    return [s.color for s in block.segments for _ in s.text]


@given(_SEGMENTS, st.integers(min_value=5, max_value=60))
def test_pieces_keep_every_character_and_its_colour(
    parts: list[tuple[str, str | None]], limit: int
) -> None:
    block = TextBlock(BlockKind.PARAGRAPH, 0, tuple(Segment(t, c) for t, c in parts))
    pieces = split_block(block, limit)
    assert "".join(s.text for p in pieces for s in p.segments) == "".join(t for t, _ in parts)
    assert [c for p in pieces for c in _colours(p)] == _colours(block)
    assert all(0 < sum(len(s.text) for s in p.segments) <= limit for p in pieces)


def test_pieces_end_at_sentences_when_they_can() -> None:
    text = "One sentence here. " * 400
    pieces = split_block(TextBlock(BlockKind.PARAGRAPH, 0, (Segment(text, None),)))
    assert len(pieces) > 1
    assert all("".join(s.text for s in p.segments).endswith(". ") for p in pieces[:-1])


def test_a_long_paragraph_is_all_in_the_pdf() -> None:
    words = [f"w{i:05d}" for i in range(12_000)]  # ~84,000 characters, one paragraph
    document = parse("Title\n\n" + " ".join(words) + "\n", "long")
    taxonomy = bundled_taxonomy()
    summary = build_summary(document, taxonomy, read_document(document, taxonomy).spans, [],
                            options=SummaryOptions(full_text=True))
    reader = PdfReader(io.BytesIO(render_bytes(summary, export_format("pdf"))))
    extracted = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    found = [w for w in words if w in extracted]
    assert found == words


def test_a_text_over_the_cap_is_refused_in_one_line_and_the_target_kept(
    tmp_path: Path,
) -> None:
    """Past `MAX_TEXT_CHARS` the PDF is refused before any layout, not typeset for
    minutes; the earlier file at the target is untouched."""
    words = "word " * (MAX_TEXT_CHARS // 5 + 1000)
    document = parse("Title\n\n" + words + "\n", "huge")
    target = tmp_path / "handout.pdf"
    target.write_bytes(b"earlier export")
    options = ExportOptions(SummaryOptions(full_text=True))
    started = time.monotonic()
    with pytest.raises(ExportError) as refused:
        export_document(document, [], "pdf", target, options, spans=[])
    assert time.monotonic() - started < 60  # the layout alone would take minutes
    message = str(refused.value)
    assert "\n" not in message and "million characters" in message and "HTML" in message
    assert target.read_bytes() == b"earlier export"
    assert not list(tmp_path.glob("*.part")), "no temporary file is left behind"
