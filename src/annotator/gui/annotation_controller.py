"""The reader's annotations in the window: the library session, edits and undo.

The controller forwards: it opens the library after the first paint (performance.md
trap 2) through the factory `app.py` gives the window, sends every edit to a service,
pushes the `Change` it returns on the document's undo stack, and hands it to the
document session (`services/document_session.py`), which holds the annotations. It
draws nothing itself: `marks_changed` tells the window to draw what the session says.
The context menu is `reader_menu.py`'s, the dialogs about a damaged library or a revised
text are `recovery_dialogs.py`'s. Nothing here decides about text: re-anchoring,
filtering, validation and visibility live in the services.

A failed write (read-only or full disk) is shown in a dialog and changes nothing on
screen, so what the reader sees is always what is stored; a note being typed stays in
its editor until it is stored.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QMenu, QMessageBox, QStatusBar, QWidget

from annotator.core.annotation import Annotation, color_hex
from annotator.errors import AnnotatorError
from annotator.gui.actions import Actions
from annotator.gui.dialogs import show_error
from annotator.gui.note_editor import NoteEditor
from annotator.gui.reader_menu import MenuExtras, reader_context_menu
from annotator.gui.reader_view import ReaderView
from annotator.gui.recovery_dialogs import RecoveryDialogs
from annotator.gui.undo import UndoStacks
from annotator.services.document_session import DocumentSession

if TYPE_CHECKING:
    from annotator.services.annotating import Annotating
    from annotator.services.changes import Change
    from annotator.services.library import StoredDocument, Suggestion
    from annotator.services.reader_session import ReaderSession
    from annotator.services.reading import Reading

OpenLibrary = Callable[[], "ReaderSession"]

log = logging.getLogger(__name__)
FALLBACK_OPEN_MS = 800  # open the store even if no paint event is seen (hidden window)


class AnnotationController(QObject):
    """Library session, edits and undo for the window's current document.

    `parent` is the window: dialogs open over it. The controller writes only its own
    state and the document session's; it tells the window what happened by signals.
    """

    store_opened = Signal()
    annotations_changed = Signal()  # the current document's annotations
    library_changed = Signal()  # titles, counts or membership of the library
    marks_changed = Signal()  # what the document session says to draw has changed
    note_opened = Signal()  # the note editor now edits an annotation: show it
    error_shown = Signal(object)  # the QMessageBox of an error, for the window to keep

    def __init__(self, parent: QWidget, document: DocumentSession, reader: ReaderView,
                 note_editor: NoteEditor, commands: Actions, status: QStatusBar,
                 open_library: OpenLibrary, menu_extras: MenuExtras) -> None:
        super().__init__(parent)
        self._parent = parent
        self.document = document
        self._reader = reader
        self._note_editor = note_editor
        self._commands = commands
        self._menu_extras = menu_extras
        self._status = status
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
        self._dialogs = RecoveryDialogs(parent, self.error_shown.emit)
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
            self._watched = self._reader.viewport()
            QTimer.singleShot(0, self.open_store)
            return
        self._watched = self._reader.viewport()
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
            self.last_question = self._dialogs.offer_backup(exc, self._reopen)
            return False
        except AnnotatorError as exc:
            self.store_failed = True
            self._dialogs.cannot_open(exc)
            return False
        self.store_opened.emit()
        if self.document.reading is not None:
            self.attach(self.document.reading)
        self.library_changed.emit()
        return True

    def _reopen(self) -> None:
        """The reader answered about the damaged library: try opening it again."""
        self.store_failed = False
        self.open_store()

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
        self._note_editor.forget()
        if self.session is None:
            return
        try:
            candidate = self.session.revision_candidate(reading.document)
        except AnnotatorError as exc:
            self.report(exc)
            return
        if candidate is not None:
            self.last_question = self._dialogs.ask_revision(
                reading.document.metadata.title,
                lambda revise: self._answered_revision(reading, candidate, revise))
            self.undo.activate(None)
            self.marks_changed.emit()
            return
        self._add(reading)

    def _add(self, reading: Reading, revise: str | None = None) -> None:
        assert self.session is not None
        try:
            if revise is not None:
                revision = self.session.revise(revise, reading.document, reading.path)
                self._status.showMessage(
                    self.tr("Annotations moved to the new version: {kept} kept, {moved} "
                            "moved, {unplaced} unplaced").format(
                        kept=revision.kept, moved=revision.moved, unplaced=revision.unplaced),
                    15000)
                opened = self.session.load(revise)
            else:
                opened = self.session.add(reading.document, reading.path)
        except AnnotatorError as exc:
            self.report(exc)
            return
        if self.document.reading is not reading:
            return  # another document was opened meanwhile
        self.document.attach(opened)
        self.stored = self.session.stored_copy(opened, reading.document, reading.path)
        self.undo.activate(opened.id)
        self.marks_changed.emit()
        # Restore only if the reader has not moved yet (e.g. the start-up restore ran).
        if opened.reading_position > 0 and self._reader.page.verticalScrollBar().value() == 0:
            self._reader.scroll_to_offset(opened.reading_position)
        self.annotations_changed.emit()
        self.library_changed.emit()

    def _answered_revision(self, reading: Reading, old_id: str, revise: bool) -> None:
        if self.document.reading is reading:
            self._add(reading, old_id if revise else None)

    def save_position(self) -> None:
        """Remember where the reader is in the current document (best effort)."""
        doc_id = self.document.document_id
        if self.session is None or doc_id is None:
            return
        try:
            self.session.library.set_reading_position(doc_id, self._reader.top_offset())
        except AnnotatorError as exc:
            log.warning("%s", exc)

    def detach(self, doc_id: str) -> None:
        """The document left the library: stop editing it, forget its history."""
        if self.document.document_id == doc_id:
            self.stored = None
            self.document.forget()
            self._note_editor.forget()
            self.marks_changed.emit()
            self.annotations_changed.emit()
        self.undo.forget(doc_id)

    @property
    def document_id(self) -> str | None:
        return self.document.document_id

    @property
    def reader_id(self) -> str | None:
        """The local reader's id once the library is open: whose annotations are own."""
        return self.session.reader.id if self.session is not None else None

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
        its annotations; raises AnnotatorError when the library cannot be read."""
        doc_id = self.document.document_id
        if self.session is not None and doc_id is not None:
            self.document.attach(self.session.load(doc_id))
        self.marks_changed.emit()

    # -- applying changes -----------------------------------------------------------

    def _applied(self, change: Change) -> None:
        """A change reached the database: bring the views in line with it."""
        if self.document.apply(change):
            editor = self._note_editor
            for a in change.after:
                if a.deleted:
                    editor.forget(a.id)
                elif editor.annotation_id == a.id:
                    editor.refresh(a.note, a.tags)
            self.marks_changed.emit()
            self.annotations_changed.emit()
        self.library_changed.emit()

    def record(self, changes: Sequence[Change]) -> None:
        """Changes a service already wrote (a merge): each undoable, all shown at once."""
        for change in changes:
            self.undo.push(change)
        doc_id = self.document.document_id
        if doc_id is not None and any(c.document_id == doc_id for c in changes):
            self.reload()
            self.annotations_changed.emit()
        self.library_changed.emit()

    def report(self, exc: AnnotatorError) -> None:
        self.error_shown.emit(show_error(
            self._parent, self.tr("Your change could not be saved"), str(exc),
            self.tr("Nothing was lost: what you see is what is stored, and a note you are "
                    "typing stays in its editor until it can be saved."),
        ))

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
            self._status.showMessage(self.tr("This document is not in the library yet."), 5000)
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
        span = span or self._reader.selected_range()
        if span is None or span[0] >= span[1]:
            self._status.showMessage(self.tr("Select some text first, then choose a colour."),
                                     4000)
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
        span = self._reader.selected_range()
        cursor = self._reader.page.textCursor()
        offset = span[0] if span else self._reader.positions.from_qt(cursor.position())
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
        editor = self._note_editor
        editor.edit(annotation.id, annotation.exact, annotation.note, annotation.tags)
        self.note_opened.emit()
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
        reading = self.document.reading
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
        span = self._reader.selected_range()
        if span is None:
            self._status.showMessage(self.tr("Select some text first, then choose a colour."),
                                     4000)
            return
        dialog = QColorDialog(QColor(color_hex(self.current_color)), self._parent)
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
        self.last_menu = reader_context_menu(
            self._parent, self._reader, self._commands, self._menu_extras, self.document, self,
            point, global_point, offset)
        return self.last_menu
