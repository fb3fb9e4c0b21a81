"""Help ▸ Keyboard Shortcuts and Help ▸ Where Data Lives (issue 7, item 15).

Both are reference windows: non-modal, so the reader can keep one open beside the
article. The shortcuts table is built from the window's own actions, so it can never
disagree with what the keys do.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("HelpDialogs", text)


LOCATION_LABELS = {
    "database": "Library database",
    "backups": "Backups of the library",
    "data": "Data folder",
    "config": "Settings folder",
    "state": "Window state, recent files, lock",
    "taxonomy": "Your policy areas (copy the bundled file here)",
}


def _table_dialog(parent: QWidget, title: str, intro: str, headers: tuple[str, str],
                  rows: list[tuple[str, str]], name: str) -> QDialog:
    dialog = QDialog(parent)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    label = QLabel(intro, dialog)
    label.setWordWrap(True)
    table = QTableWidget(len(rows), 2, dialog)
    table.setObjectName(f"{name}-table")
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    for row, (first, second) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(first))
        table.setItem(row, 1, QTableWidgetItem(second))
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.close)
    layout = QVBoxLayout(dialog)
    layout.addWidget(label)
    layout.addWidget(table)
    layout.addWidget(buttons)
    dialog.resize(620, 520)
    dialog.show()
    return dialog


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """(command, keys) of every action with a shortcut, in menu order."""
    rows = []
    for action in actions:
        keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText)
                         for s in action.shortcuts())
        if keys:
            rows.append((action.text().replace("&", "").removesuffix("…"), keys))
    return rows


def show_shortcuts(parent: QWidget, actions: list[QAction]) -> QDialog:
    return _table_dialog(
        parent, _tr("Keyboard Shortcuts"),
        _tr("Every command of the window that has a key. Select text first for the "
            "highlight and note commands."),
        (_tr("Command"), _tr("Keys")), shortcut_rows(actions), "shortcuts-dialog")


def show_locations(parent: QWidget, locations: list[tuple[str, Path]]) -> QDialog:
    rows = [(_tr(LOCATION_LABELS.get(key, key)), str(path)) for key, path in locations]
    return _table_dialog(
        parent, _tr("Where Data Lives"),
        _tr("Annotator keeps everything on this computer, in these places. Set "
            "ANNOTATOR_HOME to keep all of it under one folder instead."),
        (_tr("What"), _tr("Where")), rows, "locations-dialog")
