"""Dialogs that tell the reader what went wrong and what to do next.

They are window-modal but opened with `open()`, not `exec()`: the event loop keeps
running (nothing freezes, tests can find and close the box) and the current document
stays on screen behind it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def show_error(parent: QWidget, title: str, message: str, hint: str = "") -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok,
                      parent)
    box.setObjectName("error-dialog")
    if hint:
        box.setInformativeText(hint)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
