"""Other authors' layers in the reader: their own look, their badge, shown or hidden.

A teacher's notes (or a group member's) are not the reader's decisions, so they must
not look like them: the reader's highlights are strong fills, another author's are
outlined (`gui/outlines.py`) over a faint wash, with the author's badge in the
tooltip, "Li (from bundle)" as `exchange/merge.shown_author` names a claimed author
(the document session builds the marks, `services/document_session.py`). Each mark's
style key carries its author (`core.layers.imported_key`: `#rrggbb@author-id`), so one
author's whole layer can be hidden or shown (`DocumentHighlights.set_hidden` per key)
without touching anyone else's: that is both "hide the teacher's layer" and the
reader's filter by member (View ▸ Members).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMenu, QWidget

from annotator.core.layers import IMPORTED_SEPARATOR as SEPARATOR
from annotator.gui.highlighting import NO_UNDERLINE, MarkStyle

IMPORTED_ALPHA = 0.1  # a wash inside the outline (gui/outlines.py); the reader's is 0.62


def imported_style(key: str) -> MarkStyle:
    return MarkStyle(QColor(key.split(SEPARATOR, 1)[0]), NO_UNDERLINE, IMPORTED_ALPHA)


def author_keys(keys: Iterable[str], author_id: str | None) -> list[str]:
    """The style keys of one author's marks; `None`: the local reader's own (#rrggbb)."""
    if author_id is None:
        return [k for k in keys if k.startswith("#") and SEPARATOR not in k]
    return [k for k in keys if k.endswith(SEPARATOR + author_id)]


class MembersMenu(QMenu):
    """View ▸ Members: a check per author of the document's annotations.

    `authors()` gives (author id or None for the reader, shown name) when the menu
    opens, `visible(author_id)` whether their marks show now (the page's state, so it
    follows the document on screen), and `toggled(author_id, visible)` changes that.
    """

    def __init__(
        self,
        authors: Callable[[], list[tuple[str | None, str]]],
        visible: Callable[[str | None], bool],
        toggled: Callable[[str | None, bool], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("&Members"))
        self.setObjectName("members-menu")
        self._authors = authors
        self._visible = visible
        self._toggled = toggled
        self.aboutToShow.connect(self.fill)

    def fill(self) -> None:
        self.clear()
        authors = self._authors()
        if not authors:
            self.addAction(self.tr("No annotations yet")).setEnabled(False)
            return
        for author_id, name in authors:
            action = self.addAction(name)
            action.setCheckable(True)
            action.setChecked(self._visible(author_id))
            action.toggled.connect(lambda on, i=author_id: self.set_visible(i, on))
        self.addSeparator()
        self.addAction(self.tr("Show &Everyone")).triggered.connect(self.show_everyone)

    def set_visible(self, author_id: str | None, visible: bool) -> None:
        self._toggled(author_id, visible)

    def show_everyone(self) -> None:
        for author_id, _name in self._authors():
            self._toggled(author_id, True)
