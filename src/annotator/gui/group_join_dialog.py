"""Group ▸ Join…: the server's address and the member's token, and why joining failed.

The dialog only collects and shows: `GroupCommands` (group_menu.py) joins off the GUI
thread and hands back either success (the dialog closes) or the server's one-sentence
reason, shown here so the reader can correct the address or token in place.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class JoinDialog(QDialog):
    join_requested = Signal(str, str, str)  # url, token, this device's name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("group-join-dialog")
        self.setWindowTitle(self.tr("Join a Group"))
        self.url = QLineEdit(self)
        self.url.setObjectName("group-url")
        self.url.setPlaceholderText(self.tr("https://school.example/annotator"))
        self.token = QLineEdit(self)
        self.token.setObjectName("group-token")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        from annotator.groupsync.config import device_name  # only when joining

        self.device = QLineEdit(device_name(), self)
        self.device.setObjectName("group-device")
        self.device.setToolTip(self.tr(
            "Shown on your other devices when a note was changed on two of them. Join "
            "again with the same token to rename this device."))
        self.error = QLabel(self)
        self.error.setObjectName("group-join-error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Server &address:"), self.url)
        form.addRow(self.tr("Your &token:"), self.token)
        form.addRow(self.tr("This &device's name:"), self.device)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        join = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        join.setText(self.tr("&Join"))
        self.buttons.accepted.connect(self._join)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "Your teacher gives you the server's address and your own token."), self))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def _join(self) -> None:
        url, token = self.url.text().strip(), self.token.text().strip()
        if not url or not token:
            self.show_error(self.tr("Enter both the server's address and your token."))
            return
        self.error.setText(self.tr("Joining…"))
        self.error.setStyleSheet("")
        self.error.show()
        self.buttons.setEnabled(False)
        self.join_requested.emit(url, token, self.device.text())

    def show_error(self, message: str) -> None:
        """Joining failed: say why, and let the reader correct the fields."""
        self.error.setStyleSheet("color: #b00020;")
        self.error.setText(message)
        self.error.show()
        self.buttons.setEnabled(True)
