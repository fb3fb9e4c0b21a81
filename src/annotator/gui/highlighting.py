"""Coloured marks over the text: how they look, and how they reach a QTextDocument.

A *mark* is a range of the text (code points) on a *layer*: a machine suggestion (the
passage an area was found in, with the terms that made it so) or the reader's own
highlight. Marks may overlap, so the text is cut at every mark boundary
into *segments*, each carrying the marks that cover it; a segment's look is composed from
all its visible marks, so an overlap never lets the last mark win.

What each layer looks like (issue 7, item 3): machine suggestions must not drown the
reader's decisions, which tinted sentences did (92 % of the sample's text had a fill).
So a passage carries no fill of its own: it is a bar in the margin (`margin_bars.py`),
and only its terms are underlined in the area's colour and style (`term_underlines.py`).
A passage is filled, softly, only while it is *lit*: hovered, or its area selected in
the Areas legend. The reader's highlights are the only strong fills; where one lies
inside another, the inner one keeps its fill, so no highlight ever hides another. Fills
set only a character's background and underlines only its underline, so re-merging one
never undoes the other.

Formats are applied once per segment with `QTextCursor.mergeCharFormat` inside one edit
block. performance.md measured the alternatives: extra selections cost ~18x and every
repaint pays for them; re-running a QSyntaxHighlighter on a shown document ~200x. Hiding
an area, or lighting a passage, re-merges only the segments it touches.

A long text reaches its QTextDocument in parts (reader_view.py): `loaded` says how far
the text is there, and only the segments ending inside it are formatted; `load_until`
formats the next ones as more text arrives.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor, QTextCharFormat, QTextCursor, QTextDocument

from annotator.core.layers import ANNOTATION_LAYERS, LayerKind, Mark
from annotator.gui.offsets import Utf16Map
from annotator.gui.term_underlines import TermUnderlines

SUGGESTION_ALPHA = 0.22  # a lit passage: a hint of its area, never a highlight
READER_ALPHA = 0.62  # the reader's decisions: the only strong fills
# Differs per area so areas stay apart without colour (print, colour blindness).
UNDERLINES: tuple[QTextCharFormat.UnderlineStyle, ...] = (
    QTextCharFormat.UnderlineStyle.SingleUnderline,
    QTextCharFormat.UnderlineStyle.DashUnderline,
    QTextCharFormat.UnderlineStyle.DotLine,
    QTextCharFormat.UnderlineStyle.WaveUnderline,
    QTextCharFormat.UnderlineStyle.DashDotLine,
    QTextCharFormat.UnderlineStyle.DashDotDotLine,
)


NO_UNDERLINE = QTextCharFormat.UnderlineStyle.NoUnderline


class Segment(NamedTuple):
    """A stretch of text covered by the same marks, in the order they were given.

    A named tuple rather than a frozen dataclass: a 5 MB text with 10,000 marks makes
    ~12,000 of them before its first paint, and a tuple is built ~5x faster.
    """

    start: int
    end: int
    marks: tuple[Mark, ...]


@dataclass(frozen=True, slots=True)
class MarkStyle:
    color: QColor
    underline: QTextCharFormat.UnderlineStyle = QTextCharFormat.UnderlineStyle.SingleUnderline
    fill_alpha: float = SUGGESTION_ALPHA


def segments(marks: Iterable[Mark]) -> list[Segment]:
    """Cut overlapping marks into disjoint segments (a sweep over their boundaries)."""
    ordered = [m for m in marks if m.end > m.start]
    # One int per boundary, (position, 0=end/1=start, mark index) packed so that a plain
    # integer sort orders them as the tuples would: 10,000 marks cut in ~10 ms, not 45.
    width = max(1, len(ordered)).bit_length()
    events = [(m.start << (width + 1)) | (1 << width) | i for i, m in enumerate(ordered)]
    events += [(m.end << (width + 1)) | i for i, m in enumerate(ordered)]
    events.sort()
    index_mask = (1 << width) - 1
    active: dict[int, Mark] = {}
    result: list[Segment] = []
    previous = 0
    for event in events:
        position = event >> (width + 1)
        index = event & index_mask
        if active and position > previous:
            marks_here = tuple(active.values()) if len(active) == 1 else tuple(
                active[i] for i in sorted(active))
            result.append(Segment(previous, position, marks_here))
        previous = position
        if event >> width & 1:
            active[index] = ordered[index]
        else:
            del active[index]
    return result


def blend(color: QColor, alpha: float) -> QColor:
    tinted = QColor(color)
    tinted.setAlphaF(alpha)
    return tinted


class Styler:
    """Composes one char format from the visible marks on a segment."""

    def __init__(self, styles: dict[str, MarkStyle]) -> None:
        self.styles = styles
        self._cache: dict[tuple[object, ...], QTextCharFormat] = {}

    def underlines(self) -> dict[str, QTextCharFormat]:
        """Per area, a format that sets only the underline (for its terms)."""
        formats = {}
        for key, style in self.styles.items():
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(style.underline)
            fmt.setUnderlineColor(style.color)
            formats[key] = fmt
        return formats

    def clear_format(self) -> QTextCharFormat:
        """Merging this removes any fill and keeps the text's own typography."""
        fmt = QTextCharFormat()
        fmt.setBackground(QBrush())  # NoBrush
        return fmt

    def format_for(self, marks: Sequence[Mark], lit: Collection[Mark] = ()) -> QTextCharFormat:
        """The fill of a segment covered by `marks`, of which the passages in `lit` are lit.

        Every format sets the fill, so merging it over an older one (a passage no longer
        lit) leaves nothing of that behind; none touches the underline (the terms').
        """
        key = (tuple(m.key for m in marks),
               tuple(i for i, m in enumerate(marks) if m in lit) if lit else ())
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        fmt = self.clear_format()
        # The reader's own fill wins; another author's (a faint wash, outlined by
        # gui/outlines.py) shows only where the reader has none.
        readers = ([m for m in marks if m.layer is LayerKind.READER]
                   or [m for m in marks if m.layer is LayerKind.IMPORTED])
        if readers:
            # The innermost highlight keeps its fill: one made inside another (or inside
            # an accepted suggestion) stays visible, the outer one shows around it.
            filler = min(readers, key=lambda m: m.end - m.start)
            fill = self.styles[filler.key]
            fmt.setBackground(blend(fill.color, fill.fill_alpha))
        else:
            shown = next((m for m in marks if m.layer is LayerKind.SUGGESTION and m in lit), None)
            if shown is not None:
                fmt.setBackground(blend(self.styles[shown.key].color, SUGGESTION_ALPHA))
        self._cache[key] = fmt
        return fmt


