"""The small editor for one annotation's note (Markdown) and tags.

Nothing typed may be lost (reliability plan T02), so the editor holds the text until the
window confirms it is stored: it commits when focus leaves a field, after a short pause in
typing, and whenever the window asks (`flush()`: on close, on aboutToQuit, on SIGTERM).
A failed save (disk full, read-only) leaves the text in the editor and the edit pending,
so the next commit retries it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

AUTOSAVE_MS = 1500

# (annotation id, note, tags) -> True once stored
Commit = Callable[[str, str, tuple[str, ...]], bool]


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags as typed: separated by commas; the service trims and de-duplicates."""
    return tuple(t for t in (part.strip() for part in text.split(",")) if t)


class NoteEditor(QFrame):
    """Edits the note and tags of one annotation at a time."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("note-editor")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.annotation_id: str | None = None
        self.commit: Commit | None = None
        self._saved: tuple[str, tuple[str, ...]] = ("", ())
        self.heading = QLabel(self)
        self.heading.setObjectName("note-editor-quote")
        self.heading.setWordWrap(True)
        self.heading.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("note-editor-text")
        self.note.setPlaceholderText(self.tr("Write a note… (Markdown: *emphasis*, **bold**, "
                                             "- lists, [links](https://…))"))
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(90)
        font = QFont(self.note.font())
        font.setFamilies(["DejaVu Sans", "Noto Sans", "sans-serif"])
        self.note.setFont(font)
        self.tags = QLineEdit(self)
        self.tags.setObjectName("note-editor-tags")
        self.tags.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.tags.setClearButtonEnabled(True)
        self.status = QLabel(self)
        self.status.setObjectName("note-editor-status")
        self.status.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.tags)
        layout.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)
        self.note.textChanged.connect(self._typed)
        self.tags.textEdited.connect(self._typed)
        self.tags.returnPressed.connect(self.flush)
        self.note.installEventFilter(self)
        self.tags.installEventFilter(self)
        self.hide()

    # -- editing --------------------------------------------------------------------

    def edit(self, annotation_id: str, quote: str, note: str, tags: tuple[str, ...]) -> None:
        """Show one annotation's note; any pending edit of the previous one is saved first."""
        if self.annotation_id != annotation_id:
            self.flush()
        self.annotation_id = annotation_id
        self._saved = (note, tags)
        excerpt = " ".join(quote.split())
        if len(excerpt) > 140:
            excerpt = excerpt[:137] + "…"
        self.heading.setText(f"“{excerpt}”")
        self.note.blockSignals(True)
        self.note.setPlainText(note)
        self.note.blockSignals(False)
        self.tags.setText(", ".join(tags))
        self.status.clear()
        self.show()

    def current(self) -> tuple[str, tuple[str, ...]]:
        return self.note.toPlainText(), parse_tags(self.tags.text())

    @property
    def pending(self) -> bool:
        """True while what is shown differs from what is stored."""
        return self.annotation_id is not None and self.current() != self._saved

    def flush(self) -> bool:
        """Store the pending edit now; False (text kept, retried later) if it failed."""
        self._timer.stop()
        if not self.pending or self.commit is None or self.annotation_id is None:
            return True
        note, tags = self.current()
        if self.commit(self.annotation_id, note, tags):
            self._saved = (note, tags)
            self.status.setText(self.tr("Saved"))
            return True
        self.status.setText(self.tr("Not saved yet — kept here; it will be retried."))
        return False

    def forget(self, annotation_id: str | None = None) -> None:
        """Stop editing (the annotation was deleted, or another document opened)."""
        if annotation_id is None or annotation_id == self.annotation_id:
            self._timer.stop()
            self.annotation_id = None
            self._saved = ("", ())
            self.hide()

    def refresh(self, note: str, tags: tuple[str, ...]) -> None:
        """The stored note changed elsewhere (undo): show it unless an edit is pending."""
        if not self.pending:
            self._saved = (note, tags)
            self.note.blockSignals(True)
            self.note.setPlainText(note)
            self.note.blockSignals(False)
            self.tags.setText(", ".join(tags))

    def _typed(self) -> None:
        if self.annotation_id is not None:
            self.status.setText(self.tr("Editing…"))
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.flush()
        elif (event.type() == QEvent.Type.KeyPress and watched is self.note
              and getattr(event, "key", lambda: None)() == Qt.Key.Key_Escape):
            self.flush()
            self.closed.emit()
        return super().eventFilter(watched, event)
