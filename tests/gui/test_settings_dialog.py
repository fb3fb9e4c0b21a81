"""View ▸ Reader Settings… (issue 11 items 1 and 5): font, size, line spacing and page
width change the page at once, are remembered, and Cancel puts the page back; the
dialog is driven from the keyboard alone."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from annotator.gui.main_window import MainWindow
from annotator.gui.settings import ReaderLook, Settings
from annotator.gui.settings_dialog import SettingsDialog
from annotator.gui.theme import ThemeManager


@pytest.fixture(autouse=True)
def fresh_theme_manager() -> Iterator[None]:
    """The dialog may switch the theme; no palette outlives the test."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    palette = app.palette()
    yield
    for manager in app.findChildren(ThemeManager):
        manager.setParent(None)
    app.setPalette(palette)


def _open(window: MainWindow, qtbot: QtBot) -> SettingsDialog:
    window.commands.reader_settings.trigger()
    dialog = window.findChild(SettingsDialog)
    assert isinstance(dialog, SettingsDialog)
    qtbot.waitExposed(dialog)
    return dialog


def _line_height(window: MainWindow) -> float:
    """The proportional line height of the article's second paragraph block."""
    block = window.reader.page.document().findBlockByNumber(6)
    return block.blockFormat().lineHeight()


def test_changes_show_at_once_and_ok_remembers_them(window: MainWindow, qtbot: QtBot) -> None:
    reader = window.reader
    dialog = _open(window, qtbot)
    # The offscreen screen is narrow: the window holds ~48 characters a line, so a
    # measure of 45 is what shows the column following the setting.
    assert reader.chars_per_line() > 46
    dialog.measure.setValue(45)
    assert reader.chars_per_line() == pytest.approx(45, abs=0.5)
    dialog.point_size.setValue(15)
    assert reader.page.document().defaultFont().pointSizeF() == pytest.approx(15 * reader.zoom)
    dialog.spacing.setValue(180)
    assert _line_height(window) == 180
    font = QFont()
    font.setFamily("DejaVu Sans")
    dialog.family.setCurrentFont(font)
    assert reader.body_font().families()[0] == "DejaVu Sans"
    dialog.accept()
    assert Settings().reader_look == ReaderLook("DejaVu Sans", 15.0, 180, 45)


def test_cancel_puts_the_page_back(window: MainWindow, qtbot: QtBot) -> None:
    reader = window.reader
    dialog = _open(window, qtbot)
    dialog.point_size.setValue(20)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    assert window.themes.current.id == "dark"
    dialog.reject()
    assert reader.look == ReaderLook()
    assert reader.page.document().defaultFont().pointSizeF() == pytest.approx(12 * reader.zoom)
    assert window.themes.current.id != "dark"
    assert Settings().reader_look == ReaderLook()


def test_a_saved_look_is_applied_at_start(annotator_home: object, qtbot: QtBot) -> None:
    settings = Settings()
    settings.reader_look = ReaderLook("", 14.0, 200, 60)
    settings.sync()
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.open_initial(None)
    assert window.reader.look == ReaderLook("", 14.0, 200, 60)
    assert _line_height(window) == 200


def test_a_hand_edited_settings_file_is_held_to_the_ranges(annotator_home: object) -> None:
    settings = Settings()
    settings.preferences.setValue("reader/point_size", "900")
    settings.preferences.setValue("reader/line_spacing", "lots")
    settings.preferences.setValue("reader/measure", "nan")
    assert settings.reader_look == ReaderLook("", 32.0, 150, 70)


def test_theme_and_language_chosen_here_are_checked_in_the_menus(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = _open(window, qtbot)
    dialog.theme.setCurrentIndex(dialog.theme.findData("sepia"))
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.accept()
    settings = Settings()
    assert (settings.theme, settings.language) == ("sepia", "zh_CN")
    for name, value in (("theme-menu", "sepia"), ("language-menu", "zh_CN")):
        menu = window.findChild(QMenu, name)
        assert isinstance(menu, QMenu)
        assert [a.data() for a in menu.actions() if a.isChecked()] == [value]


def test_the_dialog_is_used_from_the_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    dialog = _open(window, qtbot)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.family.setFocus()
    seen: list[QWidget] = []
    for _ in range(12):
        focused = QApplication.focusWidget()
        assert focused is not None
        seen.append(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    names = {w.objectName() for w in seen}
    assert {"font-size", "line-spacing", "page-width", "theme", "language"} <= names
    # Alt+S (the "&Size" mnemonic) then Up: a bigger font without the mouse.
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.point_size.lineEdit() or (
        QApplication.focusWidget() is dialog.point_size)
    qtbot.keyClick(dialog.point_size, Qt.Key.Key_Up)
    assert window.reader.look.point_size == 12.5
    for field in (dialog.family, dialog.point_size, dialog.spacing, dialog.measure, dialog.theme,
                  dialog.language):
        assert field.accessibleName()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert window.reader.look == ReaderLook()


def test_the_readers_name_is_changed_from_here(window: MainWindow, qtbot: QtBot) -> None:
    dialog = _open(window, qtbot)
    with qtbot.waitSignal(window.commands.identity.triggered):
        dialog.identity_button.click()


def test_each_mnemonic_of_the_dialog_is_its_own(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    dialog = _open(window, qtbot)
    texts = [w.text() for w in dialog.findChildren(QLabel)]
    texts += [w.text() for w in dialog.findChildren(QAbstractButton)]
    keys = [t[t.index("&") + 1].lower() for t in texts if "&" in t]
    assert len(keys) == len(set(keys)), sorted(keys)
