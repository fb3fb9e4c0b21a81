"""The window on real widgets: the sample, its highlights, toggles, opening files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit, QTextEdit
from pytestqt.qtbot import QtBot

from annotator.gui.main_window import MainWindow
from annotator.gui.reader_view import RICH_LIMIT
from annotator.gui.term_underlines import term_ranges


def highlighted(fmt: QTextCharFormat) -> bool:
    return fmt.background().style() != Qt.BrushStyle.NoBrush or (
        fmt.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline
    )


def test_window_shows_the_sample(window: MainWindow) -> None:
    text = window.reader.page.toPlainText()
    assert text.startswith("Stakes have never been higher for US-China cooperation")
    assert "By Wang Huiyao" in text
    assert "Stakes have never been higher" in window.windowTitle()
    assert isinstance(window.reader.page, QTextEdit)
    assert "words" in window.words_label.text()
    assert window.sidebar.tabText(0) == "Areas"
    assert window.areas_panel.tree.topLevelItemCount() == 5


def test_status_bar_counts_the_selection_then_the_document_again(window: MainWindow) -> None:
    total = window.words_label.text()
    assert total == "987 words"
    text = window.reading.document.text if window.reading else ""
    start = text.index("The visit of China")
    window.reader.select_range(start, start + len("The visit of China’s"))
    assert window.words_label.text() == "4 words, 20 characters selected"
    cursor = window.reader.page.textCursor()
    cursor.clearSelection()
    window.reader.page.setTextCursor(cursor)
    assert window.words_label.text() == total


def term_areas(window: MainWindow, offset: int) -> set[str]:
    """The areas whose matched words cover `offset` (shown or not)."""
    reading = window.reading
    assert reading is not None
    text = reading.document.text
    return {span.area for span in reading.spans if span.start <= offset < span.end
            for start, end in term_ranges(text, span.start, span.end, span.terms)
            if start <= offset < end}


def test_area_colours_underline_the_matched_words_only(window: MainWindow) -> None:
    reading = window.reading
    assert reading is not None and reading.spans
    colors = {a.id: QColor(a.color).rgb() for a in reading.taxonomy.areas}
    text = reading.document.text
    underlined = [False] * len(text)
    for span in reading.spans:
        words = term_ranges(text, span.start, span.end, span.terms)
        assert words, span
        for start, end in words:
            for i in range(start, end):
                underlined[i] = True
            fmt = window.reader.char_format_at(start)
            assert fmt.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline
            assert fmt.underlineColor().rgb() == colors[span.area] or len(
                term_areas(window, start)) > 1, (span, text[start:end])
    for i, char in enumerate(text):
        fmt = window.reader.char_format_at(i)
        assert fmt.background().style() == Qt.BrushStyle.NoBrush, i  # no machine fills
        if not underlined[i] and char != "\n":
            assert not highlighted(fmt), (i, text[i - 10:i + 10])


def test_toggling_an_area_hides_exactly_its_highlights(window: MainWindow) -> None:
    reading = window.reading
    assert reading is not None
    climate = QColor(reading.taxonomy.area("climate").color).rgb()  # type: ignore[union-attr]
    text = reading.document.text
    before = {i: window.reader.char_format_at(i) for i in range(len(text)) if text[i] != "\n"}
    passages = window.reader.highlights.passages_in(0, len(text))  # type: ignore[union-attr]
    window.areas_panel.set_area_visible("climate", False)
    assert "climate" in window.hidden_areas
    assert window.reader.highlights.passages_in(0, len(text)) == [  # type: ignore[union-attr]
        m for m in passages if m.key != "climate"]
    for i, old in before.items():
        new = window.reader.char_format_at(i)
        covering = term_areas(window, i)
        if "climate" not in covering:
            assert (new.background(), new.underlineStyle()) == (old.background(),
                                                                old.underlineStyle())
            continue
        assert new.underlineColor().rgb() != climate or (
            new.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline)
        assert highlighted(new) == (len(covering - {"climate"}) > 0)
    window.areas_panel.set_area_visible("climate", True)
    for i, old in before.items():
        new = window.reader.char_format_at(i)
        assert (new.background(), new.underlineColor(), new.underlineStyle()) == (
            old.background(), old.underlineColor(), old.underlineStyle())


def test_clicking_an_area_steps_through_its_passages(window: MainWindow, qtbot: QtBot) -> None:
    reading = window.reading
    assert reading is not None
    spans = sorted(reading.spans_of("climate"), key=lambda s: s.start)
    item = window.areas_panel.item_for("climate")
    assert item is not None
    tree = window.areas_panel.tree
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    first = window.reader.page.textCursor()
    assert first.selectedText() == reading.document.text[spans[0].start:spans[0].end]
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    second = window.reader.page.textCursor()
    assert second.selectedText() == reading.document.text[spans[1].start:spans[1].end]
    assert "2 of" in window.step_label.text()


def test_hover_tooltip_names_area_and_terms(window: MainWindow) -> None:
    reading = window.reading
    assert reading is not None and window.reader.highlights is not None
    span = reading.spans_of("climate")[0]
    marks = window.reader.highlights.marks_at(span.start + 1)
    assert any(m.label == "Climate" and span.terms[0] in m.detail for m in marks)


def test_opening_text_and_markdown_files(window: MainWindow, tmp_path: Path) -> None:
    txt = tmp_path / "note.txt"
    txt.write_text("A Test Title\n\nThe climate summit agreed on emissions cuts. 🌍 Fine.\n",
                   encoding="utf-8")
    assert window.open_file(txt)
    assert "emissions cuts" in window.reader.page.toPlainText()
    reading = window.reading
    assert reading is not None and reading.path == txt
    fmt = window.reader.char_format_at(reading.document.text.index("emissions"))
    assert highlighted(fmt)
    md = tmp_path / "piece.md"
    md.write_text("# Peace talks\n\nA ceasefire was agreed after the war.\n", encoding="utf-8")
    assert window.open_file(md)
    assert "ceasefire" in window.reader.page.toPlainText()
    assert window.settings.recent_files[:2] == [md.resolve(), txt.resolve()]


def _error_box(window: MainWindow, qtbot: QtBot) -> QMessageBox:
    box = window.last_error
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    return box


def test_bad_files_show_an_error_and_keep_the_document(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    before = window.reader.page.toPlainText()
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    latin = tmp_path / "latin.txt"
    latin.write_bytes("caf\xe9 au lait, d\xe9j\xe0 vu".encode("latin-1"))
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    for path, words in [
        (empty, "empty"), (binary, "PNG"), (latin, "UTF-8"), (huge, "too large"),
        (tmp_path / "missing.txt", "does not exist"),
    ]:
        assert not window.open_file(path)
        box = _error_box(window, qtbot)
        assert words.lower() in box.text().lower(), box.text()
        assert "current document stays open" in box.informativeText()
        box.close()
        assert window.reader.page.toPlainText() == before
    assert window.settings.recent_files == []


def test_recent_files_and_geometry_persist(
    make_window: Callable[[], MainWindow], tmp_path: Path, qtbot: QtBot
) -> None:
    first = make_window()
    path = tmp_path / "kept.txt"
    path.write_text("Kept\n\nA paragraph about climate change and peace.\n", encoding="utf-8")
    assert first.open_file(path)
    first.resize(700, 520)
    first.move(40, 30)
    first.reader.set_zoom(1.25)
    first.commands.zoom_in.trigger()
    zoom = first.reader.zoom
    first.close()
    second = make_window()
    assert second.settings.recent_files == [path.resolve()]
    assert second.reading is not None and second.reading.path == path.resolve()
    assert (second.width(), second.height()) == (700, 520)
    assert second.reader.zoom == zoom
    second.recent_menu.aboutToShow.emit()
    texts = [a.text() for a in second.recent_menu.actions()]
    assert any("kept.txt" in t for t in texts)


def test_long_texts_use_the_plain_widget(window: MainWindow, tmp_path: Path) -> None:
    paragraph = "Peace talks resumed while the climate summit met. " * 40
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join([paragraph] * (RICH_LIMIT // len(paragraph) + 2)), "utf-8")
    assert window.open_file(path)
    assert isinstance(window.reader.page, QPlainTextEdit)
    reading = window.reading
    assert reading is not None
    span = reading.spans[-1]
    assert highlighted(window.reader.char_format_at(
        reading.document.text.rindex("climate", span.start, span.end)))
    assert window.open_file(path.with_name("short.txt")) is False
    window.show_sample()
    assert isinstance(window.reader.page, QTextEdit)


def test_zoom_and_toolbar_tooltips_show_shortcuts(window: MainWindow) -> None:
    zoom = window.reader.zoom
    window.commands.zoom_in.trigger()
    assert window.reader.zoom > zoom
    window.commands.zoom_out.trigger()
    assert window.reader.zoom == zoom
    assert "Ctrl+O" in window.commands.open.toolTip()
    assert "F11" in window.commands.full_screen.toolTip()
    assert not window.commands.open.icon().isNull()
