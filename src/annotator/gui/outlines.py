"""Other authors' marks drawn as outlines around the text, not as fills.

A fill says "I decided this"; a teacher's or a group member's mark must not say that
in the reader's copy (issue 8: "outline rather than fill"). A character format has no
border, so the outline is painted over the page after Qt draws it, like the note
markers (`ReaderView.paint_note_markers`): one rounded rectangle per visual line a mark
covers, found from the text layout's lines. Only marks on screen are drawn, and hidden
authors' marks (View ▸ Members) are skipped because `DocumentHighlights.marks_in` skips
them.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter, QPen, QTextBlock
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from annotator.core.layers import LayerKind
from annotator.gui.margin_bars import PageView

PEN = 1.4


def _x(line: object, position: int) -> float:
    found = line.cursorToX(position)  # type: ignore[attr-defined]
    return float(found[0] if isinstance(found, tuple) else found)


def _origin(page: QTextEdit | QPlainTextEdit, block: QTextBlock) -> QPointF:
    """The block's top-left corner in the page's viewport."""
    if isinstance(page, QPlainTextEdit):
        return page.blockBoundingGeometry(block).translated(page.contentOffset()).topLeft()
    layout = page.document().documentLayout()
    corner = layout.blockBoundingRect(block).topLeft()
    return corner - QPointF(page.horizontalScrollBar().value(),
                            page.verticalScrollBar().value())


def line_rects(page: QTextEdit | QPlainTextEdit, start: int, end: int) -> list[QRectF]:
    """One rectangle per visual line of the Qt positions [start, end), viewport coords."""
    document = page.document()
    rects = []
    block = document.findBlock(start)
    while block.isValid() and block.position() < end:
        layout = block.layout()
        origin = _origin(page, block)
        base = block.position()
        for index in range(layout.lineCount()):
            line = layout.lineAt(index)
            first = max(start, base + line.textStart())
            last = min(end, base + line.textStart() + line.textLength())
            if first >= last:
                continue
            left, right = _x(line, first - base), _x(line, last - base)
            rects.append(QRectF(origin.x() + left, origin.y() + line.y(), right - left,
                                line.height()))
        block = block.next()
    return rects


def paint_outlines(view: PageView) -> None:
    """Outline every visible mark of another author on the page's viewport."""
    highlights = view.highlights
    if highlights is None:
        return
    page = view.page
    positions = view.positions
    first, last = view.visible_span()
    marks = [m for m in highlights.marks_in(first, last + 1) if m.layer is LayerKind.IMPORTED]
    if not marks:
        return
    from PySide6.QtCore import Qt  # not before: its enums would delay the first paint

    viewport = page.viewport()  # not before either: see `ReaderView.viewport`
    limit = page.document().characterCount() - 1
    styles = highlights.styler.styles
    painter = QPainter(viewport)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for mark in marks:
        style = styles.get(mark.key)
        if style is None:
            continue
        painter.setPen(QPen(style.color.darker(125), PEN))
        start = min(positions.to_qt(mark.start), limit)
        end = min(positions.to_qt(mark.end), limit)
        for rect in line_rects(page, start, end):
            painter.drawRoundedRect(rect.adjusted(-1, 0, 1, 0), 3, 3)
    painter.end()
