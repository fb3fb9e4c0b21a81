"""What the reader window needs from the library, in one object, with no Qt.

The window opens the store after its first paint (SQLAlchemy's import costs more than
Qt's) and then talks only to a `ReaderSession`: it keeps the library, annotating, search
and identity services over one `Store`, and answers the few questions that are not a
single service call (is this file a revision of a stored document? which annotations
pass the panel's filters?). Keeping those answers here keeps the GUI free of decisions
and lets them be tested without a display.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.annotation import COLOR_BY_KEY, Annotation, Origin, Placement, utc_now
from annotator.core.document import Document
from annotator.services.library import Revision
from annotator.services.library_services import Services
from annotator.store.api import Store, StoredDocument, Suggestion


@dataclass(frozen=True, slots=True)
class AnnotationFilter:
    """The annotations panel's filters; an empty field matches everything."""

    color: str = ""
    area: str = ""
    tag: str = ""
    author: str = ""
    text: str = ""

    def matches(self, a: Annotation) -> bool:
        if self.color and a.color != self.color:
            return False
        if self.area and a.area != self.area:
            return False
        if self.tag and self.tag not in a.tags:
            return False
        if self.author and a.author_name != self.author:
            return False
        if self.text:
            needle = self.text.casefold()
            haystack = " ".join((a.exact, a.note, *a.tags, a.author_name)).casefold()
            if not all(word in haystack for word in needle.split()):
                return False
        return True


def filter_annotations(
    annotations: Iterable[Annotation], wanted: AnnotationFilter
) -> list[Annotation]:
    """Annotations passing `wanted`, placed ones in document order, unplaced ones last."""
    kept = [a for a in annotations if wanted.matches(a)]
    kept.sort(key=lambda a: (a.placement is Placement.UNPLACED, a.start, a.end))
    return kept


@dataclass(frozen=True, slots=True)
class FilterChoices:
    """The values worth offering in each filter box (those that occur)."""

    colors: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()


def filter_choices(annotations: Sequence[Annotation]) -> FilterChoices:
    named = [c for c in COLOR_BY_KEY if any(a.color == c for a in annotations)]
    custom = sorted({a.color for a in annotations if a.color not in COLOR_BY_KEY})
    return FilterChoices(
        colors=(*named, *custom),
        areas=tuple(sorted({a.area for a in annotations if a.area})),
        tags=tuple(sorted({t for a in annotations for t in a.tags}, key=str.casefold)),
        authors=tuple(sorted({a.author_name for a in annotations if a.author_name})),
    )


def visible_suggestions(
    suggestions: Iterable[Suggestion],
    rejected: Iterable[Suggestion],
    annotations: Iterable[Annotation],
) -> list[Suggestion]:
    """Machine suggestions still to show: not rejected, not already accepted."""
    hidden = set(rejected)
    hidden.update(
        (a.area, a.start, a.end)
        for a in annotations
        if a.origin is Origin.MACHINE and a.area and a.placement is Placement.PLACED
    )
    return [s for s in suggestions if s not in hidden]


@dataclass(slots=True)
class OpenedDocument:
    """The library's view of the document on screen."""

    id: str
    annotations: list[Annotation] = field(default_factory=list)
    rejected: set[Suggestion] = field(default_factory=set)
    reading_position: int = 0
    new: bool = False  # first time the library saw this text


class ReaderSession(Services):
    """One open store and the services the window uses over it."""

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        _ = self.reader  # the window shows and records the reader from the start
        self._seen_version: int | None = None

    @classmethod
    def open(cls, path: Path | None = None) -> ReaderSession:
        """Open (creating, migrating, checking) the default database; raises StoreError."""
        from annotator.store import Store as LocalStore

        return cls(LocalStore.open(path))

    def changed_elsewhere(self) -> bool:
        """True once per batch of commits another process made since the last call.

        The first call only takes the baseline. Cheap (one pragma, no read of the data),
        so the window can ask it on a timer.
        """
        version = self.store.data_version()
        if version is None:
            return False
        seen, self._seen_version = self._seen_version, version
        return seen is not None and version != seen

    # --- documents ----------------------------------------------------------------

    def known_id(self, document: Document) -> str | None:
        """The live or deleted library id of this exact text, if any."""
        with self.store.transaction(write=False) as repo:
            known = repo.document_by_hash(document.content_hash)
        return known[0] if known else None

    def revision_candidate(self, document: Document) -> str | None:
        """A stored document this text may be a revision of: new text, same title.

        Only a text the library does not know yet can be a revision; the match is on the
        title because that is what survives an edited article.
        """
        title = document.metadata.title.strip()
        if not title or self.known_id(document) is not None:
            return None
        for summary in self.library.documents():
            if summary.title.strip() == title:
                return summary.id
        return None

    def add(self, document: Document, source: Path | None) -> OpenedDocument:
        """Keep the document in the library (deduplicated by hash) and load its notes."""
        new = self.known_id(document) is None
        doc_id = self.library.add(document, str(source.resolve()) if source else None)
        opened = self.load(doc_id)
        opened.new = new
        return opened

    def revise(self, doc_id: str, document: Document, source: Path | None) -> Revision:
        return self.library.revise(doc_id, document, str(source.resolve()) if source else None)

    def load(self, doc_id: str) -> OpenedDocument:
        with self.store.transaction(write=False) as repo:
            annotations = repo.annotations(doc_id)
            rejected = repo.rejected(doc_id)
            position = repo.reading_position(doc_id) or 0
        return OpenedDocument(doc_id, annotations, rejected, position)

    @staticmethod
    def stored_copy(opened: OpenedDocument, document: Document,
                    source: Path | None) -> StoredDocument:
        """The stored record of a document just added or loaded, without reading it back."""
        return StoredDocument(opened.id, document, utc_now(), None, opened.reading_position,
                              str(source) if source else None, False)

    def stored(self, doc_id: str) -> StoredDocument:
        return self.library.document(doc_id)
