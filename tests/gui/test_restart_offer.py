"""A new language shows from the next start; the window offers that start at once
(`gui/restart_offer.py`), and `app.run_gui` starts Annotator again the way it was started."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from annotator import __version__
from annotator.app import restart_command
from annotator.gui import i18n
from annotator.gui.main_window import MainWindow
from annotator.gui.settings import Settings
from annotator.gui.settings_dialog import SettingsDialog


@pytest.fixture(autouse=True)
def english(qapp: QApplication) -> Iterator[None]:
    """The window speaks English, whatever an earlier test in this process loaded."""
    installed = i18n.install(qapp, "en")
    yield
    installed.uninstall(qapp)


def _offer(window: MainWindow, qtbot: QtBot) -> QMessageBox:
    qtbot.waitUntil(lambda: window.restart_offer is not None
                    and window.restart_offer.isVisible())
    assert window.restart_offer is not None
    return window.restart_offer


def _button(box: QMessageBox, text: str) -> QPushButton:
    found = [b for b in box.findChildren(QPushButton) if b.text() == text]
    assert len(found) == 1, [b.text() for b in box.findChildren(QPushButton)]
    return found[0]


def _choose_in_settings(window: MainWindow, qtbot: QtBot, language: str) -> None:
    window.commands.reader_settings.trigger()
    dialog = window.findChild(SettingsDialog)
    assert isinstance(dialog, SettingsDialog)
    qtbot.waitExposed(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData(language))
    dialog.accept()


def test_choosing_chinese_in_settings_offers_a_restart_and_later_keeps_the_window(
    window: MainWindow, qtbot: QtBot
) -> None:
    _choose_in_settings(window, qtbot, "zh_CN")
    box = _offer(window, qtbot)
    assert "简体中文" in box.text()
    assert "notes" in box.informativeText()
    _button(box, "&Later").click()
    qtbot.waitUntil(lambda: not box.isVisible())
    assert window.isVisible() and not window.restart_requested
    assert Settings().language == "zh_CN"  # saved, for the next start either way


def test_restart_now_closes_the_window_as_quitting_does(
    window: MainWindow, qtbot: QtBot
) -> None:
    menu = window.findChild(QMenu, "language-menu")
    assert isinstance(menu, QMenu)
    next(a for a in menu.actions() if a.data() == "zh_CN").trigger()
    box = _offer(window, qtbot)
    _button(box, "&Restart Now").click()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert window.restart_requested
    settings = Settings()
    assert settings.language == "zh_CN"
    assert not settings.window_state.isEmpty()  # closeEvent ran: the layout is kept


def test_no_offer_when_the_window_already_speaks_the_choice(
    window: MainWindow, qtbot: QtBot
) -> None:
    _choose_in_settings(window, qtbot, "zh_CN")
    _offer(window, qtbot).reject()
    window.restart_offer = None
    _choose_in_settings(window, qtbot, "en")  # the window was built in English
    qtbot.wait(50)
    assert window.restart_offer is None


def test_restart_command_starts_this_annotator_with_the_same_arguments() -> None:
    command = restart_command(["annotator", "--database", "sqlite:///x.db", "article.txt"])
    assert command == [sys.executable, "-m", "annotator", "--database", "sqlite:///x.db",
                       "article.txt"]
    # The command really starts Annotator: asked for its version, it answers.
    shown = subprocess.run(restart_command(["annotator", "--version"]), capture_output=True,
                           text=True, timeout=60, check=True)
    assert __version__ in shown.stdout


def test_a_frozen_build_restarts_its_own_binary(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert restart_command(["Annotator", "a.txt"]) == [sys.executable, "a.txt"]
