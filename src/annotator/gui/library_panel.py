"""The Library dock: every document the reader has opened, most recent first.

Rows show title, author, date and annotation count (from `Library.documents()`); a
double-click or Enter opens a document; Delete asks first, because a document's notes
go with it (the library keeps them as tombstones, and re-opening the same text brings
them back, but the reader should not have to know that to feel safe).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.gui.annotations_panel import HTML_ROLE, HtmlDelegate

if TYPE_CHECKING:
    from annotator.services.library import DocumentSummary

ID_ROLE = Qt.ItemDataRole.UserRole


class _Tree(QTreeWidget):
    open_pressed = Signal()
    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_pressed.emit()
            return
        if event.key() == Qt.Key.Key_Delete:
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)


class LibraryPanel(QWidget):
    """The library's documents; asks the window to open or delete one."""

    open_requested = Signal(str)
    delete_confirmed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("library-panel")
        self.current_id: str | None = None
        self.last_question: QMessageBox | None = None
        self.last_menu: QMenu | None = None
        self.tree = _Tree(self)
        self.tree.setObjectName("library-tree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Document"), self.tr("Notes")])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setItemDelegateForColumn(0, HtmlDelegate(self.tree))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setFrameShape(QTreeWidget.Shape.NoFrame)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.placeholder = QLabel(self.tr("Opening your library…"), self)
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.placeholder, 1)
        self.tree.hide()
        self.tree.itemActivated.connect(lambda item, _c: self._open(item))
        self.tree.open_pressed.connect(lambda: self._open(self.tree.currentItem()))
        self.tree.delete_pressed.connect(lambda: self.ask_delete(self.selected_id()))
        self.tree.customContextMenuRequested.connect(self._menu)

    def show_documents(self, documents: Sequence[DocumentSummary]) -> None:
        self.tree.clear()
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
        for doc in documents:
            title = doc.title or self.tr("(untitled)")
            facts = " · ".join(f for f in (doc.author, doc.date.isoformat() if doc.date else "")
                               if f)
            item = QTreeWidgetItem([title, str(doc.annotations)])
            item.setData(0, HTML_ROLE, f"<b>{html.escape(title)}</b>" + (
                f"<br/><span style='color:{muted.name()}; font-size:small'>"
                f"{html.escape(facts)}</span>" if facts else ""))
            item.setData(0, ID_ROLE, doc.id)
            item.setToolTip(0, "\n".join(p for p in (title, facts, doc.source_path or "") if p))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            item.setForeground(1, muted)
            if doc.id == self.current_id:
                font = item.font(0)
                font.setBold(True)
                item.setFont(0, font)
            self.tree.addTopLevelItem(item)
        self.tree.setVisible(bool(documents))
        self.placeholder.setVisible(not documents)
        self.placeholder.setText(self.tr("Documents you open are kept here."))

    def show_unavailable(self, reason: str) -> None:
        self.tree.hide()
        self.placeholder.show()
        self.placeholder.setText(reason)

    def ids(self) -> list[str]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [str(item.data(0, ID_ROLE)) for item in items if item is not None]

    def item_for(self, doc_id: str) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and item.data(0, ID_ROLE) == doc_id:
                return item
        return None

    def selected_id(self) -> str | None:
        item = self.tree.currentItem()
        return str(item.data(0, ID_ROLE)) if item is not None else None

    def _open(self, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            self.open_requested.emit(str(item.data(0, ID_ROLE)))

    def ask_delete(self, doc_id: str | None) -> QMessageBox | None:
        """Ask before deleting; the answer arrives later (the dialog does not block)."""
        item = self.item_for(doc_id) if doc_id else None
        if item is None or doc_id is None:
            return None
        title = item.text(0)
        count = int(item.text(1) or 0)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete from the library?"),
                          self.tr("Delete “{title}” from the library?").format(title=title),
                          QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("delete-document-dialog")
        box.setInformativeText(
            self.tr("Its %n annotation(s) are removed with it. Opening the same file again "
                    "brings them back.", "", count))
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(
            lambda _r: self.delete_confirmed.emit(doc_id) if box.clickedButton() is delete
            else None)
        box.open()
        self.last_question = box
        return box

    def _menu(self, point: QPoint) -> None:
        item = self.tree.itemAt(point)
        if item is None:
            return
        doc_id = str(item.data(0, ID_ROLE))
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.tr("Open")).triggered.connect(
            lambda: self.open_requested.emit(doc_id))
        menu.addAction(self.tr("Delete…")).triggered.connect(lambda: self.ask_delete(doc_id))
        self.last_menu = menu
        menu.popup(self.tree.viewport().mapToGlobal(point))
