"""What screen readers say about the window: names and descriptions of its controls,
and the highlights at the caret as text.

Qt names a control after its text or its action; lists, trees, text fields and the page
have none, and a screen reader announces them only as "list" or "edit". The panels are
built in several modules (and after the first paint, `MainWindow.complete`), so their
spoken names are given here, in one table keyed by object name, once the window is
complete: one place to read what a blind reader hears, and no change to each panel.
Buttons that show a symbol (↑ ↓ ✕) are named by their tooltip.

The sidebar's lists act on a click (`itemClicked`), which a keyboard cannot give; here
Enter on the current item does what a click on it does, so every list is usable from
the keyboard without changing how each panel reacts to the mouse.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from annotator.core.layers import LayerKind, Mark
from annotator.gui.i18n import translate


def _names() -> dict[str, tuple[str, str]]:
    """Object name -> (accessible name, description), in the window's language."""
    return {
        "library-tree": (translate("Accessibility", "Library"),
                         translate("Accessibility", "The documents you have opened; Enter "
                                                    "opens the selected one.")),
        "areas-tree": (translate("Accessibility", "Policy areas"),
                       translate("Accessibility", "Each area with its passage count; Space "
                                                  "shows or hides its highlights, Enter steps "
                                                  "through its passages.")),
        "annotations-list": (translate("Accessibility", "Annotations"),
                             translate("Accessibility", "Your highlights and notes in "
                                                        "document order; Enter goes to the "
                                                        "passage.")),
        "search-box": (translate("Accessibility", "Search the library"), ""),
        "search-results": (translate("Accessibility", "Search results"),
                           translate("Accessibility", "Enter opens the document at the "
                                                      "match.")),
        "chapters-list": (translate("Accessibility", "Chapters"),
                          translate("Accessibility", "Enter goes to the chapter.")),
        "note-editor-text": (translate("Accessibility", "Note"),
                             translate("Accessibility", "The note of the selected highlight, "
                                                        "in Markdown; saved as you type.")),
        "note-editor-tags": (translate("Accessibility", "Tags"),
                             translate("Accessibility", "Tags of the selected highlight, "
                                                        "separated by commas.")),
        "filter-text": (translate("Accessibility", "Filter annotations by words"), ""),
        "filter-color": (translate("Accessibility", "Filter annotations by colour"), ""),
        "filter-area": (translate("Accessibility", "Filter annotations by policy area"), ""),
        "filter-tag": (translate("Accessibility", "Filter annotations by tag"), ""),
        "filter-author": (translate("Accessibility", "Filter annotations by author"), ""),
        "find-box": (translate("Accessibility", "Find in page"), ""),
        "sidebar-tabs": (translate("Accessibility", "Sidebar"), ""),
        "sidebar-dock": (translate("Accessibility", "Sidebar"), ""),
        "library-dock": (translate("Accessibility", "Library"), ""),
    }


# Lists that act on a click; Enter on their current item clicks it.
_CLICK_LISTS = frozenset({"areas-tree", "annotations-list", "search-results", "chapters-list"})


class _EnterClicks(QObject):
    """Enter on a list's current item acts as a click on it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Imported here: the page imports this module before the first paint, and
        # PySide builds each type (QTreeWidget: ~10 ms) and the `Qt` namespace's ~90
        # enums (~13 ms) on first use.
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QKeyEvent
        from PySide6.QtWidgets import QListWidget, QTreeWidget

        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            if isinstance(watched, QTreeWidget) and watched.currentItem() is not None:
                watched.itemClicked.emit(watched.currentItem(), 0)
                return True
            if isinstance(watched, QListWidget) and watched.currentItem() is not None:
                watched.itemClicked.emit(watched.currentItem())
                return True
        return False


def _speakable(text: str) -> bool:
    return any(char.isalnum() for char in text)


def name_widgets(window: QWidget) -> None:
    """Give the window's lists, fields, panels and symbol buttons their spoken names."""
    from PySide6.QtWidgets import QAbstractButton, QLineEdit  # see `_EnterClicks`

    names = _names()
    clear = translate("Accessibility", "Clear")
    enter = _EnterClicks(window)
    for widget in window.findChildren(QWidget):
        if widget.objectName() in _CLICK_LISTS:
            widget.installEventFilter(enter)
        named = names.get(widget.objectName())
        if named is not None:
            widget.setAccessibleName(named[0])
            if named[1]:
                widget.setAccessibleDescription(named[1])
        elif isinstance(widget, QAbstractButton) and not widget.accessibleName():
            if isinstance(widget.parent(), QLineEdit):
                widget.setAccessibleName(clear)  # a line edit's clear button
            elif not _speakable(widget.text()) and widget.toolTip():
                widget.setAccessibleName(widget.toolTip())


def passage_description(marks: Sequence[Mark]) -> str:
    """The highlights at the caret as a screen reader says them: area and note."""
    parts = []
    for mark in marks:
        if mark.layer is LayerKind.READER:
            text = translate("Accessibility", "Highlight: {label}.").format(label=mark.label)
            if mark.detail:
                text += " " + translate("Accessibility", "Note: {note}").format(
                    note=mark.detail)
        else:
            text = translate("Accessibility", "Policy area {area}, suggested.").format(
                area=mark.label)
            if mark.detail:
                text += " " + translate("Accessibility", "Matched: {terms}.").format(
                    terms=mark.detail)
        parts.append(text)
    return " ".join(parts)
