"""PDF through Qt: QTextDocument lays each block out, we paginate, QPdfWriter prints.

The blocks are the print template's macros (`src/annotator/resources/templates/summary-print.html`,
the HTML subset Qt understands), autoescaped like the web page, with the same sanitised
notes: the first page's title, legend and chart; each section heading; each passage card;
each entry of "All notes"; each block of the full text. QTextDocument cannot keep a table
row or a paragraph together, so pagination is done here: every block is laid out in its
own small document at the page's width and measured (a first pass), placed top to bottom
(`paginate`: a card moves whole to the next page unless taller than a page, a heading
stays with what follows it, prose may break between lines), then laid out again and
drawn with the "title … Page N of M" footer (the second pass, when M is known). The
notes are numbered, with the number printed where each passage starts in the full text,
and listed at the end or drawn as cards in the margin beside their lines (placed once the
text has its pages; `exporters/margin_cards.py` decides where). One
document per kind of block is reused, so memory does not grow with the passages. The
coverage chart is drawn with QPainter into an image at the printer's resolution. Qt needs
an application object for fonts: an offscreen one is created when the caller (the CLI, a
test, a benchmark) has none, and it is a QApplication so that widgets created later in
the same process still work (Qt aborts on a widget under a bare QGuiApplication); the
window's own is used otherwise. Everything here works in a worker thread.
"""
from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import partial
from itertools import islice
from typing import Any, BinaryIO, cast

from markupsafe import Markup
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QApplication

from annotator.core.document import BlockKind
from annotator.core.summary import LegendEntry, Segment, Summary, TextBlock
from annotator.errors import ExportError
from annotator.exporters.base import ExportOptions, NoteLayout, PageSize, Ticker
from annotator.exporters.html import block_tag, coverage_chart, environment
from annotator.exporters.margin_cards import (
    Card,
    Mark,
    assign_marks,
    block_length,
    marks_within,
    runs,
    stack,
)
from annotator.exporters.notes import note_html
from annotator.exporters.text import (
    caption,
    details,
    excerpt,
    generated_line,
    passage_tint,
    tint,
)
from annotator.exporters.wording import ENGLISH, Wording

DPI = 300
_PAGE_SIZES = {PageSize.A4: QPageSize.PageSizeId.A4, PageSize.LETTER: QPageSize.PageSizeId.Letter}
_MARGINS_MM = QMarginsF(18, 16, 18, 14)
_FOOTER_PT = 20
_CARD_INSET = 10 * DPI / 72  # a card's text starts this far right of its stripe's left
_CARD_PAD = 3.5 * DPI / 72  # and this far below its top
_MARGIN_SHARE = 0.3  # of the page's width, for margin cards
_GUTTER = 12 * DPI / 72  # between the text and the margin cards
_MARGIN_CARD_INSET = 6 * DPI / 72  # a margin card's text, right of its stripe's left
_MARGIN_CARD_PAD = 3 * DPI / 72  # above and below a margin card's text
_MARGIN_CARD_GAP = 4 * DPI / 72  # between two margin cards
_CHART_URL = QUrl("annotator:coverage-chart")
_SANS = "DejaVu Sans"
_app: QApplication | None = None


def _ensure_gui_application() -> None:
    global _app
    if QApplication.instance() is None:
        _app = QApplication(["annotator", "-platform", "offscreen"])


def _pt(value: float) -> float:
    return value * DPI / 72


def _rows(entries: tuple[LegendEntry, ...], per_row: int = 2) -> list[list[LegendEntry]]:
    it = iter(entries)
    return [row for row in iter(lambda: list(islice(it, per_row)), [])]


