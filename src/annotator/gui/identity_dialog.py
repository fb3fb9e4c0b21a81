"""Edit ▸ Identity…: the display name written on every annotation the reader makes.

Asked once on the first run with a real display (defaulting to the OS user), and
changeable here later; renaming also updates the name on the reader's existing
annotations (the identity service does that). The dialog never blocks: it is opened with
`open()` and reports the chosen name through a signal.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class IdentityDialog(QDialog):
    chosen = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("identity-dialog")
        self.setWindowTitle(self.tr("Your Name in Annotations"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        intro = QLabel(self.tr("Annotator writes this name on your highlights and notes, "
                               "so others can tell who wrote what when you share them."), self)
        intro.setWordWrap(True)
        self.name = QLineEdit(name, self)
        self.name.setObjectName("identity-name")
        self.name.selectAll()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(lambda t: buttons.button(
            QDialogButtonBox.StandardButton.Ok).setEnabled(bool(t.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.name)
        layout.addWidget(buttons)
        self.resize(380, self.sizeHint().height())

    def accept(self) -> None:
        name = self.name.text().strip()
        if name:
            self.chosen.emit(name)
        super().accept()
