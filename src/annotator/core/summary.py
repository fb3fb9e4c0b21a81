"""The one summary model every exporter renders.

An export is organised by policy area and carries its legend, so the colours mean
something on paper too. Building that organisation once, here, keeps the five formats
in agreement: which passages are in, in what order, under which area, with which colour
and what share of the text each area covers. Exporters only decide how it looks.

Passages come from three sources: the reader's highlights, accepted machine highlights
(annotations with origin MACHINE), and, when the options ask for them (by default, until
the reader files something under an area), machine suggestions the reader has neither
accepted nor rejected. Rejected suggestions never
appear. Pure Python: no Qt, no store.

Building is O(n log n) in the passages and blocks: a 1 MB text with 10,000 passages
and its full text takes a fraction of a second. It reports progress and polls for a
cancel through a `Progress` (the exporters' `Ticker` is one), as the exporters do.
"""

from __future__ import annotations

import heapq
import re
import uuid
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from itertools import pairwise
from typing import Protocol

from annotator.core.annotation import (
    COLOR_BY_KEY,
    Annotation,
    Origin,
    Placement,
    color_hex,
    quote_context,
)
from annotator.core.detection import AreaSpan
from annotator.core.document import BlockKind, Document, Metadata
from annotator.core.filters import AnnotationFilter
from annotator.core.layers import accepted_suggestions
from annotator.core.taxonomy import PolicyArea, Taxonomy
from annotator.core.w3c import document_iri

# Suggestion ids are derived from what they are, so the same export is byte-identical.
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
_SUGGESTION_NAMESPACE = uuid.UUID("0d6c2f5e-3a8b-4f1c-9e7d-2b4a6c8e0f13")


class Progress(Protocol):
    """Work units for a progress bar; `step` may raise to stop (a cancel)."""

    def start(self, total: int) -> None: ...

    def step(self, units: int = 1) -> object: ...


class _Silent:
    def start(self, total: int) -> None:
        pass

    def step(self, units: int = 1) -> object:
        return None


class PassageKind(StrEnum):
    READER = "reader"
    MACHINE = "machine"  # a suggestion the reader accepted
    SUGGESTION = "suggestion"  # a suggestion not yet accepted or rejected


@dataclass(frozen=True, slots=True)
class SummaryOptions:
    """What to include: the annotations `filter` keeps (the panel's filters use the same
    rule; its areas also choose the sections and the legend), and more."""

    filter: AnnotationFilter = field(default_factory=AnnotationFilter)
    full_text: bool = False
    # Machine suggestions not yet accepted; None: until the reader decides, that is while
    # no annotation is filed under an area, so a first export shows the areas the text
    # covers, marked as suggestions, rather than an overview of zeros (issue 9 item 4).
    suggestions: bool | None = None


@dataclass(frozen=True, slots=True)
class Passage:
    """One highlighted passage, with everything any format shows about it.

    `annotation` is the reader's (or accepted) annotation; for a suggestion it is a
    synthesised MACHINE annotation, so formats that list annotations (JSON-LD, CSV)
    treat every passage alike.
    """

    kind: PassageKind
    annotation: Annotation
    color: str  # #rrggbb as drawn: the area's colour for machine passages
    area_label: str
    terms: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return self.annotation.id

    @property
    def start(self) -> int:
        return self.annotation.start

    @property
    def end(self) -> int:
        return self.annotation.end

    @property
    def exact(self) -> str:
        return self.annotation.exact

    @property
    def note(self) -> str:
        return self.annotation.note

    @property
    def tags(self) -> tuple[str, ...]:
        return self.annotation.tags

    @property
    def area(self) -> str | None:
        return self.annotation.area

    @property
    def author(self) -> str:
        return self.annotation.author_name

    @property
    def placed(self) -> bool:
        return self.annotation.placement is Placement.PLACED

    @property
    def color_label(self) -> str:
        """What the colour means: a reader colour's meaning, else the area's label."""
        named = COLOR_BY_KEY.get(self.annotation.color)
        if self.kind is PassageKind.READER:
            return f"{named.label}: {named.meaning}" if named else self.color
        return self.area_label


@dataclass(frozen=True, slots=True)
class LegendEntry:
    label: str
    color: str
    meaning: str


@dataclass(frozen=True, slots=True)
class AreaOverview:
    area: str
    label: str
    color: str
    passages: int
    share: float  # percent of the document's characters covered, overlaps counted once


@dataclass(frozen=True, slots=True)
class Section:
    """One area's passages, or (area `None`) the reader's highlights with no area."""

    area: str | None
    label: str
    color: str
    description: str
    passages: tuple[Passage, ...]


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    color: str | None  # None: not highlighted


@dataclass(frozen=True, slots=True)
class TextBlock:
    kind: BlockKind
    level: int
    segments: tuple[Segment, ...]
    start: int = 0  # where it starts in the document's text, so passages can be found in it


