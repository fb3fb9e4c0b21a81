"""Merging annotation copies from bundles into a library's: pure, order-free, never destructive.

Keyed by annotation id. Between copies of one annotation the higher
(`revision`, `modified`) wins: a per-annotation edit counter first, because clocks drift,
the time only to break ties. A deletion travels as a tombstone (a deleted copy), which
wins like any newer copy; a missing annotation never means it was deleted. Remaining ties
are broken by the copies' content, so the outcome never depends on the order of bundles:
merging is idempotent, commutative and associative (`tests/exchange/test_merge_properties.py`).

Two rules protect the local reader, whatever a bundle claims: an annotation the local
reader owns is never replaced or deleted, and no copy claiming the local reader as author
is added. Same id, revision and time with other content is a real conflict, and so is a
copy whose author is not the author of the copy it competes with (one owner per
annotation): a fixed rule keeps one and both are listed for the reader to choose.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from annotator.core.annotation import Annotation


class Reason(StrEnum):
    SAME_REVISION = "same revision, other content"
    OTHER_OWNER = "claimed by another author"
    LOCAL_READER = "claims to be the local reader's"
    OTHER_DEVICE = "changed on another of the local reader's devices too"  # group sync


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two copies of one annotation the merge cannot tell apart by age: `kept` won."""

    id: str
    kept: Annotation
    other: Annotation
    reason: Reason


@dataclass(frozen=True, slots=True)
class MergeResult:
    """What merging did: each change is (the library's copy or None, the copy to store)."""

    changes: tuple[tuple[Annotation | None, Annotation], ...]
    added: int
    updated: int
    unchanged: int
    conflicts: tuple[Conflict, ...]


def _substance(a: Annotation) -> tuple[Any, ...]:
    """What a reader would call the annotation's content; a tombstone has none."""
    if a.deleted:
        return (True, a.author_id)
    # The enums are str members, compared as their values; the document is left out: a
    # bundle's copies name it by text hash until the library places them.
    return (
        False, a.author_id, a.note, a.tags, a.color, a.area or "", a.start, a.end, a.exact,
        a.prefix, a.suffix, a.placement, a.origin, a.motivation, a.reply_to or "", a.created,
    )


def order(a: Annotation) -> tuple[int, datetime, tuple[Any, ...], str]:
    """The total order copies are merged by: newest wins, content breaks ties."""
    return (a.revision, a.modified, _substance(a), a.author_name)


def _conflict(kept: Annotation, other: Annotation) -> Conflict | None:
    if kept.author_id != other.author_id:
        return Conflict(kept.id, kept, other, Reason.OTHER_OWNER)
    same_time = (kept.revision, kept.modified) == (other.revision, other.modified)
    if same_time and _substance(kept) != _substance(other):
        return Conflict(kept.id, kept, other, Reason.SAME_REVISION)
    return None


def _challenges(mine: Annotation, copy: Annotation) -> bool:
    """A copy of the local reader's annotation that is not simply an older state of it."""
    return _substance(copy) != _substance(mine) and order(copy) >= order(mine)


def merge(
    local: Mapping[str, Annotation], incoming: Iterable[Annotation], local_reader: str
) -> MergeResult:
    """Merge `incoming` copies into `local` (the library's copies of those ids, by id).

    `local` may hold tombstones; `incoming` may hold several copies of one id (from
    several bundles). Nothing is written: the caller stores `changes`.
    """
    copies: dict[str, list[Annotation]] = {}
    for copy in incoming:
        copies.setdefault(copy.id, []).append(copy)
    changes: list[tuple[Annotation | None, Annotation]] = []
    conflicts: dict[tuple[Any, ...], Conflict] = {}
    added = updated = unchanged = 0
    for annotation_id, group in copies.items():
        mine = local.get(annotation_id)
        if mine is not None and mine.author_id == local_reader:
            unchanged += 1
            for copy in group:
                if _challenges(mine, copy):
                    found = Conflict(annotation_id, mine, copy, Reason.LOCAL_READER)
                    conflicts.setdefault((annotation_id, *order(copy)), found)
            continue
        claims = [c for c in group if c.author_id == local_reader]
        for copy in claims:
            found = Conflict(annotation_id, copy, copy, Reason.LOCAL_READER)
            conflicts.setdefault((annotation_id, *order(copy)), found)
        candidates = [c for c in group if c.author_id != local_reader]
        if not candidates:
            continue
        if mine is not None:
            candidates.append(mine)
        winner = max(candidates, key=order)
        for other in candidates:
            clash = _conflict(winner, other) if order(other) != order(winner) else None
            if clash is not None:
                conflicts.setdefault((annotation_id, *order(other)), clash)
        if mine is None:
            changes.append((None, winner))
            unchanged += winner.deleted
            added += not winner.deleted
        elif order(winner) > order(mine):
            changes.append((mine, winner))
            updated += 1
        else:
            unchanged += 1
    return MergeResult(
        tuple(changes), added, updated, unchanged,
        tuple(sorted(conflicts.values(), key=lambda c: (c.id, c.reason.value))),
    )


def shown_author(name: str, author_id: str, local_reader: str) -> str:
    """An author as a bundle claims it: "Li (from bundle)", unless it is the local reader."""
    if author_id == local_reader:
        return name
    return f"{name or 'Someone'} (from bundle)"
