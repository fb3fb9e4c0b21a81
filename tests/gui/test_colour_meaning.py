"""Colour means something: the reader's highlights are the only strong fills; machine
areas are margin bars and underlined terms, every overlapping area visible (issue 7,
items 3 and 4)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from pytestqt.qtbot import QtBot

from annotator.core.annotation import COLOR_BY_KEY
from annotator.gui.highlighting import READER_ALPHA, SUGGESTION_ALPHA
from annotator.gui.main_window import MainWindow
from annotator.gui.term_underlines import term_ranges
from tests.gui.test_annotations import ready, select

KEY_POINT_2 = "The current moment calls for even more bilateral coordination"
INTERCONNECTED = "In an increasingly interconnected world"


def filled(window: MainWindow) -> list[int]:
    """Offsets of the (non-space) characters that carry a fill."""
    assert window.reading is not None
    text = window.reading.document.text
    return [i for i, c in enumerate(text) if not c.isspace()
            and window.reader.char_format_at(i).background().style() != Qt.BrushStyle.NoBrush]


def share(window: MainWindow) -> float:
    assert window.reading is not None
    letters = sum(1 for c in window.reading.document.text if not c.isspace())
    return len(filled(window)) / letters


def test_machine_areas_fill_nothing_and_the_readers_highlight_is_the_only_fill(
    window: MainWindow, qtbot: QtBot
) -> None:
    ready(window, qtbot)
    # Before this change 92.9 % of the sample's letters sat on an area's tint.
    assert share(window) == 0.0
    start, end = select(window, "Another critical area of cooperation is on climate change.")
    window.annotation_layer.highlight("green")
    fills = filled(window)
    assert fills and min(fills) >= start and max(fills) < end
    assert window.reading is not None
    text = window.reading.document.text
    assert len(fills) == sum(1 for c in text[start:end] if not c.isspace())
    fill = window.reader.char_format_at(start + 3).background().color()
    assert fill.rgb() == QColor(COLOR_BY_KEY["green"].hex).rgb()
    assert fill.alphaF() >= READER_ALPHA - 0.01
    # The Climate passage it sits in still shows: its bar and its underlined words.
    climate = next(s for s in window.reading.spans_of("climate") if s.start <= start < s.end)
    passages = window.reader.highlights.passages_in(start, end)  # type: ignore[union-attr]
    assert ("climate", climate.start, climate.end) in [(m.key, m.start, m.end) for m in passages]
    word = text.index("climate change", start)
    assert window.reader.char_format_at(word).underlineColor().rgb() == QColor("#009e73").rgb()


def test_selecting_an_area_in_the_legend_lights_its_passages_softly(
    window: MainWindow, qtbot: QtBot
) -> None:
    reading = window.reading
    assert reading is not None
    tree = window.areas_panel.tree
    item = window.areas_panel.item_for("climate")
    assert item is not None
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualItemRect(item).center())
    lit = set(filled(window))
    climate = {i for s in reading.spans_of("climate") for i in range(s.start, s.end)}
    assert lit and lit <= climate
    fill = window.reader.char_format_at(min(lit)).background().color()
    assert fill.rgb() == QColor("#009e73").rgb()
    assert abs(fill.alphaF() - SUGGESTION_ALPHA) < 0.01
    bottom = tree.viewport().rect().bottomLeft() + QPoint(20, -5)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=bottom)
    assert window.areas_panel.selected_area() is None
    assert filled(window) == []


def test_hovering_a_passage_lights_it_until_the_mouse_leaves(
    window: MainWindow, qtbot: QtBot
) -> None:
    reading = window.reading
    assert reading is not None
    span = next(s for s in reading.spans_of("peace-security")
                if reading.document.text.startswith("A notable", s.start))
    reader = window.reader
    reader.scroll_to_offset(span.start, 0.3)
    cursor = QTextCursor(reader.page.document())
    cursor.setPosition(span.start + 40)
    point = reader.page.cursorRect(cursor).center()
    qtbot.waitUntil(lambda: reader.page.viewport().hasMouseTracking())
    # Qt sends no move event when the pointer is already there (an earlier test in this
    # process may have left it on the same spot): come from elsewhere.
    qtbot.mouseMove(reader.viewport(), point + QPoint(0, 200))
    qtbot.mouseMove(reader.viewport(), point)
    qtbot.waitUntil(lambda: bool(filled(window)))
    assert set(filled(window)) == {i for i in range(span.start, span.end)
                                   if not reading.document.text[i].isspace()}
    [bar] = [b for b in reader.margin.bars() if b.mark.start == span.start]
    qtbot.mouseMove(reader.margin, bar.rect.center().toPoint() + QPoint(0, 30))
    assert set(filled(window)) == {i for i in range(span.start, span.end)
                                   if not reading.document.text[i].isspace()}
    reader.hover_passages(())  # what leaving the page does
    assert filled(window) == []


def bars_beside(window: MainWindow, phrase: str) -> dict[str, int]:
    """Area -> lane of the margin bars beside the passage starting with `phrase`."""
    assert window.reading is not None
    start = window.reading.document.text.index(phrase)
    window.reader.scroll_to_offset(start, 0.3)
    cursor = QTextCursor(window.reader.page.document())
    cursor.setPosition(start)
    line = window.reader.page.cursorRect(cursor)
    bars = [b for b in window.reader.margin.bars()
            if b.rect.top() <= line.center().y() <= b.rect.bottom()]
    xs = [b.rect.x() for b in bars]
    assert len(set(xs)) == len(xs)  # side by side, none over another
    assert all(x >= 0 and b.rect.right() <= window.reader.margin.width()
               for x, b in zip(xs, bars, strict=True))
    return {b.mark.key: b.lane for b in bars}


def test_every_area_of_an_overlap_shows(window: MainWindow, qtbot: QtBot) -> None:
    reading = window.reading
    assert reading is not None
    window.resize(1600, 1000)
    qtbot.wait(20)
    assert window.reader.margin.isVisible() and window.reader.margin.width() >= 20
    assert set(bars_beside(window, KEY_POINT_2)) == {
        "ai-governance", "climate", "multilateral-reform", "peace-security"}
    assert set(bars_beside(window, INTERCONNECTED)) == {
        "ai-governance", "climate", "peace-security"}
    # And each area's own words are underlined in its colour and style.
    text = reading.document.text
    start = text.index(KEY_POINT_2)
    styles = {}
    for span in (s for s in reading.spans if s.start == start):
        color = QColor(reading.taxonomy.area(span.area).color).rgb()  # type: ignore[union-attr]
        words = term_ranges(text, span.start, span.end, span.terms)
        assert words, span
        for word_start, _end in words:
            fmt = window.reader.char_format_at(word_start)
            assert fmt.underlineColor().rgb() == color, text[word_start:_end]
            styles[span.area] = fmt.underlineStyle()
    assert len(set(styles.values())) == 4
    assert QTextCharFormat.UnderlineStyle.NoUnderline not in styles.values()


def test_the_legend_draws_an_area_as_the_page_does(qtbot: QtBot) -> None:
    """A bar and an underline in the area's colour, and no fill (the old swatch was a
    tinted square, the look the page no longer has)."""
    from annotator.gui.areas_panel import swatch

    image = swatch(QColor("#009e73"), 1).pixmap(36, 36).toImage()
    assert image.pixelColor(4, 18).rgb() == QColor("#009e73").rgb()  # the margin bar
    assert image.pixelColor(20, 31).rgb() == QColor("#009e73").rgb()  # the underline
    behind = image.pixelColor(30, 14)  # between the lines of text: nothing
    assert behind.alpha() == 0
