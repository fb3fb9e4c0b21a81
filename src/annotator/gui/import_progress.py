"""Big files are imported off the GUI thread, with a progress bar and Cancel.

File ▸ Open…, drag and drop and a handed-over `annotator FILE` all come through
`MainWindow.open_file`, which reads a file of up to `BACKGROUND_BYTES` at once (it
takes well under 0.3 s) and gives a bigger one to `BackgroundImport`: the importer
(the same registry, `importers/registry.py`) and detection run on a pool thread
(`gui/workers.py`), a bar in the status bar shows how far they are, and Cancel stops
them between steps. The document shown until then stays, and stays if the import
fails or is cancelled.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from annotator.core.taxonomy import Taxonomy
from annotator.gui.workers import ProgressReport, Worker, run_in_background
from annotator.importers.decoding import MAX_BYTES
from annotator.services.reading import Reading, open_path

BACKGROUND_BYTES = 2 * 1024 * 1024


def is_big(path: Path) -> bool:
    """Whether `path` is a regular file large enough to import in the background (and
    not so large that the importer refuses it at once)."""
    with contextlib.suppress(OSError):
        return path.is_file() and BACKGROUND_BYTES < path.stat().st_size <= MAX_BYTES
    return False


class BackgroundImport(QWidget):
    """The status-bar bar of one import at a time; a new one cancels the running one."""

    def __init__(self, opened: Callable[[Reading], None], failed: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import-progress")
        self._opened, self._failed = opened, failed
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 100)
        self.bar.setMaximumWidth(160)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("import-cancel")
        self.cancel_button.clicked.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        for widget in (self.label, self.bar, self.cancel_button):
            layout.addWidget(widget)
        self.worker: Worker | None = None
        self.message = ""
        self.hide()

    def start(self, path: Path, taxonomy: Taxonomy) -> None:
        self.cancel()
        self.label.setText(self.tr("Importing {name}…").format(name=path.name))
        self.bar.setValue(0)
        self.message = ""
        self.show()

        def job(progress: ProgressReport, cancelled: threading.Event) -> Reading:
            return open_path(path, taxonomy, lambda f: progress(int(f * 90), ""),
                             cancelled.is_set)

        self.worker = run_in_background(
            job, on_finished=self._finished, on_failed=self._failed_now,
            on_progress=lambda percent, _m: self.bar.setValue(percent),
            on_cancelled=self._cancelled, name=f"import-{path.name}")

    def cancel(self) -> None:
        if self.worker is not None and self.worker.running:
            self.worker.cancel()

    @property
    def running(self) -> bool:
        return self.worker is not None and self.worker.running

    def _finished(self, reading: object) -> None:
        self.hide()
        if isinstance(reading, Reading):
            self._opened(reading)

    def _failed_now(self, message: str) -> None:
        self.hide()
        self._failed(message)

    def _cancelled(self, message: str) -> None:
        self.hide()
        self.message = message
