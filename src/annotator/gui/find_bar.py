"""The find-in-page bar above the article: a query box, a match count, next/previous.

It only draws and forwards: the window computes the matches (`core.find`) and tells the
bar what to show. Enter and Shift+Enter step while the box has focus; F3, Shift+F3 and
Esc are window actions (`gui/actions.py`) so they work from the article too.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


class _QueryBox(QLineEdit):
    """The query field: Enter goes to the next match, Shift+Enter to the previous."""

    step = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            back = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.step.emit(-1 if back else 1)
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """Emits what the reader asks for; shows the count it is given."""

    query_changed = Signal(str)
    step_requested = Signal(int)  # +1 next, -1 previous
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("find-bar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.box = _QueryBox(self)
        self.box.setObjectName("find-box")
        self.box.setPlaceholderText(self.tr("Find in page"))
        self.box.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.count.setObjectName("find-count")
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance("0000 of 0000"))
        previous = QToolButton(self)
        previous.setText("↑")
        previous.setToolTip(self.tr("Previous match (Shift+F3)"))
        following = QToolButton(self)
        following.setText("↓")
        following.setToolTip(self.tr("Next match (F3, Enter)"))
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip(self.tr("Close (Esc)"))
        self.box.setMaximumWidth(self.box.fontMetrics().horizontalAdvance("x" * 40))
        layout.addWidget(self.box, 1)
        layout.addWidget(self.count)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addStretch(0)
        layout.addWidget(close)
        self.box.textChanged.connect(self.query_changed)
        self.box.step.connect(self.step_requested)
        previous.clicked.connect(lambda: self.step_requested.emit(-1))
        following.clicked.connect(lambda: self.step_requested.emit(1))
        close.clicked.connect(self.close_requested)
        self.hide()

    def open(self) -> None:
        self.show()
        self.box.setFocus()
        self.box.selectAll()

    def show_count(self, current: int | None, total: int) -> None:
        """'3 of 19', or 'No matches' for a query found nowhere (empty for no query)."""
        if not self.box.text():
            self.count.clear()
        elif total == 0:
            self.count.setText(self.tr("No matches"))
        else:
            shown = 0 if current is None else current + 1
            self.count.setText(self.tr("{n} of {total}").format(n=shown, total=total))
