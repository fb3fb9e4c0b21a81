"""Issue 11 item 4: a PDF's notes at the end, as cards in the margin beside their
passages, or left out; read back with pdftotext -layout, page by page."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

from annotator.core.annotation import Annotation
from annotator.core.summary import Summary, SummaryOptions
from annotator.exporters import ExportOptions, NoteLayout, export_format, render_bytes
from annotator.exporters.base import Ticker
from annotator.exporters.pdf import _MARGINS_MM, DPI, typeset
from annotator.services.reading import Reading

from .conftest import _at, fixed_annotations, summary_of

CHINESE_NOTE = ("气候变化是中美合作的重要领域，"
                "这段文字需要在页边的卡片里正确换行，不能超出卡片的宽度。")
TITLE_NOTE = "The headline overstates it."


def _pages(pdf: bytes, tmp_path: Path) -> list[str]:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is missing: `make test` installs it")
    path = tmp_path / "notes.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    return text.split("\f")


def _annotations(reading: Reading) -> list[Annotation]:
    return [*fixed_annotations(reading),
            _at(reading, "climate change, Liu Zhenmin", 6, color="green", area="climate",
                note=CHINESE_NOTE),
            _at(reading, "Stakes have never been higher", 7, color="yellow",
                note=TITLE_NOTE)]


def _summary(reading: Reading, full_text: bool = True) -> Summary:
    return summary_of(reading, SummaryOptions(suggestions=True, full_text=full_text),
                      _annotations(reading))


def _pdf(summary: Summary, notes: NoteLayout) -> bytes:
    return render_bytes(summary, export_format("pdf"), ExportOptions(notes=notes))


def _full_text_pages(pages: list[str]) -> list[str]:
    """The pages from the "Full text" heading on (the passage cards before it cut off)."""
    heading = re.compile(r"^Full text$", re.MULTILINE)
    start = next(i for i, page in enumerate(pages) if heading.search(page))
    found = heading.search(pages[start])
    assert found is not None
    return [pages[start][found.start():], *pages[start + 1:]]


def _column(lines: list[str], words: str) -> int:
    return next(line.index(words) for line in lines if words in line)


def test_margin_cards_sit_on_the_page_of_their_passage_to_its_side(
    sample_reading: Reading, tmp_path: Path
) -> None:
    pages = _full_text_pages(_pages(_pdf(_summary(sample_reading), NoteLayout.MARGIN), tmp_path))
    for passage, note in (("greenhouse", "Concrete example of"),
                          ("Iran-Israel", "Is this really cooperation?"),
                          ("superpowers,", "Framing: superpowers."),
                          ("deepen", "Key recommendation #1")):
        [page] = [p for p in pages if passage in p]
        lines = page.splitlines()
        assert note in page, f"{note!r} is not on the page of {passage!r}"
        width = max(len(line) for line in lines)
        # The card is in the right-hand column, the passage's text in the left one.
        assert _column(lines, note) > width * 0.6 > _column(lines, passage), note
    # A Chinese note wraps inside its card: over several lines, all in the margin.
    page = next(p for p in pages if "Liu Zhenmin" in p)
    pieces = [line for line in page.splitlines() if any(c in line for c in "气需片")]
    width = max(len(line) for line in page.splitlines())
    assert len(pieces) >= 2
    assert all(_column([line], line.split()[-1]) > width * 0.5 for line in pieces)
    assert "".join(line.split()[-1] for line in pieces).endswith("宽度。")
    # The note on the title has no line beside which to go: it is at the end, numbered.
    last = pages[-1] if pages[-1].strip() else pages[-2]
    assert "Notes" in last and TITLE_NOTE in last and "All notes" not in "".join(pages)


def test_margin_cards_need_the_full_text_else_the_notes_are_at_the_end(
    sample_reading: Reading, tmp_path: Path
) -> None:
    text = "".join(_pages(_pdf(_summary(sample_reading, full_text=False), NoteLayout.MARGIN),
                          tmp_path))
    assert "All notes" in text and TITLE_NOTE in text


def test_endnotes_are_numbered_like_the_marks_in_the_text(
    sample_reading: Reading, tmp_path: Path
) -> None:
    pages = _pages(_pdf(_summary(sample_reading), NoteLayout.END), tmp_path)
    text = "\n".join(pages)
    notes = text[text.index("All notes"):text.index("\nFull text")]
    assert "3. deploying technologies" in " ".join(notes.split())
    body = "\n".join(_full_text_pages(pages))
    assert re.search(r"\b3\s*deploying\s+technologies", body)  # the mark, before its passage


def test_notes_left_out(sample_reading: Reading, tmp_path: Path) -> None:
    text = "".join(_pages(_pdf(_summary(sample_reading), NoteLayout.NONE), tmp_path))
    for note in ("Concrete example of", "Is this really cooperation?", TITLE_NOTE):
        assert note not in text
    assert "All notes" not in text and "deploying technologies" in text


def test_a_page_whose_margin_is_full_sends_the_rest_to_the_end(
    sample_reading: Reading, tmp_path: Path
) -> None:
    """Twelve long notes on one paragraph: the margin beside it holds a few; the others
    are printed at the end under their numbers, and nothing is lost."""
    paragraph = "In an increasingly interconnected world"
    notes = [_at(sample_reading, paragraph, 10 + i, color="blue",
                 note=f"Crowded note {i:02d}. " + "Some more words to make it long. " * 8)
             for i in range(12)]
    summary = summary_of(sample_reading, SummaryOptions(full_text=True), notes)
    pages = _pages(_pdf(summary, NoteLayout.MARGIN), tmp_path)
    text = "\n".join(pages)
    for i in range(12):
        assert text.count(f"Crowded note {i:02d}.") == 2  # its passage card, then margin or end
    [page] = [p for p in _full_text_pages(pages) if "interconnected world beset" in p]
    beside = [i for i in range(12) if f"Crowded note {i:02d}." in page]
    assert 0 < len(beside) < 12
    end = text[text.rindex("\nNotes"):]
    assert all(f"Crowded note {i:02d}." in end for i in range(12) if i not in beside)


def test_printed_on_both_sides_the_cards_go_in_the_outer_margin(
    sample_reading: Reading, tmp_path: Path
) -> None:
    text = sample_reading.document.text
    starts = [block.start for block in sample_reading.document.blocks[2::2]]
    notes = [_at(sample_reading, text[start:start + 25], 20 + i, color="pink",
                 note=f"Side note {i:02d}.") for i, start in enumerate(starts)]
    summary = summary_of(sample_reading, SummaryOptions(full_text=True), notes)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A5),
                                     QPageLayout.Orientation.Portrait, _MARGINS_MM,
                                     QPageLayout.Unit.Millimeter))
    typeset(summary, writer, Ticker(), cards=False, notes=NoteLayout.MARGIN, mirrored=True)
    buffer.close()
    pages = _pages(data.data(), tmp_path)
    sides = {}
    for number, page in enumerate(pages, 1):
        lines = page.splitlines()
        width = max((len(line) for line in lines), default=0)
        for line in lines:
            if "Side note" in line:
                sides.setdefault(number % 2, set()).add(line.index("Side note") < width * 0.3)
    assert sides == {1: {False}, 0: {True}}  # right on odd pages, left on even ones
