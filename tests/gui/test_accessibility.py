"""Accessibility (issue 11 item 3): every control a keyboard reaches has a name a screen
reader speaks, the page speaks the highlights at the caret, Tab walks the window in a
sensible order, and text is selected and highlighted without a mouse."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from annotator.gui.main_window import MainWindow

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QAbstractSpinBox,
               QTextEdit, QPlainTextEdit, QAbstractSlider, QTabBar)


def _spoken_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def _completed(window: MainWindow, qtbot: QtBot) -> MainWindow:
    qtbot.waitUntil(lambda: window.completed, timeout=10_000)
    qtbot.waitUntil(lambda: window.annotation_layer.document_id is not None, timeout=10_000)
    window.find_bar.open()  # its controls count too
    return window


def test_every_control_the_keyboard_reaches_has_a_spoken_name(
    window: MainWindow, qtbot: QtBot
) -> None:
    _completed(window, qtbot)
    nameless = [
        f"{type(w).__name__} {w.objectName()!r} in {type(w.parent()).__name__}"
        for w in window.findChildren(QWidget)
        # A combo box's pop-up list is a window of its own, announced by its combo box.
        if isinstance(w, INTERACTIVE) and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and w.window() is window and not _spoken_name(w).strip()
    ]
    assert not nameless, nameless
    # Symbols are named by what they do, not read out as arrows.
    spoken = {_spoken_name(w) for w in window.find_bar.findChildren(QAbstractButton)}
    assert not spoken & {"↑", "↓", "✕"}
    assert _spoken_name(window.reader.page) == "Article"


def test_the_page_speaks_the_highlights_at_the_caret(window: MainWindow, qtbot: QtBot) -> None:
    _completed(window, qtbot)
    reading = window.reading
    assert reading is not None
    text = reading.document.text
    start = text.index("San Francisco vision")
    window.annotation_layer.highlight("purple", note="Ask the class about it.",
                                      span=(start, start + 20))
    window.reader.select_range(start + 3, start + 3)
    description = window.reader.page.accessibleDescription()
    assert "Highlight: Purple" in description and "Note: Ask the class about it." in description
    climate = next(s for s in reading.spans if s.area == "climate")
    window.reader.select_range(climate.start + 1, climate.start + 1)
    assert "Policy area Climate, suggested." in window.reader.page.accessibleDescription()


def test_select_and_highlight_without_a_mouse(window: MainWindow, qtbot: QtBot) -> None:
    _completed(window, qtbot)
    page = window.reader.page
    page.setFocus()
    qtbot.waitUntil(page.hasFocus)
    cursor = page.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    page.setTextCursor(cursor)
    for _ in range(6):
        qtbot.keyClick(page, Qt.Key.Key_Right,
                       Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier)
    assert window.reader.selected_text().startswith("Stakes have never")
    before = len(window.annotation_layer.annotations)
    qtbot.keyClick(page, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: len(window.annotation_layer.annotations) == before + 1)


def test_tab_walks_from_the_page_into_the_sidebar_and_back(
    window: MainWindow, qtbot: QtBot
) -> None:
    _completed(window, qtbot)
    window.find_bar.hide()
    window.reader.page.setFocus()
    qtbot.waitUntil(window.reader.page.hasFocus)
    seen: list[str] = []
    for _ in range(8):
        focused = QApplication.focusWidget()
        assert focused is not None
        seen.append(focused.objectName())
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert seen[0] == "reader-page"
    assert "areas-tree" in seen, seen


def test_enter_in_the_areas_list_steps_through_passages(
    window: MainWindow, qtbot: QtBot
) -> None:
    _completed(window, qtbot)
    tree = window.areas_panel.tree
    tree.setFocus()
    tree.setCurrentItem(tree.topLevelItem(1))  # Climate
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert window.step_label.text().startswith("Climate: passage ")
    first = window.reader.selected_range()
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert window.reader.selected_range() != first
    assert first is not None and window.reader.selected_range() is not None
