"""Help ▸ Keyboard Shortcuts, Help ▸ Where Data Lives and Help ▸ About.

All are reference windows: non-modal, so the reader can keep one open beside the
article. The shortcuts table is built from the window's own actions, so it can never
disagree with what the keys do; the About table is read from the installed packages
(`annotator.components`), so it lists what really ships.
"""

from __future__ import annotations

import platform
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
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

from annotator.gui.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from annotator.services.locations import DataLocations

LOCATION_LABELS = {
    "database": QT_TRANSLATE_NOOP("HelpDialogs", "Library database"),
    "backups": QT_TRANSLATE_NOOP("HelpDialogs", "Backups of the library"),
    "data": QT_TRANSLATE_NOOP("HelpDialogs", "Data folder"),
    "config": QT_TRANSLATE_NOOP("HelpDialogs", "Settings folder"),
    "state": QT_TRANSLATE_NOOP("HelpDialogs", "Window state, recent files, lock"),
    "taxonomy": QT_TRANSLATE_NOOP(
        "HelpDialogs", "Your policy areas (copy the bundled file here)"),
}


def _table_dialog(parent: QWidget, title: str, intro: str, headers: tuple[str, ...],
                  rows: Sequence[tuple[str, ...]], name: str) -> QDialog:
    dialog = QDialog(parent)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    label = QLabel(intro, dialog)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    label.setOpenExternalLinks(False)
    table = QTableWidget(len(rows), len(headers), dialog)
    table.setObjectName(f"{name}-table")
    table.setAccessibleName(title)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    for row, cells in enumerate(rows):
        for column, cell in enumerate(cells):
            table.setItem(row, column, QTableWidgetItem(cell))
    for column in range(len(headers) - 1):
        table.horizontalHeader().setSectionResizeMode(
            column, QHeaderView.ResizeMode.ResizeToContents)
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
        parent, translate("HelpDialogs", "Keyboard Shortcuts"),
        translate("HelpDialogs", "Every command of the window that has a key. Select text "
                  "first for the highlight and note commands."),
        (translate("HelpDialogs", "Command"), translate("HelpDialogs", "Keys")),
        shortcut_rows(actions), "shortcuts-dialog")


def show_locations(parent: QWidget, locations: DataLocations) -> QDialog:
    """The places the services named (`services/locations.py`); a library in PostgreSQL
    is said first, since it is the one thing not on this computer."""
    rows = [(translate("HelpDialogs", LOCATION_LABELS.get(key, key)), str(path))
            for key, path in locations.places]
    if locations.database_url is None:
        intro = translate(
            "HelpDialogs", "Annotator keeps everything on this computer, in these places. "
            "Set ANNOTATOR_HOME to keep all of it under one folder instead.")
    else:
        intro = translate(
            "HelpDialogs", "Your library lives in the PostgreSQL database {url}, which its "
            "server's administrator backs up. Everything else is on this computer, in "
            "these places.").format(url=locations.database_url)
    return _table_dialog(
        parent, translate("HelpDialogs", "Where Data Lives"), intro,
        (translate("HelpDialogs", "What"), translate("HelpDialogs", "Where")), rows,
        "locations-dialog")


def show_about(parent: QWidget, version: str, library: str) -> QDialog:
    """Version, what Annotator runs on and under which licences, and where the library
    is (`DataLocations.library`: a PostgreSQL URL, else the data folder)."""
    from annotator.components import bundled_components

    intro = translate(
        "HelpDialogs",
        "<p><b>Annotator</b> {version}<br>Read and annotate articles offline, with their "
        "policy areas highlighted. Annotator is free software under the MIT licence.</p>"
        "<p>Python {python} · Qt {qt} · PySide6 {pyside}<br>Your library: {folder}</p>"
        "<p>It is built on these components, each under its own licence:</p>"
    ).format(version=version, python=platform.python_version(), qt=qVersion(),
             pyside=pyside_version, folder=escape(library))
    rows = [(c.name, c.version, c.licence) for c in bundled_components()]
    headers = (translate("HelpDialogs", "Component"), translate("HelpDialogs", "Version"),
               translate("HelpDialogs", "Licence"))
    return _table_dialog(parent, translate("HelpDialogs", "About Annotator"), intro, headers,
                         rows, "about-dialog")
