"""Areas ▸ Reset Learning: forget what the reader's decisions taught the detector.

The window forwards; `services/learning.py` decides. The reader is asked first, with
what will be forgotten ("weakened: you rejected “security council” 4 times"), and
Areas ▸ Undo Reset Learning puts it back (a setting, not the document's undo stack:
it spans every document).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

if TYPE_CHECKING:  # the store (SQLAlchemy) loads after the first paint
    from annotator.core.taxonomy import Taxonomy
    from annotator.services.learning import Learning

UNDO_SECONDS = 20


class LearningCommands(QObject):
    """The Reset Learning action, its question and its undo."""

    def __init__(self, parent: QWidget, learning: Callable[[], Learning | None],
                 taxonomy: Callable[[], Taxonomy], status: QStatusBar,
                 reread: Callable[[], None]) -> None:
        super().__init__(parent)
        self.widget = parent
        self._learning = learning
        self._taxonomy = taxonomy
        self._status = status
        self._reread = reread
        self.reset = QAction(self.tr("Reset &Learning…"), self)
        self.reset.setObjectName("action-reset-learning")
        self.reset.triggered.connect(self.ask_reset)
        self.undo = QAction(self.tr("&Undo Reset Learning"), self)
        self.undo.setObjectName("action-undo-reset-learning")
        self.undo.setEnabled(False)
        self.undo.triggered.connect(self.undo_reset)
        self.question: QMessageBox | None = None  # the last one asked (tests answer it)
        self._before: str | None = None
        self._known: set[str] | None = None  # the reasons learned, as last seen

    def check(self) -> None:
        """After the reader's annotations changed: when their decisions now teach
        something new, read the document again and say what was learned."""
        learning = self._learning()
        if learning is None:
            return
        reasons = {change.reason for change in learning.adjustments(self._taxonomy())}
        known, self._known = self._known, reasons
        new = sorted(reasons - known) if known is not None else []
        if new:
            self._reread()
            self._status.showMessage(
                self.tr("Learned from your decisions: {what}").format(what="; ".join(new)),
                10000)

    def ask_reset(self) -> None:
        learning = self._learning()
        if learning is None:
            self._status.showMessage(self.tr("The library is not open yet."), 4000)
            return
        learned = learning.adjustments(self._taxonomy())
        if not learned:
            self._status.showMessage(
                self.tr("Nothing learned yet: your accepted and rejected suggestions teach "
                        "the highlighting."), 6000)
            return
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Reset learning?"),
            self.tr("Forget what your decisions taught the highlighting? The suggestions "
                    "go back to the policy areas file as it is."),
            QMessageBox.StandardButton.Cancel, self.widget)
        box.addButton(self.tr("Reset Learning"), QMessageBox.ButtonRole.AcceptRole)
        box.setObjectName("reset-learning-question")
        box.setDetailedText("\n".join(change.reason for change in learned))
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: self._reset(learning))
        box.open()
        self.question = box

    def _reset(self, learning: Learning) -> None:
        self._before = learning.reset()
        self._known = set()
        self.undo.setEnabled(True)
        self._reread()
        self._status.showMessage(
            self.tr("Learning reset: the highlighting follows the policy areas file again."),
            UNDO_SECONDS * 1000)

    def undo_reset(self) -> None:
        learning = self._learning()
        if learning is None or self._before is None:
            return
        learning.undo_reset(self._before)
        self._before = None
        self._known = None  # what comes back was learned before: nothing new to announce
        self.undo.setEnabled(False)
        self._reread()
        self._status.showMessage(self.tr("What your decisions taught is back."), 6000)