class DocumentHighlights:
    """The marks shown on one QTextDocument, with per-key visibility."""

    def __init__(self, document: QTextDocument, positions: Utf16Map, styler: Styler,
                 text: str = "") -> None:
        self.document = document
        self.positions = positions
        self.styler = styler
        self.text = text
        self.hidden: set[str] = set()
        self.terms = TermUnderlines(document, positions, text, styler.underlines(), self.hidden)
        # Lit passages (a soft fill): those of the area selected in the legend, and
        # those under the mouse.
        self.focus: str | None = None
        self.hovered: frozenset[Mark] = frozenset()
        self._segments: list[Segment] = []
        self._starts: list[int] = []
        self._ends: list[int] = []
        # How far (code points) the document holds the text; None: all of it. Only the
        # first `_applied` segments (those ending within it) carry their format yet.
        self.loaded: int | None = None
        self._applied = 0
        # How many times the marks were replaced: each is a sweep and a re-merge, so a
        # document should be drawn once when it opens (tests/gui/test_drawing.py).
        self.draws = 0

    @property
    def segments(self) -> list[Segment]:
        return self._segments

    def set_marks(self, marks: Iterable[Mark]) -> None:
        """Replace every mark, re-merging only the segments that changed.

        Adding one highlight to a document with thousands re-formats a few segments, not
        all of them: unchanged segments keep the format they already have.
        """
        self.draws += 1
        self.set_hovered(())  # the marks under the mouse may be gone
        old = self._segments[:self._applied]
        marks = list(marks)
        self.terms.set_passages(
            ((m.key, m.start, m.end, m.terms) for m in marks if m.layer is LayerKind.SUGGESTION),
            self._loaded_chars())
        self._segments = segments(marks)
        self._starts = [s.start for s in self._segments]
        self._ends = [s.end for s in self._segments]
        self._applied = self._ready(self.loaded)
        ready = self._segments[:self._applied]
        if not old:  # a fresh document: nothing to compare, nothing to clear
            self._apply(ready)
            return
        kept = set(old) & set(ready)
        self._apply([s for s in old if s not in kept], clear=True)
        self._apply([s for s in ready if s not in kept])

    def _ready(self, loaded: int | None) -> int:
        """How many segments end within the first `loaded` code points."""
        return len(self._segments) if loaded is None else bisect_right(self._ends, loaded)

    def load_until(self, loaded: int | None) -> None:
        """The document now holds the text up to `loaded` (None: all): format what fits."""
        self.loaded = loaded
        self.terms.extend(self._loaded_chars())
        ready = self._ready(loaded)
        self._apply(self._segments[self._applied:ready])
        self._applied = max(self._applied, ready)

    def _loaded_chars(self) -> int:
        return len(self.text) if self.loaded is None else self.loaded

    @property
    def pending(self) -> int:
        """Segments not formatted yet because their text has not arrived."""
        return len(self._segments) - self._applied

    def marks_in(self, start: int, end: int) -> tuple[Mark, ...]:
        """Visible marks overlapping [start, end), each once, in document order."""
        found: dict[Mark, None] = {}
        for segment in self._segments_in(start, end):
            found.update(dict.fromkeys(self.visible_marks(segment)))
        return tuple(found)

    def passages_in(self, start: int, end: int) -> list[Mark]:
        """The visible machine passages overlapping [start, end) (the margin's bars)."""
        return [m for m in self.marks_in(start, end) if m.layer is LayerKind.SUGGESTION]

    def _segments_in(self, start: int, end: int) -> list[Segment]:
        first = max(0, bisect_right(self._starts, start) - 1)
        last = bisect_left(self._starts, end)
        return [s for s in self._segments[first:last] if s.end > start]

    def set_focus(self, key: str | None) -> None:
        """Light every passage of one area (the one selected in the legend), or none."""
        if key == self.focus:
            return
        keys = {self.focus, key}
        self.focus = key
        self._apply([s for s in self._segments[:self._applied]
                     if any(m.key in keys and m.layer is LayerKind.SUGGESTION for m in s.marks)])

    def set_hovered(self, marks: Iterable[Mark]) -> None:
        """Light the passages among `marks` (those under the mouse); unlight the rest."""
        hovered = frozenset(m for m in marks if m.layer is LayerKind.SUGGESTION)
        if hovered == self.hovered:
            return
        changed = hovered ^ self.hovered
        self.hovered = hovered
        touched: dict[Segment, None] = {}
        for mark in changed:
            touched.update(dict.fromkeys(self._segments_in(mark.start, mark.end)))
        ready = self._ends[self._applied - 1] if self._applied else 0
        self._apply([s for s in touched if s.end <= ready])

    def lit(self, marks: Iterable[Mark]) -> tuple[Mark, ...]:
        """The passages among `marks` drawn lit."""
        focus, hovered = self.focus, self.hovered
        return tuple(m for m in marks if m.layer is LayerKind.SUGGESTION
                     and (m.key == focus or m in hovered))

    def set_hidden(self, key: str, hidden: bool) -> None:
        """Hide or show one key's marks; only the segments it touches are re-applied."""
        if (key in self.hidden) == hidden:
            return
        if hidden:
            self.hidden.add(key)
        else:
            self.hidden.discard(key)
        self.terms.set_hidden(key, hidden)
        self._apply([s for s in self._segments[:self._applied]
                     if any(m.key == key for m in s.marks)])

    def visible_marks(self, segment: Segment) -> tuple[Mark, ...]:
        return tuple(m for m in segment.marks if m.key not in self.hidden)

    def marks_at(self, offset: int) -> tuple[Mark, ...]:
        """The visible marks covering code-point `offset` (for tooltips)."""
        index = bisect_right(self._starts, offset) - 1
        if index < 0 or offset >= self._segments[index].end:
            return ()
        return self.visible_marks(self._segments[index])

    def _apply(self, targets: Sequence[Segment], clear: bool = False) -> None:
        if not targets:
            return
        # One edit block (without it Qt re-lays out after every merge: 50x slower), and
        # the per-segment work kept to three calls into Qt: 10,000 segments ~70 ms.
        cursor = QTextCursor(self.document)
        cursor.beginEditBlock()
        set_position, merge = cursor.setPosition, cursor.mergeCharFormat
        keep = QTextCursor.MoveMode.KeepAnchor
        to_qt = None if self.positions.identity else self.positions.to_qt
        cleared = self.styler.clear_format()
        format_for, hidden = self.styler.format_for, self.hidden
        lighting = self.focus is not None or bool(self.hovered)
        for segment in targets:
            if clear:
                fmt = cleared
            elif lighting:
                visible = self.visible_marks(segment)
                fmt = format_for(visible, self.lit(visible))
            elif hidden:
                fmt = format_for(self.visible_marks(segment))
            else:
                fmt = format_for(segment.marks)
            if to_qt is None:
                set_position(segment.start)
                set_position(segment.end, keep)
            else:
                set_position(to_qt(segment.start))
                set_position(to_qt(segment.end), keep)
            merge(fmt)
        cursor.endEditBlock()


