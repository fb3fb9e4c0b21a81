"""A submenu of mutually exclusive choices (View ▸ Theme, View ▸ Language)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget


def choice_menu(parent: QWidget, title: str, name: str, choices: Sequence[tuple[str, str]],
                current: str, chosen: Callable[[str], None]) -> QMenu:
    """`choices` are (value, label); the checked one is `current`; `chosen(value)` on pick."""
    menu = QMenu(title, parent)
    menu.setObjectName(name)
    group = QActionGroup(menu)
    for value, label in choices:
        action = QAction(label, menu)
        action.setCheckable(True)
        action.setChecked(value == current)
        action.setData(value)
        group.addAction(action)
        menu.addAction(action)
    group.triggered.connect(lambda action: chosen(str(action.data())))
    return menu
