"""File ▸ Print… and Print Preview…: the document with its highlights, and its notes.

Printing reuses the PDF export's typesetter (`exporters/pdf.typeset`), so a printout and
an exported PDF share one layout: the title, legend and coverage chart, the full text
with the highlights tinted in their colours and underlined (readable in grey), and the
notes as numbered endnotes, as cards in the margin beside their passages, or not at all:
the reader chooses in a "Notes" tab of the print dialog or in the preview's tool bar,
and the choice is remembered. Qt's own print dialog keeps its option tabs folded behind
"Options >>", where nobody looks for the notes; File ▸ Print opens them with the Notes
tab in front (`_notes_in_view`). The native dialogs of Windows and macOS show no tabs of
ours at all, so there File ▸ Print asks where the notes go in a small step first.
Printed on both sides, the margin cards go in the outer margin. The passage cards of
the PDF export are left out: on paper they would repeat what the text already shows
highlighted.

Printing runs in a `Worker` (the summary and the layout of a long text take seconds) with
a progress dialog that appears when the work is slow and can cancel it; the QPrinter is
not a QObject and is left alone by the GUI thread meanwhile. The preview draws on the
GUI thread, as QPrintPreviewDialog asks it to, from a summary built once when it opens.
QtPrintSupport is imported here only, when the reader first prints, never before the
first paint.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtPrintSupport import (
    QPrintDialog,
    QPrinter,
    QPrintPreviewDialog,
    QPrintPreviewWidget,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressDialog,
    QTabWidget,
    QToolBar,
    QWidget,
)

from annotator.core.summary import Summary, SummaryOptions
from annotator.exporters.base import (
    CancelCheck,
    ExportOptions,
    NoteLayout,
    ProgressCallback,
    Ticker,
)
from annotator.exporters.pdf import DPI, typeset
from annotator.exporters.wording import Wording
from annotator.gui.dialogs import show_error
from annotator.gui.export_wording import export_wording
from annotator.gui.note_layout_box import NoteLayoutBox
from annotator.gui.workers import ProgressReport, Worker
from annotator.services.exporting import summarise
from annotator.services.reading import Reading

if TYPE_CHECKING:
    from annotator.gui.settings import Settings
    from annotator.services.library_services import Services

# The text with every highlight, suggestions included, and the notes at the end.
PRINT_CONTENT = SummaryOptions(full_text=True, suggestions=True)
# Shown only when printing takes longer than this (ms).
PROGRESS_AFTER_MS = 400
NOTES_KEY = "print/notes"
# Qt's own print dialog shows option tabs; on these systems QPrintDialog is the native one.
NATIVE_PRINT_DIALOG = sys.platform in ("win32", "darwin")

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
                  wording: Wording | None = None, notes: NoteLayout = NoteLayout.END) -> None:
    """Typeset `summary` onto `printer`, in the page layout the reader chose for it, with
    headings in the window's language and the notes where the reader wants them."""
    wording = wording or export_wording()
    printer.setResolution(DPI)
    printer.setDocName(wording.title(summary))
    printer.setCreator("Annotator")
    both_sides = printer.duplex() is not QPrinter.DuplexMode.DuplexNone
    typeset(summary, printer, ticker or Ticker(), cards=False, notes=notes, wording=wording,
            mirrored=both_sides)


