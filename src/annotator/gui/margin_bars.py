"""The margin beside the article: a bar for each machine passage, one lane per area.

Machine suggestions are drawn here rather than as tinted text (highlighting.py explains
why). Each area keeps its own lane, in the legend's order, so passages of several areas on
the same lines stand side by side and none hides another (issue 7, item 4). Hovering a bar
lights its passage; clicking it selects the passage.

The margin is a child of the page placed in the page's left viewport margin, as Qt's
code-editor example places line numbers. It paints only the passages on screen, looked up
over the visible range (`DocumentHighlights.passages_in`), so a long text with 10,000
passages pays for the few it shows (performance.md, trap 4).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QEvent, QPoint, QRectF
from PySide6.QtGui import (
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QTextCursor,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from annotator.core.layers import Mark
from annotator.gui.highlighting import DocumentHighlights, blend, tooltip_html
from annotator.gui.offsets import Utf16Map

LANE = 5.0  # pixels per area
BAR = 3.0  # a bar's width within its lane
GAP = 3  # between the margin and the page's text area


@dataclass(frozen=True, slots=True)
class Bar:
    """One passage's bar, in the margin's (and the viewport's) coordinates."""

    mark: Mark
    lane: int
    rect: QRectF


class PageView(Protocol):
    """What the margin (and `outlines.py`) read of the reader view
    (`reader_view.ReaderView`), named here so the view and its parts do not import
    each other."""

    @property
    def page(self) -> QTextEdit | QPlainTextEdit: ...

    @property
    def highlights(self) -> DocumentHighlights | None: ...

    @property
    def positions(self) -> Utf16Map: ...

    @property
    def lanes(self) -> dict[str, int]: ...

    def visible_span(self) -> tuple[int, int]: ...

    def hover_passages(self, marks: Sequence[Mark]) -> None: ...

    def select_range(self, start: int, end: int) -> None: ...


class AreaMargin(QWidget):
    """Bars for the machine passages beside the lines they cover."""

    def __init__(self, view: PageView, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("area-margin")
        self._view = view
        self.setMouseTracking(True)

    def place(self, left: int, top: int, margin: int, height: int) -> None:
        """Fill the page's left viewport margin (`margin` wide, its left edge at `left`)
        up to GAP pixels from the text area, with as many lanes as there are areas."""
        width = max(0, min(int(LANE * len(self._view.lanes)) + 1, margin - GAP))
        self.setGeometry(left + margin - GAP - width, top, width, height)

    def wanted(self) -> int:
        """The left margin the bars need to sit clear of the window's edge: every lane,
        the gap to the text, and as much again as the gap on the outside."""
        lanes = len(self._view.lanes)
        return int(LANE * lanes) + 1 + 3 * GAP if lanes else 0

    def lane_width(self) -> float:
        return min(LANE, self.width() / max(1, len(self._view.lanes)))

    def bars(self) -> list[Bar]:
        """The bars of the passages on screen (what a test can check)."""
        view = self._view
        highlights = view.highlights
        if highlights is None or not self._view.lanes:
            return []
        page = view.page
        positions = view.positions
        first, last = view.visible_span()
        document = page.document()
        limit = document.characterCount() - 1
        cursor = QTextCursor(document)
        lane_width = self.lane_width()
        width = lane_width * len(self._view.lanes)
        bars = []
        for mark in highlights.passages_in(first, last + 1):
            lane = self._view.lanes.get(mark.key)
            if lane is None:
                continue
            cursor.setPosition(min(positions.to_qt(mark.start), limit))
            top = page.cursorRect(cursor).top()
            cursor.setPosition(min(positions.to_qt(mark.end), limit))
            bottom = page.cursorRect(cursor).bottom()
            x = self.width() - width + lane * lane_width
            bars.append(Bar(mark, lane, QRectF(x, top + 1, min(BAR, lane_width),
                                               max(2, bottom - top - 1))))
        return bars

    def bar_at(self, point: QPoint) -> Bar | None:
        """The bar under a point, or the nearest one in the lane under it."""
        hits = [b for b in self.bars()
                if b.rect.adjusted(-1, 0, 1, 0).contains(float(point.x()), float(point.y()))
                or (b.rect.top() <= point.y() <= b.rect.bottom()
                    and int(point.x() // self.lane_width()) == b.lane)]
        return hits[0] if hits else None

    def paintEvent(self, event: QPaintEvent) -> None:
        highlights = self._view.highlights
        if highlights is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        styles = highlights.styler.styles
        for bar in self.bars():
            color = styles[bar.mark.key].color
            lit = bool(highlights.lit((bar.mark,)))
            rect = bar.rect.adjusted(-1, 0, 1, 0) if lit else bar.rect
            # Filled, not drawn with Qt.PenStyle.NoPen: this paints in the first frame,
            # where the `Qt` namespace's first use would build its ~90 enums (~13 ms).
            shape = QPainterPath()
            shape.addRoundedRect(rect, 1.5, 1.5)
            painter.fillPath(shape, color if lit else blend(color, 0.85))
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        bar = self.bar_at(event.position().toPoint())
        self._view.hover_passages((bar.mark,) if bar else ())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        from PySide6.QtCore import Qt

        bar = self.bar_at(event.position().toPoint())
        if bar is not None and event.button() == Qt.MouseButton.LeftButton:
            self._view.select_range(bar.mark.start, bar.mark.end)

    def leaveEvent(self, event: QEvent) -> None:
        self._view.hover_passages(())
        super().leaveEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            bar = self.bar_at(event.pos())
            if bar is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(),
                                  tooltip_html((bar.mark,), self._view.highlights), self)
            return True
        return super().event(event)
