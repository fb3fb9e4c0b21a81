"""Right-click and hover find the same words: the ones drawn under the mouse (issue 7, item 5)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QContextMenuEvent, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.gui.main_window import MainWindow
from tests.gui.test_annotations import ready

PASSAGE = "A notable example of successful cooperation"


def line_points(window: MainWindow, phrase: str) -> list[tuple[int, QPoint]]:
    """For each line of the paragraph starting with `phrase`: a character in its middle
    and viewport points over that character's glyphs (top, middle, bottom)."""
    reader = window.reader
    assert window.reading is not None
    start = window.reading.document.text.index(phrase)
    reader.scroll_to_offset(start, 0.3)
    page = reader.page
    block = page.document().findBlock(reader.positions.to_qt(start))
    layout = block.layout()
    points = []
    for index in range(layout.lineCount()):
        line = layout.lineAt(index)
        position = block.position() + line.textStart() + line.textLength() // 2
        cursor = QTextCursor(page.document())
        cursor.setPosition(position)
        rect = page.cursorRect(cursor)
        for y in (rect.top() + 2, rect.center().y(), rect.bottom() - 2):
            points.append((reader.positions.from_qt(position), QPoint(rect.x() + 3, y)))
    assert len(points) >= 9  # the paragraph has several lines in this window
    return points


def right_click_actions(window: MainWindow, point: QPoint) -> list[str]:
    viewport = window.reader.viewport()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    menu = window.annotation_layer.last_menu
    assert menu is not None
    texts = [action.text() for action in menu.actions()]
    menu.close()
    return texts


@pytest.mark.parametrize(("size", "zoom"), [((1600, 1000), 1.0), ((800, 600), 1.0),
                                            ((1600, 1000), 2.0)])
def test_every_line_of_a_passage_offers_accept_where_hover_names_its_area(
    window: MainWindow, qtbot: QtBot, size: tuple[int, int], zoom: float
) -> None:
    ready(window, qtbot)
    window.resize(*size)
    window.reader.set_zoom(zoom)
    qtbot.wait(50)
    for offset, point in line_points(window, PASSAGE):
        assert window.reader.offset_at(point) in (offset - 1, offset, offset + 1), point
        hovered = window.reader.highlights.marks_at(  # type: ignore[union-attr]
            window.reader.offset_at(point) or 0)
        assert "Peace & security" in [m.label for m in hovered], point
        actions = right_click_actions(window, point)
        assert "&Accept “Peace && security”" in actions, (point, actions)
