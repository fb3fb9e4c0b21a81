"""The article view: one centred column of book-like text with its highlights.

Two widgets share one design. An article (up to `RICH_LIMIT` characters, i.e. every real
article) goes into a read-only QTextEdit, whose layout honours block formats: line
height, indented and tinted key points, paragraph spacing. A longer text goes into a
read-only QPlainTextEdit: performance.md found QTextEdit/QTextBrowser pay ~1.6 s and
~400 MiB the first time a 5 MB text is laid out to its end, where QPlainTextEdit lays out
only what is visible (5 ms). The plain widget ignores block margins and line height, so
long texts keep fonts, colours and highlights but lose those refinements.

Both receive the text with `setPlainText`, so a Qt position is the UTF-16 index of our
code-point offset (see `offsets.Utf16Map`); blocks stay separated by an empty line, which
serves as paragraph spacing. Typography and highlights are applied as char and block
formats on the QTextDocument *before* it is given to the widget, so no layout is paid
twice.

A long text does not wait for all of itself before its first paint: the document gets
its first `FIRST_CHARS` (cut at a block boundary) with their typography and highlights,
the page paints, then the rest is appended in chunks of `CHUNK_CHARS`, one per turn of the
event loop, each formatted as it arrives (~15 ms a chunk). Text is only ever appended, so
every offset already shown stays valid; whatever needs text that has not arrived yet
(scrolling to an offset, selecting, Ctrl+End) loads it first (`ensure_loaded`).
`loading_finished` is emitted once the whole text is in.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QRectF, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QMenu,
    QPlainTextDocumentLayout,
    QPlainTextEdit,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from annotator.core.document import BlockKind
from annotator.core.layers import LayerKind, Mark
from annotator.gui.accessibility import passage_description
from annotator.gui.author_layers import imported_style
from annotator.gui.highlighting import (
    NO_UNDERLINE,
    READER_ALPHA,
    UNDERLINES,
    DocumentHighlights,
    MarkStyle,
    Styler,
    tooltip_html,
)
from annotator.gui.inline_styles import apply_inline_styles
from annotator.gui.margin_bars import AreaMargin
from annotator.gui.offsets import Utf16Map
from annotator.gui.outlines import paint_outlines
from annotator.gui.settings import ReaderLook
from annotator.services.document_session import suggestion_marks
from annotator.services.reading import Reading

RICH_LIMIT = 1_000_000
# A long text shows this much before its first paint (several screens, ~3 ms to format),
# then receives the rest in chunks of CHUNK_CHARS, one per event-loop turn.
FIRST_CHARS = 100_000
CHUNK_CHARS = 250_000
MIN_MEASURE = 45  # below this a line is too short to read; the window's docks give way
MIN_SIDE_MARGIN = 24
# Find-in-page marks: every match, and the current one (strong enough over any tint).
FIND_MATCH = QColor("#ffd54f")
FIND_CURRENT = QColor("#ff9100")
SERIF_FAMILIES = ["DejaVu Serif", "Noto Serif", "Liberation Serif", "serif"]
SANS_FAMILIES = ["DejaVu Sans", "Noto Sans", "Liberation Sans", "sans-serif"]
PROPORTIONAL = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
GAP_LINES = 0.55  # the empty line between paragraphs, in lines of body text
ZOOM_STEPS = (0.7, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
# A typical English line: its mean advance measures the column better than the font's
# averageCharWidth, which counts every glyph the font has.
_MEASURE_SAMPLE = "The visit marked a broader trend of talks, cooperation and exchange; "


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """`amount` of the way from colour `a` to colour `b`."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


# The page mixin is typed as a scroll area (what both page widgets are) for the checker;
# at run time it is a plain class first in the MRO, which PySide honours for overrides.
if TYPE_CHECKING:
    _PageBase = QAbstractScrollArea
else:
    _PageBase = object


