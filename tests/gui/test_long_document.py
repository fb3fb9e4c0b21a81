"""A long text paints its first screen first, then receives the rest (reader_view.py)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QBrush, QTextCharFormat, QTextCursor
from pytestqt.qtbot import QtBot

from annotator.core.detection import AreaSpan
from annotator.gui import reader_view
from annotator.gui.main_window import MainWindow
from annotator.gui.reader_view import RICH_LIMIT, ReaderView
from annotator.gui.settings import Settings
from annotator.gui.term_underlines import term_ranges
from annotator.importers.plaintext import parse
from annotator.services.reading import Reading, bundled_taxonomy

WORDS = ("peace", "climate", "summit", "talks", "cooperation", "exchange", "reform",
         "security", "governance", "people", "the", "of", "and", "a", "to")


def long_reading(spans: int = 3_000) -> Reading:
    """~1.3 MB of paragraphs (one heading, one emoji) with `spans` generated highlights,
    some overlapping and some crossing paragraph breaks."""
    rng = random.Random(3)
    paragraphs = ["A LONG REPORT", "Introduction 🌍 first"]
    while sum(len(p) + 2 for p in paragraphs) < RICH_LIMIT * 1.3:
        paragraphs.append(" ".join(rng.choice(WORDS) for _ in range(rng.randrange(20, 120))))
    document = parse("\n\n".join(paragraphs), "long")
    text = document.text
    assert len(text) > RICH_LIMIT
    areas = [area.id for area in bundled_taxonomy().areas]
    step = len(text) // spans
    generated = []
    for index in range(spans):
        start = index * step + rng.randrange(0, step // 2)
        end = min(len(text), start + rng.randrange(20, 300))
        word = next(m.group() for m in WORD.finditer(text, start) if m.end() <= end)
        generated.append(AreaSpan(areas[index % len(areas)], start, end, (word,)))
    return Reading(document, bundled_taxonomy(), tuple(generated), None)


WORD = re.compile(r"(?<!\w)[a-z]{3,}(?!\w)")


def first_term(reading: Reading, span: AreaSpan) -> int:
    """Where the span's (one) matched word first stands in it."""
    [(start, _end), *_] = term_ranges(reading.document.text, span.start, span.end, span.terms)
    return start


def highlighted(fmt: QTextCharFormat) -> bool:
    """A machine passage shows as its matched words underlined (highlighting.py)."""
    return fmt.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline


def test_first_screen_first_then_all_text_and_highlights(qtbot: QtBot) -> None:
    reading = long_reading()
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show_reading(reading)
    reader = window.reader
    assert reader.loading
    seen: dict[str, object] = {}

    def at_first_paint() -> None:
        page = reader.page
        viewport = page.viewport()
        last = reader.positions.from_qt(page.cursorForPosition(
            QPoint(viewport.width(), viewport.height())).position())
        on_screen = [s for s in reading.spans if s.start < last]
        seen["loading"] = reader.loading
        seen["on_screen"] = len(on_screen)
        seen["formatted"] = all(highlighted(reader.char_format_at(first_term(reading, s)))
                                for s in on_screen)
        bars = {(b.mark.start, b.mark.end) for b in reader.margin.bars()}
        seen["bars"] = {(s.start, s.end) for s in on_screen} <= bars

    reader.call_after_paint(at_first_paint)
    window.resize(1000, 760)
    window.show()
    qtbot.waitUntil(lambda: "loading" in seen)
    assert seen["loading"] is True  # the first paint did not wait for the whole text
    assert isinstance(seen["on_screen"], int) and seen["on_screen"] >= 2
    assert seen["formatted"] is True
    assert seen["bars"] is True  # every passage on the first screen has its margin bar
    qtbot.waitUntil(lambda: not reader.loading, timeout=20_000)
    assert reader.page.document().toPlainText() == reading.document.text
    assert reader.highlights is not None and reader.highlights.pending == 0
    assert all(highlighted(reader.char_format_at(first_term(reading, s)))
               for s in reading.spans)
    assert all(reader.char_format_at(i).background().style() == QBrush().style()
               for s in reading.spans for i in (s.start, s.end - 1))  # no machine fills
    qtbot.waitUntil(lambda: "words" in window.words_label.text())


def test_loaded_in_parts_looks_as_loaded_at_once(qtbot: QtBot,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    reading = long_reading(spans=1_500)
    parts = ReaderView()
    qtbot.addWidget(parts)
    parts.show_reading(reading)
    assert parts.loading
    parts.set_area_visible(reading.spans[1].area, False)  # hidden while still arriving
    parts.ensure_loaded(None)
    monkeypatch.setattr(reader_view, "FIRST_CHARS", 10 * len(reading.document.text))
    whole = ReaderView()
    qtbot.addWidget(whole)
    whole.show_reading(reading)
    assert not whole.loading
    whole.set_area_visible(reading.spans[1].area, False)
    assert parts.page.document().toHtml() == whole.page.document().toHtml()


def test_jumping_past_the_loaded_part_loads_it(qtbot: QtBot) -> None:
    reading = long_reading(spans=500)
    view = ReaderView()
    qtbot.addWidget(view)
    view.show_reading(reading)
    assert view.loading
    end = len(reading.document.text) - 5
    view.select_range(end - 10, end)
    assert view.selected_range() == (end - 10, end)


def test_a_passage_scrolled_to_after_a_resize_is_on_screen(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    """The plain page scrolls by blocks: stepping back a third of a screen counted in
    lines could step back over whole paragraphs (after widening the window, the target
    ended up below it)."""
    path = tmp_path / "long.txt"
    path.write_text(prose(), encoding="utf-8")
    assert window.open_file(path)
    reader = window.reader
    reader.ensure_loaded(None)
    assert window.reading is not None
    blocks = window.reading.document.blocks
    for size in ((800, 600), (1600, 1000)):
        window.resize(*size)
        qtbot.wait(300)
        for block in blocks[len(blocks) // 3::len(blocks) // 7]:
            reader.scroll_to_offset(block.start + 5, 0.3)
            cursor = QTextCursor(reader.page.document())
            cursor.setPosition(reader.positions.to_qt(block.start + 5))
            rect = reader.page.cursorRect(cursor)
            assert rect.top() >= 0 and rect.bottom() <= reader.viewport().height(), (size, rect)


def prose() -> str:
    """~1.5 MB of paragraphs of very different lengths, as a long report has."""
    rng = random.Random(5)
    paragraphs = []
    while sum(len(p) + 2 for p in paragraphs) < RICH_LIMIT * 1.5:
        paragraphs.append(" ".join(rng.choice(WORDS) for _ in range(rng.choice((3, 30, 300)))))
    return "\n\n".join(paragraphs)
