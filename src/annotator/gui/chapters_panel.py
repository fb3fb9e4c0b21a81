"""The chapter list: the document's title and headings, to jump through.

A book (EPUB), a web page or a Markdown file shows its headings here; choosing one
scrolls the article to it. Headings nest by level (indentation), up to `MAX_LEVEL`,
so a long book lists its chapters and sections without every minor heading. The window
hides the tab for a text without headings.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from annotator.core.document import BlockKind, Document

MAX_LEVEL = 3
_OFFSET = Qt.ItemDataRole.UserRole


def chapters(document: Document) -> list[tuple[str, int, int]]:
    """(heading text, level, code-point offset) of every heading up to MAX_LEVEL."""
    found = []
    for block in document.blocks:
        if block.kind is BlockKind.HEADING and block.level <= MAX_LEVEL:
            found.append((document.block_text(block), max(1, block.level), block.start))
    return found


class ChaptersPanel(QWidget):
    """Emits `chapter_chosen(offset)` when the reader picks a heading."""

    chapter_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chapters-panel")
        self.list = QListWidget(self)
        self.list.setObjectName("chapters-list")
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)
        self.show_document(None)

    def show_document(self, document: Document | None) -> None:
        self.list.clear()
        found = chapters(document) if document is not None else []
        top = min((level for _, level, _ in found), default=1)
        for text, level, offset in found:
            item = QListWidgetItem("    " * (level - top) + text)
            item.setData(_OFFSET, offset)
            item.setToolTip(text)
            self.list.addItem(item)

    def _chosen(self, item: QListWidgetItem) -> None:
        self.chapter_chosen.emit(int(item.data(_OFFSET)))
