"""View ▸ Theme (issue 11 item 1): a theme recolours the window and the page at once, is
remembered, and a reader's own theme file is one more choice (not new code)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from annotator.gui.main_window import MainWindow
from annotator.gui.settings import Settings
from annotator.gui.theme import ThemeManager


@pytest.fixture(autouse=True)
def fresh_theme_manager() -> Iterator[None]:
    """Each test gets the theme its own ANNOTATOR_HOME asks for, and leaves no palette."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    for manager in app.findChildren(ThemeManager):
        manager.setParent(None)
    palette = app.palette()
    yield
    for manager in app.findChildren(ThemeManager):
        manager.setParent(None)
    app.setPalette(palette)


def _theme_menu(window: MainWindow) -> QMenu:
    menu = window.findChild(QMenu, "theme-menu")
    assert isinstance(menu, QMenu)
    return menu


def _choose(window: MainWindow, name: str) -> None:
    [action] = [a for a in _theme_menu(window).actions() if a.text() == name]
    action.trigger()


def test_choosing_dark_recolours_window_and_page_and_is_remembered(
    window: MainWindow, qtbot: QtBot
) -> None:
    page = window.reader.page
    light_base = page.palette().color(QPalette.ColorRole.Base).name()
    _choose(window, "Dark")
    qtbot.waitUntil(lambda: page.palette().color(QPalette.ColorRole.Base).name() == "#1c1c1c")
    assert light_base != "#1c1c1c"
    assert window.palette().color(QPalette.ColorRole.Window).name() == "#242424"
    assert Settings().theme == "dark"
    _choose(window, "Sepia")
    qtbot.waitUntil(lambda: page.palette().color(QPalette.ColorRole.Base).name() == "#f8f1e3")
    names = [a.text() for a in _theme_menu(window).actions()]
    assert names[0] == "Follow the System" and {"Light", "Dark", "Sepia"} <= set(names)
    checked = [a.text() for a in _theme_menu(window).actions() if a.isChecked()]
    assert checked == ["Sepia"]


def test_a_theme_file_in_the_config_folder_is_a_new_choice(
    annotator_home: Path, qtbot: QtBot
) -> None:
    folder = annotator_home / "config" / "themes"
    folder.mkdir(parents=True)
    dark = (Path(__file__).resolve().parents[2] / "src" / "annotator" / "resources" / "themes"
            / "dark.toml")
    (folder / "night.toml").write_text(
        dark.read_text("utf-8").replace('name = "Dark"', 'name = "Night"')
        .replace("#1c1c1c", "#000814"), encoding="utf-8")
    (folder / "broken.toml").write_text("name = ", encoding="utf-8")
    settings = Settings()
    settings.theme = "night"
    settings.sync()
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.open_initial(None)
    window.show()
    assert window.themes.current.name == "Night"
    qtbot.waitUntil(
        lambda: window.reader.page.palette().color(QPalette.ColorRole.Base).name() == "#000814")
    assert any("broken.toml" in problem for problem in window.themes.problems)
