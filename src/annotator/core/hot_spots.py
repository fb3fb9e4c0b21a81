"""Hot spots: the passages several members of a group marked, most-marked first.

A study group merges everyone's notes and wants to see where attention gathered. Two
members rarely select exactly the same characters, so overlapping spans count as one
passage: the spans are swept in order of start and joined while they overlap (a chain
of overlaps is one passage, as union-find over the overlap relation would give, in
O(n log n)). Spans that only touch (one ends where the next starts) stay apart. A
passage's weight is the number of distinct members (authors) with a mark in it, so one
member's ten highlights count once.

Replies are left out: an answer sits on its question's span and says nothing about
where its author looked. So are deleted and unplaced annotations. Pure Python.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.annotation import Annotation, Motivation, Placement


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of text covered by overlapping marks, and the marks in it."""

    start: int
    end: int
    annotations: tuple[Annotation, ...]  # in (start, end, id) order

    @property
    def members(self) -> tuple[str, ...]:
        """The distinct authors with a mark here, by id (sorted, so stable)."""
        return tuple(sorted({a.author_id for a in self.annotations}))

    @property
    def weight(self) -> int:
        return len(self.members)


def is_mark(annotation: Annotation) -> bool:
    """Does `annotation` say where its author looked? (live, placed, not a reply)."""
    return (
        not annotation.deleted
        and annotation.placement is Placement.PLACED
        and annotation.motivation is not Motivation.REPLYING
        and annotation.start < annotation.end
    )


def passages(annotations: Iterable[Annotation]) -> list[Passage]:
    """Every passage the marks in `annotations` form, in document order."""
    marks = sorted((a for a in annotations if is_mark(a)), key=lambda a: (a.start, a.end, a.id))
    found: list[Passage] = []
    group: list[Annotation] = []
    start = end = 0
    for mark in marks:
        if group and mark.start < end:
            group.append(mark)
            end = max(end, mark.end)
            continue
        if group:
            found.append(Passage(start, end, tuple(group)))
        group, start, end = [mark], mark.start, mark.end
    if group:
        found.append(Passage(start, end, tuple(group)))
    return found


def hot_spots(annotations: Iterable[Annotation], minimum: int = 2) -> list[Passage]:
    """Passages at least `minimum` members marked: most members first, then by position."""
    hot = [p for p in passages(annotations) if p.weight >= minimum]
    return sorted(hot, key=lambda p: (-p.weight, p.start, p.end))
