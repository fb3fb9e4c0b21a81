"""The Areas legend has no side effects: ticking does not scroll, counts follow rejects
(issue 7, item 12)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from annotator.gui.main_window import MainWindow
from tests.gui.test_annotations import ready_reading


def count(window: MainWindow, area_id: str) -> int:
    item = window.areas_panel.item_for(area_id)
    assert item is not None
    return int(item.text(1))


def test_ticking_an_area_off_and_on_leaves_the_article_where_it_was(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.resize(1600, 1000)
    bar = window.reader.page.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    before = bar.value()
    tree = window.areas_panel.tree
    item = window.areas_panel.item_for("climate")
    assert item is not None
    checkbox = QPoint(tree.visualItemRect(item).left() + 10, tree.visualItemRect(item).center().y())
    for expected in (Qt.CheckState.Unchecked, Qt.CheckState.Checked):
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=checkbox)
        assert item.checkState(0) == expected  # the click hit the checkbox
        qtbot.wait(10)
        assert bar.value() == before
        assert window.step_label.text() == ""
        assert window.reader.selected_range() is None
    assert "climate" not in window.hidden_areas
    # A click on the row itself still steps to the area's next passage.
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualItemRect(item).center())
    assert "Climate: passage" in window.step_label.text()


def test_counts_drop_after_a_reject_and_come_back_on_undo(
    window: MainWindow, qtbot: QtBot
) -> None:
    reading = ready_reading(window, qtbot)
    climate = len(reading.spans_of("climate"))
    assert count(window, "climate") == climate
    span = reading.spans_of("climate")[-1]
    layer = window.annotation_layer
    menu = layer.context_menu(QPoint(0, 0), QPoint(-1, -1), span.start + 1)
    next(a for a in menu.actions() if a.text() == "&Reject “Climate”").trigger()
    assert count(window, "climate") == climate - 1
    assert f"Climate: {climate - 1}" in window.areas_label.toolTip()
    item = window.areas_panel.item_for("climate")
    assert item is not None and str(climate - 1) in item.toolTip(1)
    window.commands.undo.trigger()
    assert count(window, "climate") == climate
