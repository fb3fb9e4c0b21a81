"""The document on screen, with no Qt: its layers and what of them is visible.

The window keeps one `DocumentSession` and draws what it says: the machine suggestions
still shown (not rejected, not accepted, their area not hidden), the reader's
annotations, and the marks for both. The session holds the library's view of the
document (`OpenedDocument`) once the library has it, and applies every `Change` the
services return, so the window and its controller never keep a copy of their own.

Nothing here imports the store: the window asks for suggestion counts and marks before
the library is opened (performance.md trap 2).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from annotator.core.annotation import (
    COLOR_BY_KEY,
    Annotation,
    Motivation,
    Origin,
    Placement,
    color_hex,
)
from annotator.core.layers import (
    Layer,
    LayerKind,
    Mark,
    Suggestion,
    author_layers,
    imported_key,
    visible_suggestions,
)
from annotator.services.reading import Reading

if TYPE_CHECKING:
    from annotator.services.changes import Change


@dataclass(slots=True)
class OpenedDocument:
    """The library's view of the document on screen."""

    id: str
    annotations: list[Annotation] = field(default_factory=list)
    rejected: set[Suggestion] = field(default_factory=set)
    reading_position: int = 0
    new: bool = False  # first time the library saw this text


@dataclass(frozen=True, slots=True)
class MarkWording:
    """How a reader mark's label reads, in the window's language ("{who}" is replaced)."""

    by: str = "by {who}"
    accepted_by: str = "suggested, accepted by {who}"
    you: str = "you"


def color_label(color: str) -> str:
    """A reader colour's name, or the colour itself when it has none (#rrggbb)."""
    named = COLOR_BY_KEY.get(color)
    return named.label if named else color


