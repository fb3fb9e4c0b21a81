"""Questions and answers in the reader: Ask the Class… on a selection, Answer… on a question.

A teacher selects a passage and asks the class about it (a note with motivation
`questioning`); a student right-clicks the question and answers it (a reply, motivation
`replying`, linked to the question). Both are written by `services/sharing.py` and come
back as one `Change` the window records for undo. The context menu also tells which
annotations are the reader's own: another author's (a teacher's layer, a group member's)
is read-only, so it gets Answer… or nothing, never Edit or Delete.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.core.annotation import Annotation, Motivation

QUOTE_CHARS = 200


def is_question(annotation: Annotation) -> bool:
    return annotation.motivation is Motivation.QUESTIONING and not annotation.deleted


def is_own(annotation: Annotation, reader_id: str) -> bool:
    """Only the reader's own annotations can be edited or deleted (one owner each)."""
    return annotation.author_id == reader_id or not annotation.author_id


class TextDialog(QDialog):
    """A passage (and a question, when answering) above a box for the reader's text."""

    def __init__(self, title: str, prompt: str, quote: str, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("text-dialog")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        flat = " ".join(quote.split())
        shown = flat if len(flat) <= QUOTE_CHARS else flat[: QUOTE_CHARS - 1] + "…"
        self.quote = QLabel(f"“{shown}”", self)
        self.quote.setWordWrap(True)
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        self.prompt = QLabel(prompt, self)
        self.prompt.setWordWrap(True)
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("answer-text")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.text.textChanged.connect(self._update)
        for widget in (self.quote, self.prompt, self.text, self.buttons):
            layout.addWidget(widget)
        self.resize(460, 300)
        self._update()

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.text.toPlainText().strip()))

    def value(self) -> str:
        return self.text.toPlainText().strip()
