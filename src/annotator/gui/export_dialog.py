"""File ▸ Export…: choose a format, a file and what to include, then export in the background.

The formats come from the exporters' registry (the CLI's `--format` list), the options
from the summary model. The export runs in a `Worker` on the thread pool, so the window
keeps painting; the progress bar follows the exporter and Cancel stops it at its next
check. Exporters write atomically, so a cancelled or failed export leaves any earlier
file at the target exactly as it was. Errors are `AnnotatorError` messages, shown in
the dialog itself (the reader can fix the path and try again without reopening it).

What is exported is the document on screen: from the library with the reader's
annotations when the window has the library open and the document's id, otherwise from the
objects the window already holds (document, policy areas, machine passages).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QCloseEvent, QColor, QDesktopServices, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from annotator.core.annotation import COLOR_BY_KEY, Annotation
from annotator.core.filters import AnnotationFilter
from annotator.core.summary import SummaryOptions
from annotator.errors import AnnotatorError
from annotator.exporters import (
    FORMATS,
    ExportCancelled,
    ExportFormat,
    ExportOptions,
    NoteLayout,
    PageSize,
)
from annotator.gui.export_wording import export_wording
from annotator.gui.note_layout_box import NoteLayoutBox
from annotator.gui.settings import Settings
from annotator.gui.workers import ProgressReport, Worker
from annotator.services.exporting import export_folder
from annotator.services.reading import Reading

if TYPE_CHECKING:
    from annotator.services.library_services import Services

FOLDER_KEY = "export/folder"
FORMAT_KEY = "export/format"
_UNSAFE = re.compile(r'[\x00-\x1f<>:"/\\|?*]+')


def default_file_name(title: str, suffix: str) -> str:
    """A file name from the document title: no path separators or characters Windows
    refuses, no leading dot, at most 80 characters before the suffix."""
    name = _UNSAFE.sub(" ", title)
    name = " ".join(name.split()).strip(" .")[:80].rstrip(" .")
    return f"{name or 'export'}{suffix}"


def _swatch(color: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class CheckList(QListWidget):
    """A short list of checkable choices; `selection()` is None when all are checked."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setUniformItemSizes(True)

    def add(self, value: str, label: str, color: str | None = None) -> None:
        item = QListWidgetItem(label, self)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        if color is not None:
            item.setIcon(_swatch(color))

    def fit(self, max_rows: int = 5) -> None:
        """As tall as its rows, up to `max_rows` (then it scrolls)."""
        rows = max(1, min(self.count(), max_rows))
        row = self.sizeHintForRow(0) if self.count() else self.fontMetrics().height() + 4
        self.setFixedHeight(rows * row + 2 * self.frameWidth() + 2)

    def all_items(self) -> list[QListWidgetItem]:
        return [self.item(i) for i in range(self.count())]

    def set_checked(self, values: Iterable[str]) -> None:
        wanted = set(values)
        for item in self.all_items():
            on = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def checked(self) -> frozenset[str]:
        return frozenset(
            str(item.data(Qt.ItemDataRole.UserRole)) for item in self.all_items()
            if item.checkState() is Qt.CheckState.Checked
        )

    def selection(self) -> frozenset[str] | None:
        checked = self.checked()
        return None if len(checked) == self.count() else checked


