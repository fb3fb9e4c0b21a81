"""PDF through Qt: QTextDocument lays the summary out, QPdfWriter prints it.

The page is the print template (`resources/templates/summary-print.html`, the HTML
subset Qt understands), autoescaped like the web page, with the same sanitised notes.
Pagination is done here rather than by `QTextDocument.print`, to put the title and
"page N of M" in every footer. The coverage chart is drawn with QPainter into an image
at the printer's resolution. Qt needs a QGuiApplication for fonts: an offscreen one is
created when the caller (the CLI, a test) has none; the window's own is used otherwise.
Everything here works in a worker thread.
"""

from __future__ import annotations

from itertools import islice
from typing import BinaryIO

from markupsafe import Markup
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from annotator.core.summary import LegendEntry, Summary
from annotator.exporters.base import ExportOptions, PageSize, Ticker
from annotator.exporters.html import block_tag, coverage_chart, environment
from annotator.exporters.notes import note_html
from annotator.exporters.text import (
    caption,
    details,
    excerpt,
    generated_line,
    passage_tint,
    tint,
)

DPI = 300
_PAGE_SIZES = {PageSize.A4: QPageSize.PageSizeId.A4, PageSize.LETTER: QPageSize.PageSizeId.Letter}
_MARGINS_MM = QMarginsF(18, 16, 18, 14)
_FOOTER_PT = 20
_CHART_URL = QUrl("annotator:coverage-chart")
_SANS = "DejaVu Sans"
_app: QGuiApplication | None = None


def _ensure_gui_application() -> None:
    global _app
    if QGuiApplication.instance() is None:
        _app = QGuiApplication(["annotator", "-platform", "offscreen"])


def _pt(value: float) -> float:
    return value * DPI / 72


def _rows(entries: tuple[LegendEntry, ...], per_row: int = 2) -> list[list[LegendEntry]]:
    it = iter(entries)
    return [row for row in iter(lambda: list(islice(it, per_row)), [])]


def _chart_image(summary: Summary, width: int) -> QImage:
    """Horizontal bars: label above, bar, share and passage count to its right."""
    chart = coverage_chart(summary)
    row = _pt(24)
    image = QImage(width, round(row * max(len(chart.bars), 1) + _pt(4)), QImage.Format.Format_RGB32)
    dots_per_metre = round(DPI / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont(_SANS)
    font.setPointSizeF(8)
    painter.setFont(font)
    ascent = QFontMetricsF(font, image).ascent()
    bar_width = width * 0.68
    for index, bar in enumerate(chart.bars):
        top = index * row
        painter.setPen(QColor("#1d1d1f"))
        painter.drawText(QRectF(0, top, bar_width, ascent * 1.4),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, bar.label)
        bar_top, height = top + ascent * 1.45, _pt(8)
        painter.fillRect(QRectF(0, bar_top, bar_width, height), QColor("#efeeec"))
        painter.fillRect(QRectF(0, bar_top, bar_width * bar.width / chart.bar_width, height),
                         QColor(bar.color))
        painter.setPen(QColor("#5e5c64"))
        label = f"{bar.share} · {bar.passages} passage{'' if bar.passages == 1 else 's'}"
        painter.drawText(QRectF(bar_width + _pt(6), bar_top - _pt(2), width, height + _pt(4)),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
    painter.end()
    return image


def _layout(summary: Summary, ticker: Ticker, width: float, height: float,
            writer: QPdfWriter) -> QTextDocument:
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    document.setPageSize(QSizeF(width, height))
    document.setDocumentMargin(0)
    chart = _chart_image(summary, round(width))
    document.addResource(QTextDocument.ResourceType.ImageResource, _CHART_URL, chart)
    notes: dict[str, Markup] = {}  # a note shows under its passage and in "All notes"

    def sanitised(note: str) -> Markup:
        html = notes.get(note)
        if html is None:
            html = notes[note] = Markup(note_html(note))  # sanitised by nh3
        return html

    html = environment().get_template("summary-print.html").render(
        summary=summary,
        details=details(summary),
        generated=generated_line(summary),
        chart_url=_CHART_URL.toString(),
        chart_width=round(chart.width() * 96 / DPI),  # CSS pixels; Qt scales them
        chart_height=round(chart.height() * 96 / DPI),
        legend_rows=_rows,
        caption=caption,
        excerpt=excerpt,
        note_html=sanitised,
        block_tag=block_tag,
        tint=tint,
        passage_tint=passage_tint,
        tick=ticker.step,
    )
    ticker.check()
    document.setHtml(html)  # one parse of the whole page; layout follows in pageCount()
    ticker.check()
    return document


def _footer(painter: QPainter, summary: Summary, rect: QRectF, page: int, pages: int) -> None:
    font = QFont(_SANS)
    font.setPointSizeF(7.5)
    painter.setFont(font)
    painter.setPen(QColor("#5e5c64"))
    painter.drawLine(rect.topLeft(), rect.topRight())
    metrics = QFontMetricsF(font, painter.device())
    title = metrics.elidedText(summary.title, Qt.TextElideMode.ElideRight, rect.width() * 0.75)
    flags = Qt.AlignmentFlag.AlignVCenter
    painter.drawText(rect, flags | Qt.AlignmentFlag.AlignLeft, title)
    painter.drawText(rect, flags | Qt.AlignmentFlag.AlignRight, f"Page {page} of {pages}")


def render(summary: Summary, stream: BinaryIO, ticker: Ticker, options: ExportOptions) -> None:
    _ensure_gui_application()
    # Layout and one step per page: a page costs about what a passage does.
    ticker.start(len(summary.passages) + len(summary.notes) + len(summary.full_text or ()))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setTitle(summary.title)
    writer.setCreator("Annotator")
    writer.setPageLayout(QPageLayout(
        QPageSize(_PAGE_SIZES[options.page_size]), QPageLayout.Orientation.Portrait,
        _MARGINS_MM, QPageLayout.Unit.Millimeter,
    ))
    area = writer.pageLayout().paintRectPixels(DPI)
    footer = _pt(_FOOTER_PT)
    body_height = area.height() - footer
    document = _layout(summary, ticker, area.width(), body_height, writer)
    pages = document.pageCount()
    painter = QPainter(writer)
    try:
        for index in range(pages):
            ticker.check()
            if index:
                writer.newPage()
            painter.save()
            painter.translate(0, -index * body_height)
            top = index * body_height
            document.drawContents(painter, QRectF(0, top, area.width(), body_height))
            painter.restore()
            _footer(painter, summary, QRectF(0, body_height + footer * 0.35, area.width(),
                                             footer * 0.65), index + 1, pages)
    finally:
        painter.end()
        buffer.close()
    stream.write(data.data())
