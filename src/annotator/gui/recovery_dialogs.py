"""The questions the window asks when the library needs a decision, never blocking.

A damaged library (restore the newest good backup, or start empty), a library that
cannot be opened at all, and a text that may be a new version of a stored document. Each
dialog is window-modal and answers through a callback, so the article keeps painting;
what to do with the answer is the services' (`services/recovery.py`, `ReaderSession`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.errors import AnnotatorError
from annotator.gui.dialogs import show_error

if TYPE_CHECKING:
    from annotator.services.recovery import CorruptDatabaseError


class RecoveryDialogs(QObject):
    """Builds the dialogs over `parent`; `shown(box)` hears of every error dialog."""

    def __init__(self, parent: QWidget, shown: Callable[[QMessageBox], None]) -> None:
        super().__init__(parent)
        self._parent = parent
        self._shown = shown

    def cannot_open(self, exc: AnnotatorError) -> QMessageBox:
        box = show_error(
            self._parent, self.tr("Your library cannot be opened"), str(exc),
            self.tr("You can keep reading; highlights and notes cannot be saved until "
                    "this is fixed."),
        )
        self._shown(box)
        return box

    def offer_backup(self, damage: CorruptDatabaseError, reopen: Callable[[], None],
                     ) -> QMessageBox:
        """Restore the newest good backup or start empty, then `reopen()` the library."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Your library was damaged"),
                          str(damage), QMessageBox.StandardButton.NoButton, self._parent)
        box.setObjectName("corrupt-dialog")
        if damage.backup is not None:
            box.setInformativeText(self.tr("Restore the newest good backup now? The damaged "
                                           "file is kept where it was moved."))
            restore = box.addButton(self.tr("Restore Backup"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(self.tr("Start Empty"), QMessageBox.ButtonRole.RejectRole)

            def answered() -> None:
                from annotator.services.recovery import restore_newest_backup, start_empty

                try:
                    if box.clickedButton() is restore:
                        restore_newest_backup(damage)
                    else:  # the reader chose to start empty; the damaged file is kept
                        start_empty(damage)
                except AnnotatorError as error:
                    self._shown(show_error(
                        self._parent, self.tr("The backup could not be restored"), str(error)))
                    return
                reopen()

            box.finished.connect(answered)
        else:
            box.addButton(QMessageBox.StandardButton.Ok)
            box.finished.connect(reopen)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
        return box

    def ask_revision(self, title: str, answered: Callable[[bool], None]) -> QMessageBox:
        """Is this text a new version of the stored document titled `title`?
        `answered(True)` moves its annotations here, `answered(False)` keeps both."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("A new version of a document?"),
                          self.tr("The library holds a document titled “{title}” with "
                                  "different text.").format(title=title),
                          QMessageBox.StandardButton.NoButton, self._parent)
        box.setObjectName("revision-dialog")
        box.setInformativeText(self.tr(
            "Move its highlights and notes onto this version? Annotations whose text is "
            "gone are kept and listed as unplaced."))
        revise = box.addButton(self.tr("Move Annotations Here"),
                               QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Keep Separate"), QMessageBox.ButtonRole.RejectRole)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _result: answered(box.clickedButton() is revise))
        box.open()
        return box
