"""The group summary: a study group's merged notes, by policy area, then by passage.

A reader's summary (`core/summary.py`) lists one reader's passages; a group wants to see
the same passage once, with each member's notes beside the others'. So the unit here is
a `core/hot_spots.py` passage (overlapping marks joined), filed under the policy area
most of its marks name, with the hot spots (passages several members marked) first and
a count per member. Member names come from the caller, which knows who the local reader
is and shows everyone else as a bundle claims them. Pure Python.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from annotator.core.annotation import Annotation
from annotator.core.document import Document, Metadata
from annotator.core.hot_spots import Passage, is_mark, passages
from annotator.core.summary import ENGLISH_UNKNOWN_AREA, UNKNOWN_AREA_COLOR, UnknownAreaWords
from annotator.core.taxonomy import Taxonomy


@dataclass(frozen=True, slots=True)
class Member:
    """A member of the group and how much they marked."""

    id: str
    name: str
    marks: int
    notes: int  # marks with a note


@dataclass(frozen=True, slots=True)
class MemberNotes:
    """One member's marks on one passage."""

    member: Member
    annotations: tuple[Annotation, ...]

    @property
    def notes(self) -> tuple[str, ...]:
        return tuple(a.note for a in self.annotations if a.note.strip())


@dataclass(frozen=True, slots=True)
class GroupPassage:
    start: int
    end: int
    exact: str
    area: str | None
    area_label: str
    by_member: tuple[MemberNotes, ...]  # in the group's member order

    @property
    def weight(self) -> int:
        return len(self.by_member)


@dataclass(frozen=True, slots=True)
class AreaGroup:
    area: str | None
    label: str
    color: str
    passages: tuple[GroupPassage, ...]  # in document order


@dataclass(frozen=True, slots=True)
class GroupSummary:
    metadata: Metadata
    members: tuple[Member, ...]  # by name
    hot_spots: tuple[GroupPassage, ...]  # most members first
    sections: tuple[AreaGroup, ...]  # taxonomy order, unknown areas, then no area

    @property
    def title(self) -> str:
        return self.metadata.title or "Untitled document"


def _area(passage: Passage, order: Mapping[str, int]) -> str | None:
    """The area most of the passage's marks name (taxonomy order breaks ties)."""
    counts = Counter(a.area for a in passage.annotations if a.area)
    if not counts:
        return None
    return min(counts, key=lambda area: (-counts[area], order.get(area, len(order)), area))


def build_group_summary(
    document: Document,
    annotations: Iterable[Annotation],
    taxonomy: Taxonomy,
    names: Mapping[str, str],
    minimum: int = 2,
    unknown_area: UnknownAreaWords = ENGLISH_UNKNOWN_AREA,
) -> GroupSummary:
    """The group summary of `annotations`; `names` maps author ids to shown names.

    A passage is a hot spot when at least `minimum` members marked it. `unknown_area`
    names the areas the taxonomy lacks, in the export's language.
    """
    marks = [a for a in annotations if is_mark(a)]
    members = sorted(
        (Member(i, names.get(i, i), sum(1 for a in marks if a.author_id == i),
                sum(1 for a in marks if a.author_id == i and a.note.strip()))
         for i in {a.author_id for a in marks}),
        key=lambda m: (m.name.casefold(), m.id),
    )
    rank = {m.id: n for n, m in enumerate(members)}
    by_id = {m.id: m for m in members}
    order = {area.id: n for n, area in enumerate(taxonomy.areas)}
    labels = {area.id: area for area in taxonomy.areas}
    grouped: list[GroupPassage] = []
    for p in passages(marks):
        area = _area(p, order)
        known = labels.get(area) if area else None
        mine: dict[str, list[Annotation]] = {}
        for a in p.annotations:
            mine.setdefault(a.author_id, []).append(a)
        grouped.append(GroupPassage(
            p.start, p.end, document.text[p.start:p.end], area,
            known.label if known else unknown_area.label_for(area),
            tuple(MemberNotes(by_id[i], tuple(mine[i]))
                  for i in sorted(mine, key=rank.__getitem__)),
        ))
    hot = sorted((g for g in grouped if g.weight >= minimum),
                 key=lambda g: (-g.weight, g.start, g.end))
    sections: list[AreaGroup] = []
    keys = sorted({g.area for g in grouped if g.area},
                  key=lambda a: (order.get(a, len(order)), a))
    for key in keys:
        own = tuple(g for g in grouped if g.area == key)
        known = labels.get(key)
        sections.append(AreaGroup(key, own[0].area_label,
                                  known.color if known else UNKNOWN_AREA_COLOR, own))
    loose = tuple(g for g in grouped if g.area is None)
    if loose:
        sections.append(AreaGroup(None, "Other highlights", UNKNOWN_AREA_COLOR, loose))
    return GroupSummary(document.metadata, tuple(members), tuple(hot), tuple(sections))


@dataclass(frozen=True, slots=True)
class Side:
    """Two members' notes on one passage both of them marked, for a side-by-side view."""

    passage: GroupPassage
    left: MemberNotes
    right: MemberNotes


def compare(summary: GroupSummary, left: str, right: str) -> list[Side]:
    """Passages both `left` and `right` (member ids) marked, in document order."""
    found = []
    for section in summary.sections:
        for p in section.passages:
            mine = {e.member.id: e for e in p.by_member}
            if left in mine and right in mine and left != right:
                found.append(Side(p, mine[left], mine[right]))
    return sorted(found, key=lambda s: (s.passage.start, s.passage.end))
