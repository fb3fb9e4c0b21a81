"""The reader's annotations in the window: store session, edits, undo, rendering.

The window owns the views; this object owns the library session (opened after the first
paint, performance.md trap 2), the annotations of the document on screen, and one undo
stack per document. Every edit goes to a service, which returns a `Change`; the change is
pushed on the document's undo stack and the views refresh from it. Nothing here decides
about text: re-anchoring, filtering and validation live in the services.

A failed write (read-only or full disk) is shown in a dialog and changes nothing on
screen, so what the reader sees is always what is stored; a note being typed stays in
its editor until it is stored.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QColorDialog, QMenu, QMessageBox, QWidget

from annotator.core.annotation import COLOR_BY_KEY, Annotation, color_hex
from annotator.core.layers import LayerKind
from annotator.errors import AnnotatorError
from annotator.gui.dialogs import show_error
from annotator.gui.undo import UndoStacks
from annotator.services.document_session import (
    DocumentSession,
    MarkWording,
    color_label,
    note_excerpt,
)

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow
    from annotator.services.annotating import Annotating
    from annotator.services.changes import Change
    from annotator.services.library import StoredDocument, Suggestion
    from annotator.services.reader_session import ReaderSession
    from annotator.services.reading import Reading

OpenLibrary = Callable[[], "ReaderSession"]

log = logging.getLogger(__name__)
FALLBACK_OPEN_MS = 800  # open the store even if no paint event is seen (hidden window)


class AnnotationLayer(QObject):
    """Session, annotations and undo for the window's current document."""

    store_opened = Signal()
    annotations_changed = Signal()  # the current document's annotations
    library_changed = Signal()  # titles, counts or membership of the library

    def __init__(self, window: MainWindow, document: DocumentSession,
                 open_library: OpenLibrary) -> None:
        super().__init__(window)
        self.window = window
        self.document = document
        self._open_library = open_library
        self.session: ReaderSession | None = None
        self.stored: StoredDocument | None = None
        self.current_color = "yellow"
        self.last_menu: QMenu | None = None
        self.last_question: QMessageBox | None = None
        self.color_dialog: QColorDialog | None = None
        self.store_failed = False
        self._painted = False
        self._watched: QWidget | None = None
        self.undo = UndoStacks(self._annotating, self._applied, self.report, self)

    # -- opening the store after the first paint ------------------------------------

    def schedule_open(self, painted: bool = False) -> None:
        """Open the store once the article has been painted (or soon, if it never is).

        `painted`: the article is already on screen, so open on the next loop turn.
        """
        if self.session is not None or self._watched is not None:
            return
        if painted:
            self._painted = True
            self._watched = self.window.reader.viewport()
            QTimer.singleShot(0, self.open_store)
            return
        self._watched = self.window.reader.viewport()
        self._watched.installEventFilter(self)
        QTimer.singleShot(FALLBACK_OPEN_MS, self.open_store)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.open_store)
        return False

    def open_store(self) -> bool:
        """Open the library; on failure explain and keep reading without it."""
        if self.session is not None:
            return True
        if self.store_failed:
            return False
        from annotator.services.recovery import CorruptDatabaseError

        try:
            self.session = self._open_library()
        except CorruptDatabaseError as exc:
            self.store_failed = True
            self._offer_backup(exc)
            return False
        except AnnotatorError as exc:
            self.store_failed = True
            self.window.last_error = show_error(
                self.window, self.tr("Your library cannot be opened"), str(exc),
                self.tr("You can keep reading; highlights and notes cannot be saved until "
                        "this is fixed."),
            )
            return False
        self.store_opened.emit()
        if self.window.reading is not None:
            self.attach(self.window.reading)
        self.library_changed.emit()
        return True

    def _offer_backup(self, exc: Any) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Your library was damaged"),
                          str(exc), QMessageBox.StandardButton.NoButton, self.window)
        box.setObjectName("corrupt-dialog")
        if exc.backup is not None:
            box.setInformativeText(self.tr("Restore the newest good backup now? The damaged "
                                           "file is kept where it was moved."))
            restore = box.addButton(self.tr("Restore Backup"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(self.tr("Start Empty"), QMessageBox.ButtonRole.RejectRole)

            def answered() -> None:
                from annotator.services.recovery import restore_newest_backup, start_empty

                try:
                    if box.clickedButton() is restore:
                        restore_newest_backup(exc)
                    else:  # the reader chose to start empty; the damaged file is kept
                        start_empty(exc)
                except AnnotatorError as error:
                    self.window.last_error = show_error(
                        self.window, self.tr("The backup could not be restored"), str(error))
                    return
                self.store_failed = False
                self.open_store()

            box.finished.connect(answered)
        else:
            box.addButton(QMessageBox.StandardButton.Ok)

            def start_empty() -> None:
                self.store_failed = False
                self.open_store()

            box.finished.connect(start_empty)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
        self.last_question = box

    def _annotating(self) -> Annotating:
        assert self.session is not None
        return self.session.annotating

    # -- the document on screen -----------------------------------------------------

    def attach(self, reading: Reading) -> None:
        """Keep the shown document in the library and show its annotations.

        A new text with the title of a stored document may be a revision: the reader is
        asked whether to move the old annotations onto it.
        """
        # (The window saved the previous document's position before replacing it.)
        self.stored = None
        self.document.forget()
        self.window.note_editor.forget()
        if self.session is None:
            return
        try:
            candidate = self.session.revision_candidate(reading.document)
        except AnnotatorError as exc:
            self.report(exc)
            return
        if candidate is not None:
            self._ask_revision(reading, candidate)
            self.undo.activate(None)
            self.render()
            return
        self._add(reading)

    def _add(self, reading: Reading, revise: str | None = None) -> None:
        assert self.session is not None
        try:
            if revise is not None:
                revision = self.session.revise(revise, reading.document, reading.path)
                self.window.statusBar().showMessage(
                    self.tr("Annotations moved to the new version: {kept} kept, {moved} "
                            "moved, {unplaced} unplaced").format(
                        kept=revision.kept, moved=revision.moved, unplaced=revision.unplaced),
                    15000)
                self.last_revision = revision
                opened = self.session.load(revise)
            else:
                opened = self.session.add(reading.document, reading.path)
        except AnnotatorError as exc:
            self.report(exc)
            return
        if self.window.reading is not reading:
            return  # another document was opened meanwhile
        self.document.attach(opened)
        self.stored = self.session.stored_copy(opened, reading.document, reading.path)
        self.undo.activate(opened.id)
        self.render()
        # Restore only if the reader has not moved yet (e.g. the start-up restore ran).
        if opened.reading_position > 0 and \
                self.window.reader.page.verticalScrollBar().value() == 0:
            self.window.reader.scroll_to_offset(opened.reading_position)
        self.annotations_changed.emit()
        self.library_changed.emit()

    def _ask_revision(self, reading: Reading, old_id: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("A new version of a document?"),
                          self.tr("The library holds a document titled “{title}” with "
                                  "different text.").format(
                              title=reading.document.metadata.title),
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setObjectName("revision-dialog")
        box.setInformativeText(self.tr(
            "Move its highlights and notes onto this version? Annotations whose text is "
            "gone are kept and listed as unplaced."))
        revise = box.addButton(self.tr("Move Annotations Here"),
                               QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Keep Separate"), QMessageBox.ButtonRole.RejectRole)
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def answered() -> None:
            if self.window.reading is reading:
                self._add(reading, old_id if box.clickedButton() is revise else None)

        box.finished.connect(answered)
        box.open()
        self.last_question = box

    def save_position(self) -> None:
        """Remember where the reader is in the current document (best effort)."""
        doc_id = self.document.document_id
        if self.session is None or doc_id is None:
            return
        try:
            self.session.library.set_reading_position(doc_id, self.window.reader.top_offset())
        except AnnotatorError as exc:
            log.warning("%s", exc)

    def detach(self, doc_id: str) -> None:
        """The document left the library: stop editing it, forget its history."""
        if self.document.document_id == doc_id:
            self.stored = None
            self.document.forget()
            self.window.note_editor.forget()
            self.render()
            self.annotations_changed.emit()
        self.undo.forget(doc_id)

    @property
    def document_id(self) -> str | None:
        return self.document.document_id

    @property
    def annotations(self) -> dict[str, Annotation]:
        return self.document.annotations

    # -- rendering ------------------------------------------------------------------

    def ordered(self) -> list[Annotation]:
        return self.document.ordered()

    def visible_suggestions(self) -> set[Suggestion]:
        return self.document.visible_suggestions()

    def suggestion_counts(self) -> dict[str, int]:
        """Suggested passages per area still shown (not rejected, not accepted)."""
        return self.document.suggestion_counts()

    def reload(self) -> None:
        """The library changed under the document (another process, a rename): reload
        its annotations and draw them."""
        doc_id = self.document.document_id
        if self.session is not None and doc_id is not None:
            self.document.attach(self.session.load(doc_id))
        self.render()

    def render(self) -> None:
        """Put what the document session says is visible on the page (changed segments
        only)."""
        wording = MarkWording(self.tr("by {who}"), self.tr("suggested, accepted by {who}"),
                              self.tr("you"))
        marks, notes = self.document.marks(wording)
        self.window.reader.set_marks(marks, notes)

    # -- applying changes -----------------------------------------------------------

    def _applied(self, change: Change) -> None:
        """A change reached the database: bring the views in line with it."""
        if self.document.apply(change):
            editor = self.window.note_editor
            for a in change.after:
                if a.deleted:
                    editor.forget(a.id)
                elif editor.annotation_id == a.id:
                    editor.refresh(a.note, a.tags)
            self.render()
            self.annotations_changed.emit()
        self.library_changed.emit()

    def report(self, exc: AnnotatorError) -> None:
        self.window.last_error = show_error(
            self.window, self.tr("Your change could not be saved"), str(exc),
            self.tr("Nothing was lost: what you see is what is stored, and a note you are "
                    "typing stays in its editor until it can be saved."),
        )

    def _run(self, make: Callable[[Annotating], Change], merge_key: str | None = None,
             ) -> Change | None:
        if not self._ready():
            return None
        try:
            change = make(self._annotating())
        except AnnotatorError as exc:
            self.report(exc)
            return None
        self.undo.push(change, merge_key=merge_key)
        if not change.empty:
            self._applied(change)
        return change

    def _ready(self) -> bool:
        if self.session is None and not self.open_store():
            return False
        if self.stored is None:
            self.window.statusBar().showMessage(
                self.tr("This document is not in the library yet."), 5000)
            return False
        return True

    @contextmanager
    def bulk(self, text: str) -> Iterator[None]:
        """Several changes that undo as one step."""
        doc_id = self.document_id
        if doc_id is None:
            yield
            return
        stack = self.undo.stack(doc_id)
        stack.beginMacro(text)
        try:
            yield
        finally:
            stack.endMacro()

    # -- the reader's commands --------------------------------------------------------

    def highlight(self, color: str | None = None, note: str = "",
                  span: tuple[int, int] | None = None, area: str | None = None,
                  ) -> Annotation | None:
        """Highlight the selection (or `span`) in `color` (default: the last one used)."""
        span = span or self.window.reader.selected_range()
        if span is None or span[0] >= span[1]:
            self.window.statusBar().showMessage(
                self.tr("Select some text first, then choose a colour."), 4000)
            return None
        if color is not None:
            self.current_color = color
        stored = self.stored
        change = self._run(lambda s: s.highlight(
            stored, span[0], span[1], color=self.current_color, note=note,  # type: ignore[arg-type]
            area=area))
        return change.after[0] if change else None

    def target(self) -> Annotation | None:
        """The annotation the reader means: under the caret or selection start."""
        span = self.window.reader.selected_range()
        cursor = self.window.reader.page.textCursor()
        offset = span[0] if span else self.window.reader.positions.from_qt(cursor.position())
        found = self.document.placed_at(offset)
        if not found and span:
            found = self.document.placed_over(*span)
        return found[-1] if found else None

    def save_note(self, annotation_id: str, note: str, tags: tuple[str, ...]) -> bool:
        """The note editor's commit: one undo step per editing session of a note."""
        current = self.annotations.get(annotation_id)
        if current is None:
            return True  # deleted meanwhile: nothing to keep
        changes: dict[str, Any] = {}
        if note != current.note:
            changes["note"] = note
        if tags != current.tags:
            changes["tags"] = tags
        if not changes:
            return True
        change = self._run(lambda s: s.edit([annotation_id], **changes),
                           merge_key=f"note:{annotation_id}")
        return change is not None

    def edit_note(self, annotation: Annotation | None = None, focus_tags: bool = False) -> None:
        """Open the note editor on `annotation` (the one at the caret, or a new highlight)."""
        annotation = annotation or self.target() or self.highlight()
        if annotation is None:
            return
        editor = self.window.note_editor
        editor.edit(annotation.id, annotation.exact, annotation.note, annotation.tags)
        self.window.show_annotations_tab()
        (editor.tags if focus_tags else editor.note).setFocus()

    def recolor(self, ids: Sequence[str], color: str) -> None:
        self.current_color = color
        self._run(lambda s: s.edit(list(ids), color=color))

    def set_area(self, ids: Sequence[str], area: str | None) -> None:
        self._run(lambda s: s.edit(list(ids), area=area))

    def delete(self, ids: Iterable[str]) -> None:
        ids = [i for i in ids if i in self.annotations]
        if ids:
            self._run(lambda s: s.delete(ids))

    def accept(self, suggestions: Sequence[Suggestion]) -> None:
        """Machine suggestions become the reader's annotations (one undo step)."""
        if not suggestions or not self._ready():
            return
        stored = self.stored
        label = self.tr("Accept suggestion") if len(suggestions) == 1 else \
            self.tr("Accept {n} suggestions").format(n=len(suggestions))
        reading = self.window.reading
        with self.bulk(label):
            for suggestion in suggestions:
                area = reading.taxonomy.area(suggestion[0]) if reading else None
                color = area.color.lower() if area else self.current_color
                if self._run(lambda s, sg=suggestion, c=color: s.accept(  # type: ignore[misc]
                        stored, sg, color=c)) is None:
                    break

    def reject(self, suggestions: Sequence[Suggestion]) -> None:
        doc_id = self.document_id
        if suggestions and doc_id is not None:
            self._run(lambda s: s.reject(doc_id, suggestions))

    def accept_area(self, area_id: str) -> None:
        shown = self.visible_suggestions()
        self.accept(sorted((s for s in shown if s[0] == area_id), key=lambda s: s[1]))

    def choose_custom_color(self) -> None:
        """A colour picker that does not block; the colour applies to the selection."""
        span = self.window.reader.selected_range()
        if span is None:
            self.window.statusBar().showMessage(
                self.tr("Select some text first, then choose a colour."), 4000)
            return
        dialog = QColorDialog(QColor(color_hex(self.current_color)), self.window)
        dialog.setObjectName("custom-color-dialog")
        dialog.setWindowTitle(self.tr("Highlight Colour"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.colorSelected.connect(lambda c: self.highlight(c.name(), span=span))
        dialog.open()
        self.color_dialog = dialog

    # -- the context menu -------------------------------------------------------------

    def context_menu(self, point: QPoint, global_point: QPoint, offset: int) -> QMenu:
        """Copy, then what can be done here: highlight the selection, edit what is under
        the mouse (the reader's annotations), accept or reject suggestions."""
        window, a = self.window, self.window.commands
        menu = window.reader.standard_context_menu(point)
        menu.setParent(window, menu.windowFlags())
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.setObjectName("reader-context-menu")
        if window.reader.selected_range() is not None:
            menu.addSeparator()
            a.add_highlight_menu(menu, self.tr("&Highlight"))
            areas = menu.addMenu(self.tr("Assign Policy &Area"))
            reading = window.reading
            for area in reading.taxonomy.areas if reading else ():
                areas.addAction(area.label.replace("&", "&&")).triggered.connect(
                    lambda _c=False, area_id=area.id: self.highlight(area=area_id))
        marks = (window.reader.highlights.marks_at(offset)
                 if offset >= 0 and window.reader.highlights else ())
        for mark in marks:
            if mark.layer is LayerKind.READER:
                annotation = self.annotations.get(mark.ref)
                if annotation is None:
                    continue
                menu.addSection(f"{color_label(annotation.color)}: "
                                f"“{note_excerpt(annotation.exact, 40)}”")
                menu.addAction(self.tr("Edit &Note…")).triggered.connect(
                    lambda _c=False, an=annotation: self.edit_note(an))
                menu.addAction(self.tr("Edit &Tags…")).triggered.connect(
                    lambda _c=False, an=annotation: self.edit_note(an, focus_tags=True))
                recolor = menu.addMenu(self.tr("C&olour"))
                for color in COLOR_BY_KEY.values():
                    recolor.addAction(color.label).triggered.connect(
                        lambda _c=False, i=annotation.id, k=color.key: self.recolor([i], k))
                menu.addAction(self.tr("&Delete Highlight")).triggered.connect(
                    lambda _c=False, i=annotation.id: self.delete([i]))
            else:
                suggestion = (mark.key, mark.start, mark.end)
                label = mark.label.replace("&", "&&")  # a literal &, not a mnemonic
                menu.addSection(self.tr("Suggested: {area}").format(area=mark.label))
                menu.addAction(self.tr("&Accept “{area}”").format(area=label)).triggered\
                    .connect(lambda _c=False, s=suggestion: self.accept([s]))
                menu.addAction(self.tr("&Reject “{area}”").format(area=label)).triggered\
                    .connect(lambda _c=False, s=suggestion: self.reject([s]))
        self.last_menu = menu
        if QGuiApplication.platformName() != "offscreen" or global_point != QPoint(-1, -1):
            menu.popup(global_point)
        return menu


def reading_path(source: str | None) -> Path | None:
    """A library document's file, if it is still where it was opened from."""
    if source and Path(source).is_file():
        return Path(source)
    return None
