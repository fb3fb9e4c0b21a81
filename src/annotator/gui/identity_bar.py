"""The first-launch question "your name in annotations?" as a bar above the article.

It used to be a window-modal dialog over the article on the very first start; a bar
asks the same without stopping the reader (issue 7, item 15). Enter or Save reports the
name; Not now (or Esc in the box) dismisses it. Edit ▸ Identity… stays for later changes.

The bar takes the keyboard when it appears, so a reader who works without a mouse can
type their name at once, and hands it back to the page it sits on (its parent) when it
goes: the question should cost them no trip through the window's focus chain.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)


class _NameBox(QLineEdit):
    dismissed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.dismissed.emit()
            return
        super().keyPressEvent(event)


class IdentityBar(QWidget):
    chosen = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("identity-bar")
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        label = QLabel(self.tr("Your name on highlights and notes:"), self)
        self.name = _NameBox(name, self)
        self.name.setObjectName("identity-bar-name")
        self.name.setMaximumWidth(self.name.fontMetrics().horizontalAdvance("x" * 32))
        save = QPushButton(self.tr("Save"), self)
        later = QPushButton(self.tr("Not now"), self)
        layout.addWidget(label)
        layout.addWidget(self.name, 1)
        layout.addWidget(save)
        layout.addWidget(later)
        layout.addStretch(0)
        self.name.returnPressed.connect(self._save)
        save.clicked.connect(self._save)
        later.clicked.connect(self.dismiss)
        self.name.dismissed.connect(self.dismiss)
        self.name.textChanged.connect(lambda t: save.setEnabled(bool(t.strip())))

    def showEvent(self, event: QShowEvent) -> None:
        """The name box takes the keyboard when the bar is shown, its offered name
        selected (not when the window comes back from being minimised: that show is
        the system's, and the reader's focus is wherever they left it)."""
        super().showEvent(event)
        if not event.spontaneous():
            self.name.setFocus(Qt.FocusReason.OtherFocusReason)
            self.name.selectAll()  # the name offered is replaced by the first key typed

    def _save(self) -> None:
        name = self.name.text().strip()
        if name:
            self.chosen.emit(name)
            self.dismiss()

    def dismiss(self) -> None:
        """Hide and go; the keyboard returns to the page if it was in the bar (a reader who
        has moved on to a panel keeps their place there)."""
        focused = QApplication.focusWidget()
        had_focus = focused is not None and (focused is self or self.isAncestorOf(focused))
        self.hide()
        parent = self.parentWidget()
        if had_focus and parent is not None:
            parent.setFocus(Qt.FocusReason.OtherFocusReason)
        self.deleteLater()
