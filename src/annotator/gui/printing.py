"""File ▸ Print… and Print Preview…: the document with its highlights, then its notes.

Printing reuses the PDF export's typesetter (`exporters/pdf.typeset`), so a printout and
an exported PDF share one layout: the title, legend and coverage chart, the full text
with the highlights tinted in their colours and underlined (readable in grey), and the
notes as numbered endnotes. The passage cards of the PDF export are left out: on paper
they would repeat what the text already shows highlighted.

Printing runs in a `Worker` (the summary and the layout of a long text take seconds) with
a progress dialog that appears when the work is slow and can cancel it; the QPrinter is
not a QObject and is left alone by the GUI thread meanwhile. The preview draws on the
GUI thread, as QPrintPreviewDialog asks it to, from a summary built once when it opens.
QtPrintSupport is imported here only, when the reader first prints, never before the
first paint.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QProgressDialog, QWidget

from annotator.core.summary import Summary, SummaryOptions
from annotator.exporters.base import CancelCheck, ExportOptions, ProgressCallback, Ticker
from annotator.exporters.pdf import DPI, typeset
from annotator.exporters.wording import Wording
from annotator.gui.dialogs import show_error
from annotator.gui.export_wording import export_wording
from annotator.gui.workers import ProgressReport, Worker
from annotator.services.exporting import summarise
from annotator.services.reading import Reading

if TYPE_CHECKING:
    from annotator.services.library_services import Services

# The text with every highlight, suggestions included, and the notes at the end.
PRINT_CONTENT = SummaryOptions(full_text=True, suggestions=True)
# Shown only when printing takes longer than this (ms).
PROGRESS_AFTER_MS = 400

SummaryJob = Callable[[ProgressCallback | None, CancelCheck | None], Summary]


def summary_job(reading: Reading, library: Services | None,
                document_id: str | None) -> SummaryJob:
    """How to build what is printed: from the library when the document is stored (so
    the reader's highlights and notes are in), else from the text on screen."""

    options = ExportOptions(PRINT_CONTENT, wording=export_wording())

    def build(progress: ProgressCallback | None, cancel: CancelCheck | None) -> Summary:
        if library is not None and document_id is not None:
            return library.summary(document_id, options, progress, cancel,
                                   taxonomy=reading.taxonomy)
        return summarise(reading.document, (), options, taxonomy=reading.taxonomy,
                         spans=reading.spans, progress=progress, cancel=cancel)

    return build


def print_summary(printer: QPrinter, summary: Summary, ticker: Ticker | None = None,
                  wording: Wording | None = None) -> None:
    """Typeset `summary` onto `printer`, in the page layout the reader chose for it, with
    headings in the window's language."""
    wording = wording or export_wording()
    printer.setResolution(DPI)
    printer.setDocName(wording.title(summary))
    printer.setCreator("Annotator")
    typeset(summary, printer, ticker or Ticker(), cards=False, wording=wording)


class Printing(QObject):
    """The window's print commands; `source()` says what to print (None: nothing open)."""

    # The printout is done (True) or was cancelled or failed (False); tests wait on it.
    printed = Signal(bool)

    def __init__(self, parent: QWidget, source: Callable[[], SummaryJob | None]) -> None:
        super().__init__(parent)
        self.window = parent
        self.source = source
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.worker: Worker | None = None
        self.progress: QProgressDialog | None = None

    def print_document(self) -> None:
        """File ▸ Print…: the system's print dialog, then the printout off the GUI thread."""
        if self.source() is None or self.worker is not None:
            return
        dialog = QPrintDialog(self.printer, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._print_chosen)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()

    def _print_chosen(self) -> None:
        self.print_to(self.printer)

    def print_to(self, printer: QPrinter) -> None:
        """Print to `printer` as it is set up (the dialog's choice, or a PDF file)."""
        build = self.source()
        if build is None or self.worker is not None:
            return
        wording = export_wording()  # here: translate() belongs to the GUI thread

        def job(progress: ProgressReport, cancelled: threading.Event) -> bool:
            def tick(done: int, total: int) -> None:
                progress(done * 100 // max(total, 1), "")

            summary = build(None, cancelled.is_set)
            print_summary(printer, summary, Ticker(tick, cancelled.is_set), wording)
            return True

        self.progress = QProgressDialog(self.tr("Printing…"), self.tr("Cancel"), 0, 100,
                                        self.window)
        self.progress.setWindowTitle(self.tr("Print"))
        self.progress.setMinimumDuration(PROGRESS_AFTER_MS)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        worker = self.worker = Worker(job, name="print")
        self.progress.canceled.connect(worker.cancel)
        worker.signals.progress.connect(self._on_progress)
        worker.signals.finished.connect(self._finished)
        worker.signals.cancelled.connect(self._cancelled)
        worker.signals.failed.connect(self._failed)
        worker.start()

    def _on_progress(self, percent: int, _message: str) -> None:
        if self.progress is not None:
            self.progress.setValue(percent)

    def _finished(self, _result: object) -> None:
        self._done(True)

    def _cancelled(self, _message: str) -> None:
        self._done(False)

    def _failed(self, message: str) -> None:
        self._done(False)
        show_error(self.window, self.tr("The document could not be printed"), message)

    def _done(self, ok: bool) -> None:
        self.worker = None
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None
        self.printed.emit(ok)

    def preview(self) -> QPrintPreviewDialog | None:
        """File ▸ Print Preview…: the pages as they will print, with the page setup."""
        build = self.source()
        if build is None:
            return None
        summary = build(None, None)
        dialog = QPrintPreviewDialog(self.printer, self.window)
        dialog.setObjectName("print-preview")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.paintRequested.connect(lambda printer: print_summary(printer, summary))
        dialog.open()
        return dialog
