"""Dialogs that tell the reader what went wrong and what to do next.

They are window-modal but opened with `open()`, not `exec()`: the event loop keeps
running (nothing freezes, tests can find and close the box) and the current document
stays on screen behind it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from annotator.errors import AnnotatorError
from annotator.gui.i18n import translate


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


def write_reporting(status: QLabel, write: Callable[[], object], path: Path) -> bool:
    """Run `write` (an export to `path`); say in `status` where it went or why it did not.

    For dialogs that export in place (answers, group summary): the error stays beside
    the button that caused it, and the dialog stays open to try another file.
    """
    try:
        write()
    except AnnotatorError as exc:
        status.setText(str(exc))
        return False
    status.setText(translate("Dialogs", "Written to {path}.").format(path=path))
    return True
