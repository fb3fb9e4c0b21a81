"""Every key the menus and the README promise reaches its action (issue 7, item 1).

A key registered twice (a literal key beside a StandardKey resolving to the same
sequence) made Qt refuse it as an "Ambiguous shortcut overload", so Redo and Zoom Out
were dead from the keyboard. These tests press each key for real with QTest.keyClick.
The actions' `triggered` slots are not run (Open would block on a file dialog, Quit
would close the window): an event filter takes the Shortcut event that reaches the
action and records it, so what is checked is that Qt delivered the key, unambiguously.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence, QShortcutEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.gui.main_window import MainWindow

README = Path(__file__).resolve().parents[2] / "README.md"
PORTABLE = QKeySequence.SequenceFormat.PortableText


class _Catcher(QObject):
    """Takes Shortcut events before the action acts on them and records them."""

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[tuple[QObject, str, bool]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Shortcut and isinstance(event, QShortcutEvent):
            self.hits.append((watched, event.key().toString(PORTABLE), event.isAmbiguous()))
            return True
        return False


def _keyed_actions(window: MainWindow) -> list[QAction]:
    return [a for a in window.findChildren(QAction) if a.shortcuts()]


def _plain(text: str) -> str:
    return text.replace("&", "").removesuffix("…")


def _press(window: MainWindow, sequence: str) -> None:
    combination = QKeySequence(sequence)[0]
    target = QApplication.focusWidget() or window.reader.page
    QTest.keyClick(target, combination.key(), combination.keyboardModifiers())


def _readme_keys() -> list[tuple[str, str]]:
    """(key, command) rows of the README's keyboard table."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Keyboard", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| *([^|]+?) *\| *([^|]+?) *\|$", section, flags=re.MULTILINE)
    keys = []
    for key_cell, command in rows:
        if set(key_cell) <= {"-", " "} or key_cell == "Key":
            continue
        for key in key_cell.split(", "):
            keys.append((key.strip("`"), command))
    return keys


def _enable_all(window: MainWindow) -> list[QAction]:
    window.complete()
    window.activateWindow()
    window.reader.setFocus()
    actions = _keyed_actions(window)
    for action in actions:
        action.setEnabled(True)
    return actions


def test_no_two_enabled_actions_share_a_key(window: MainWindow) -> None:
    window.complete()
    owners: dict[str, list[str]] = {}
    for action in _keyed_actions(window):
        if not action.isEnabled():
            continue
        for sequence in action.shortcuts():
            owners.setdefault(sequence.toString(PORTABLE), []).append(action.text())
    shared = {key: texts for key, texts in owners.items() if len(texts) > 1}
    assert owners and not shared


def test_every_menu_shortcut_reaches_its_action(window: MainWindow, qtbot: QtBot) -> None:
    actions = _enable_all(window)
    qtbot.waitActive(window)
    catcher = _Catcher()
    for action in actions:
        action.installEventFilter(catcher)
    pressed = 0
    for action in actions:
        for sequence in action.shortcuts():
            key = sequence.toString(PORTABLE)
            catcher.hits.clear()
            _press(window, key)
            assert catcher.hits == [(action, key, False)], (action.text(), key)
            pressed += 1
    assert pressed >= 24


def test_every_readme_key_triggers_the_command_it_names(
    window: MainWindow, qtbot: QtBot
) -> None:
    actions = _enable_all(window)
    qtbot.waitActive(window)
    catcher = _Catcher()
    for action in actions:
        action.installEventFilter(catcher)
    promised = _readme_keys()
    assert len(promised) >= 20
    for key, command in promised:
        catcher.hits.clear()
        _press(window, key)
        assert len(catcher.hits) == 1, (key, command)
        action, _, ambiguous = catcher.hits[0]
        assert isinstance(action, QAction) and not ambiguous
        assert _plain(action.text()).startswith(command), (key, command, action.text())


def test_redo_and_zoom_out_work_from_the_keyboard(
    window: MainWindow, qtbot: QtBot, qtlog: object
) -> None:
    """The two dead keys of the issue, with their real effect and no Qt complaint."""
    window.complete()
    qtbot.waitActive(window)
    window.reader.setFocus()
    zoom = window.reader.zoom
    _press(window, "Ctrl+-")
    assert window.reader.zoom < zoom
    _press(window, "Ctrl+0")
    assert window.reader.zoom == 1.0
    layer = window.annotation_layer
    qtbot.waitUntil(lambda: layer.session is not None and layer.document_id is not None)
    text = window.reading.document.text if window.reading else ""
    start = text.index("The visit of China")
    window.reader.select_range(start, start + 9)
    _press(window, "1")
    qtbot.waitUntil(lambda: len(layer.annotations) == 1)
    for redo_key in ("Ctrl+Shift+Z", "Ctrl+Y"):
        _press(window, "Ctrl+Z")
        qtbot.waitUntil(lambda: not layer.annotations)
        _press(window, redo_key)
        qtbot.waitUntil(lambda: len(layer.annotations) == 1)
    messages = [record.message for record in qtlog.records]  # type: ignore[attr-defined]
    assert not [m for m in messages if "Ambiguous shortcut" in m]
