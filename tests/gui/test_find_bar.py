"""Find in page (issue 7, item 7), driven from the keyboard like a reader would.

Ctrl+F used to search the library and show one hit per document ("China": 1 result,
though the sample holds it 19 times); F3 stepped through an area's passages.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.gui.main_window import MainWindow

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _key(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    focus = QApplication.focusWidget()
    assert focus is not None
    QTest.keyClick(focus, key, modifiers)


def _ready(window: MainWindow, qtbot: QtBot) -> str:
    window.complete()
    qtbot.waitActive(window)
    window.reader.setFocus()
    assert window.reading is not None
    return window.reading.document.text


def test_ctrl_f_finds_every_match_in_the_page(window: MainWindow, qtbot: QtBot) -> None:
    text = _ready(window, qtbot)
    _key(Qt.Key.Key_F, CTRL)
    bar = window.find_bar
    assert bar.isVisible() and QApplication.focusWidget() is bar.box
    QTest.keyClicks(bar.box, "china")
    expected = text.lower().count("china")
    assert expected >= 19
    marks = window.reader.find_marks()
    assert len(marks) == expected
    assert all(text[s:e].lower() == "china" for s, e in marks)
    assert bar.count.text() == f"1 of {expected}"
    assert window.reader.selected_range() == marks[0]

    _key(Qt.Key.Key_Return)
    assert bar.count.text() == f"2 of {expected}"
    assert window.reader.selected_range() == marks[1]
    _key(Qt.Key.Key_F3)
    assert bar.count.text() == f"3 of {expected}"
    _key(Qt.Key.Key_F3, SHIFT)
    _key(Qt.Key.Key_Return, SHIFT)
    assert bar.count.text() == f"1 of {expected}"
    _key(Qt.Key.Key_Return, SHIFT)  # wraps round to the last
    assert bar.count.text() == f"{expected} of {expected}"
    assert window.reader.selected_range() == marks[-1]


def test_typing_digits_in_the_box_does_not_highlight(window: MainWindow, qtbot: QtBot) -> None:
    _ready(window, qtbot)
    layer = window.annotation_layer
    qtbot.waitUntil(lambda: layer.document_id is not None)
    _key(Qt.Key.Key_F, CTRL)
    QTest.keyClicks(window.find_bar.box, "2024")
    assert window.find_bar.box.text() == "2024"
    qtbot.wait(50)
    assert not layer.annotations


def test_no_match_says_so_and_esc_closes(window: MainWindow, qtbot: QtBot) -> None:
    _ready(window, qtbot)
    _key(Qt.Key.Key_F, CTRL)
    QTest.keyClicks(window.find_bar.box, "zebra crossing")
    assert window.find_bar.count.text() == "No matches"
    assert window.reader.find_marks() == []
    window.find_bar.box.clear()
    QTest.keyClicks(window.find_bar.box, "climate")
    assert window.reader.find_marks()
    _key(Qt.Key.Key_Escape)
    assert window.find_bar.isHidden()
    assert window.reader.find_marks() == []
    assert window.reader.page.hasFocus()
    assert window.reader.selected_range() is not None  # the match stays selected


def test_library_search_and_area_stepping_have_their_own_keys(
    window: MainWindow, qtbot: QtBot
) -> None:
    _ready(window, qtbot)
    _key(Qt.Key.Key_F, CTRL | SHIFT)
    assert window.sidebar.currentWidget() is window.search_panel
    assert window.find_bar.isHidden()
    window.reader.setFocus()
    _key(Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert "passage 1 of" in window.step_label.text()
