"""The chapter list of a book: its headings in order, and a click jumps to one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from annotator.gui.main_window import MainWindow


def test_a_book_lists_its_chapters_and_a_click_jumps_there(
        make_window: Callable[[], MainWindow], corpus: Path, qtbot: QtBot) -> None:
    window = make_window()
    window.resize(1000, 700)
    assert window.open_file(corpus / "epub" / "epub3-alice-in-wonderland.epub")
    panel = window.chapters_panel
    qtbot.waitUntil(lambda: panel.list.count() > 10, timeout=10_000)  # 524 KB: off-thread
    assert window.sidebar.isTabVisible(window.sidebar.indexOf(panel))
    labels = [panel.list.item(i).text().strip() for i in range(panel.list.count())]
    assert "Down The Rabbit-Hole" in labels
    assert labels.index("Down The Rabbit-Hole") < labels.index("The Pool Of Tears")
    window.sidebar.setCurrentWidget(panel)
    item = panel.list.item(labels.index("The Pool Of Tears"))
    target = int(item.data(256))
    panel.list.itemClicked.emit(item)
    qtbot.waitUntil(lambda: abs(window.reader.top_offset() - target) < 200)
    text = window.reading.document.text if window.reading else ""
    assert text[target:].startswith("The Pool Of Tears")


def test_a_text_without_headings_has_no_chapters_tab(
        make_window: Callable[[], MainWindow], tmp_path: Path) -> None:
    window = make_window()
    index = window.sidebar.indexOf(window.chapters_panel)
    assert not window.sidebar.isTabVisible(index)  # the sample article has no headings
    plain = tmp_path / "note.txt"
    plain.write_text("Just one line of prose, which ends with a full stop.")
    assert window.open_file(plain)
    assert window.chapters_panel.list.count() == 0
    assert not window.sidebar.isTabVisible(index)