class ExportDialog(QDialog):
    """Export the document on screen; non-blocking from start to finish."""

    def __init__(
        self,
        reading: Reading,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        library: Services | None = None,
        document_id: str | None = None,
        annotations: Sequence[Annotation] | None = None,
    ) -> None:
        super().__init__(parent)
        self.reading = reading
        self.settings = settings
        self.library = library if document_id else None
        self.document_id = document_id if library is not None else None
        self.worker: Worker | None = None
        self.written: Path | None = None
        self.last_error: str | None = None
        self.was_cancelled = False
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self._annotations = ([a for a in annotations if not a.deleted]
                             if annotations is not None else self._load())
        self.setObjectName("export-dialog")
        self.setWindowTitle(self.tr("Export “{title}”").format(title=self._title()))
        self.setMinimumWidth(520)
        self._build()
        self._restore_choices()

    # -- construction ---------------------------------------------------------------

    def _title(self) -> str:
        reading = self.reading
        return (reading.document.metadata.title
                or (reading.path.stem if reading.path else "") or self.tr("Untitled document"))

    def _load(self) -> list[Annotation]:
        """The reader's annotations from the library, for the author/colour/tag lists.

        One indexed read; the export itself reads them again on the worker thread.
        """
        if self.library is None or self.document_id is None:
            return []
        try:
            return self.library.annotations(self.document_id)
        except AnnotatorError:
            return []

    def _build(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form = form

        self.format_box = QComboBox(self)
        self.format_box.setObjectName("export-format")
        for fmt in FORMATS:
            self.format_box.addItem(
                self.tr("{label} ({suffix})").format(label=self.tr(fmt.label), suffix=fmt.suffix),
                fmt.name,
            )
        form.addRow(self.tr("&Format:"), self.format_box)

        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("export-path")
        self.path_edit.setClearButtonEnabled(True)
        self.browse_button = QPushButton(self.tr("Save &As…"), self)
        self.browse_button.setObjectName("export-browse")
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        path_label = QLabel(self.tr("&Save to:"), self)
        path_label.setBuddy(self.path_edit)
        form.addRow(path_label, path_row)

        self.areas_list = CheckList("export-areas", self)
        for area in self.reading.taxonomy.areas:
            self.areas_list.add(area.id, area.label, area.color)
        self.areas_list.fit(len(self.reading.taxonomy.areas))
        form.addRow(self.tr("Policy &areas:"), self.areas_list)

        annotations = self._annotations
        authors = sorted({(a.author_id or a.author_name, a.author_name or a.author_id)
                          for a in annotations if a.author_id or a.author_name},
                         key=lambda pair: pair[1].casefold())
        self.authors_list = CheckList("export-authors", self)
        for value, label in authors:
            self.authors_list.add(value, label)
        self.authors_list.fit(4)
        form.addRow(self.tr("A&uthors:"), self.authors_list)
        form.setRowVisible(self.authors_list, len(authors) > 1)

        area_by_id = {a.id: a for a in self.reading.taxonomy.areas}
        self.colors_list = CheckList("export-colors", self)
        for key in sorted({a.color for a in annotations}):
            named = COLOR_BY_KEY.get(key)
            if named is not None:
                self.colors_list.add(key, f"{named.label}: {named.meaning}", named.hex)
            elif key in area_by_id:
                self.colors_list.add(key, area_by_id[key].label, area_by_id[key].color)
            else:
                self.colors_list.add(key, key, key if key.startswith("#") else None)
        self.colors_list.fit(4)
        form.addRow(self.tr("&Colours:"), self.colors_list)
        form.setRowVisible(self.colors_list, self.colors_list.count() > 1)

        self.tags_list = CheckList("export-tags", self)
        for tag in sorted({t for a in annotations for t in a.tags}, key=str.casefold):
            self.tags_list.add(tag, f"#{tag}")
        self.tags_list.fit(4)
        self.untagged_note = self.tr("Unchecking a tag keeps only passages with a checked tag.")
        self.tags_list.setToolTip(self.untagged_note)
        form.addRow(self.tr("&Tags:"), self.tags_list)
        form.setRowVisible(self.tags_list, self.tags_list.count() > 0)

        self.full_text_box = QCheckBox(self.tr("The full text, with its highlights"), self)
        self.full_text_box.setObjectName("export-full-text")
        self.suggestions_box = QCheckBox(
            self.tr("Machine suggestions not yet accepted"), self)
        self.suggestions_box.setObjectName("export-suggestions")
        # Until the reader files something under an area, the areas come from the
        # suggestions: without them the overview would be all zeros (issue 9 item 4).
        self.suggestions_box.setChecked(not any(a.area for a in self._annotations))
        include = QVBoxLayout()
        include.setSpacing(4)
        include.addWidget(self.full_text_box)
        include.addWidget(self.suggestions_box)
        form.addRow(self.tr("Include:"), include)

        self.page_size_box = QComboBox(self)
        self.page_size_box.setObjectName("export-page-size")
        self.page_size_box.addItem(self.tr("A4"), PageSize.A4.value)
        self.page_size_box.addItem(self.tr("US Letter"), PageSize.LETTER.value)
        form.addRow(self.tr("&Page size:"), self.page_size_box)

        self.notes_box = NoteLayoutBox(self)
        self.notes_box.setObjectName("export-notes")
        form.addRow(self.tr("&Notes:"), self.notes_box)

        self.source_note = QLabel(self._source_text(), self)
        self.source_note.setObjectName("export-source-note")
        self.source_note.setWordWrap(True)
        self.source_note.setEnabled(False)  # drawn as a quiet hint
        self.source_note.setVisible(not annotations)

        # Progress, result and error: one area under the form.
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("export-progress")
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel Export"), self)
        self.cancel_button.setObjectName("export-cancel")
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_bar, 1)
        progress_row.addWidget(self.cancel_button)

        self.status_icon = QLabel(self)
        self.status_icon.setObjectName("export-status-icon")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("export-status")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)  # messages name user paths
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.show_folder_button = QPushButton(self.tr("Show in &Folder"), self)
        self.show_folder_button.setObjectName("export-show-folder")
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.open_button.setObjectName("export-open")
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_icon, 0, Qt.AlignmentFlag.AlignTop)
        status_row.addWidget(self.status_label, 1)
        status_row.addWidget(self.show_folder_button, 0, Qt.AlignmentFlag.AlignTop)
        status_row.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)

        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("export-run")
        self.export_button.setDefault(True)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("export-close")

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.source_note)
        layout.addSpacing(6)
        layout.addLayout(progress_row)
        layout.addLayout(status_row)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.format_box.currentIndexChanged.connect(self._format_changed)
        self.notes_box.currentIndexChanged.connect(self._notes_changed)
        self.browse_button.clicked.connect(self.choose_path)
        self.path_edit.textChanged.connect(self._update_buttons)
        self.path_edit.editingFinished.connect(self._follow_suffix)
        for lst in (self.areas_list, self.authors_list, self.colors_list, self.tags_list):
            lst.itemChanged.connect(self._update_buttons)
        self.export_button.clicked.connect(self.start_export)
        self.close_button.clicked.connect(self.reject)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.show_folder_button.clicked.connect(self.show_in_folder)
        self.open_button.clicked.connect(self.open_file)
        self._set_running(False)
        self._clear_status()

    def _source_text(self) -> str:
        if self.library is not None:
            return self.tr("This document has no highlights or notes yet: the export holds "
                           "its policy areas and machine passages.")
        return self.tr("This document is not in the library, so the export holds its "
                       "policy areas and machine passages, without highlights or notes.")

    def _restore_choices(self) -> None:
        name = str(self.settings.state.value(FORMAT_KEY, FORMATS[0].name))
        index = self.format_box.findData(name)
        self.format_box.setCurrentIndex(max(index, 0))
        folder = export_folder(str(self.settings.state.value(FOLDER_KEY, "")),
                               self._default_folder())
        self.path_edit.setText(str(folder / default_file_name(self._title(),
                                                              self.current_format.suffix)))
        self._format_changed()

    @staticmethod
    def _default_folder() -> Path:
        """Documents when it exists (a fresh machine may have none), else home."""
        return export_folder(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation))

    # -- choices --------------------------------------------------------------------

    @property
    def current_format(self) -> ExportFormat:
        name = str(self.format_box.currentData())
        return next(f for f in FORMATS if f.name == name)

    def set_format(self, name: str) -> None:
        self.format_box.setCurrentIndex(self.format_box.findData(name))

    @property
    def target(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def set_target(self, path: Path) -> None:
        """Export to `path`; a known format's suffix chooses that format, as in the CLI."""
        self.path_edit.setText(str(path))
        self._follow_suffix()

    def _follow_suffix(self) -> None:
        suffix = self.target.suffix.lower()
        fmt = next((f for f in FORMATS if f.suffix == suffix), None)
        if fmt is not None and fmt.name != self.current_format.name:
            self.set_format(fmt.name)

    def options(self) -> ExportOptions:
        wanted = AnnotationFilter(
            areas=self.areas_list.selection(),
            authors=self.authors_list.selection() if self.authors_list.count() else None,
            colors=self.colors_list.selection() if self.colors_list.count() else None,
            # No tag ticked means no tag filter (an empty filter would select nothing).
            tags=(self.tags_list.selection() or None) if self.tags_list.count() else None,
        )
        summary = SummaryOptions(wanted, full_text=self.full_text_box.isChecked(),
                                 suggestions=self.suggestions_box.isChecked())
        return ExportOptions(summary, PageSize(str(self.page_size_box.currentData())),
                             self.notes_box.choice(), export_wording())

    def _format_changed(self) -> None:
        fmt = self.current_format
        self.form.setRowVisible(self.page_size_box, fmt.name == "pdf")
        self.form.setRowVisible(self.notes_box, fmt.name == "pdf")
        text = self.path_edit.text().strip()
        if text:
            path = Path(text)
            if path.suffix.lower() in {f.suffix for f in FORMATS} or not path.suffix:
                self.path_edit.setText(str(path.with_suffix(fmt.suffix)))
        self.adjustSize()

    def _notes_changed(self) -> None:
        """Margin cards sit beside the full text: choosing them includes it."""
        if self.notes_box.choice() is NoteLayout.MARGIN:
            self.full_text_box.setChecked(True)

    def choose_path(self) -> None:
        """A Save As dialog, opened without a nested event loop (`open`, not `exec`)."""
        fmt = self.current_format
        chooser = QFileDialog(self, self.tr("Export As"), str(self.target))
        chooser.setObjectName("export-file-dialog")
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setFileMode(QFileDialog.FileMode.AnyFile)
        chooser.setNameFilter(self.tr("{label} (*{suffix})").format(
            label=self.tr(fmt.label), suffix=fmt.suffix))
        chooser.setDefaultSuffix(fmt.suffix.lstrip("."))
        chooser.selectFile(str(self.target))
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.fileSelected.connect(lambda name: self.set_target(Path(name)))
        chooser.open()

    def _problem(self) -> str:
        """Why Export cannot run with these choices; "" when it can."""
        if not self.path_edit.text().strip():
            return self.tr("Choose where to save the export.")
        lists = ((self.areas_list, self.tr("Choose at least one policy area.")),
                 (self.authors_list, self.tr("Choose at least one author.")),
                 (self.colors_list, self.tr("Choose at least one colour.")),
                 (self.tags_list, ""))  # no tag checked: passages without a tag filter
        for lst, message in lists:
            if message and lst.count() and not lst.checked():
                return message
        return ""

    def _update_buttons(self) -> None:
        running = self.worker is not None
        problem = self._problem()
        self.export_button.setEnabled(not running and not problem)
        self.export_button.setToolTip(problem)

    # -- exporting ------------------------------------------------------------------

    def start_export(self) -> None:
        if self.worker is not None:
            return
        problem = self._problem()
        if problem:
            self._show_error(problem)
            return
        fmt, path, options = self.current_format, self.target, self.options()
        if not path.is_absolute():
            path = self._default_folder() / path
            self.set_target(path)
        self.written = None
        self.last_error = None
        self.was_cancelled = False
        self._clear_status()
        self.progress_bar.setValue(0)
        self.progress_bar.setFormat(self.tr("Preparing… %p%"))
        writing = self.tr("Writing {format}… %p%").format(format=self.tr(fmt.label))

        job = self._job(fmt, path, options, writing)
        worker = Worker(job, name=f"export-{fmt.name}")
        worker.signals.progress.connect(self._on_progress)
        worker.signals.finished.connect(self._on_finished)
        worker.signals.failed.connect(self._on_failed)
        worker.signals.cancelled.connect(self._on_cancelled)
        self.worker = worker
        self._set_running(True)
        self.settings.state.setValue(FORMAT_KEY, fmt.name)
        worker.start()

    def _job(
        self, fmt: ExportFormat, path: Path, options: ExportOptions, writing: str
    ) -> Callable[[ProgressReport, threading.Event], object]:
        """The export as a worker job; it captures plain values, never a widget."""
        reading, library, document_id = self.reading, self.library, self.document_id

        def export_job(progress: ProgressReport, cancelled: threading.Event) -> Path:
            def tick(done: int, total: int) -> None:
                progress(done * 100 // max(total, 1), writing)

            if cancelled.is_set():
                raise ExportCancelled("The export was cancelled; no file was written.")
            if library is not None and document_id is not None:
                return library.export(document_id, fmt, path, options, tick, cancelled.is_set,
                                      taxonomy=reading.taxonomy)
            from annotator.services.exporting import export_document

            return export_document(
                reading.document, (), fmt, path, options, tick, cancelled.is_set,
                taxonomy=reading.taxonomy, spans=reading.spans,
            )

        return export_job

    def cancel_export(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_bar.setFormat(self.tr("Cancelling…"))

    def _on_progress(self, percent: int, message: str) -> None:
        if self.worker is None or self.worker.cancel_event.is_set():
            return
        if message:
            self.progress_bar.setFormat(message)
        self.progress_bar.setValue(percent)

    def _on_finished(self, result: object) -> None:
        self._finish()
        path = result if isinstance(result, Path) else self.target
        self.written = path
        self.settings.state.setValue(FOLDER_KEY, str(path.parent))
        self.progress_bar.setValue(100)
        self.progress_bar.setFormat(self.tr("Done"))
        self._set_status(QStyle.StandardPixmap.SP_DialogApplyButton,
                         self.tr("Saved {name} in {folder}").format(
                             name=path.name, folder=path.parent))
        self.show_folder_button.show()
        self.open_button.show()
        self.open_button.setFocus()

    def _on_failed(self, message: str) -> None:
        self._finish()
        self.progress_bar.setValue(0)
        self.progress_bar.setFormat(self.tr("Not exported"))
        self._show_error(message)

    def _on_cancelled(self, _message: str) -> None:
        self._finish()
        self.was_cancelled = True
        self.progress_bar.setValue(0)
        self.progress_bar.setFormat(self.tr("Cancelled"))
        self._set_status(QStyle.StandardPixmap.SP_MessageBoxInformation, self.tr(
            "Export cancelled. Nothing was written; an earlier file there is unchanged."))

    def _finish(self) -> None:
        self.worker = None
        self._set_running(False)

    def _set_running(self, running: bool) -> None:
        for widget in (self.format_box, self.path_edit, self.browse_button, self.areas_list,
                       self.authors_list, self.colors_list, self.tags_list,
                       self.full_text_box, self.suggestions_box, self.page_size_box):
            widget.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.cancel_button.setVisible(running)
        self.progress_bar.setVisible(running or self.progress_bar.value() > 0
                                     or self.written is not None)
        self._update_buttons()

    # -- status ---------------------------------------------------------------------

    def _clear_status(self) -> None:
        self.status_icon.clear()
        self.status_icon.hide()
        self.status_label.clear()
        self.status_label.hide()
        self.show_folder_button.hide()
        self.open_button.hide()

    def _set_status(self, icon: QStyle.StandardPixmap, text: str) -> None:
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.status_icon.setPixmap(self.style().standardIcon(icon).pixmap(size, size))
        self.status_icon.show()
        self.status_label.setText(text)
        self.status_label.show()
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to the height the layout needs at this width, as far as the screen allows.

        A long message wraps onto more lines; the lists above have fixed heights, so
        without room the form's rows were drawn over each other.
        """
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = (layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth()
                  else layout.totalMinimumSize().height())
        screen = self.screen().availableGeometry().height() if self.screen() else needed
        self.setMinimumHeight(min(needed, screen))
        if self.height() < self.minimumHeight():
            self.resize(self.width(), self.minimumHeight())

    def _show_error(self, message: str) -> None:
        self.last_error = message
        self._set_status(QStyle.StandardPixmap.SP_MessageBoxWarning, message)

    # -- after a success ------------------------------------------------------------

    def show_in_folder(self) -> None:
        if self.written is not None:
            self.open_url(QUrl.fromLocalFile(str(self.written.parent)))

    def open_file(self) -> None:
        if self.written is not None:
            self.open_url(QUrl.fromLocalFile(str(self.written)))

    # -- closing --------------------------------------------------------------------

    def reject(self) -> None:
        """Close (or Esc) while exporting cancels the export; nothing half-written stays."""
        if self.worker is not None:
            self.worker.cancel()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.worker is not None:
            self.worker.cancel()
        super().closeEvent(event)