class _PageEvents(_PageBase):
    """What both page widgets tell their owner: resizes, tooltips, menus, paints."""

    _owner: ReaderView

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._owner.fit_column()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            self._owner.show_tooltip(event)
            return True
        if event.type() == QEvent.Type.Leave:
            self._owner.hover_passages(())
        return super().viewportEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        self._owner.hover_at(event.position().toPoint())

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self._owner.request_context_menu(event.pos(), event.globalPos())

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self._owner.paint_note_markers()
        paint_outlines(self._owner)  # other authors' marks (gui/outlines.py)
        self._owner.margin.update()  # scrolled or re-laid out: its bars move along
        self._owner.painted()


class _RichPage(_PageEvents, QTextEdit):
    """The article page for texts short enough for rich layout (every real article)."""

    def __init__(self, owner: ReaderView) -> None:
        super().__init__(owner)
        self._owner = owner


class _PlainPage(_PageEvents, QPlainTextEdit):
    """The page for texts too long for rich layout (trap 3 of performance.md)."""

    def __init__(self, owner: ReaderView) -> None:
        super().__init__(owner)
        self._owner = owner

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Ctrl+End, Select All, Copy… act on the whole text: let all of it arrive first.
        self._owner.ensure_loaded(None)
        super().keyPressEvent(event)


Page = _RichPage | _PlainPage


