"""Coloured marks over the text: how they look, and how they reach a QTextDocument.

A *mark* is a range of the text (code points) on a *layer*: machine policy-area
suggestions now, the reader's own highlights later. Marks may overlap, so the text is
cut at every mark boundary into *segments*, each carrying the marks that cover it; a
segment's look is composed from all its visible marks (fill from one, underline from
another), so an overlap never lets the last mark win.

Formats are applied once per segment with `QTextCursor.mergeCharFormat` inside one edit
block. performance.md measured the alternatives: extra selections cost ~18x and every
repaint pays for them; re-running a QSyntaxHighlighter on a shown document ~200x. Hiding
an area re-merges only the segments that area touches.

A long text reaches its QTextDocument in parts (reader_view.py): `loaded` says how far
the text is there, and only the segments ending inside it are formatted; `load_until`
formats the next ones as more text arrives.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from PySide6.QtGui import QBrush, QColor, QTextCharFormat, QTextCursor, QTextDocument

from annotator.gui.offsets import Utf16Map

SUGGESTION_ALPHA = 0.30
READER_ALPHA = 0.62  # the reader's decisions read stronger than machine suggestions
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


class Layer(StrEnum):
    """What a mark means; layers are drawn with different strength."""

    SUGGESTION = "suggestion"  # machine policy-area highlight: soft tint + underline
    READER = "reader"  # the reader's own highlight: stronger fill (issue 3)


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted range: `key` names its style (an area id, a colour name)."""

    start: int
    end: int
    layer: Layer
    key: str
    label: str
    detail: str = ""
    ref: str = ""  # the annotation id of a reader mark


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
        self._cache: dict[tuple[str, ...], QTextCharFormat] = {}

    def clear_format(self) -> QTextCharFormat:
        """Merging this removes any highlight and keeps the text's own typography."""
        fmt = QTextCharFormat()
        fmt.setBackground(QBrush())  # NoBrush
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.NoUnderline)
        return fmt

    def format_for(self, marks: Sequence[Mark]) -> QTextCharFormat:
        keys = tuple(m.key for m in marks)
        cached = self._cache.get(keys)
        if cached is not None:
            return cached
        if not marks:
            fmt = self.clear_format()
        else:
            # The reader's own highlight, when present, owns the fill; else the first area.
            readers = [m for m in marks if m.layer is Layer.READER]
            filler = readers[0] if readers else marks[0]
            # The underline shows a second mark: an area first, else another reader's.
            others = sorted((m for m in marks if m is not filler),
                            key=lambda m: m.layer is Layer.READER)
            underliner = others[0] if others else filler
            fill, line = self.styles[filler.key], self.styles[underliner.key]
            underline = line.underline
            if underliner is not filler and underline is NO_UNDERLINE:
                underline = QTextCharFormat.UnderlineStyle.SingleUnderline
            fmt = QTextCharFormat()
            fmt.setBackground(blend(fill.color, fill.fill_alpha))
            fmt.setUnderlineStyle(underline)
            fmt.setUnderlineColor(line.color.darker(140) if underliner.layer is Layer.READER
                                  else line.color)
        self._cache[keys] = fmt
        return fmt


class DocumentHighlights:
    """The marks shown on one QTextDocument, with per-key visibility."""

    def __init__(self, document: QTextDocument, positions: Utf16Map, styler: Styler) -> None:
        self.document = document
        self.positions = positions
        self.styler = styler
        self.hidden: set[str] = set()
        self._segments: list[Segment] = []
        self._starts: list[int] = []
        self._ends: list[int] = []
        # How far (code points) the document holds the text; None: all of it. Only the
        # first `_applied` segments (those ending within it) carry their format yet.
        self.loaded: int | None = None
        self._applied = 0

    @property
    def segments(self) -> list[Segment]:
        return self._segments

    def set_marks(self, marks: Iterable[Mark]) -> None:
        """Replace every mark, re-merging only the segments that changed.

        Adding one highlight to a document with thousands re-formats a few segments, not
        all of them: unchanged segments keep the format they already have.
        """
        old = self._segments[:self._applied]
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
        ready = self._ready(loaded)
        self._apply(self._segments[self._applied:ready])
        self._applied = max(self._applied, ready)

    @property
    def pending(self) -> int:
        """Segments not formatted yet because their text has not arrived."""
        return len(self._segments) - self._applied

    def marks_in(self, start: int, end: int) -> tuple[Mark, ...]:
        """Visible marks overlapping [start, end), each once, in document order."""
        index = max(0, bisect_right(self._starts, start) - 1)
        found: dict[Mark, None] = {}
        for segment in self._segments[index:]:
            if segment.start >= end:
                break
            if segment.end > start:
                found.update(dict.fromkeys(self.visible_marks(segment)))
        return tuple(found)

    def set_hidden(self, key: str, hidden: bool) -> None:
        """Hide or show one key's marks; only the segments it touches are re-applied."""
        if (key in self.hidden) == hidden:
            return
        if hidden:
            self.hidden.add(key)
        else:
            self.hidden.discard(key)
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
        for segment in targets:
            if clear:
                fmt = cleared
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
