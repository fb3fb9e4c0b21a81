"""Fixtures for window tests: a real MainWindow on the sample, registered with qtbot."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from annotator.gui.main_window import MainWindow
from annotator.gui.settings import Settings


@pytest.fixture
def make_window(qtbot: QtBot) -> Callable[[], MainWindow]:
    """Build a window the way app.py does (fresh Settings from ANNOTATOR_HOME), as the
    reader sees it once its menus, docks and panels have come (right after its first
    paint) and been laid out."""

    def make() -> MainWindow:
        window = MainWindow(Settings())
        qtbot.addWidget(window)
        window.open_initial(None)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.completed, timeout=10_000)
        qtbot.wait(1)  # the docks' contents are shown and laid out by posted events
        return window

    return make


@pytest.fixture
def window(make_window: Callable[[], MainWindow]) -> MainWindow:
    return make_window()