class ReaderView(QWidget):
    """Shows one `Reading`; every position in its API is a code-point offset."""

    # (viewport point, global point, code-point offset under it or -1)
    context_menu_requested = Signal(QPoint, QPoint, int)
    # The whole text of a long document is in the page (see the module's docstring).
    loading_finished = Signal()
    # The reader selected text or cleared the selection (the status bar counts it).
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reading: Reading | None = None
        # Qt positions where an annotation with a note starts, sorted, and their colours.
        self._note_positions: list[int] = []
        self._note_colors: list[QColor] = []
        self.zoom = 1.0
        # Font, size, line spacing and measure the reader chose (Reader Settings).
        self.look = ReaderLook()
        self.positions = Utf16Map("")
        self.highlights: DocumentHighlights | None = None
        # The marks and notes last drawn, so the same ones are not drawn again.
        self._drawn: tuple[list[Mark], list[tuple[int, str]]] = ([], [])
        # Each area's lane in the margin (its place in the legend).
        self.lanes: dict[str, int] = {}
        self._document: QTextDocument | None = None
        self._paint_waiters: list[Callable[[], None]] = []
        # A long text still arriving: how far it is in (code points) and the index of the
        # first block not in yet; None once the whole text is in.
        self._loaded: int | None = None
        self._loaded_blocks = 0
        self._tracking = False  # the page has painted: mouse tracking and keyboard are on
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.page: Page = self._make_page(rich=True)
        self._layout.addWidget(self.page)
        self.setFocusProxy(self.page)

    # -- building -------------------------------------------------------------------

    def _make_page(self, rich: bool) -> Page:
        page: Page = _RichPage(self) if rich else _PlainPage(self)
        page.setReadOnly(True)
        if self._tracking:  # a page made after the first paint (see `painted`)
            page.viewport().setMouseTracking(True)
            self._select_by_keyboard(page)
        page.setTabChangesFocus(True)  # read-only: Tab goes on to the sidebar
        page.setFrameShape(QFrame.Shape.NoFrame)
        # Prose never scrolls sideways: a word wider than the column (a title's
        # "cooperation" in a narrow window) breaks rather than being cut or scrolled.
        page.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        page.setAutoFillBackground(True)
        page.setBackgroundRole(QPalette.ColorRole.Base)
        page.setObjectName("reader-page")
        page.setAccessibleName(self.tr("Article"))
        page.selectionChanged.connect(self.selection_changed)
        page.cursorPositionChanged.connect(self._describe_caret)
        self.margin = AreaMargin(self, page)
        return page

    @staticmethod
    def _select_by_keyboard(page: Page) -> None:
        """Selectable by keyboard too: a caret the reader moves with the arrows and extends
        with Shift selects text for the highlight keys without a mouse. Set after the
        first paint: the first use of the `Qt` namespace builds its ~90 Python enums
        (~13 ms), which nothing in the first frame needs."""
        from PySide6.QtCore import Qt

        page.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)

    def _describe_caret(self) -> None:
        """Screen readers hear the highlights at the caret: area, who made it, its note."""
        if self.highlights is None:
            return
        offset = self.positions.from_qt(self.page.textCursor().position())
        self.page.setAccessibleDescription(passage_description(
            self.highlights.marks_at(offset)))

    def selected_text(self) -> str:
        """The selected text, paragraph breaks as newlines (Qt marks them U+2029)."""
        return self.page.textCursor().selectedText().replace("\u2029", "\n")

    def body_font(self) -> QFont:
        font = QFont()
        chosen = [self.look.family] if self.look.family else []
        font.setFamilies([*chosen, *SERIF_FAMILIES])
        font.setPointSizeF(self.look.point_size * self.zoom)
        font.setHintingPreference(QFont.HintingPreference.PreferVerticalHinting)
        return font

    def show_reading(self, reading: Reading, marks: Sequence[Mark] | None = None) -> None:
        """Replace the shown document; the widget kind follows the text's length.

        `marks`: what to draw with the text (by default the reading's suggestions); the
        window passes none and draws its document session's marks right after.
        """
        text = reading.document.text
        rich = len(text) <= RICH_LIMIT
        self.reading = reading
        document = QTextDocument()
        document.setUndoRedoEnabled(False)  # read-only: format changes need no history
        if not rich:
            document.setDocumentLayout(QPlainTextDocumentLayout(document))
        document.setDefaultFont(self.body_font())
        document.setDocumentMargin(8)
        head, head_blocks = (len(text), len(reading.document.blocks)) if rich else (
            self._cut(reading, FIRST_CHARS))
        if head < len(text):
            document.setPlainText(text[:head])
            self.positions = Utf16Map(text)
            self._loaded, self._loaded_blocks = head, head_blocks
            self.call_after_paint(self._schedule_loading)
        else:
            document.setPlainText(text)
            self.positions = Utf16Map(text, document.characterCount() - 1)
            self._loaded, self._loaded_blocks = None, len(reading.document.blocks)
        self._apply_typography(document, rich, whole=True)
        self.lanes = {area.id: i for i, area in enumerate(reading.taxonomy.areas)}
        self.highlights = DocumentHighlights(document, self.positions, self._styler(reading),
                                             text)
        self.highlights.loaded = self._loaded
        shown = list(marks) if marks is not None else suggestion_marks(reading)
        if shown:
            self.highlights.set_marks(shown)
        self._drawn = (shown, [])
        self._note_positions, self._note_colors = [], []
        if rich != isinstance(self.page, _RichPage):
            old = self.page
            self.page = self._make_page(rich)
            self._layout.replaceWidget(old, self.page)
            self.setFocusProxy(self.page)
            old.deleteLater()  # takes the old document, its child, along
            self._document = None
        self.page.setFont(self.body_font())
        self.page.setDocument(document)
        document.setParent(self.page)
        if self._document is not None:
            # The widget owns only its default document; the ones we built are ours.
            self._document.deleteLater()
        self._document = document
        self.fit_column()
        self.page.verticalScrollBar().setValue(0)  # a new document starts at its top

    @staticmethod
    def _cut(reading: Reading, size: int, start_block: int = 0) -> tuple[int, int]:
        """(code-point end, block index) of a part of about `size` characters from block
        `start_block`: it ends where a block starts, so the gap before it is included."""
        blocks = reading.document.blocks
        if start_block >= len(blocks):
            return len(reading.document.text), len(blocks)
        goal = blocks[start_block].start + size
        index = start_block
        while index < len(blocks) and blocks[index].end < goal:
            index += 1
        index += 1  # the first block left out
        if index >= len(blocks):
            return len(reading.document.text), len(blocks)
        return blocks[index].start, index

    @property
    def loading(self) -> bool:
        """True while a long text is still arriving (after its first paint)."""
        return self._loaded is not None

    def _schedule_loading(self) -> None:
        # Not from inside paintEvent: on the next turn, and one chunk per turn after it.
        QTimer.singleShot(0, self._load_next)

    def _load_next(self) -> None:
        if self._loaded is None:
            return
        self._load_chunk()
        if self._loaded is not None:
            QTimer.singleShot(0, self._load_next)

    def _load_chunk(self) -> None:
        """Append the next part of a long text with its typography and highlights."""
        reading, document = self.reading, self._document
        assert reading is not None and document is not None and self._loaded is not None
        text = reading.document.text
        start, first_block = self._loaded, self._loaded_blocks
        end, end_block = self._cut(reading, CHUNK_CHARS, first_block)
        cursor = QTextCursor(document)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        # An empty format: the new text must not inherit the format before it (a
        # highlight ending where the part ended), as setPlainText would not.
        cursor.insertText(text[start:end], QTextCharFormat())
        self._loaded = None if end >= len(text) else end
        self._loaded_blocks = end_block
        self._apply_typography(document, False, whole=False, blocks=(first_block, end_block))
        if self.highlights is not None:
            self.highlights.load_until(self._loaded)
        if self._loaded is None:
            self.loading_finished.emit()

    def ensure_loaded(self, offset: int | None) -> None:
        """Load the text (now) up to code-point `offset`, or all of it for None."""
        while self._loaded is not None and (offset is None or self._loaded <= offset):
            self._load_chunk()

    def _styler(self, reading: Reading) -> Styler:
        return Styler({
            area.id: MarkStyle(QColor(area.color), UNDERLINES[index % len(UNDERLINES)])
            for index, area in enumerate(reading.taxonomy.areas)
        })

    # -- marks ----------------------------------------------------------------------

    def set_marks(self, marks: list[Mark], notes: Sequence[tuple[int, str]] = ()) -> None:
        """Show these marks (suggestions and the reader's) and margin markers for notes.

        A reader mark's key is its colour as #rrggbb; its style is made on first use.
        `notes` are (code-point offset, #rrggbb) of annotations that carry a note. The
        marks already shown are not drawn again (opening a document without notes
        once drew its suggestions twice).
        """
        if self.highlights is None:
            return
        drawn = (marks, list(notes))
        if drawn == self._drawn:
            return
        self._drawn = drawn
        styles = self.highlights.styler.styles
        for mark in marks:
            if mark.layer is LayerKind.READER and mark.key not in styles:
                styles[mark.key] = MarkStyle(QColor(mark.key), NO_UNDERLINE, READER_ALPHA)
            elif mark.layer is LayerKind.IMPORTED and mark.key not in styles:
                styles[mark.key] = imported_style(mark.key)
        self.highlights.set_marks(marks)
        ordered = sorted((self.positions.to_qt(o), c) for o, c in notes)
        self._note_positions = [p for p, _ in ordered]
        self._note_colors = [QColor(c) for _, c in ordered]
        if self._tracking:  # before the first paint there is nothing to update yet
            self.page.viewport().update()

    def visible_span(self) -> tuple[int, int]:
        """The first and last code points the page shows now (margin bars, outlines)."""
        page, positions = self.page, self.positions
        # The viewport's size without asking for the viewport, which the first paint
        # draws the margin bars with: see `viewport()`.
        size = page.maximumViewportSize()
        bar = page.verticalScrollBar()
        width = size.width() - (bar.width() if bar.isVisible() else 0)
        first = positions.from_qt(page.cursorForPosition(QPoint(0, 0)).position())
        last = positions.from_qt(page.cursorForPosition(QPoint(width, size.height())).position())
        return first, last

    def paint_note_markers(self) -> None:
        """A small bar in the left margin beside each line where a noted highlight starts.

        Only the markers inside the viewport are looked up, so a document with thousands
        of notes pays for the few on screen.
        """
        if not self._note_positions:
            return
        from PySide6.QtCore import Qt  # notes come from the store, after the first paint

        page = self.page
        viewport = page.viewport()
        first = page.cursorForPosition(QPoint(0, 0)).position()
        last = page.cursorForPosition(QPoint(viewport.width(), viewport.height())).position()
        lo = bisect_left(self._note_positions, first)
        hi = bisect_right(self._note_positions, last)
        if lo >= hi:
            return
        painter = QPainter(viewport)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        cursor = QTextCursor(page.document())
        for index in range(lo, hi):
            cursor.setPosition(self._note_positions[index])
            rect = page.cursorRect(cursor)
            painter.setBrush(self._note_colors[index].darker(135))
            painter.drawRoundedRect(QRectF(1, rect.top() + 2, 4, max(4, rect.height() - 4)), 2, 2)
        painter.end()

    def add_bar(self, bar: QWidget) -> None:
        """Put a bar (find in page) above the article, inside this view."""
        self._layout.insertWidget(0, bar)

    def set_find_marks(self, matches: Sequence[tuple[int, int]], current: int | None) -> None:
        """Mark every find match, the current one stronger; transient extra selections,
        so the document's own formats (areas, highlights) are never touched."""
        document = self.page.document()
        limit = document.characterCount() - 1
        selections = []
        for index, (start, end) in enumerate(matches):
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(document)
            cursor.setPosition(min(self.positions.to_qt(start), limit))
            cursor.setPosition(min(self.positions.to_qt(end), limit),
                               QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(FIND_CURRENT if index == current else FIND_MATCH)
            fmt.setForeground(QColor("#000000"))
            selection.format = fmt
            selections.append(selection)
        self.page.setExtraSelections(selections)

    def find_marks(self) -> list[tuple[int, int]]:
        """The marked find matches as code-point ranges (what a test can check)."""
        return [(self.positions.from_qt(s.cursor.selectionStart()),
                 self.positions.from_qt(s.cursor.selectionEnd()))
                for s in self.page.extraSelections()]

    def selected_range(self) -> tuple[int, int] | None:
        """The selection as code-point offsets, None when nothing is selected."""
        cursor = self.page.textCursor()
        if not cursor.hasSelection():
            return None
        return (self.positions.from_qt(cursor.selectionStart()),
                self.positions.from_qt(cursor.selectionEnd()))

    def request_context_menu(self, point: QPoint, global_point: QPoint) -> None:
        offset = self.offset_at(point)
        self.context_menu_requested.emit(point, global_point, -1 if offset is None else offset)

    def standard_context_menu(self, point: QPoint) -> QMenu:
        """The page's own menu (Copy, Select All), to extend with annotation commands."""
        menu = self.page.createStandardContextMenu(point)
        assert menu is not None
        return menu

    def _apply_typography(self, document: QTextDocument, rich: bool, whole: bool,
                          blocks: tuple[int, int] | None = None) -> None:
        """Fonts, colours and spacing per block kind; `whole` also sets the body's spacing.

        Only non-paragraph blocks carry explicit sizes, so zooming re-applies a handful of
        blocks, not every paragraph of a long text. `blocks` limits the work to a range
        of block indices; by default, every block the document holds so far.
        """
        if self.reading is None:
            return
        palette = self.palette()
        text_color = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        muted = mix(text_color, base, 0.42)
        tint = mix(base, palette.color(QPalette.ColorRole.Highlight), 0.10)
        size = self.look.point_size * self.zoom
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        if whole and rich:
            body = QTextBlockFormat()
            body.setLineHeight(self.look.line_spacing, PROPORTIONAL)
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.mergeBlockFormat(body)
        if rich:
            # The empty line between paragraphs is made short by a small font, not by a
            # reduced line height: Qt hit-tests a block by its font's full height, so a
            # short line of body font reached into the next paragraph's first line and a
            # right-click there found the gap instead of the words (issue 7, item 5).
            gap = QTextBlockFormat()
            gap.setLineHeight(100, PROPORTIONAL)
            gap_font = QTextCharFormat()
            gap_font.setFontPointSize(size * GAP_LINES)
            qt_block = document.firstBlock()
            while qt_block.isValid():
                if qt_block.length() == 1:
                    cursor.setPosition(qt_block.position())
                    cursor.mergeBlockFormat(gap)
                    cursor.mergeBlockCharFormat(gap_font)
                qt_block = qt_block.next()
        all_blocks = self.reading.document.blocks
        first, last = blocks if blocks is not None else (0, self._loaded_blocks)
        to_qt = self.positions.to_qt
        paragraph = BlockKind.PARAGRAPH  # looked up once: a long text has ~20,000 blocks
        for index in range(first, last):
            block = all_blocks[index]
            if block.kind is paragraph:
                continue
            char = QTextCharFormat()
            fmt = QTextBlockFormat()
            if block.kind is BlockKind.TITLE:
                char.setFontPointSize(size * 1.75)
                char.setFontWeight(QFont.Weight.Bold)
                char.setForeground(text_color)
                fmt.setLineHeight(118, PROPORTIONAL)
            elif block.kind is BlockKind.HEADING:
                char.setFontPointSize(size * (1.45 if block.level <= 1 else 1.2))
                char.setFontWeight(QFont.Weight.Bold)
                fmt.setLineHeight(125, PROPORTIONAL)
            elif block.kind in (BlockKind.BYLINE, BlockKind.SOURCE):
                char.setFontFamilies(SANS_FAMILIES)
                char.setFontPointSize(size * 0.78)
                char.setForeground(muted)
                char.setFontItalic(block.kind is BlockKind.SOURCE)
            elif block.kind is BlockKind.KEY_POINT:
                char.setFontPointSize(size * 1.04)
                char.setFontItalic(True)
                fmt.setBackground(tint)
                fmt.setLeftMargin(size * 2.2)
                fmt.setRightMargin(size * 2.2)
            cursor.setPosition(to_qt(block.start))
            cursor.setPosition(to_qt(block.end), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(char)
            cursor.mergeBlockFormat(fmt)
            following = all_blocks[index + 1] if index + 1 < len(all_blocks) else None
            if (
                block.kind is BlockKind.KEY_POINT
                and following is not None
                and following.kind is BlockKind.KEY_POINT
            ):
                # Tint the gap between key points too, so they read as one standfirst.
                cursor.setPosition(to_qt(block.end) + 1)
                gap_fmt = QTextBlockFormat()
                gap_fmt.setBackground(tint)
                gap_fmt.setLeftMargin(size * 2.2)
                gap_fmt.setRightMargin(size * 2.2)
                cursor.mergeBlockFormat(gap_fmt)
        # Imported formats' emphasis, links and indented blocks (gui/inline_styles.py).
        apply_inline_styles(cursor, self.reading.document, to_qt, (first, last), palette, size)
        cursor.endEditBlock()

    # -- layout ---------------------------------------------------------------------

    def char_width(self) -> float:
        """The mean advance of a character of body text at the current zoom."""
        metrics = QFontMetricsF(self.body_font())
        return metrics.horizontalAdvance(_MEASURE_SAMPLE) / len(_MEASURE_SAMPLE)

    def column_width(self, chars: int | None = None) -> float:
        """The column's width for `chars` characters a line (by default, the reader's)."""
        count = self.look.measure if chars is None else chars
        return self.char_width() * count + 2 * self.page.document().documentMargin()

    def minimum_width(self) -> int:
        """The narrowest this view may be and still set MIN_MEASURE characters a line."""
        # The vertical scroll bar's width (the style's scroll bar extent), asked of the bar:
        # asking the style itself builds QStyle's Python enums (~6 ms) before the first
        # paint, which the window's resize asks for.
        bar = self.page.verticalScrollBar().sizeHint().width()
        return int(self.column_width(MIN_MEASURE) + self._min_left() + MIN_SIDE_MARGIN
                   + bar) + 1

    def _min_left(self) -> int:
        """The left margin holds the area bars (`margin_bars.py`): never narrower than they."""
        return max(MIN_SIDE_MARGIN, self.margin.wanted())

    def chars_per_line(self) -> float:
        """How many characters of body text a line of the column holds now."""
        margin = 2 * self.page.document().documentMargin()
        return (self.page.viewport().width() - margin) / self.char_width()

    def fit_column(self) -> None:
        """Centre a column of ~`look.measure` characters by widening the viewport's side margins.

        The column is centred in the whole view, scroll bar included, so it sits in the
        middle of the window when no dock is beside it.
        """
        page = self.page
        total = page.contentsRect().width()
        bar = page.verticalScrollBar()
        bar_width = bar.width() if bar.isVisible() else 0
        column = self.column_width()
        left = max(self._min_left(), int((total - column) / 2))
        right = max(MIN_SIDE_MARGIN, int(total - column - left - bar_width))
        margins = page.viewportMargins()
        if margins.left() != left or margins.right() != right:
            page.setViewportMargins(left, 0, right, 0)
        contents = page.contentsRect()
        self.margin.place(contents.left(), contents.top(), left, contents.height())

    # -- zoom -----------------------------------------------------------------------

    def set_zoom(self, zoom: float) -> None:
        self.zoom = max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], zoom))
        self._restyle(whole=False)

    def set_look(self, look: ReaderLook) -> None:
        """Set the text in another font, size, line spacing or measure, keeping the place."""
        if look == self.look:
            return
        self.look = look
        self._restyle(whole=True)

    def _restyle(self, whole: bool) -> None:
        """Re-apply fonts and block formats to the shown document; `whole` also the body's
        line height (a zoom leaves it as it is, a new line spacing does not)."""
        if self.reading is None:
            return  # the next show_reading builds with these
        document = self.page.document()
        top = self.top_offset()
        self.page.setFont(self.body_font())
        document.setDefaultFont(self.body_font())
        self._apply_typography(document, isinstance(self.page, _RichPage), whole=whole)
        self.fit_column()
        self.scroll_to_offset(top)

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self.zoom + 1e-6), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        smaller = [z for z in ZOOM_STEPS if z < self.zoom - 1e-6]
        self.set_zoom(smaller[-1] if smaller else ZOOM_STEPS[0])

    def changeEvent(self, event: QEvent) -> None:
        """Muted and tinted colours derive from the palette: follow a theme switch."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.reading is not None:
            self._apply_typography(
                self.page.document(), isinstance(self.page, _RichPage), whole=False
            )

    # -- positions ------------------------------------------------------------------

    def viewport(self) -> QWidget:
        """The page's viewport (the first call costs ~25 ms: PySide looks its type up
        among every QWidget subclass, so the first paint is awaited with
        `call_after_paint`, not with an event filter on the viewport)."""
        return self.page.viewport()

    def call_after_paint(self, callback: Callable[[], None]) -> None:
        """Call `callback` once, right after the page next paints its viewport."""
        self._paint_waiters.append(callback)

    def painted(self) -> None:
        if self._paint_waiters:
            waiters, self._paint_waiters = self._paint_waiters, []
            for callback in waiters:
                callback()
        if not self._tracking:
            # Hover lights passages; tracking is switched on once the first frame is
            # painted, when asking for the viewport no longer delays it.
            self._tracking = True
            self.page.viewport().setMouseTracking(True)
            self._select_by_keyboard(self.page)

    def set_keys_visible(self, keys: Iterable[str], visible: bool) -> None:
        """Show or hide every mark with one of these style keys (an author's layer)."""
        if self.highlights is not None:
            for key in list(keys):
                self.highlights.set_hidden(key, not visible)

    def mark_keys(self) -> list[str]:
        """The style keys of the marks shown now (areas, colours, authors' layers)."""
        return list(self.highlights.styler.styles) if self.highlights is not None else []

    def set_area_visible(self, area_id: str, visible: bool) -> None:
        if self.highlights is not None:
            self.highlights.set_hidden(area_id, not visible)
            self.margin.update()

    def set_focus_area(self, area_id: str | None) -> None:
        """Light every passage of an area (the one selected in the legend), or none."""
        if self.highlights is not None:
            self.highlights.set_focus(area_id)
            self.margin.update()

    def hover_passages(self, marks: Sequence[Mark]) -> None:
        """Light these passages (under the mouse), and only these."""
        if self.highlights is not None and self.highlights.hovered != frozenset(marks):
            self.highlights.set_hovered(marks)
            self.margin.update()

    def hover_at(self, point: QPoint) -> None:
        """The mouse is over this viewport point: light the passages under it."""
        if self.highlights is None:
            return
        offset = self.offset_at(point)
        marks = () if offset is None else self.highlights.marks_at(offset)
        self.hover_passages([m for m in marks if m.layer is LayerKind.SUGGESTION])

    def char_format_at(self, offset: int) -> QTextCharFormat:
        """The format of the character at code-point `offset` (what the reader sees)."""
        self.ensure_loaded(offset)
        cursor = QTextCursor(self.page.document())
        cursor.setPosition(self.positions.to_qt(offset) + 1)
        return cursor.charFormat()

    def offset_at(self, point: QPoint) -> int | None:
        """Code-point offset of the character under a viewport point, None off the text."""
        cursor = self.page.cursorForPosition(point)
        rect = self.page.cursorRect(cursor)
        if abs(rect.center().y() - point.y()) > rect.height():
            return None
        position = cursor.position()
        if point.x() < rect.x() and position > 0:
            position -= 1
        return self.positions.from_qt(position)

    def top_offset(self) -> int:
        """Code-point offset at the top of the viewport: the reading position to keep."""
        cursor = self.page.cursorForPosition(QPoint(0, 2))
        return self.positions.from_qt(cursor.position())

    def scroll_to_start(self) -> None:
        """The page as a document opens: its top margin in view, the caret at its start."""
        self.page.moveCursor(QTextCursor.MoveOperation.Start)
        self.page.verticalScrollBar().setValue(0)

    def scroll_to_offset(self, offset: int, ratio: float = 0.0) -> None:
        """Scroll so `offset` sits `ratio` of the way down the viewport."""
        self.ensure_loaded(offset)
        document = self.page.document()
        cursor = QTextCursor(document)
        cursor.setPosition(min(self.positions.to_qt(offset), document.characterCount() - 1))
        self._scroll_cursor(cursor, ratio)

    def _scroll_cursor(self, cursor: QTextCursor, ratio: float) -> None:
        page = self.page
        bar = page.verticalScrollBar()
        if isinstance(page, _RichPage):
            page.setTextCursor(cursor)
            top = page.cursorRect(cursor).top()
            bar.setValue(bar.value() + top - int(page.viewport().height() * ratio))
        else:
            # The plain widget scrolls by blocks (and by lines within a wrapped one): go
            # to the end, then back up to the caret, which leaves it on the top line;
            # then step back until the caret is `ratio` down. Counting the steps from
            # the line height could step back over whole paragraphs and leave the caret
            # below the window.
            page.setTextCursor(cursor)
            bar.setValue(bar.maximum())
            page.ensureCursorVisible()
            goal = page.viewport().height() * ratio
            while bar.value() > bar.minimum() and page.cursorRect(cursor).top() < goal:
                bar.setValue(bar.value() - 1)
            while (bar.value() < bar.maximum()
                   and page.cursorRect(cursor).bottom() > page.viewport().height()):
                bar.setValue(bar.value() + 1)

    def select_range(self, start: int, end: int) -> None:
        """Select a passage and bring it into view, a third of the way down."""
        self.ensure_loaded(end)
        document = self.page.document()
        limit = document.characterCount() - 1
        cursor = QTextCursor(document)
        cursor.setPosition(min(self.positions.to_qt(start), limit))
        self._scroll_cursor(cursor, 1 / 3)
        cursor.setPosition(min(self.positions.to_qt(end), limit))
        cursor.setPosition(min(self.positions.to_qt(start), limit), QTextCursor.MoveMode.KeepAnchor)
        self.page.setTextCursor(cursor)

    def show_tooltip(self, event: QHelpEvent) -> None:
        """Explain the highlight under the mouse: area and the words that matched."""
        offset = self.offset_at(event.pos())
        marks = () if offset is None or self.highlights is None else (
            self.highlights.marks_at(offset)
        )
        if not marks:
            QToolTip.hideText()
            event.ignore()
            return
        QToolTip.showText(event.globalPos(), tooltip_html(marks, self.highlights), self.viewport())
