"""The reader's context menu: Copy, then what can be done where the mouse is.

Every entry comes from the action registry (`gui/actions.py`), so a command reads the
same here as in the menus; this module only decides which entries the place deserves
(a selection, the reader's annotations under the mouse, suggestions there) and sends
each to the annotation controller's commands.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QWidget

from annotator.core.annotation import Annotation
from annotator.core.layers import ANNOTATION_LAYERS, Suggestion
from annotator.gui.actions import Actions
from annotator.gui.reader_view import ReaderView
from annotator.services.document_session import DocumentSession, color_label, note_excerpt


class Commands(Protocol):
    """What the menu's entries do (the annotation controller's commands)."""

    def highlight(self, color: str | None = None, note: str = "",
                  span: tuple[int, int] | None = None, area: str | None = None,
                  ) -> Annotation | None: ...

    def edit_note(self, annotation: Annotation | None = None,
                  focus_tags: bool = False) -> None: ...

    def recolor(self, ids: Sequence[str], color: str) -> None: ...

    def delete(self, ids: Iterable[str]) -> None: ...

    def accept(self, suggestions: Sequence[Suggestion]) -> None: ...

    def reject(self, suggestions: Sequence[Suggestion]) -> None: ...


class MenuExtras(Protocol):
    """Entries other features add (sharing: ask the class, answer a question)."""

    def add_selection_entries(self, menu: QMenu, span: tuple[int, int]) -> None: ...

    def add_annotation_entries(self, menu: QMenu, annotation: Annotation) -> bool:
        """True when `annotation` is read-only (another author's): no edits offered."""
        ...


def reader_context_menu(
    parent: QWidget, reader: ReaderView, actions: Actions, extras: MenuExtras,
    document: DocumentSession, commands: Commands, point: QPoint, global_point: QPoint,
    offset: int,
) -> QMenu:
    """The menu for `point` (viewport) at text `offset` (-1: none), popped up at
    `global_point` unless that is (-1, -1) on the offscreen platform (tests)."""
    menu = reader.standard_context_menu(point)
    menu.setParent(parent, menu.windowFlags())
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    menu.setObjectName("reader-context-menu")
    selected = reader.selected_range()
    if selected is not None:
        menu.addSeparator()
        reading = document.reading
        actions.add_selection_menu(
            menu, ((area.id, area.label) for area in (reading.taxonomy.areas if reading else ())),
            lambda area_id: commands.highlight(area=area_id))
        extras.add_selection_entries(menu, selected)
    marks = reader.highlights.marks_at(offset) if offset >= 0 and reader.highlights else ()
    for mark in marks:
        if mark.layer in ANNOTATION_LAYERS:
            annotation = document.annotations.get(mark.ref)
            if annotation is None:
                continue
            menu.addSection(f"{color_label(annotation.color)}: "
                            f"“{note_excerpt(annotation.exact, 40)}”")
            if extras.add_annotation_entries(menu, annotation):
                continue  # another author's: read-only (gui/answering.py)
            _annotation_entries(menu, actions, commands, annotation)
        else:
            _suggestion_entries(menu, actions, commands, mark.label,
                                (mark.key, mark.start, mark.end))
    if QGuiApplication.platformName() != "offscreen" or global_point != QPoint(-1, -1):
        menu.popup(global_point)
    return menu


def _annotation_entries(menu: QMenu, actions: Actions, commands: Commands,
                        annotation: Annotation) -> None:
    actions.add_annotation_menu(
        menu,
        edit_note=lambda: commands.edit_note(annotation),
        edit_tags=lambda: commands.edit_note(annotation, focus_tags=True),
        recolor=lambda key: commands.recolor([annotation.id], key),
        delete=lambda: commands.delete([annotation.id]),
    )


def _suggestion_entries(menu: QMenu, actions: Actions, commands: Commands, label: str,
                        suggestion: Suggestion) -> None:
    actions.add_suggestion_menu(menu, label, accept=lambda: commands.accept([suggestion]),
                                reject=lambda: commands.reject([suggestion]))
