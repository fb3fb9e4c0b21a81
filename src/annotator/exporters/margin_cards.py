"""Where the notes of a printout go: reference marks in the text, cards in the margin.

A PDF or a printout (`exporters/pdf.py`) numbers the notes 1, 2, … in document order,
as "All notes" does, and prints each number as a small mark where its passage starts in
the full text, so a card or an endnote can be matched with its passage even when it
cannot sit right beside it. This module holds the decisions about them, kept free of Qt
so they can be tested on their own:

- which block of the full text, and which character of it, a note's mark goes before
  (`assign_marks`); a passage outside the printed text (in the title, or no longer found)
  gets no mark, and its note goes to the end;
- the block's text cut into runs at those marks (`runs`);
- the cards of one page stacked in its margin (`stack`): each as near its passage's line
  as the cards above it allow (overlapping cards are pushed down), moved up into free
  margin near the bottom of the page, and, when the margin is full, left out: such a note
  is printed at the end, under its number, as an endnote. A reader looking beside the
  passage then finds its mark, and the same number at the end; a card carried on to the
  next page would sit beside text it has nothing to do with.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from annotator.core.summary import Passage, Segment, TextBlock

Mark = tuple[int, int]  # (offset in the block's text, note number)
_ROUNDING = 1e-6  # of a device pixel: cards that fit exactly still fit


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of a block's text in one colour, with the note marks printed before it."""

    text: str
    color: str | None
    marks: tuple[int, ...] = ()


def block_length(block: TextBlock) -> int:
    return sum(len(segment.text) for segment in block.segments)


def assign_marks(blocks: Sequence[TextBlock], notes: Sequence[Passage]) -> dict[int, list[Mark]]:
    """Each note's mark by block index; `notes` are numbered from 1 in their order.

    A passage starting between two blocks (on the blank line after a paragraph) is
    marked at the start of the next one; one before the first block (in the title) or no
    longer found in the text gets no mark.
    """
    starts = [block.start for block in blocks]
    lengths = [block_length(block) for block in blocks]
    marks: dict[int, list[Mark]] = {}
    for number, passage in enumerate(notes, 1):
        index = bisect_right(starts, passage.start) - 1
        if not passage.placed or index < 0:
            continue
        offset = passage.start - starts[index]
        if offset >= lengths[index]:
            index, offset = index + 1, 0
        if index < len(blocks):
            marks.setdefault(index, []).append((offset, number))
    return marks


def marks_within(marks: Sequence[Mark], start: int, end: int) -> list[Mark]:
    """The marks falling in `start`..`end` of a block, relative to `start`."""
    return [(offset - start, number) for offset, number in marks if start <= offset < end]


def runs(segments: Sequence[Segment], marks: Sequence[Mark]) -> tuple[Run, ...]:
    """`segments` cut where a mark goes; the marks ride on the run that follows them.
    Every mark must lie inside the text (`assign_marks`, `marks_within` see to it)."""
    numbers_at: dict[int, list[int]] = {}
    for offset, number in sorted(marks):
        numbers_at.setdefault(offset, []).append(number)
    cuts = sorted(numbers_at)
    cut: list[Run] = []
    position = 0
    for segment in segments:
        end = position + len(segment.text)
        inner = cuts[bisect_right(cuts, position) : bisect_left(cuts, end)]
        for a, b in pairwise([position, *inner, end]):
            cut.append(Run(segment.text[a - position : b - position], segment.color,
                           tuple(numbers_at.get(a, ()))))
        position = end
    return tuple(cut)


@dataclass(frozen=True, slots=True)
class Card:
    """A note's card waiting for a place: its number, the top of its passage's line on
    the page, and its height (same unit)."""

    number: int
    anchor: float
    height: float


def _tops(cards: Sequence[Card], body: float, gap: float) -> list[float]:
    """Pushed down below the card above, then up from the page's bottom."""
    tops: list[float] = []
    floor = 0.0
    for card in cards:
        top = max(card.anchor, floor)
        tops.append(top)
        floor = top + card.height + gap
    ceiling = body
    for index in range(len(cards) - 1, -1, -1):
        if tops[index] + cards[index].height > ceiling:
            tops[index] = ceiling - cards[index].height
        ceiling = tops[index] - gap
    return tops


def stack(cards: Sequence[Card], body: float, gap: float
          ) -> tuple[list[tuple[Card, float]], list[Card]]:
    """The cards of one page, in the order of their passages, with their tops in a margin
    `body` high; and those that do not fit, which go to the end as endnotes."""
    kept: list[Card] = []
    left_out: list[Card] = []
    for card in sorted(cards, key=lambda c: (c.anchor, c.number)):
        if card.height <= body and _tops([*kept, card], body, gap)[0] >= -_ROUNDING:
            kept.append(card)
        else:
            left_out.append(card)
    tops = (max(top, 0.0) for top in _tops(kept, body, gap))
    return list(zip(kept, tops, strict=True)), left_out