def _chart_image(summary: Summary, width: int, wording: Wording) -> QImage:
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
        label = f"{bar.share} · {wording.count_passages(bar.passages)}"
        painter.drawText(QRectF(bar_width + _pt(6), bar_top - _pt(2), width, height + _pt(4)),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
    painter.end()
    return image


@dataclass(frozen=True, slots=True)
class _Block:
    """One unit the pages are made of: a macro of the print template and its arguments."""

    kind: str  # the macro, and which reusable QTextDocument lays it out
    args: tuple[object, ...]
    gap: float  # space above it, in device pixels; dropped at the top of a page
    keep_with_next: bool = False  # a heading: never last on a page
    splittable: bool = False  # may break between its lines anywhere (prose)
    ticks: bool = False  # one progress unit (a passage, a note, a block of text)
    stripe: str | None = None  # a card's colour, drawn as a bar down its left side
    marked: bool = False  # holds notes' marks, beside which their margin cards go


@dataclass(frozen=True, slots=True)
class _Size:
    height: float
    gap: float
    keep_with_next: bool
    splittable: bool
    breaks: tuple[float, ...]  # where it may be cut: the bottom of each line


Slice = tuple[int, float, float, float]  # page, y on the page, top and bottom in the block


@dataclass(frozen=True, slots=True)
class _Plan:
    """What goes on the pages: the passage cards of each area (the PDF export) or not
    (a printout), where the notes go, and where each note's mark is in the full text."""

    cards: bool
    notes: NoteLayout
    marks: dict[int, list[Mark]]  # by index in the full text


def _blocks(summary: Summary, wording: Wording, plan: _Plan) -> Iterator[_Block]:
    """The handout's blocks in order; without `cards` (a printout of the document) the
    endnotes follow the text. Margin cards are not blocks: they are placed once the text
    is on its pages (`typeset`)."""
    yield _Block("head", (), 0, splittable=True)
    section_gap, card_gap = _pt(16), _pt(7)
    endnotes = plan.notes is NoteLayout.END
    for section in summary.sections if plan.cards else ():
        yield _Block("section_heading", (section,), section_gap, keep_with_next=True)
        gap = _pt(5)
        for passage in section.passages:
            yield _Block("card", (passage,), gap, ticks=True, stripe=passage.color)
            gap = card_gap
    if plan.cards and endnotes:
        yield from _note_blocks(summary, wording.all_notes, section_gap)
    if summary.full_text is not None:
        yield _Block("heading", (wording.full_text,), section_gap, keep_with_next=True)
        for index, block in enumerate(summary.full_text):
            marks = plan.marks.get(index, [])
            if block.kind is BlockKind.HEADING:
                yield _Block("text_block", (block, runs(block.segments, marks)), _pt(10),
                             keep_with_next=True, ticks=True, marked=bool(marks))
                continue
            pieces = split_block(block)
            for number, piece in enumerate(pieces):
                start = piece.start - block.start
                inside = marks_within(marks, start, start + block_length(piece))
                yield _Block("text_block", (piece, runs(piece.segments, inside)),
                             _pt(6) if number == 0 else 0.0, splittable=True,
                             ticks=number == len(pieces) - 1, marked=bool(inside))
    if not plan.cards and endnotes:
        yield from _note_blocks(summary, wording.all_notes, section_gap)


def _note_blocks(summary: Summary, heading: str, gap: float,
                 numbers: Collection[int] | None = None) -> Iterator[_Block]:
    """The notes (those `numbers`, else all) under `heading`, each under its number."""
    entries = [(number, passage) for number, passage in enumerate(summary.notes, 1)
               if numbers is None or number in numbers]
    if entries:
        yield _Block("heading", (heading,), gap, keep_with_next=True)
        for number, passage in entries:
            yield _Block("note_entry", (number, passage), _pt(6), ticks=numbers is None)


# A paragraph longer than this is typeset in pieces: one QTextDocument per piece keeps
# each layout small, and a piece spans at most two pages, so drawing a page touches only
# its own lines. One 2 MB paragraph as a single block took 15 s (31 MB: over 300 s and
# 1.6 GB), as every page walked every line of the whole paragraph.
PIECE_CHARS = 4000
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")


def _cut(text: str, limit: int) -> int:
    """Where to end a piece of `text` at most `limit` long: after a sentence in its last
    quarter, else at a space, else at the limit."""
    if len(text) <= limit:
        return len(text)
    sentences = [m.end() for m in _SENTENCE_END.finditer(text, limit * 3 // 4, limit)]
    if sentences:
        return sentences[-1]
    space = text.rfind(" ", limit // 2, limit)
    return space + 1 if space > 0 else limit


def split_block(block: TextBlock, limit: int = PIECE_CHARS) -> list[TextBlock]:
    """`block` as consecutive blocks of at most `limit` characters, highlights kept."""
    text = "".join(segment.text for segment in block.segments)
    if len(text) <= limit:
        return [block]
    ends: list[int] = []
    start = 0
    while start < len(text):
        start += _cut(text[start : start + limit + 1], limit)
        ends.append(start)
    pieces: list[TextBlock] = []
    segments: list[Segment] = []
    position, end_index, piece_start = 0, 0, 0
    for segment in block.segments:
        offset = 0
        while offset < len(segment.text):
            room = ends[end_index] - position
            part = segment.text[offset : offset + room]
            segments.append(Segment(part, segment.color))
            offset += len(part)
            position += len(part)
            if position == ends[end_index]:
                pieces.append(TextBlock(block.kind, block.level, tuple(segments),
                                        block.start + piece_start))
                segments, end_index, piece_start = [], end_index + 1, position
    return pieces


def _line_breaks(document: QTextDocument) -> tuple[float, ...]:
    """The bottom of every line, in the document's coordinates, top to bottom."""
    layout = document.documentLayout()
    bottoms: list[float] = []
    block = document.begin()
    while block.isValid():
        top = layout.blockBoundingRect(block).top()
        lines = block.layout()
        for index in range(lines.lineCount()):
            line = lines.lineAt(index)
            bottoms.append(top + line.y() + line.height())
        block = block.next()
    return tuple(sorted(bottoms))


def _draw_lines(painter: QPainter, document: QTextDocument, top: float, bottom: float) -> None:
    """The lines of `document` between `top` and `bottom`, and nothing else.

    A clipped `drawContents` would do visually, but Qt also draws the line either side of
    the clip, and clipped text is still in the text a PDF reader extracts (twice, then).
    Block backgrounds (a card's note) are filled here; character formats (highlights,
    links) are the lines' own.
    """
    layout = document.documentLayout()
    width = document.textWidth()
    block = document.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        if rect.bottom() >= top and rect.top() <= bottom:
            background = block.blockFormat().background()
            if background.style() != Qt.BrushStyle.NoBrush:
                painter.fillRect(QRectF(0, rect.top(), width, rect.height())
                                 .intersected(QRectF(0, top, width, bottom - top)), background)
            lines = block.layout()
            for index in range(lines.lineCount()):
                line = lines.lineAt(index)
                line_top = rect.top() + line.y()
                if line_top >= top - 0.5 and line_top + line.height() <= bottom + 0.5:
                    line.draw(painter, rect.topLeft())
        block = block.next()


def _first_part(size: _Size, body: float) -> float:
    """How much of a block must fit below whatever precedes it on a page."""
    if size.splittable:
        return min(size.height, size.breaks[0] if size.breaks else size.height)
    return size.height if size.height <= body else body  # too tall: a fresh page


def paginate(sizes: list[_Size], body: float) -> list[list[Slice]]:
    """Place blocks top to bottom on pages `body` high; each block's slices.

    A block that fits on a page is never split: it moves to the next page when it does not
    fit below what precedes it. One taller than a page starts on a fresh page (or right
    under its heading) and is cut between lines. Prose (`splittable`) is cut between lines
    wherever the page ends. A heading (`keep_with_next`) moves on with the start of what
    follows it, so it never ends a page.
    """
    placed: list[list[Slice]] = []
    page, y = 0, 0.0
    after_heading = False
    for index, size in enumerate(sizes):
        gap = size.gap if y > 0 else 0.0
        need = _first_part(size, body)
        if size.keep_with_next and index + 1 < len(sizes):
            following = sizes[index + 1]
            need = size.height + following.gap + _first_part(following, body)
        oversized = not size.splittable and size.height > body
        if y > 0 and y + gap + need > body and not (oversized and after_heading):
            page, y, gap = page + 1, 0.0, 0.0
        y += gap
        top = 0.0
        slices: list[Slice] = []
        while size.height - top > body - y + 0.5:
            limit = top + body - y
            cut = max((b for b in size.breaks if top < b <= limit), default=None)
            if cut is None and y > 0:
                page, y = page + 1, 0.0  # not even a line fits here
                continue
            cut = limit if cut is None else cut
            slices.append((page, y, top, cut))
            page, y, top = page + 1, 0.0, cut
        slices.append((page, y, top, size.height))
        y += size.height - top
        placed.append(slices)
        after_heading = size.keep_with_next
    return placed


@dataclass(frozen=True, slots=True)
class _Columns:
    """The page's width, and with margin cards the text's column and the cards' column.

    On paper printed on both sides (`mirrored`) the cards go in the outer margin: right
    on odd pages, left on even ones; otherwise always right.
    """

    width: float
    margin: float = 0.0  # the cards' column; 0: no margin cards
    mirrored: bool = False

    @property
    def text(self) -> float:
        return self.width - self.margin - _GUTTER if self.margin else self.width

    def text_x(self, page: int) -> float:
        return self.margin + _GUTTER if self.margin and self.mirrored and page % 2 else 0.0

    def card_x(self, page: int) -> float:
        return 0.0 if self.mirrored and page % 2 else self.text + _GUTTER


class _Typesetter:
    """Lays each block out in a small QTextDocument, one reused per kind of block."""

    def __init__(self, summary: Summary, columns: _Columns, writer: QPagedPaintDevice,
                 wording: Wording, show_notes: bool) -> None:
        template = environment().get_template("summary-print.html")
        notes: dict[str, Markup] = {}  # a note shows under its passage and in "All notes"

        def sanitised(note: str) -> Markup:
            html = notes.get(note)
            if html is None:
                html = notes[note] = Markup(note_html(note))  # sanitised by nh3
            return html

        # Its macros and the {% set css %} are attributes of the rendered module.
        self.module: Any = cast(Any, template.make_module(vars={
            "legend_rows": _rows,
            "caption": partial(caption, wording=wording),
            "w": wording,
            "excerpt": excerpt,
            "note_html": sanitised,
            "block_tag": block_tag,
            "tint": tint,
            "passage_tint": passage_tint,
            "show_notes": show_notes,
        }))
        self.summary = summary
        self.wording = wording
        self.columns = columns
        self.width = width = columns.width
        self.writer = writer
        self.css = str(self.module.css)  # the template's {% set css %}
        self.documents: dict[str, QTextDocument] = {}
        self.chart = _chart_image(summary, round(width), wording)

    def html(self, block: _Block) -> str:
        html = getattr(self.module, block.kind)(*self._args(block))
        return f"<body>{html}</body>"  # so the style sheet's body rule applies

    def width_of(self, kind: str) -> float:
        widths = {"card": self.width - _CARD_INSET, "text_block": self.columns.text,
                  "margin_card": self.columns.margin - _MARGIN_CARD_INSET}
        return widths.get(kind, self.width)

    def document(self, kind: str, html: str) -> QTextDocument:
        """`html` laid out; the document is reused for the next block of its kind."""
        document = self.documents.get(kind)
        if document is None:
            document = self.documents[kind] = QTextDocument()
            document.documentLayout().setPaintDevice(self.writer)
            document.setDocumentMargin(0)
            document.setDefaultStyleSheet(self.css)
            document.setTextWidth(self.width_of(kind))
            if kind == "margin_card":  # a long URL or word in a narrow card breaks anywhere
                option = document.defaultTextOption()
                option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
                document.setDefaultTextOption(option)
            if kind == "head":
                document.addResource(QTextDocument.ResourceType.ImageResource, _CHART_URL,
                                     self.chart)
        document.setHtml(html)
        return document

    def _args(self, block: _Block) -> tuple[object, ...]:
        if block.kind != "head":
            return block.args
        summary, chart, wording = self.summary, self.chart, self.wording
        return (summary, details(summary, wording), generated_line(summary, wording),
                _CHART_URL.toString(),
                round(chart.width() * 96 / DPI), round(chart.height() * 96 / DPI))

    def measure(self, block: _Block, html: str, body: float) -> _Size:
        document = self.document(block.kind, html)
        height = document.documentLayout().documentSize().height()
        pad = _CARD_PAD if block.stripe else 0.0
        breaks = _line_breaks(document) if block.splittable or height > body else ()
        height, breaks = height + 2 * pad, tuple(b + pad for b in breaks)
        return _Size(height, block.gap, block.keep_with_next, block.splittable, breaks)

    def margin_cards(self, ticker: Ticker) -> dict[int, tuple[str, float]]:
        """Each note's margin card, by number: its HTML and its height with padding."""
        cards: dict[int, tuple[str, float]] = {}
        for number, passage in enumerate(self.summary.notes, 1):
            html = f"<body>{self.module.margin_card(number, passage)}</body>"
            document = self.document("margin_card", html)
            height = document.documentLayout().documentSize().height()
            cards[number] = (html, height + 2 * _MARGIN_CARD_PAD)
            ticker.step()
        return cards


def _footer(painter: QPainter, title: str, page_label: str, rect: QRectF) -> None:
    font = QFont(_SANS)
    font.setPointSizeF(7.5)
    painter.setFont(font)
    painter.setPen(QColor("#5e5c64"))
    painter.drawLine(rect.topLeft(), rect.topRight())
    metrics = QFontMetricsF(font, painter.device())
    title = metrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width() * 0.75)
    flags = Qt.AlignmentFlag.AlignVCenter
    painter.drawText(rect, flags | Qt.AlignmentFlag.AlignLeft, title)
    painter.drawText(rect, flags | Qt.AlignmentFlag.AlignRight, page_label)


# The most text a PDF (or a printout) typesets: over 1,000 A4 pages, ~35 s and ~200 MB
# on a laptop (a 6 MB text took 20 s and peaked at 170 MB). Above it the export is
# refused before anything is laid out rather than running for minutes (issue 13 item 15).
MAX_TEXT_CHARS = 8_000_000


def _refuse_oversized(summary: Summary) -> None:
    blocks = summary.full_text or ()
    chars = sum(len(segment.text) for block in blocks for segment in block.segments)
    if chars > MAX_TEXT_CHARS:
        raise ExportError(
            f"the text is {chars / 1e6:.1f} million characters; a PDF or printout holds at "
            f"most {MAX_TEXT_CHARS / 1e6:.0f} million (over a thousand pages). Export it "
            "without the full text, or as HTML or Markdown"
        )


def typeset(summary: Summary, device: QPagedPaintDevice, ticker: Ticker, *,
            cards: bool = True, notes: NoteLayout = NoteLayout.END,
            wording: Wording = ENGLISH, mirrored: bool = False) -> None:
    """Lay `summary` out on the pages of `device` and draw them, footers included.

    The one typesetter behind the PDF export and File ▸ Print (`gui/printing.py`): the
    device is a QPdfWriter or a QPrinter whose page layout (size, margins) is already
    set, at `DPI` dots per inch, the unit every length here is computed in. `cards`
    False leaves out the passage cards of each area: a printout of the document shows
    its text with the highlights, then the notes, without listing the passages twice.
    `notes` puts the notes at the end, in the margin beside the full text (`mirrored`:
    the outer margin of pages printed on both sides), or nowhere; a note that finds no
    room in its page's margin, or whose passage is not in the printed text, is printed
    at the end (`exporters/margin_cards.py`).
    """
    _refuse_oversized(summary)
    _ensure_gui_application()
    if device.logicalDpiY() != DPI:
        raise ExportError(f"the page is set at {device.logicalDpiY()} dpi; {DPI} is needed")
    # Two passes over the passages, notes and text blocks: measure, then draw.
    ticker.start(2 * (len(summary.passages) + len(summary.notes) + len(summary.full_text or ())))
    area = device.pageLayout().paintRectPixels(DPI)
    footer = _pt(_FOOTER_PT)
    body = area.height() - footer
    width = area.width()
    in_margin = notes is NoteLayout.MARGIN and bool(summary.full_text) and bool(summary.notes)
    columns = _Columns(width, width * _MARGIN_SHARE if in_margin else 0.0, mirrored)
    marks = (assign_marks(summary.full_text or (), summary.notes)
             if notes is not NoteLayout.NONE else {})
    typesetter = _Typesetter(summary, columns, device, wording, notes is not NoteLayout.NONE)
    blocks = list(_blocks(summary, wording, _Plan(cards, notes, marks)))
    markup: list[str] = []  # each block's HTML, kept for the second pass
    sizes = []
    anchors: dict[int, dict[int, float]] = {}  # block index: note number: its line's top
    for index, block in enumerate(blocks):
        markup.append(html := typesetter.html(block))
        sizes.append(typesetter.measure(block, html, body))
        if block.marked:
            anchors[index] = _anchor_tops(typesetter.documents[block.kind])
        if block.ticks:
            ticker.step()
    ticker.check()
    placed = paginate(sizes, body)
    card_html: dict[int, tuple[str, float]] = {}  # note number: its card's HTML, height
    margin: dict[int, list[tuple[Card, float]]] = {}  # page: its cards and their tops
    if notes is NoteLayout.MARGIN:
        if in_margin:
            card_html = typesetter.margin_cards(ticker)
        heights = {number: height for number, (_html, height) in card_html.items()}
        margin = _margin_cards(anchors, placed, heights, body)
        in_cards = {card.number for page in margin.values() for card, _top in page}
        left = [n for n in range(1, len(summary.notes) + 1) if n not in in_cards]
        for block in _note_blocks(summary, wording.end_notes if in_cards else wording.all_notes,
                                  _pt(16), left):
            blocks.append(block)
            markup.append(html := typesetter.html(block))
            sizes.append(typesetter.measure(block, html, body))
        placed = paginate(sizes, body)  # the same pages, and the endnotes after them
    pages = placed[-1][-1][0] + 1
    footer_rect = QRectF(0, body + footer * 0.35, width, footer * 0.65)
    title = wording.title(summary)
    painter = QPainter(device)

    def begin_page(page: int) -> None:
        _footer(painter, title, wording.page.format(page=page + 1, pages=pages), footer_rect)
        for card, top in margin.get(page, ()):
            document = typesetter.document("margin_card", card_html[card.number][0])
            _draw_margin_card(painter, document, summary.notes[card.number - 1].color,
                              QRectF(columns.card_x(page), top, columns.margin, card.height))
            ticker.step()

    try:
        page = 0
        begin_page(page)
        for block, html, slices in zip(blocks, markup, placed, strict=True):
            document = typesetter.document(block.kind, html)
            for on_page, y, top, bottom in slices:
                while page < on_page:
                    device.newPage()
                    page += 1
                    begin_page(page)
                x = columns.text_x(page) if block.kind == "text_block" else 0.0
                _draw_slice(painter, document, block, len(slices) > 1, width,
                            (x, y, top, bottom))
            if block.ticks:
                ticker.step()
    finally:
        painter.end()


def _anchor_tops(document: QTextDocument) -> dict[int, float]:
    """The top of the line each note's mark (`<a name="note-N">`) is on, by note number."""
    layout = document.documentLayout()
    tops: dict[int, float] = {}
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            for name in fragment.charFormat().anchorNames():
                if name.startswith("note-"):
                    offset = fragment.position() - block.position()
                    line = block.layout().lineForTextPosition(offset)
                    tops[int(name[5:])] = layout.blockBoundingRect(block).top() + line.y()
            fragments += 1
        block = block.next()
    return tops


def _margin_cards(anchors: dict[int, dict[int, float]], placed: list[list[Slice]],
                  heights: dict[int, float], body: float) -> dict[int, list[tuple[Card, float]]]:
    """Each page's margin cards with their tops: beside the line of their marks, stacked
    (`exporters/margin_cards.stack`); a card left out goes to the end."""
    by_page: dict[int, list[Card]] = {}
    for index, tops in anchors.items():
        for number, y in tops.items():
            page, at, top, _bottom = next(
                (s for s in reversed(placed[index]) if s[2] <= y + 0.5), placed[index][0])
            by_page.setdefault(page, []).append(Card(number, at + y - top, heights[number]))
    return {page: stack(cards, body, _MARGIN_CARD_GAP)[0] for page, cards in by_page.items()}


def _draw_margin_card(painter: QPainter, document: QTextDocument, color: str,
                      rect: QRectF) -> None:
    """A note's card: a pale wash of its colour, a bar of the colour, then the note."""
    painter.save()
    painter.fillRect(rect, QColor(tint(color, 0.12)))
    painter.fillRect(QRectF(rect.x(), rect.y(), _pt(2.5), rect.height()), QColor(color))
    painter.translate(rect.x() + _MARGIN_CARD_INSET, rect.y() + _MARGIN_CARD_PAD)
    document.drawContents(painter, QRectF(0, 0, document.textWidth(), rect.height()))
    painter.restore()


def _draw_slice(painter: QPainter, document: QTextDocument, block: _Block, split: bool,
                width: float, where: tuple[float, float, float, float]) -> None:
    """The part `top`..`bottom` of a laid-out block, drawn at `x`, `y` on the current page."""
    x, y, top, bottom = where
    painter.save()
    painter.translate(x, 0)
    if block.stripe:  # the card's padding above and below is inside it
        painter.fillRect(QRectF(0, y, _pt(3), bottom - top), QColor(block.stripe))
        painter.translate(_CARD_INSET, y - top + _CARD_PAD)
        if split:  # taller than a page
            _draw_lines(painter, document, top - _CARD_PAD, bottom - _CARD_PAD)
        else:
            document.drawContents(painter, QRectF(0, top - _CARD_PAD,
                                                  width - _CARD_INSET, bottom - top))
    elif split:  # prose, or a block taller than a page
        painter.translate(0, y - top)
        _draw_lines(painter, document, top, bottom)
    else:
        painter.translate(0, y - top)
        document.drawContents(painter, QRectF(0, top, document.textWidth(), bottom - top))
    painter.restore()


def render(summary: Summary, stream: BinaryIO, ticker: Ticker, options: ExportOptions) -> None:
    _refuse_oversized(summary)
    _ensure_gui_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setTitle(options.wording.title(summary))
    writer.setCreator("Annotator")
    writer.setPageLayout(QPageLayout(
        QPageSize(_PAGE_SIZES[options.page_size]), QPageLayout.Orientation.Portrait,
        _MARGINS_MM, QPageLayout.Unit.Millimeter,
    ))
    try:
        typeset(summary, writer, ticker, notes=options.notes, wording=options.wording)
    finally:
        buffer.close()
    stream.write(data.data())
