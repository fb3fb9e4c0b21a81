"""The reader's library: documents kept with their metadata, found by id or id prefix.

Documents are deduplicated by content hash (the same text opened twice is one entry).
Deleting tombstones the document, hiding it and its annotations; importing the same text
again brings both back, so a hasty delete loses nothing. A revised text keeps the same
document id and every annotation: each is re-anchored, and what cannot be placed is kept as
UNPLACED with its quote, never dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from annotator.core.anchoring import (
    AnchorStatus,
    TextPositionSelector,
    TextQuoteSelector,
    describe,
    reanchor_all,
)
from annotator.core.annotation import Annotation, Placement, new_id, utc_now
from annotator.core.document import Document
from annotator.errors import AnnotatorError, NotFound
from annotator.store.api import (
    DamagedDocument,
    DocumentSummary,
    Repository,
    Store,
    StoredDocument,
    Suggestion,
)

# The store's records the fronts see, named here so they never import the store.
__all__ = ["DocumentSummary", "Library", "Revision", "StoredDocument", "Suggestion", "reanchor"]


@dataclass(frozen=True, slots=True)
class Revision:
    """What re-anchoring did to a document's annotations when its text was revised."""

    document_id: str
    kept: int  # still at their position
    moved: int  # found elsewhere, exactly or approximately
    unplaced: int  # kept, listed with their quote, no longer in the text


class Library:
    def __init__(self, store: Store) -> None:
        self._store = store

    def add(self, document: Document, source_path: str | None = None) -> str:
        """Keep `document` in the library and return its id (the existing one if known)."""
        now = utc_now()
        with self._store.transaction() as repo:
            known = repo.document_by_hash(document.content_hash)
            if known is None:
                doc_id = new_id()
                repo.insert_document(doc_id, document, source_path, now)
                return doc_id
            doc_id = known[0]
            facts: dict[str, object] = {"last_opened": now, "deleted": False}
            if source_path:
                facts["source_path"] = source_path
            repo.update_document(doc_id, **facts)
            return doc_id

    def documents(self) -> list[DocumentSummary]:
        """The library, most recently opened first, with live annotation counts."""
        with self._store.transaction(write=False) as repo:
            return repo.document_summaries()

    def checked_documents(self) -> list[DocumentSummary]:
        """The library as `documents()`, each document read back in full, so that one
        whose stored rows are damaged (its blocks, an annotation) carries `problem`.

        A full read of every document: the CLI listing pays for it once, the window's
        frequent refreshes use `documents()` and learn of damage when a document opens.
        """
        checked = []
        for summary in self.documents():
            if summary.problem is None:
                try:
                    with self._store.transaction(write=False) as repo:
                        repo.document(summary.id)
                        repo.annotations(summary.id)
                except DamagedDocument as exc:
                    summary = replace(summary, problem=exc.problem)
            checked.append(summary)
        return checked

    def resolve(self, doc_ref: str) -> str:
        """The id of the live document `doc_ref` names: a full id or an unambiguous prefix."""
        with self._store.transaction(write=False) as repo:
            return _resolve(repo, doc_ref)

    def document(self, doc_ref: str) -> StoredDocument:
        """The stored document (`.id`, `.document`, library facts) for an id or prefix."""
        with self._store.transaction(write=False) as repo:
            stored = repo.document(_resolve(repo, doc_ref))
        assert stored is not None
        return stored

    def annotations(self, doc_id: str) -> list[Annotation]:
        """Live annotations in document order (unplaced ones last); no tombstones."""
        with self._store.transaction(write=False) as repo:
            return repo.annotations(doc_id)

    def rejected_suggestions(self, doc_id: str) -> set[Suggestion]:
        """(area, start, end) of machine suggestions the reader rejected in this document."""
        with self._store.transaction(write=False) as repo:
            return repo.rejected(doc_id)

    def load(self, doc_ref: str) -> tuple[StoredDocument, list[Annotation]]:
        """A document and its live annotations, read in one consistent snapshot."""
        with self._store.transaction(write=False) as repo:
            stored = repo.document(_resolve(repo, doc_ref))
            assert stored is not None
            return stored, repo.annotations(stored.id)

    def delete(self, doc_ref: str) -> str:
        """Hide a document and its annotations; re-importing the same text revives them."""
        with self._store.transaction() as repo:
            doc_id = _resolve(repo, doc_ref)
            repo.update_document(doc_id, deleted=True)
            return doc_id

    def mark_opened(self, doc_id: str) -> None:
        with self._store.transaction() as repo:
            repo.update_document(doc_id, last_opened=utc_now())

    def reading_position(self, doc_id: str) -> int:
        """Where the reader left off (a character offset), 0 for a new document."""
        with self._store.transaction(write=False) as repo:
            position = repo.reading_position(doc_id)
        if position is None:
            raise NotFound(f"No document {doc_id} in the library.")
        return position

    def set_reading_position(self, doc_id: str, offset: int) -> None:
        with self._store.transaction() as repo:
            repo.update_document(doc_id, reading_position=max(0, offset))

    def revise(self, doc_ref: str, document: Document, source_path: str | None = None) -> Revision:
        """Replace a document's text with a revision and re-anchor every annotation.

        One transaction: either the new text and every re-anchored annotation are stored,
        or nothing changes.
        """
        with self._store.transaction() as repo:
            doc_id = _resolve(repo, doc_ref)
            old = repo.document(doc_id)
            assert old is not None
            clash = repo.document_by_hash(document.content_hash)
            if clash is not None and clash[0] != doc_id:
                raise AnnotatorError(
                    f"This text is already in the library as document {clash[0]}; "
                    "delete that one first to use it as a revision."
                )
            annotations = repo.annotations(doc_id)
            placed = reanchor(annotations, old.document.text, document.text)
            updated = [
                new for old_state, new in zip(annotations, placed.annotations, strict=True)
                if new is not old_state
            ]
            repo.replace_document_content(doc_id, document)
            repo.save_annotations(updated)
            facts: dict[str, object] = {"last_opened": utc_now()}
            if source_path:
                facts["source_path"] = source_path
            repo.update_document(doc_id, **facts)
        return Revision(doc_id, placed.kept, placed.moved, placed.unplaced)


