"""The window's small things (issue 7, item 15): counts, the step text, Help, the name bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QLineEdit, QTableWidget
from pytestqt.qtbot import QtBot

from annotator.gui.main_window import MainWindow


def _text(window: MainWindow) -> str:
    assert window.reading is not None
    return window.reading.document.text


def test_one_word_is_singular(window: MainWindow) -> None:
    start = _text(window).index("Stakes")
    window.reader.select_range(start, start + len("Stakes"))
    assert window.words_label.text() == "1 word, 6 characters selected"
    window.reader.select_range(start, start + 1)
    assert window.words_label.text() == "1 word, 1 character selected"


def test_the_passage_text_goes_when_the_selection_moves_on(window: MainWindow) -> None:
    window.complete()
    area = window.reading.taxonomy.areas[0].id if window.reading else ""
    window.step_area(area)
    assert "passage 1 of" in window.step_label.text()
    start = _text(window).index("Stakes")
    window.reader.select_range(start, start + 6)
    assert window.step_label.text() == ""


def test_help_lists_every_shortcut_and_where_data_lives(
    window: MainWindow, qtbot: QtBot, annotator_home: Path
) -> None:
    window.complete()
    qtbot.waitActive(window)
    help_menu = next(m for m in window.menuBar().actions() if m.text() == "&Help").menu()
    texts = [a.text() for a in help_menu.actions()]  # type: ignore[union-attr]
    assert "&Keyboard Shortcuts" in texts and "&Where Data Lives" in texts
    window.reader.setFocus()
    QTest.keyClick(window.reader.page, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.help_dialog is not None and window.help_dialog.isVisible())
    assert window.help_dialog is not None
    assert window.help_dialog.windowModality() is Qt.WindowModality.NonModal
    table = window.help_dialog.findChild(QTableWidget) if window.help_dialog else None
    assert table is not None
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    keyed = {a.text().replace("&", "").removesuffix("…")
             for a in window.findChildren(QAction) if a.shortcuts()}
    assert keyed <= set(rows)
    assert rows["Find in Page"] == "Ctrl+F" and rows["Redo"] == "Ctrl+Shift+Z, Ctrl+Y"
    window.help_dialog.close()  # type: ignore[union-attr]
    window.commands.where_data.trigger()
    table = window.help_dialog.findChild(QTableWidget) if window.help_dialog else None
    assert table is not None
    places = [table.item(r, 1).text() for r in range(table.rowCount())]
    assert any(p.endswith("annotator.db") for p in places)
    assert all(p.startswith(str(annotator_home)) for p in places)


def test_the_name_question_is_a_bar_not_a_modal(window: MainWindow, qtbot: QtBot) -> None:
    window.complete()
    layer = window.annotation_layer
    qtbot.waitUntil(lambda: layer.session is not None)
    window.ask_identity()
    bar = window.identity_bar
    assert bar is not None and bar.isVisible()
    assert not [d for d in window.findChildren(QDialog) if d.isVisible()]
    assert bar.geometry().bottom() < window.reader.page.geometry().top() + 1
    name_box = bar.findChild(QLineEdit, "identity-bar-name")
    assert name_box is not None
    name_box.selectAll()
    QTest.keyClicks(name_box, "Ingrid Solberg")
    QTest.keyClick(name_box, Qt.Key.Key_Return)
    assert layer.session is not None
    qtbot.waitUntil(lambda: layer.session is not None and
                    layer.session.reader.name == "Ingrid Solberg")
    qtbot.waitUntil(lambda: not bar.isVisible())


def test_the_name_bar_takes_the_keyboard_and_gives_it_back(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.complete()
    layer = window.annotation_layer
    qtbot.waitUntil(lambda: layer.session is not None)
    window.activateWindow()
    qtbot.waitActive(window)
    window.reader.setFocus()
    qtbot.waitUntil(window.reader.page.hasFocus)
    for key, name in ((Qt.Key.Key_Return, "Ingrid Solberg"), (Qt.Key.Key_Escape, "")):
        window.ask_identity()
        bar = window.identity_bar
        assert bar is not None
        name_box = bar.findChild(QLineEdit, "identity-bar-name")
        assert name_box is not None
        qtbot.waitUntil(name_box.hasFocus)  # typing goes to the name at once
        if name:  # typed over the name offered, as a newcomer types
            QTest.keyClicks(name_box, name)
            assert name_box.text() == name
        QTest.keyClick(name_box, key)
        qtbot.waitUntil(bar.isHidden)
        qtbot.waitUntil(window.reader.page.hasFocus)
    assert layer.session is not None and layer.session.reader.name == "Ingrid Solberg"