class Printing(QObject):
    """The window's print commands; `source()` says what to print (None: nothing open)."""

    # The printout is done (True) or was cancelled or failed (False); tests wait on it.
    printed = Signal(bool)

    def __init__(self, parent: QWidget, source: Callable[[], SummaryJob | None],
                 settings: Settings | None = None) -> None:
        super().__init__(parent)
        self.window = parent
        self.source = source
        self.settings = settings
        stored = str(settings.state.value(NOTES_KEY, "")) if settings is not None else ""
        self.notes = NoteLayout(stored) if stored in set(NoteLayout) else NoteLayout.END
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.worker: Worker | None = None
        self.progress: QProgressDialog | None = None

    def print_document(self, *, notes_first: bool = NATIVE_PRINT_DIALOG) -> None:
        """File ▸ Print…: the system's print dialog, then the printout off the GUI thread;
        with `notes_first` (a native print dialog), where the notes go is asked before."""
        if self.source() is None or self.worker is not None:
            return
        if notes_first:
            self._notes_step().open()
            return
        self._print_dialog()

    def _notes_step(self) -> QDialog:
        """Notes at the end, in the margin or left out; Continue opens the print dialog."""
        step = QDialog(self.window)
        step.setObjectName("print-notes-step")
        step.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        step.setWindowTitle(self.tr("Print"))
        box, form = self._notes_form(step)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, step)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Continue…"))
        buttons.accepted.connect(step.accept)
        buttons.rejected.connect(step.reject)
        form.addRow(buttons)
        step.accepted.connect(lambda: self.set_notes(box.choice()))
        step.accepted.connect(self._print_dialog)
        step.setWindowModality(Qt.WindowModality.WindowModal)
        step.setMinimumWidth(380)
        return step

    def _notes_form(self, parent: QWidget) -> tuple[NoteLayoutBox, QFormLayout]:
        """The notes' place, as last chosen, and what the choices mean (the box's tooltip,
        shown without hovering)."""
        box = NoteLayoutBox(parent)
        box.set_choice(self.notes)
        hint = QLabel(box.toolTip(), parent)
        hint.setWordWrap(True)
        form = QFormLayout(parent)
        form.addRow(self.tr("&Notes:"), box)
        form.addRow(hint)
        return box, form

    def _print_dialog(self) -> None:
        dialog = QPrintDialog(self.printer, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        tab = QWidget(dialog)  # owned by the dialog, not by this function's scope
        tab.setWindowTitle(self.tr("Notes"))  # the tab's label
        box, _form = self._notes_form(tab)
        dialog.setOptionTabs([tab])  # Qt's own dialog shows it; a native one may not
        dialog.accepted.connect(lambda: self.set_notes(box.choice()))
        dialog.accepted.connect(self._print_chosen)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
        _notes_in_view(dialog, tab)

    def _print_chosen(self) -> None:
        self.print_to(self.printer)

    def set_notes(self, notes: NoteLayout) -> None:
        """Where the notes go in the next printout and preview; remembered."""
        self.notes = notes
        if self.settings is not None:
            self.settings.state.setValue(NOTES_KEY, notes.value)

    def print_to(self, printer: QPrinter) -> None:
        """Print to `printer` as it is set up (the dialog's choice, or a PDF file)."""
        build = self.source()
        if build is None or self.worker is not None:
            return
        wording = export_wording()  # here: translate() belongs to the GUI thread
        notes = self.notes

        def job(progress: ProgressReport, cancelled: threading.Event) -> bool:
            def tick(done: int, total: int) -> None:
                progress(done * 100 // max(total, 1), "")

            summary = build(None, cancelled.is_set)
            print_summary(printer, summary, Ticker(tick, cancelled.is_set), wording, notes)
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
        wording = export_wording()
        dialog.paintRequested.connect(
            lambda printer: print_summary(printer, summary, wording=wording, notes=self.notes))
        self._add_notes_choice(dialog)
        dialog.open()
        return dialog

    def _add_notes_choice(self, dialog: QPrintPreviewDialog) -> None:
        """The notes' place in the preview's tool bar: the pages are redrawn on a change."""
        toolbar = dialog.findChild(QToolBar)
        preview = dialog.findChild(QPrintPreviewWidget)
        if toolbar is None or preview is None or not toolbar.actions():
            return
        box = NoteLayoutBox(toolbar)
        box.set_choice(self.notes)
        label = QLabel(self.tr("Notes:"), toolbar)
        label.setBuddy(box)
        # First in the bar: at the end it would fall into the overflow menu of a small window.
        first = toolbar.actions()[0]
        toolbar.insertWidget(first, label)
        toolbar.insertWidget(first, box)
        toolbar.insertSeparator(first)

        def chosen(_index: int) -> None:
            self.set_notes(box.choice())
            preview.updatePreview()

        box.currentIndexChanged.connect(chosen)


def _notes_in_view(dialog: QPrintDialog, tab: QWidget) -> None:
    """Unfold the option tabs of Qt's own print dialog (Linux, BSD) with the Notes tab in
    front. The dialog has no call for this: its "Options >>" button is the one with the
    reset role, which a click toggles (qprintdialog_unix.cpp), found by role, not by its
    translated text. A native dialog (Windows, macOS) has neither the tabs nor the
    button, and is left as it is."""
    tabs = dialog.findChild(QTabWidget)
    if tabs is not None and tabs.indexOf(tab) >= 0:
        tabs.setCurrentWidget(tab)
    if tab.isVisible():
        return
    for box in dialog.findChildren(QDialogButtonBox):
        for button in box.buttons():
            if box.buttonRole(button) is QDialogButtonBox.ButtonRole.ResetRole:
                button.click()
                return
