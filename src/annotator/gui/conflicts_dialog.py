"""Group ▸ Resolve Conflicts…: a note changed on two devices, both texts side by side.

A sync keeps this device's text and files the other device's (groupsync/conflicts.py);
here the reader sees each such note with both texts and when each was written, and
keeps one of them or writes the text to keep (a combination of both). The dialog only
draws and says what was chosen (`resolve_requested`): `GroupCommands` resolves off the
GUI thread, records the change as one undo step and syncs, then hands the remaining
conflicts back (`show_conflicts`), as the merge dialog hands a "keep the other version"
choice to the window (merge_dialog.py).
"""

from __future__ import annotations

from datetime import datetime
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotator.gui.merge_dialog import shortened

if TYPE_CHECKING:
    from annotator.core.annotation import Annotation
    from annotator.groupsync.conflicts import DeviceConflict

QUOTE_CHARS = 60
ERROR_STYLE = "color: #b00020;"


class ConflictsDialog(QDialog):
    # (the DeviceConflict, keep the other device's text, the text written or None)
    resolve_requested = Signal(object, bool, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflicts-dialog")
        self.setWindowTitle(self.tr("Resolve Conflicts"))
        self.resize(760, 520)
        self.found: list[DeviceConflict] = []
        intro = QLabel(self.tr(
            "These notes were changed on this device and on another of yours before they "
            "could sync. Keep one text, or write the text to keep; the group gets it at the "
            "next sync."), self)
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("conflicts-list")
        self.list.currentRowChanged.connect(self._show)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty = QLabel(self.tr("No conflicts left: every note has one text."), self)
        self.empty.setObjectName("conflicts-empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.detail = QWidget(self)
        self.passage = QLabel(self.detail)
        self.passage.setWordWrap(True)
        self.mine_label, self.mine = self._side(self.tr("This device"))
        self.other_label, self.other = self._side(self.tr("Your other device"))
        self.keep_mine = QPushButton(self.tr("Keep &This Device's Text"), self.detail)
        self.keep_mine.clicked.connect(lambda: self._request(False, None))
        self.keep_other = QPushButton(self.tr("Keep the &Other Device's Text"), self.detail)
        self.keep_other.clicked.connect(lambda: self._request(True, None))
        written_label = QLabel(self.tr("Or write the text to keep (both are copied here "
                                       "to combine):"), self.detail)
        written_label.setWordWrap(True)
        self.written = QPlainTextEdit(self.detail)
        self.written.setObjectName("conflicts-written")
        self.written.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        written_label.setBuddy(self.written)
        self.keep_written = QPushButton(self.tr("Keep the Text &Written Here"), self.detail)
        self.keep_written.clicked.connect(
            lambda: self._request(False, self.written.toPlainText()))
        grid = QGridLayout(self.detail)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.passage, 0, 0, 1, 2)
        grid.addWidget(self.mine_label, 1, 0)
        grid.addWidget(self.other_label, 1, 1)
        grid.addWidget(self.mine, 2, 0)
        grid.addWidget(self.other, 2, 1)
        grid.addWidget(self.keep_mine, 3, 0)
        grid.addWidget(self.keep_other, 3, 1)
        grid.addWidget(written_label, 4, 0, 1, 2)
        grid.addWidget(self.written, 5, 0, 1, 2)
        grid.addWidget(self.keep_written, 6, 1)
        grid.setRowStretch(2, 2)
        grid.setRowStretch(5, 1)

        splitter = QSplitter(self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([200, 560])
        self.status = QLabel(self)
        self.status.setObjectName("conflicts-status")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._splitter = splitter
        self.show_conflicts([])

    def _side(self, title: str) -> tuple[QLabel, QPlainTextEdit]:
        label = QLabel(title, self.detail)
        label.setWordWrap(True)
        text = QPlainTextEdit(self.detail)
        text.setReadOnly(True)
        text.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        label.setBuddy(text)
        return label, text

    # --- what GroupCommands hands over ------------------------------------------------

    def show_conflicts(self, found: list[DeviceConflict]) -> None:
        """The conflicts left (after opening, or after one was resolved)."""
        self.found = list(found)
        self.list.blockSignals(True)
        self.list.clear()
        for entry in self.found:
            item = QListWidgetItem(f"“{shortened(entry.conflict.kept.exact, QUOTE_CHARS)}”")
            item.setToolTip(entry.conflict.kept.exact)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._splitter.setVisible(bool(self.found))
        self.empty.setVisible(not self.found)
        self.set_busy(False)
        if self.found:
            self.list.setCurrentRow(0)
            self._show(0)

    def set_busy(self, busy: bool, message: str = "") -> None:
        for button in (self.keep_mine, self.keep_other, self.keep_written):
            button.setEnabled(not busy)
        self.status.setStyleSheet("")
        self.status.setText(message)

    def show_error(self, message: str) -> None:
        self.set_busy(False)
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(message)

    # --- drawing one conflict -----------------------------------------------------------

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.found):
            return
        entry = self.found[row]
        conflict = entry.conflict
        self.passage.setText(self.tr("Note on “{passage}”").format(
            passage=shortened(conflict.kept.exact, 2 * QUOTE_CHARS)))
        self.mine_label.setText(self.tr("<b>This device</b> ({device}) — changed {when}").format(
            device=escape(entry.device), when=_when(conflict.kept.modified)))
        if entry.other_device is None:  # pushed by a version that names no device
            self.other_label.setText(self.tr("<b>Your other device</b> — changed {when}").format(
                when=_when(conflict.other.modified)))
        else:
            self.other_label.setText(self.tr("<b>From {device}</b>, {when}").format(
                device=escape(entry.other_device), when=_when(conflict.other.modified)))
        self._fill(self.mine, conflict.kept)
        self._fill(self.other, conflict.other)
        both = [conflict.kept.note, conflict.other.note]
        self.written.setPlainText("\n\n".join(t for t in dict.fromkeys(both) if t.strip()))

    def _fill(self, text: QPlainTextEdit, annotation: Annotation) -> None:
        if annotation.deleted:
            text.setPlainText(self.tr("(deleted)"))
        else:
            tags = " ".join(f"#{t}" for t in annotation.tags)
            text.setPlainText(f"{annotation.note}\n\n{tags}" if tags else annotation.note)

    def _request(self, other: bool, note: str | None) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.found):
            return
        self.set_busy(True, self.tr("Saving your choice…"))
        self.resolve_requested.emit(self.found[row], other, note)


def _when(moment: datetime) -> str:
    """A time in the reader's locale and time zone."""
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()
    return QLocale().toString(local, QLocale.FormatType.ShortFormat)
