"""Issue 9 item 1: hovering a suggested passage says why it is there, the words that
matched and the rules or carried-over topic that applied, in a real tooltip."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QToolTip
from pytestqt.qtbot import QtBot

from annotator.gui.main_window import MainWindow
from tests.gui.test_annotations import ready_reading


def hover_tooltip(window: MainWindow, offset: int, qtbot: QtBot) -> str:
    """Send the viewport the ToolTip event a resting mouse sends; the tooltip's text."""
    window.reader.scroll_to_offset(offset)
    page = window.reader.page
    cursor = QTextCursor(page.document())
    cursor.setPosition(window.reader.positions.to_qt(offset) + 1)
    point = page.cursorRect(cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, page.viewport().mapToGlobal(point))
    QApplication.sendEvent(page.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible)
    shown = QTextDocument()
    shown.setHtml(QToolTip.text())
    return shown.toPlainText()


def tooltip_label() -> QLabel:
    return next(w for w in QApplication.topLevelWidgets()
                if isinstance(w, QLabel) and w.metaObject().className() == "QTipLabel")


def test_a_suggestion_tooltip_names_its_words_and_its_rules(
    window: MainWindow, qtbot: QtBot
) -> None:
    reading = ready_reading(window, qtbot)
    span = next(s for s in reading.spans if s.reasons and s.terms)
    label = next(a.label for a in reading.taxonomy.areas if a.id == span.area)
    text = hover_tooltip(window, span.start + 3, qtbot)
    assert label in text
    assert "matched:" in text and span.terms[0] in text
    assert f"why: {span.reasons[0]}" in text
    assert tooltip_label().isVisible()


def test_no_tooltip_off_the_highlights(window: MainWindow, qtbot: QtBot) -> None:
    ready_reading(window, qtbot)
    QToolTip.hideText()
    event = QHelpEvent(QEvent.Type.ToolTip, QPoint(-50, -50), QPoint(0, 0))
    QApplication.sendEvent(window.reader.page.viewport(), event)
    assert not QToolTip.isVisible()
