"""The study group's view: hot spots to jump to, and two members' notes side by side.

After a merge the group asks two things: where did several of us look (hot spots,
most members first; activating one selects the passage in the reader), and how do two
members read the same passages (the compare tab). Both come from the group summary
(`core/group_summary.py`, built by `Sharing.group_summary`), so the view and the
`export --group` file agree.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.group_summary import GroupSummary, MemberNotes, compare
from annotator.gui.dialogs import write_reporting

if TYPE_CHECKING:
    from annotator.core.group_summary import GroupPassage

SPAN = Qt.ItemDataRole.UserRole


def _notes(entry: MemberNotes, empty: str) -> str:
    return "\n\n".join(n.strip() for n in entry.notes) or empty


class GroupDialog(QDialog):
    """Hot spots and Compare, over one document's group summary."""

    passage_chosen = Signal(int, int)  # start, end: show it in the reader

    def __init__(self, summary: GroupSummary, parent: QWidget | None = None,
                 export: Callable[[Path], object] | None = None) -> None:
        """`export(path)` writes the group summary (md, html or csv, by the suffix)."""
        super().__init__(parent)
        self._export = export
        self.written: Path | None = None
        self.setObjectName("group-dialog")
        self.setWindowTitle(self.tr("Study Group: {title}").format(title=summary.title))
        self.resize(720, 480)
        self.summary = summary
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)

        hot = QWidget(self.tabs)
        hot_layout = QVBoxLayout(hot)
        self.members = QLabel(hot)
        self.members.setWordWrap(True)
        self.members.setText(self.tr("Members: {list}").format(list=", ".join(
            self.tr("{name} (marked: {marks}, with notes: {notes})").format(
                name=m.name, marks=m.marks, notes=m.notes) for m in summary.members)))
        self.hot_list = QListWidget(hot)
        self.hot_list.setObjectName("hot-spots")
        self.hot_list.setWordWrap(True)
        for passage in summary.hot_spots:
            self._hot_item(passage)
        if not summary.hot_spots:
            empty = QListWidgetItem(self.tr("No passage was marked by more than one member."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.hot_list.addItem(empty)
        self.hot_list.itemActivated.connect(self._activated)
        self.hot_list.itemClicked.connect(self._activated)
        hot_layout.addWidget(self.members)
        hot_layout.addWidget(self.hot_list, 1)
        self.tabs.addTab(hot, self.tr("Hot Spots"))

        side = QWidget(self.tabs)
        side_layout = QVBoxLayout(side)
        pick = QHBoxLayout()
        self.left = QComboBox(side)
        self.right = QComboBox(side)
        for box in (self.left, self.right):
            for member in summary.members:
                box.addItem(member.name, member.id)
        if self.right.count() > 1:
            self.right.setCurrentIndex(1)
        pick.addWidget(self.left, 1)
        pick.addWidget(QLabel(self.tr("and"), side))
        pick.addWidget(self.right, 1)
        self.compared = QTableWidget(0, 3, side)
        self.compared.setObjectName("compare-table")
        self.compared.setWordWrap(True)
        self.compared.verticalHeader().setVisible(False)
        self.compared.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.compared.cellDoubleClicked.connect(self._compared_activated)
        self.compare_status = QLabel(side)
        for box in (self.left, self.right):
            box.currentIndexChanged.connect(self.show_comparison)
        side_layout.addLayout(pick)
        side_layout.addWidget(self.compared, 1)
        side_layout.addWidget(self.compare_status)
        self.tabs.addTab(side, self.tr("Compare Two Members"))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = QPushButton(self.tr("&Export Group Summary…"), self)
        self.export_button.setVisible(export is not None)
        self.export_button.clicked.connect(self.choose_export)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.show_comparison()

    def choose_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export Group Summary"), "group-summary.html",
            self.tr("Web page (*.html);;Markdown (*.md);;Spreadsheet (*.csv)"))
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        export = self._export
        if export is not None and write_reporting(self.status, lambda: export(path), path):
            self.written = path

    def _hot_item(self, passage: GroupPassage) -> None:
        names = ", ".join(e.member.name for e in passage.by_member)
        quote = " ".join(passage.exact.split())
        if len(quote) > 140:
            quote = quote[:139] + "…"
        item = QListWidgetItem(self.tr("{count} members: “{quote}”\n{names}").format(
            count=passage.weight, quote=quote, names=names))
        item.setData(SPAN, (passage.start, passage.end))
        self.hot_list.addItem(item)

    def _activated(self, item: QListWidgetItem) -> None:
        span = item.data(SPAN)
        if span:
            self.passage_chosen.emit(*span)

    def show_comparison(self) -> None:
        left, right = self.left.currentData(), self.right.currentData()
        sides = compare(self.summary, left, right) if left and right else []
        self.compared.setHorizontalHeaderLabels(
            [self.tr("Passage"), self.left.currentText(), self.right.currentText()])
        self.compared.setRowCount(len(sides))
        highlight = self.tr("(highlight, no note)")
        for row, found in enumerate(sides):
            for column, text in enumerate((found.passage.exact, _notes(found.left, highlight),
                                           _notes(found.right, highlight))):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setData(SPAN, (found.passage.start, found.passage.end))
                self.compared.setItem(row, column, item)
        self.compared.resizeRowsToContents()
        self.compare_status.setText(
            self.tr("%n passage(s) both marked.", "", len(sides))
            if left != right else self.tr("Choose two different members."))

    def _compared_activated(self, row: int, column: int) -> None:
        item = self.compared.item(row, column)
        if item is not None and item.data(SPAN):
            self.passage_chosen.emit(*item.data(SPAN))