def tooltip_html(marks: tuple[Mark, ...], highlights: DocumentHighlights | None) -> str:
    import html  # with its entity table ~3 ms: on the first tooltip, not before the first paint

    rows = []
    for mark in marks:
        style = highlights.styler.styles.get(mark.key) if highlights else None
        color = style.color.name() if style else "#888888"
        if mark.layer in ANNOTATION_LAYERS:
            # label: who made it; detail: the note's first words
            note = (f"<br/><span style='white-space:pre-wrap'>{html.escape(mark.detail)}</span>"
                    if mark.detail else "")
            rows.append(
                f"<p style='margin:2px 0'><span style='color:{color}'>■</span> "
                f"<b>{html.escape(mark.label)}</b>{note}</p>"
            )
            continue
        matched = html.escape(QCoreApplication.translate("ReaderView", "matched:"))
        detail = (
            f"<br/><span style='color:gray'>{matched}</span> {html.escape(mark.detail)}"
            if mark.detail else ""
        )
        if mark.reasons:  # why beyond the words: context rules, the topic carried over
            why = html.escape(QCoreApplication.translate("ReaderView", "why:"))
            detail += (f"<br/><span style='color:gray'>{why}</span> "
                       f"{html.escape('; '.join(mark.reasons))}")
        rows.append(
            f"<p style='margin:2px 0'><span style='color:{color}'>■</span> "
            f"<b>{html.escape(mark.label)}</b>{detail}</p>"
        )
    return "".join(rows)