@dataclass(frozen=True, slots=True)
class Summary:
    metadata: Metadata
    document_id: str
    document_iri: str
    generated: datetime
    word_count: int
    legend_areas: tuple[LegendEntry, ...]
    legend_colors: tuple[LegendEntry, ...]
    overview: tuple[AreaOverview, ...]
    sections: tuple[Section, ...]
    passages: tuple[Passage, ...]  # all of them, in document order
    notes: tuple[Passage, ...]  # those with a note, in document order
    full_text: tuple[TextBlock, ...] | None
    options: SummaryOptions = field(default_factory=SummaryOptions)

    @property
    def title(self) -> str:
        return self.metadata.title or "Untitled document"

    @property
    def area_labels(self) -> dict[str, str]:
        return {o.area: o.label for o in self.overview}


UNKNOWN_AREA_COLOR = "#9a9996"
# What a colour the reader chose by hex means in the legend (`Wording.word` translates it).
CUSTOM_COLOUR = "Custom colour"


@dataclass(frozen=True, slots=True)
class UnknownAreaWords:
    """How a summary names an area the taxonomy lacks, in the export's language.

    English here, as the CLI writes it; the window hands its translation
    (`exporters/wording.py`), so a Chinese export says it in Chinese.
    """

    label: str = "Unknown area '{area}'"
    description: str = "Notes classified under an area the current taxonomy does not have."

    def label_for(self, area: str | None) -> str:
        """The heading of an area the taxonomy lacks: its notes are shown, never dropped.

        An annotation keeps the area id it was given when the reader later removes that
        area from their taxonomy copy (or a CLI highlight named one that never existed).
        """
        return self.label.format(area=area) if area else ""


ENGLISH_UNKNOWN_AREA = UnknownAreaWords()


def is_color(value: str) -> bool:
    """A reader colour's key ("yellow") or a #rrggbb value."""
    return value in COLOR_BY_KEY or bool(_HEX.match(value))


def safe_color(color: str, fallback: str = "#9a9996") -> str:
    """A reader colour as #rrggbb, or `fallback`: colours reach CSS, so only hex passes."""
    value = color_hex(color)
    return value.lower() if _HEX.match(value) else fallback


def _suggestion(
    document: Document, content_hash: str, document_id: str, span: AreaSpan, area: PolicyArea,
    now: datetime,
) -> Annotation:
    exact, prefix, suffix = quote_context(document.text, span.start, span.end)
    key = f"{content_hash}:{span.area}:{span.start}:{span.end}"
    return Annotation(
        document_id=document_id, start=span.start, end=span.end, exact=exact, prefix=prefix,
        suffix=suffix, color=area.color, area=span.area, origin=Origin.MACHINE,
        id=str(uuid.uuid5(_SUGGESTION_NAMESPACE, key)), created=now, modified=now,
    )


def _covered(passages: Iterable[Passage]) -> int:
    """Characters covered by the placed passages, overlaps counted once."""
    total, reach = 0, -1
    for start, end in sorted((p.start, p.end) for p in passages if p.placed):
        if end <= reach:
            continue
        total += end - max(start, reach)
        reach = end
    return total


_PRIORITY = {PassageKind.READER: 0, PassageKind.MACHINE: 1, PassageKind.SUGGESTION: 2}


def _full_text(
    document: Document, passages: tuple[Passage, ...], progress: Progress
) -> tuple[TextBlock, ...]:
    """The document's blocks cut at every highlight boundary.

    Where highlights overlap, the reader's own colour wins over a machine's, and a
    shorter (inner) highlight over a longer one, so nested highlights stay visible (on a
    tie, the passage first in document order). One sweep over the text: the passages
    covering the current point wait in a heap ordered by that rule, finished ones are
    dropped lazily when they reach the top, so a block holding thousands of passages
    costs O(p log p), not O(p²).
    """
    pending = sorted((p for p in passages if p.placed and p.end > p.start), key=lambda p: p.start)
    bounds = sorted({c for p in pending for c in (p.start, p.end)})
    text = document.text
    taken = 0
    active: list[tuple[int, int, int, int, str]] = []  # (rank, length, order, end, colour)
    blocks: list[TextBlock] = []
    for block in document.blocks:
        progress.step()
        if block.kind is BlockKind.TITLE:
            continue
        points = [block.start]
        points.extend(bounds[bisect_right(bounds, block.start):bisect_left(bounds, block.end)])
        points.append(block.end)
        segments: list[Segment] = []
        run_color: str | None = None
        run: list[str] = []
        for a, b in pairwise(points):  # strictly increasing
            while taken < len(pending) and pending[taken].start <= a:
                p = pending[taken]
                heapq.heappush(active, (_PRIORITY[p.kind], p.end - p.start, taken, p.end, p.color))
                taken += 1
            while active and active[0][3] <= a:
                heapq.heappop(active)
            color = active[0][4] if active else None
            if run and color != run_color:
                segments.append(Segment("".join(run), run_color))
                run = []
            run_color = color
            run.append(text[a:b])
        if run:
            segments.append(Segment("".join(run), run_color))
        blocks.append(TextBlock(block.kind, block.level, tuple(segments), block.start))
    return tuple(blocks)


