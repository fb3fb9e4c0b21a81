"""The article column stays readable in small windows (issue 7, item 2).

At 800x600 both docks kept their width and the article got 2-3 words a line, with a
horizontal scroll bar; the window opened larger than a small (or 200 %-scaled) screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.gui.main_window import MainWindow
from annotator.gui.reader_view import MIN_MEASURE


def _sized(window: MainWindow, qtbot: QtBot, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width)
    qtbot.wait(20)


def _no_sideways_scroll(window: MainWindow) -> bool:
    page = window.reader.page
    return page.horizontalScrollBar().maximum() == 0 and (
        page.document().size().width() <= page.viewport().width() + 1)


def test_800x600_keeps_45_characters_a_line_and_the_sidebar(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.complete()
    _sized(window, qtbot, 800, 600)
    assert window.reader.chars_per_line() >= MIN_MEASURE
    assert _no_sideways_scroll(window)
    assert window.sidebar_dock.isVisible()
    # The library gave way first: it is a tab beside the sidebar, not a column.
    assert window.library_dock.isHidden() or (
        window.library_dock in window.tabifiedDockWidgets(window.sidebar_dock))


def test_a_narrower_window_collapses_the_docks_then_brings_them_back(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.complete()
    _sized(window, qtbot, 560, 500)
    assert window.reader.chars_per_line() >= MIN_MEASURE
    assert _no_sideways_scroll(window)
    assert window.sidebar_dock.isHidden() and window.library_dock.isHidden()
    _sized(window, qtbot, 1400, 900)
    assert window.sidebar_dock.isVisible() and window.library_dock.isVisible()
    assert window.library_dock not in window.tabifiedDockWidgets(window.sidebar_dock)
    assert window.reader.chars_per_line() >= 65


def test_the_column_is_centred_with_the_library_hidden(window: MainWindow, qtbot: QtBot) -> None:
    window.complete()
    _sized(window, qtbot, 1400, 900)
    window.commands.toggle_library.setChecked(False)
    window.commands.toggle_sidebar.setChecked(False)
    qtbot.waitUntil(lambda: window.library_dock.isHidden() and window.sidebar_dock.isHidden())
    qtbot.wait(20)
    page = window.reader.page
    viewport = page.viewport().geometry()
    left = viewport.left()
    right = page.width() - viewport.right() - 1
    assert left > 100
    assert abs(left - right) <= 2, (left, right)


def test_the_window_never_opens_larger_than_the_screen(
    make_window: Callable[[], MainWindow]
) -> None:
    window = make_window()
    screen = window.screen()
    assert screen is not None
    available = screen.availableGeometry()
    assert available.contains(window.frameGeometry()), (available, window.frameGeometry())


def test_docks_that_gave_way_are_saved_as_the_reader_arranged_them(
    make_window: Callable[[], MainWindow], qtbot: QtBot
) -> None:
    window = make_window()
    window.complete()
    _sized(window, qtbot, 560, 500)
    assert window.library_dock.isHidden()
    window.close()
    again = make_window()
    _sized(again, qtbot, 1400, 900)
    assert again.library_dock.isVisible() and again.sidebar_dock.isVisible()
    assert again.dockWidgetArea(again.library_dock) is Qt.DockWidgetArea.LeftDockWidgetArea


def test_zooming_in_makes_the_docks_give_way(window: MainWindow, qtbot: QtBot) -> None:
    window.complete()
    _sized(window, qtbot, 1100, 800)
    assert window.library_dock.isVisible()
    for _ in range(4):
        window.commands.zoom_in.trigger()
    assert window.reader.zoom == 1.75
    assert window.library_dock.isHidden() or (
        window.library_dock in window.tabifiedDockWidgets(window.sidebar_dock))
    qtbot.waitUntil(lambda: window.reader.chars_per_line() >= MIN_MEASURE, timeout=2000)
    assert _no_sideways_scroll(window)


def test_the_area_bars_keep_clear_of_the_window_edge_at_800x600(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.complete()
    _sized(window, qtbot, 800, 600)
    margin = window.reader.margin
    lanes = len(window.reader.lanes)
    assert lanes == 5 and margin.width() >= 5 * 5  # every area has its full lane
    left_edge = margin.mapTo(window, margin.rect().topLeft()).x()
    assert left_edge >= 6, f"the bars touch the window's edge (x = {left_edge})"
    assert window.reader.chars_per_line() >= MIN_MEASURE