def note_excerpt(note: str, limit: int = 160) -> str:
    """A note on one line, cut to `limit` characters: what a tooltip or menu shows."""
    flat = " ".join(note.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def suggestion_marks(reading: Reading) -> list[Mark]:
    """The reading's policy-area spans as suggestion marks, explained by their terms and
    the rules or carried-over topic that made them (`core/detection.py`: AreaSpan)."""
    labels = {area.id: area.label for area in reading.taxonomy.areas}
    return [
        Mark(span.start, span.end, LayerKind.SUGGESTION, span.area,
             labels.get(span.area, span.area), ", ".join(span.terms), terms=span.terms,
             reasons=span.reasons)
        for span in reading.spans
        if span.area in labels
    ]


def drawn(a: Annotation) -> bool:
    """Is `a` drawn on the page? Placed, and not an answer: an answer lies on its
    question's words, where its fill would make the teacher's question look like the
    student's own highlight; answers are listed under their question in the panel."""
    return a.placement is Placement.PLACED and a.motivation is not Motivation.REPLYING


def is_own(a: Annotation, reader_id: str | None) -> bool:
    """Is `a` drawn as the reader's own? Theirs, or naming no author; before the library
    is open (no `reader_id`), every annotation is."""
    return reader_id is None or a.author_id == reader_id or not a.author_id


def annotation_mark(a: Annotation, color: str, label: str, detail: str,
                    reader_id: str | None) -> Mark:
    """The mark of annotation `a`: the reader's own, or another author's with a badge."""
    if is_own(a, reader_id):
        return Mark(a.start, a.end, LayerKind.READER, color, label, detail, a.id)
    from annotator.exchange.merge import shown_author  # bundles' authors: after first paint

    badge = shown_author(a.author_name, a.author_id, reader_id or "")
    return Mark(a.start, a.end, LayerKind.IMPORTED, imported_key(color, a.author_id),
                f"{badge} · {label}", detail, a.id)


class DocumentSession:
    """One window's document: the reading, the library's annotations, visibility.

    Hidden areas outlive the document: the reader hid them for the window, not for one
    article.
    """

    def __init__(self) -> None:
        self.reading: Reading | None = None
        self.opened: OpenedDocument | None = None
        self.annotations: dict[str, Annotation] = {}
        self.hidden_areas: set[str] = set()
        self._suggestion_marks: list[Mark] = []

    # -- what is open ----------------------------------------------------------------

    def show(self, reading: Reading) -> None:
        """A new document on screen; the library's view of it comes with `attach`."""
        self.reading = reading
        self._suggestion_marks = suggestion_marks(reading)  # once per document
        self.forget()

    def attach(self, opened: OpenedDocument) -> None:
        """The library's annotations of the document on screen (again, after a reload)."""
        self.opened = opened
        self.annotations = {a.id: a for a in opened.annotations}

    def forget(self) -> None:
        """The document is not (or no longer) in the library."""
        self.opened, self.annotations = None, {}

    @property
    def document_id(self) -> str | None:
        return self.opened.id if self.opened else None

    def apply(self, change: Change) -> bool:
        """Bring the annotations in line with a change that reached the database; False
        when the change is about another document."""
        if self.opened is None or change.document_id != self.opened.id:
            return False
        for a in change.after:
            if a.deleted:
                self.annotations.pop(a.id, None)
            else:
                self.annotations[a.id] = a
        self.opened.rejected -= set(change.unrejected)
        self.opened.rejected |= set(change.rejected)
        return True

    # -- the layers --------------------------------------------------------------------

    def ordered(self) -> list[Annotation]:
        """The annotations, placed ones in document order, unplaced ones last."""
        return sorted(self.annotations.values(),
                      key=lambda a: (a.placement is Placement.UNPLACED, a.start, a.end))

    def layers(self, reader_id: str | None) -> tuple[Layer, ...]:
        """The annotations by author as the page draws them (`annotation_mark`): the
        reader's own layer (`is_own`) and each other author's, under the name its badge
        shows."""
        from annotator.exchange.merge import shown_author  # not needed for the first paint

        reader = reader_id or ""
        return author_layers(self.annotations.values(), reader,
                             lambda name, author_id: shown_author(name, author_id, reader),
                             lambda a: is_own(a, reader_id))

    def placed_at(self, offset: int) -> list[Annotation]:
        return [a for a in self.ordered() if a.placement is Placement.PLACED
                and a.start <= offset < a.end]

    def placed_over(self, start: int, end: int) -> list[Annotation]:
        return [a for a in self.ordered() if a.placement is Placement.PLACED
                and a.start < end and start < a.end]

    def visible_suggestions(self) -> set[Suggestion]:
        """Suggestions still shown: before the library has the document, all of them."""
        if self.reading is None:
            return set()
        every = [(s.area, s.start, s.end) for s in self.reading.spans]
        if self.opened is None:
            return set(every)
        return set(visible_suggestions(every, self.opened.rejected, self.annotations.values()))

    def suggestion_counts(self) -> dict[str, int]:
        """Suggested passages per area still shown (not rejected, not accepted)."""
        counts: dict[str, int] = {}
        for area, _start, _end in self.visible_suggestions():
            counts[area] = counts.get(area, 0) + 1
        return counts

    def area_shown(self, area_id: str) -> bool:
        return area_id not in self.hidden_areas

    def set_area_shown(self, area_id: str, shown: bool) -> None:
        if shown:
            self.hidden_areas.discard(area_id)
        else:
            self.hidden_areas.add(area_id)

    # -- what the window draws -----------------------------------------------------------

    def marks(self, wording: MarkWording | None = None, reader_id: str | None = None,
              ) -> tuple[list[Mark], list[tuple[int, str]]]:
        """The marks to draw and the (offset, #rrggbb) of each annotation with a note.

        An accepted suggestion keeps its area's colour, as exports show it. With
        `reader_id`, other authors' annotations are on their own layer, badged with
        the name their bundle claims.
        """
        wording = wording or MarkWording()
        if self.reading is None:
            return [], []
        marks = self._suggestion_marks
        if self.opened is not None:
            shown = self.visible_suggestions()
            marks = [m for m in marks if (m.key, m.start, m.end) in shown]
        else:
            marks = list(marks)
        notes: list[tuple[int, str]] = []
        taxonomy = self.reading.taxonomy
        for a in self.ordered():
            if not drawn(a):
                continue
            hex_, name = color_hex(a.color).lower(), color_label(a.color)
            kind = wording.by
            area = taxonomy.area(a.area) if a.area else None
            if a.origin is Origin.MACHINE:
                kind = wording.accepted_by
                if area is not None:
                    hex_, name = area.color.lower(), area.label
            label = f"{name} — {kind.format(who=a.author_name or wording.you)}"
            marks.append(annotation_mark(a, hex_, label, note_excerpt(a.note), reader_id))
            if a.note.strip():
                notes.append((a.start, hex_))
        return marks, notes