def build_summary(
    document: Document,
    taxonomy: Taxonomy,
    spans: Iterable[AreaSpan],
    annotations: Iterable[Annotation],
    rejected: Collection[tuple[str, int, int]] = frozenset(),
    options: SummaryOptions | None = None,
    *,
    document_id: str = "",
    generated: datetime | None = None,
    progress: Progress | None = None,
    unknown_area: UnknownAreaWords = ENGLISH_UNKNOWN_AREA,
) -> Summary:
    """The summary of `document` with its machine `spans` and the reader's `annotations`.

    `rejected` holds the (area, start, end) of suggestions the reader rejected; they never
    appear. `generated` fixes the export time (golden tests pass one). `progress` is
    started with one unit per annotation, span (with suggestions) and block (with the
    full text), stepped as they are done; an exception from it (a cancel) stops the build.
    `unknown_area` names the areas the taxonomy lacks, in the export's language.
    """
    options = options or SummaryOptions()
    progress = progress or _Silent()
    now = generated or datetime.now(UTC)
    annotations = list(annotations)
    if options.suggestions is None:
        undecided = not any(a.area and not a.deleted for a in annotations)
        options = replace(options, suggestions=undecided)
    spans = list(spans) if options.suggestions else []
    progress.start(
        len(annotations) + len(spans) + (len(document.blocks) if options.full_text else 0)
    )
    wanted = options.filter
    areas = [a for a in taxonomy.areas if wanted.areas is None or a.id in wanted.areas]
    by_id = {a.id: a for a in areas}

    passages: list[Passage] = []
    for annotation in annotations:
        progress.step()
        if annotation.deleted:
            continue
        area = by_id.get(annotation.area) if annotation.area else None
        if wanted.areas is not None and area is None:
            continue  # an area the export leaves out
        if not wanted.matches(annotation):
            continue
        machine = annotation.origin is Origin.MACHINE and area is not None
        label = area.label if area else unknown_area.label_for(annotation.area)
        passages.append(Passage(
            PassageKind.MACHINE if machine else PassageKind.READER,
            annotation,
            area.color if machine and area else safe_color(annotation.color),
            label,
        ))
    if spans:
        hidden = accepted_suggestions(annotations) | set(rejected)
        content_hash = document.content_hash  # hashing 1 MB per suggestion was quadratic
        for span in spans:
            progress.step()
            area = by_id.get(span.area)
            key = (span.area, span.start, span.end)
            if area is None or key in hidden:
                continue
            passages.append(Passage(
                PassageKind.SUGGESTION,
                _suggestion(document, content_hash, document_id, span, area, now),
                area.color, area.label, span.terms,
            ))
    passages.sort(key=lambda p: (p.start, p.end, _PRIORITY[p.kind], p.area or ""))
    ordered = tuple(passages)

    length = len(document.text) or 1
    sections: list[Section] = []
    overview: list[AreaOverview] = []
    by_area: dict[str | None, list[Passage]] = {}
    for passage in ordered:
        by_area.setdefault(passage.area, []).append(passage)
    for area in areas:
        own = tuple(by_area.get(area.id, ()))
        overview.append(AreaOverview(
            area.id, area.label, area.color, len(own), 100.0 * _covered(own) / length
        ))
        if own:
            sections.append(Section(area.id, area.label, area.color, area.description, own))
    for unknown in sorted(key for key in by_area if key is not None and key not in by_id):
        sections.append(Section(
            unknown, unknown_area.label_for(unknown), UNKNOWN_AREA_COLOR,
            unknown_area.description, tuple(by_area[unknown]),
        ))
    unclassified = tuple(by_area.get(None, ()))
    if unclassified:
        sections.append(Section(None, "Other highlights", UNKNOWN_AREA_COLOR,
                                "Highlights with no policy area.", unclassified))

    used_colors = {p.annotation.color for p in ordered if p.kind is PassageKind.READER}
    legend_colors = tuple(
        LegendEntry(c.label, c.hex, c.meaning)
        for c in COLOR_BY_KEY.values()
        if c.key in used_colors
    ) + tuple(
        LegendEntry(safe_color(c), safe_color(c), CUSTOM_COLOUR)
        for c in sorted(used_colors - COLOR_BY_KEY.keys())
    )
    return Summary(
        metadata=document.metadata,
        document_id=document_id,
        document_iri=document_iri(document, document_id),
        generated=now,
        word_count=document.word_count,
        legend_areas=tuple(LegendEntry(a.label, a.color, a.description) for a in areas),
        legend_colors=legend_colors,
        overview=tuple(overview),
        sections=tuple(sections),
        passages=ordered,
        notes=tuple(p for p in ordered if p.note.strip()),
        full_text=_full_text(document, ordered, progress) if options.full_text else None,
        options=options,
    )
