"""The Search tab: one box over every document's text and every note (FTS5).

Results arrive from `services.search.Search.occurrences` (notes first, then every place
in the text, one row each) with a snippet and the matched words; a click opens the hit's
document and selects the match. A note's snippet is Markdown and is shown rendered, as
the note cards show it. Searching runs after a short pause in typing so each keystroke
does not query the database.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.gui.annotations_panel import COLOR_ROLE, HTML_ROLE, HtmlDelegate

if TYPE_CHECKING:
    from annotator.services.search import SearchHit

HIT_ROLE = Qt.ItemDataRole.UserRole + 10
DEBOUNCE_MS = 250

Searcher = Callable[[str], Sequence["SearchHit"]]


# Private-use characters that stand for the bold around matched words while a note's
# Markdown is rendered (they survive markdown-it and the sanitiser as plain text).
_OPEN, _CLOSE = "\ue000", "\ue001"
# A row is one line of flowing text: a note's blocks (paragraphs, headings, lists) flatten.
_BLOCK_TAGS = re.compile(r"</?(?:p|h[1-6]|ul|ol|li|blockquote|pre|hr)\b[^>]*>")


def snippet_html(hit: SearchHit) -> str:
    """The snippet with its matched words in bold: text escaped, a note's Markdown
    rendered (and sanitised, exporters/notes.py)."""
    if hit.kind == "note":
        from annotator.exporters.notes import note_html  # markdown-it: not at start-up

        marked = _marked(hit, lambda s: s, _OPEN, _CLOSE)
        rendered = _BLOCK_TAGS.sub(" ", note_html(marked))
        return " ".join(rendered.replace(_OPEN, "<b>").replace(_CLOSE, "</b>").split())
    return " ".join(_marked(hit, html.escape, "<b>", "</b>").split())


def _marked(hit: SearchHit, escape: Callable[[str], str], open_: str, close: str) -> str:
    out, last = [], 0
    for start, end in hit.marks:
        out.append(escape(hit.snippet[last:start]))
        out.append(f"{open_}{escape(hit.snippet[start:end])}{close}")
        last = end
    out.append(escape(hit.snippet[last:]))
    return "".join(out)


class SearchPanel(QWidget):
    """Search box and hits; asks the window to open a hit."""

    hit_activated = Signal(object)  # SearchHit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search-panel")
        self.searcher: Searcher | None = None
        self.titles: dict[str, str] = {}
        self.box = QLineEdit(self)
        self.box.setObjectName("search-box")
        self.box.setPlaceholderText(self.tr("Search all documents and notes"))
        self.box.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setObjectName("search-results")
        self.results.setItemDelegate(HtmlDelegate(self.results))
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.results.setFrameShape(QListWidget.Shape.NoFrame)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.status.setText(self.tr("Words match their beginnings: “climat” finds "
                                    "“climate”. Notes are listed first."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.box)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run)
        self.box.textChanged.connect(lambda _t: self._timer.start())
        self.box.returnPressed.connect(self.run)
        self.results.itemClicked.connect(self._activate)
        self.results.itemActivated.connect(self._activate)

    def focus_box(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def run(self) -> None:
        """Search now for what the box holds."""
        self._timer.stop()
        query = self.box.text().strip()
        self.results.clear()
        if not query:
            return
        if self.searcher is None:
            self.status.setText(self.tr("The library is not open yet."))
            return
        hits = self.searcher(query)
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        for hit in hits:
            kind = self.tr("note") if hit.kind == "note" else self.tr("text")
            title = self.titles.get(hit.document_id) or self.tr("(untitled)")
            item = QListWidgetItem()
            item.setData(HIT_ROLE, hit)
            item.setData(HTML_ROLE,
                         f"<p style='margin:0; color:{muted}; font-size:small'>"
                         f"{html.escape(title)} · {html.escape(kind)}</p>"
                         f"<p style='margin:2px 0 0 0'>{snippet_html(hit)}</p>")
            item.setData(COLOR_ROLE, "#f6d32d" if hit.kind == "note" else "#99c1f1")
            self.results.addItem(item)
        self.status.setText(self.tr("%n result(s)", "", len(hits)) if hits else
                            self.tr("Nothing found for “{q}”.").format(q=query))

    def _activate(self, item: QListWidgetItem) -> None:
        self.hit_activated.emit(item.data(HIT_ROLE))
