"""File ▸ Share Annotated Copy… and File ▸ Hand In…: write a `.annot` of this document.

Sharing picks the layers to carry (the reader's own notes, the policy areas they
accepted, everyone's notes in the library) and a file; handing in carries the reader's
own layer only, so the dialog offers no choice of layers. Writing is
`Sharing.bundle` (a few hundred milliseconds at most: one document's annotations),
and an error is shown in the dialog, which stays open to try another place.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import AnnotatorError

if TYPE_CHECKING:
    from annotator.services.sharing import Sharing, Written


class ShareDialog(QDialog):
    """Layers (unless handing in) and a target file; Save writes the bundle."""

    written = Signal(object)  # services.sharing.Written

    def __init__(
        self,
        sharing: Sharing,
        document_id: str,
        suggested: Path,
        *,
        hand_in: bool = False,
        addressee: tuple[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`addressee` (author id, shown name): feedback, which also carries the
        reader's private replies to that author's notes."""
        super().__init__(parent)
        self.setObjectName("hand-in-dialog" if hand_in else "share-dialog")
        self.sharing = sharing
        self.document_id = document_id
        self.hand_in = hand_in
        self.addressee = addressee
        self.result_: Written | None = None
        layout = QVBoxLayout(self)
        if addressee is not None:
            self.setWindowTitle(self.tr("Send Feedback to {name}").format(name=addressee[1]))
            text = self.tr("Your notes and questions, and your replies to {name}'s notes "
                           "(no one else's copy has them).").format(name=addressee[1])
        elif hand_in:
            self.setWindowTitle(self.tr("Hand In"))
            text = self.tr("Your own notes and answers go to the teacher, with the "
                           "document's fingerprint so they land on the right text.")
        else:
            self.setWindowTitle(self.tr("Share Annotated Copy"))
            text = self.tr("Write a .annot file a class or a study group can open in "
                           "Annotator.")
        intro = QLabel(text, self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.layers = QGroupBox(self.tr("Layers"), self)
        box = QVBoxLayout(self.layers)
        self.mine = QCheckBox(self.tr("&My notes and questions"), self.layers)
        self.areas = QCheckBox(self.tr("Accepted &policy areas"), self.layers)
        self.everyone = QCheckBox(self.tr("&Everyone's notes in my library"), self.layers)
        self.mine.setChecked(True)
        self.areas.setChecked(True)
        for check in (self.mine, self.areas, self.everyone):
            box.addWidget(check)
            check.toggled.connect(self._update)
        # Feedback never carries other students' notes: the layers are fixed.
        self.layers.setVisible(not hand_in and addressee is None)
        layout.addWidget(self.layers)
        row = QHBoxLayout()
        self.path = QLineEdit(str(suggested), self)
        self.path.setObjectName("share-path")
        self.path.textChanged.connect(self._update)
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self.browse)
        row.addWidget(QLabel(self.tr("File:"), self))
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        self.status = QLabel(self)
        self.status.setObjectName("share-status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(480, self.sizeHint().height())
        self._update()

    def chosen_layers(self) -> tuple[str, ...]:
        if self.hand_in:
            from annotator.services.sharing import HAND_IN

            return HAND_IN
        if self.addressee is not None:
            return ("mine", "areas")
        if self.everyone.isChecked():
            return ("all",)
        return tuple(name for name, check in (("mine", self.mine), ("areas", self.areas))
                     if check.isChecked())

    def _update(self) -> None:
        everyone = self.everyone.isChecked()
        self.mine.setEnabled(not everyone)
        self.areas.setEnabled(not everyone)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(bool(self.chosen_layers()) and bool(self.path.text().strip()))

    def browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.windowTitle(), self.path.text(),
            self.tr("Annotator bundles (*.annot)"))
        if name:
            self.path.setText(name if name.endswith(".annot") else name + ".annot")

    def save(self) -> None:
        path = Path(self.path.text().strip()).expanduser()
        try:
            self.result_ = self.sharing.bundle(
                self.document_id, path, self.chosen_layers(),
                self.addressee[0] if self.addressee else None, text=not self.hand_in)
        except (AnnotatorError, OSError) as exc:
            self.status.setText(self.tr("Not written: {reason}").format(reason=exc))
            return
        self.written.emit(self.result_)
        self.accept()