@dataclass(frozen=True, slots=True)
class Reanchoring:
    """Annotations of one text placed in another, and how each fared."""

    annotations: tuple[Annotation, ...]  # in input order; an unchanged one is the same object
    kept: int
    moved: int
    unplaced: int


def reanchor(
    annotations: Sequence[Annotation], old_text: str, new_text: str, *, as_edit: bool = True
) -> Reanchoring:
    """Place annotations of `old_text` in `new_text`: `import --revise` and revised bundles.

    What cannot be placed is kept as UNPLACED with its quote, never dropped. `as_edit`
    counts the move as an edit (new `modified` and revision); a bundle's copies are placed
    without one, since their owner did not change them.
    """
    anchors = reanchor_all(
        old_text,
        new_text,
        [
            (
                TextPositionSelector(a.start, a.end) if a.placement is Placement.PLACED else None,
                TextQuoteSelector(a.exact, a.prefix, a.suffix),
            )
            for a in annotations
        ],
    )
    kept = moved = unplaced = 0
    result: list[Annotation] = []
    for a, found in zip(annotations, anchors, strict=True):
        state: dict[str, object]
        if found.status is AnchorStatus.UNPLACED:
            unplaced += 1
            state = {"placement": Placement.UNPLACED}
        else:
            if found.status is AnchorStatus.EXACT and a.placement is Placement.PLACED:
                kept += 1
            else:
                moved += 1
            position, quote = describe(new_text, found.start, found.end)
            state = {
                "start": position.start, "end": position.end, "exact": quote.exact,
                "prefix": quote.prefix, "suffix": quote.suffix, "placement": Placement.PLACED,
            }
        if all(getattr(a, k) == v for k, v in state.items()):
            result.append(a)
        else:
            result.append(a.edited(**state) if as_edit else replace(a, **state))  # type: ignore[arg-type]
    return Reanchoring(tuple(result), kept, moved, unplaced)


def _resolve(repo: Repository, doc_ref: str) -> str:
    ref = doc_ref.strip().lower()
    if not ref:
        raise NotFound("No document given: use an id or an id prefix from `annotator documents`.")
    matches = repo.document_ids(ref)
    if not matches:
        raise NotFound(f"No document with id {ref!r} in the library (see `annotator documents`).")
    if len(matches) > 1:
        raise NotFound(f"The id prefix {ref!r} matches several documents: give more characters.")
    return matches[0]
