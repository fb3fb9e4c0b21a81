"""Library search lists every hit, and shows notes rendered (issue 7, item 7)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.gui.annotations_panel import HTML_ROLE
from annotator.gui.main_window import MainWindow
from tests.gui.test_annotations import ready_reading, select


def search(window: MainWindow, qtbot: QtBot, query: str) -> list[str]:
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_F, ctrl_shift)
    panel = window.search_panel
    panel.box.setText(query)
    qtbot.keyClick(panel.box, Qt.Key.Key_Return)
    return [panel.results.item(i).data(HTML_ROLE) for i in range(panel.results.count())]


def test_every_place_a_word_stands_is_a_row_that_jumps_there(
    window: MainWindow, qtbot: QtBot
) -> None:
    text = ready_reading(window, qtbot).document.text
    places = [m.start() for m in re.finditer(r"\bChina\b", text)]
    rows = search(window, qtbot, "China")
    assert len(rows) == len(places) == 19  # one row per document before
    assert window.search_panel.status.text().startswith("19 result")
    results = window.search_panel.results
    item = results.item(7)
    results.scrollToItem(item)
    qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton,
                     pos=results.visualItemRect(item).center())
    assert window.reader.selected_range() == (places[7], places[7] + len("China"))


def test_a_note_hit_is_rendered_not_raw_markdown(window: MainWindow, qtbot: QtBot) -> None:
    ready_reading(window, qtbot)
    select(window, "By Wang Huiyao")
    made = window.annotation_layer.highlight("blue")
    assert made is not None
    window.annotation_layer.save_note(made.id, "A **marsupial** view, see *Wang*", ())
    [row] = search(window, qtbot, "marsupial")
    assert "**" not in row and "*Wang*" not in row
    assert "<strong><b>marsupial</b></strong>" in row and "<em>Wang</em>" in row
