"""File ▸ Merge notes… and Collect answers…: a merge off the GUI thread, then its report.

Reading and checking thirty hand-ins takes about a second, so the merge runs in a
`gui/workers.py` job with a progress bar and Cancel; a cancelled or refused merge
writes nothing (`services/sharing.py`). When it is done the dialog turns into the
report: how many annotations were added, updated, unchanged and in conflict, and a
list of the conflicts where the reader picks the version to keep. Nothing here decides
anything: the window records the merge's changes as one undo step (`merged`), and a
"keep the other version" choice is a change of its own (`kept`).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import AnnotatorError
from annotator.gui.workers import ProgressReport, Worker

if TYPE_CHECKING:
    from annotator.exchange.merge import Conflict
    from annotator.services.sharing import MergeReport, Sharing

NOTE_CHARS = 120


def shortened(text: str, limit: int = NOTE_CHARS) -> str:
    """A note or passage on one line of at most `limit` characters, for lists."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class MergeDialog(QDialog):
    """Progress with Cancel while `paths` merge, then the report and the conflicts."""

    merged = Signal(object)  # the MergeReport, once stored
    kept = Signal(object)  # a Change: the reader kept a conflict's other version

    def __init__(
        self, sharing: Sharing, paths: list[Path], title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("merge-dialog")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(640, 420)
        self.sharing = sharing
        self.paths = paths
        self.report: MergeReport | None = None
        self.worker: Worker | None = None
        self.error = ""
        self.pages = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        running = QWidget(self.pages)
        running_layout = QVBoxLayout(running)
        self.status = QLabel(self.tr("Reading %n file(s)…", "", len(paths)),
                             running)
        self.status.setWordWrap(True)
        self.progress = QProgressBar(running)
        self.progress.setRange(0, 100)
        running_layout.addWidget(self.status)
        running_layout.addWidget(self.progress)
        running_layout.addStretch(1)
        self.pages.addWidget(running)

        done = QWidget(self.pages)
        done_layout = QVBoxLayout(done)
        self.counts = QLabel(done)
        self.counts.setObjectName("merge-counts")
        self.counts.setWordWrap(True)
        self.conflicts = QTableWidget(0, 4, done)
        self.conflicts.setObjectName("merge-conflicts")
        self.conflicts.setHorizontalHeaderLabels(
            [self.tr("Passage"), self.tr("Kept version"), self.tr("Other version"),
             self.tr("Keep")])
        header = self.conflicts.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.conflicts.setWordWrap(True)
        self.apply_button = QPushButton(self.tr("&Apply Choices"), done)
        self.apply_button.clicked.connect(self.apply_choices)
        done_layout.addWidget(self.counts)
        done_layout.addWidget(self.conflicts, 1)
        done_layout.addWidget(self.apply_button, 0, Qt.AlignmentFlag.AlignRight)
        self.pages.addWidget(done)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self.cancel_or_close)
        layout.addWidget(self.buttons)
        self._choices: list[tuple[Conflict, QComboBox]] = []

    # -- running ----------------------------------------------------------------------

    def start(self) -> Worker:
        sharing, paths = self.sharing, list(self.paths)
        reading = self.tr("Reading file {number} of {count}…")

        def merge_job(progress: ProgressReport, cancelled: threading.Event) -> object:
            def tick(done: int, total: int) -> None:
                progress(done * 90 // max(total, 1),
                         reading.format(number=done + 1, count=total))

            return sharing.merge(paths, progress=tick, cancelled=cancelled.is_set)

        worker = Worker(merge_job, name="merge")
        worker.signals.progress.connect(self._on_progress)
        worker.signals.finished.connect(self._on_finished)
        worker.signals.failed.connect(self._on_failed)
        worker.signals.cancelled.connect(self._on_failed)
        self.worker = worker
        worker.start()
        return worker

    def cancel_or_close(self) -> None:
        if self.worker is not None and self.worker.running:
            self.worker.cancel()
            self.status.setText(self.tr("Cancelling…"))
            return
        self.reject()

    def _on_progress(self, percent: int, message: str) -> None:
        self.progress.setValue(percent)
        if message:
            self.status.setText(message)

    def _on_failed(self, message: str) -> None:
        self.error = message
        self.progress.setValue(0)
        self.status.setText(message)
        self._closable()

    def _closable(self) -> None:
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

    def _on_finished(self, result: object) -> None:
        from annotator.services.sharing import MergeReport

        assert isinstance(result, MergeReport)
        self.report = result
        self.merged.emit(result)
        self.show_report(result)

    # -- the report -------------------------------------------------------------------

    def show_report(self, report: MergeReport) -> None:
        self.counts.setText(
            self.tr("Added {added}, updated {updated}, unchanged {unchanged}, "
                    "in conflict {conflicts}.").format(
                added=report.added, updated=report.updated, unchanged=report.unchanged,
                conflicts=len(report.conflicts)))
        self._choices.clear()
        self.conflicts.setRowCount(len(report.conflicts))
        from annotator.exchange.merge import Reason

        for row, conflict in enumerate(report.conflicts):
            cells = (shortened(conflict.kept.exact, 60),
                     f"{conflict.kept.author_name}: {shortened(conflict.kept.note)}",
                     f"{conflict.other.author_name}: {shortened(conflict.other.note)}")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.conflicts.setItem(row, column, item)
            if conflict.reason is Reason.LOCAL_READER:
                mine = QTableWidgetItem(self.tr("Yours (never replaced)"))
                mine.setFlags(mine.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.conflicts.setItem(row, 3, mine)
                continue
            choice = QComboBox(self.conflicts)
            choice.addItems([self.tr("Kept version"), self.tr("Other version")])
            self.conflicts.setCellWidget(row, 3, choice)
            self._choices.append((conflict, choice))
        self.conflicts.resizeRowsToContents()
        self.conflicts.setVisible(bool(report.conflicts))
        self.apply_button.setVisible(bool(self._choices))
        self.pages.setCurrentIndex(1)
        self._closable()

    def choose_other(self, row: int) -> None:
        """Pick the other version of the `row`-th choosable conflict (tests, keyboard)."""
        self._choices[row][1].setCurrentIndex(1)

    def apply_choices(self) -> None:
        """Store the other version wherever the reader chose it; each is one undo step."""
        for conflict, choice in self._choices:
            if choice.currentIndex() != 1 or not choice.isEnabled():
                continue
            try:
                change = self.sharing.keep_other(conflict)
            except AnnotatorError as exc:
                self.counts.setText(str(exc))
                return
            choice.setEnabled(False)
            self.kept.emit(change)
        self.apply_button.setEnabled(False)
