"""The Areas tab: the legend of policy areas, and the way to walk through their passages.

One row per area: colour swatch (drawn with the area's underline style, so the legend
matches the page), label, passage count, and a checkbox that shows or hides the area's
highlights. Clicking a row asks for the area's next passage; the window does the
stepping, because it owns the reader view. While a row is selected its area's passages
are lit on the page (highlighting.py); a click on the empty list below the rows clears it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QMouseEvent, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.gui.highlighting import UNDERLINES, blend
from annotator.services.reading import Reading

_PEN_STYLES = {
    "SingleUnderline": Qt.PenStyle.SolidLine,
    "DashUnderline": Qt.PenStyle.DashLine,
    "DotLine": Qt.PenStyle.DotLine,
    "WaveUnderline": Qt.PenStyle.SolidLine,
    "DashDotLine": Qt.PenStyle.DashDotLine,
    "DashDotDotLine": Qt.PenStyle.DashDotDotLine,
}
AREA_ROLE = Qt.ItemDataRole.UserRole


def swatch(color: QColor, index: int, size: int = 18) -> QIcon:
    """The area as the page draws it: a bar in the margin beside lines of text, the
    matched word underlined in the area's style, and no fill (highlighting.py)."""
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawRoundedRect(QRectF(2, 3, 5, size * 2 - 6), 2, 2)
    painter.setBrush(blend(QColor(Qt.GlobalColor.gray), 0.45))
    for row, width in enumerate((0.8, 0.55)):
        painter.drawRoundedRect(QRectF(11, 6 + row * 11, (size * 2 - 13) * width, 5), 2, 2)
    pen = QPen(color, 4)
    pen.setStyle(_PEN_STYLES.get(UNDERLINES[index % len(UNDERLINES)].name, Qt.PenStyle.SolidLine))
    painter.setPen(pen)
    painter.drawLine(QPointF(11, size * 2 - 5), QPointF(size * 2 - 2, size * 2 - 5))
    painter.end()
    return QIcon(pixmap)


class AreasPanel(QWidget):
    """Legend and switches for the policy areas of the shown reading."""

    visibility_changed = Signal(str, bool)
    area_activated = Signal(str)
    area_selected = Signal(object)  # the selected area's id, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A click on a checkbox also "clicks" its row (after the toggle, in the same
        # release): the toggled row is remembered for that turn of the event loop so
        # such a click toggles without stepping (and scrolling the article).
        self._toggled: QTreeWidgetItem | None = None
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("areas-tree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setIconSize(self.tree.iconSize().expandedTo(QPixmap(18, 18).size()))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setFrameShape(QTreeWidget.Shape.NoFrame)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.hint.setText(QCoreApplication.translate(
            "AreasPanel",
            "Tick an area to show its highlights. Click an area to step through its "
            "passages (Alt+N for the next one). Hover a highlight to see why it was marked.",
        ))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.hint)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.itemClicked.connect(self._on_item_clicked)
        self.tree.itemSelectionChanged.connect(
            lambda: self.area_selected.emit(self.selected_area()))
        self.tree.viewport().installEventFilter(self)

    def show_reading(self, reading: Reading, hidden: set[str]) -> None:
        counts = {area.id: 0 for area in reading.taxonomy.areas}
        for span in reading.spans:
            if span.area in counts:
                counts[span.area] += 1
        self.tree.blockSignals(True)
        self.tree.clear()
        for index, area in enumerate(reading.taxonomy.areas):
            item = QTreeWidgetItem([area.label, ""])
            item.setData(0, AREA_ROLE, area.id)
            item.setIcon(0, swatch(QColor(area.color), index))
            item.setToolTip(0, area.description)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = area.id not in hidden
            item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.tree.addTopLevelItem(item)
        self.set_counts(counts)
        self.tree.blockSignals(False)

    def set_counts(self, counts: dict[str, int]) -> None:
        """How many suggested passages each area has now (rejected ones gone)."""
        blocked = self.tree.blockSignals(True)
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item is None:
                continue
            count = counts.get(str(item.data(0, AREA_ROLE)), 0)
            item.setText(1, str(count))
            # self.tr: pyside6-lupdate marks a plural only there (or with a literal count).
            item.setToolTip(1, self.tr("%n passage(s)", "", count))
        self.tree.blockSignals(blocked)

    def item_for(self, area_id: str) -> QTreeWidgetItem | None:
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item is not None and item.data(0, AREA_ROLE) == area_id:
                return item
        return None

    def set_area_visible(self, area_id: str, visible: bool) -> None:
        """Tick or untick an area, as a click on its checkbox would."""
        item = self.item_for(area_id)
        if item is not None:
            item.setCheckState(0, Qt.CheckState.Checked if visible else Qt.CheckState.Unchecked)

    def selected_area(self) -> str | None:
        items = self.tree.selectedItems()
        return str(items[0].data(0, AREA_ROLE)) if items else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent)
                and self.tree.itemAt(event.position().toPoint()) is None):
            self.tree.clearSelection()
        return False

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column == 0:
            self._toggled = item
            QTimer.singleShot(0, self._forget_toggle)
            visible = item.checkState(0) == Qt.CheckState.Checked
            self.visibility_changed.emit(str(item.data(0, AREA_ROLE)), visible)

    def _forget_toggle(self) -> None:
        self._toggled = None

    def _on_item_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        if item is self._toggled:
            return
        self.area_activated.emit(str(item.data(0, AREA_ROLE)))
