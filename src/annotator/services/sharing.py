"""Sharing: a document's layers out as a `.annot`, other readers' bundles and W3C files in.

No Qt. `bundle` writes the chosen layers; `merge` reads every file first (a bad one is
refused before anything is written), then stores the merge of all of them in one
transaction and returns one `Change` per document, so the window undoes a whole merge in
one step (`changes.py`). A bundle whose text differs from the library's (a revised
edition) is placed with the same re-anchoring as `import --revise`, and the report says
how many annotations were kept, moved and unplaced.

Private feedback stays private: the local reader's reply to another reader's annotation
(other than to a question put to the whole class) travels only in a bundle addressed to
that reader (`addressee`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from annotator.core.annotation import (
    Annotation,
    Motivation,
    Origin,
    Placement,
    changed,
    new_id,
    utc_now,
)
from annotator.core.document import Document
from annotator.core.group_summary import GroupSummary, build_group_summary
from annotator.core.layers import Layer, author_layers
from annotator.errors import AnnotatorError, BundleRejected, NotFound
from annotator.exchange import jsonld_file
from annotator.exchange.answers import Row, answer_sheet, write_answers
from annotator.exchange.bundle import Area, Author, Bundle, Original, read_bundle, write_bundle
from annotator.exchange.merge import Conflict, merge, shown_author
from annotator.exporters.group import write_group
from annotator.exporters.wording import ENGLISH, Wording
from annotator.services.annotating import Annotating
from annotator.services.changes import Change
from annotator.services.identity import Reader
from annotator.services.library import Library, Reanchoring, reanchor
from annotator.services.reading import active_taxonomy
from annotator.store.api import Repository, Store, StoredDocument

__all__ = ["LAYERS", "Layer", "MergeReport", "Sharing", "Written", "parse_layers"]

LAYERS = ("mine", "areas", "all")
HAND_IN = ("mine",)  # a student hands in their own layer only
MAX_ORIGINAL = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Written:
    path: Path
    document_id: str
    layers: tuple[Layer, ...]
    tombstones: int


@dataclass(frozen=True, slots=True)
class MergeReport:
    documents: tuple[str, ...]
    added: int
    updated: int
    unchanged: int
    conflicts: tuple[Conflict, ...]
    layers: tuple[Layer, ...]
    changes: tuple[Change, ...]  # one per document: undo is each one's inverse
    kept: int = 0  # re-anchoring of a bundle made for another version of the text
    moved: int = 0
    unplaced: int = 0


@dataclass(frozen=True, slots=True)
class _Incoming:
    """A validated file: a bundle's document and copies, or a W3C file's copies."""

    name: str
    records: tuple[Annotation, ...]
    authors: tuple[Author, ...]
    document: Document | None = None  # None: a W3C file, `target` names a library document
    target: str = ""
    original: Original | None = None


class MergeCancelled(AnnotatorError):
    """The reader stopped a merge before anything was written."""


def parse_layers(value: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
    unknown = [v for v in chosen if v not in LAYERS]
    if unknown or not chosen:
        raise AnnotatorError(
            f"Unknown layer {', '.join(unknown) or '(none)'}: use mine, areas or all."
        )
    return chosen


class Sharing:
    def __init__(self, store: Store, reader: Reader) -> None:
        self._store = store
        self._reader = reader

    # --- writing ------------------------------------------------------------------

    def bundle(
        self,
        doc_ref: str,
        path: Path,
        layers: Sequence[str] = ("mine", "areas"),
        addressee: str | None = None,
        *,
        text: bool = True,
    ) -> Written:
        """Write `doc_ref` with the chosen layers to `path` (atomically).

        Without `text` (a student's hand-in) the bundle carries the layers and the hash
        of the text only: the teacher has the text already, and the hand-in stays small.
        """
        stored, annotations = Library(self._store).load(doc_ref)
        with self._store.transaction(write=False) as repo:
            tombstones = repo.tombstones(stored.id)
        reader = self._reader.id
        by_id = {a.id: a for a in annotations}
        addressed = self._addressee(annotations, addressee) if addressee else None

        def wanted(a: Annotation) -> bool:
            if a.author_id != reader:
                return "all" in layers
            target = by_id.get(a.reply_to or "")
            if target is not None and target.author_id != reader and (
                target.motivation is not Motivation.QUESTIONING
            ):
                return target.author_id == addressed
            kind = "areas" if a.origin is Origin.MACHINE else "mine"
            return kind in layers or "all" in layers

        chosen = tuple(a for a in annotations if wanted(a))
        authors = {a.author_id for a in chosen} | {reader}
        gone = tuple(t for t in tombstones if t.author_id in authors)
        taxonomy = active_taxonomy()
        used = {a.area for a in chosen if a.area}
        areas = tuple(Area(x.id, x.label, x.color) for x in taxonomy.areas if x.id in used)
        bundle = Bundle(
            document=stored.document,
            annotations=chosen,
            tombstones=gone,
            authors=(Author(reader, self._reader.name),),
            areas=areas,
            original=_original(stored) if text else None,
            carries_text=text,
            document_hash=stored.document.content_hash,
        )
        write_bundle(bundle, path)
        return Written(path, stored.id, self._layers(chosen), len(gone))

    def _addressee(self, annotations: Iterable[Annotation], name: str) -> str:
        wanted = " ".join(name.split()).casefold()
        found = {a.author_id for a in annotations
                 if a.author_id == name or a.author_name.casefold() == wanted}
        if len(found) != 1:
            where = "no" if not found else "more than one"
            raise NotFound(f"{where} author named {name!r} has annotations in this document.")
        return found.pop()

    def _layers(self, annotations: Iterable[Annotation]) -> tuple[Layer, ...]:
        reader = self._reader.id
        return author_layers(annotations, reader, lambda name, i: shown_author(name, i, reader))

    # --- reading and merging ------------------------------------------------------

    def _read(self, path: Path) -> list[_Incoming]:
        if path.suffix.lower() in jsonld_file.SUFFIXES:
            return [
                _Incoming(path.name, tuple(found), (), None, source)
                for source, found in jsonld_file.read_annotations_file(path).items()
            ]
        bundle = read_bundle(path)
        if not bundle.carries_text:  # a hand-in: its document must be in the library
            return [_Incoming(path.name, bundle.records, bundle.authors, None,
                              f"urn:annotator:sha256:{bundle.document_hash}")]
        return [_Incoming(path.name, bundle.records, bundle.authors, bundle.document,
                          original=bundle.original)]

    def merge(
        self,
        paths: Sequence[Path],
        *,
        into: str | None = None,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> MergeReport:
        """Merge every file in `paths` into the library: all of them, or nothing.

        A bundle's document is found by its text's hash and added when absent; `into`
        names a library document the bundles are another version of instead.
        `progress(done, total)` counts files read (reading is most of a merge);
        `cancelled()` is asked between files and once more before anything is written,
        and a True answer stops with `MergeCancelled`, the library untouched.
        """
        if not paths:
            raise AnnotatorError("Give at least one .annot or W3C JSON-LD file to merge.")
        incoming: list[_Incoming] = []
        for done, path in enumerate(paths):
            if cancelled is not None and cancelled():
                raise MergeCancelled("The merge was cancelled; nothing was changed.")
            if progress is not None:
                progress(done, len(paths))
            incoming.extend(self._read(path))
        if cancelled is not None and cancelled():
            raise MergeCancelled("The merge was cancelled; nothing was changed.")
        target = Library(self._store).document(into) if into else None
        records: dict[str, list[Annotation]] = {}
        placed = Reanchoring((), 0, 0, 0)
        created: dict[str, Original] = {}
        with self._store.transaction() as repo:
            for item in incoming:
                known = item.document and repo.document_by_hash(item.document.content_hash)
                doc_id, copies, counts = self._place(repo, item, target)
                if item.document and item.original and not known and target is None:
                    created[doc_id] = item.original
                records.setdefault(doc_id, []).extend(copies)
                placed = Reanchoring((), placed.kept + counts.kept, placed.moved + counts.moved,
                                     placed.unplaced + counts.unplaced)
                self._save_authors(repo, item)
            changes, added, updated, unchanged = [], 0, 0, 0
            conflicts: list[Conflict] = []
            for doc_id, copies in records.items():
                local = repo.annotations_by_id({c.id for c in copies})
                result = merge(local, copies, self._reader.id)
                after = tuple(new for _, new in result.changes)
                before = tuple(old or changed(new, deleted=True) for old, new in result.changes)
                repo.insert_annotations([new for old, new in result.changes if old is None])
                repo.save_annotations(new for old, new in result.changes if old is not None)
                changes.append(Change("Merge notes", doc_id, before, after))
                added, updated = added + result.added, updated + result.updated
                unchanged += result.unchanged
                conflicts.extend(result.conflicts)
        self._keep_originals(created)
        every = [c for copies in records.values() for c in copies if not c.deleted]
        return MergeReport(
            tuple(records), added, updated, unchanged, tuple(conflicts), self._layers(every),
            tuple(changes), placed.kept, placed.moved, placed.unplaced,
        )

    def _place(
        self, repo: Repository, item: _Incoming, target: StoredDocument | None
    ) -> tuple[str, list[Annotation], Reanchoring]:
        """The library document `item` belongs to, and its copies placed in that text."""
        none = Reanchoring((), 0, 0, 0)
        if item.document is None:
            stored = target or _by_iri(repo, item.target, item.name)
            placed = reanchor(item.records, stored.document.text, stored.document.text,
                              as_edit=False)
            return stored.id, _owned(placed.annotations, stored.id), none
        if target is not None and target.document.content_hash != item.document.content_hash:
            placed = reanchor(item.records, item.document.text, target.document.text,
                              as_edit=False)
            return target.id, _owned(placed.annotations, target.id), placed
        known = repo.document_by_hash(item.document.content_hash)
        if known is None:
            doc_id = new_id()
            repo.insert_document(doc_id, item.document, None, utc_now())
        else:
            doc_id = known[0]
            repo.update_document(doc_id, deleted=False, last_opened=utc_now())
        return doc_id, _owned(item.records, doc_id), none

    def _keep_originals(self, created: dict[str, Original]) -> None:
        """Keep the original files of documents a merge added, beside the library.

        So a bundle made from this library carries them on: nothing is lost in a round
        trip. The name was checked on reading (no folders); a file that cannot be written
        leaves the document without one, as an imported text whose file was moved.
        """
        for doc_id, original in created.items():
            path = self._store.files_dir / "originals" / doc_id / original.name
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(original.data)
            except OSError:
                continue
            with self._store.transaction() as repo:
                repo.update_document(doc_id, source_path=str(path))

    def _save_authors(self, repo: Repository, item: _Incoming) -> None:
        """Record authors the library does not know yet (a name is never changed here)."""
        named = {a.id: a.name for a in item.authors}
        for a in item.records:
            named.setdefault(a.author_id, a.author_name)
        for author_id, name in named.items():
            if author_id != self._reader.id and repo.author_name(author_id) is None:
                repo.save_author(author_id, name, utc_now())

    def keep_other(self, conflict: Conflict) -> Change:
        """The reader chose the copy a merge set aside (`conflict.other`): store it.

        The copy lands in the library document that holds the kept one, and the change is
        returned so the window can undo it. The local reader's own annotations are never
        replaced this way, as in a merge.
        """
        with self._store.transaction() as repo:
            stored = repo.annotations_by_id([conflict.id]).get(conflict.id)
            if stored is None:
                raise NotFound(f"No annotation {conflict.id} to replace.")
            if stored.author_id == self._reader.id:
                raise AnnotatorError("Your own annotations are never replaced by a copy.")
            chosen = changed(conflict.other, document_id=stored.document_id)
            repo.save_annotations([chosen])
        return Change("Keep the other version", stored.document_id, (stored,), (chosen,))

    # --- answers ------------------------------------------------------------------

    def answer_rows(self, doc_ref: str) -> list[Row]:
        """Every student's answers to every question of `doc_ref`, missing ones too."""
        _, annotations = Library(self._store).load(doc_ref)
        return answer_sheet(annotations, self._reader.id)

    def export_answers(self, doc_ref: str, fmt: str, path: Path) -> list[Row]:
        """Write the answer sheet (one row per student and question) of `doc_ref`."""
        stored, annotations = Library(self._store).load(doc_ref)
        rows = answer_sheet(annotations, self._reader.id)
        if not rows:
            raise AnnotatorError(
                "This document has no questions with students to answer them: mark a note "
                "as a question (highlight --question) and merge the students' hand-ins."
            )
        write_answers(rows, fmt, path, stored.document.metadata.title or "Untitled")
        return rows

    # --- the group -----------------------------------------------------------------

    def group_summary(self, doc_ref: str, wording: Wording = ENGLISH) -> GroupSummary:
        """Everyone's marks on `doc_ref` by area and passage, hot spots first; an area
        the taxonomy lacks is named in `wording`'s language."""
        stored, annotations = Library(self._store).load(doc_ref)
        names = {a.author_id: shown_author(a.author_name, a.author_id, self._reader.id)
                 for a in annotations}
        return build_group_summary(stored.document, annotations, active_taxonomy(), names,
                                   unknown_area=wording.unknown_areas)

    def export_group(self, doc_ref: str, fmt: str, path: Path,
                     wording: Wording = ENGLISH) -> GroupSummary:
        """Write the group summary of `doc_ref` as md, html or csv, in `wording`'s language."""
        summary = self.group_summary(doc_ref, wording)
        if not summary.members:
            raise AnnotatorError("This document has no highlights to summarise for a group.")
        write_group(summary, fmt, path, wording)
        return summary

    # --- replies ------------------------------------------------------------------

    def ask(self, doc_ref: str, start: int, end: int, note: str) -> Change:
        """Put a question to the class on text[start:end] (motivation `questioning`)."""
        if not note.strip():
            raise AnnotatorError("A question needs its text.")
        doc = Library(self._store).document(doc_ref)
        return Annotating(self._store, self._reader).highlight(
            doc, start, end, note=note, color="pink", motivation=Motivation.QUESTIONING)

    def reply(self, annotation_id: str, note: str) -> Change:
        """Answer (or comment on) an annotation: a reply on the same passage."""
        if not note.strip():
            raise AnnotatorError("A reply needs a note.")
        with self._store.transaction(write=False) as repo:
            target = repo.annotations_by_id([annotation_id.strip().lower()]).get(
                annotation_id.strip().lower()
            )
        if target is None or target.deleted:
            raise NotFound(f"No annotation {annotation_id!r} to reply to.")
        if target.placement is not Placement.PLACED:
            raise AnnotatorError("That annotation's passage is no longer in the text.")
        doc = Library(self._store).document(target.document_id)
        return Annotating(self._store, self._reader).highlight(
            doc, target.start, target.end, note=note, color=target.color,
            motivation=Motivation.REPLYING, reply_to=target.id,
        )


def _owned(copies: Iterable[Annotation], doc_id: str) -> list[Annotation]:
    return [changed(c, document_id=doc_id) for c in copies]


def _by_iri(repo: Repository, iri: str, name: str) -> StoredDocument:
    """The library document a W3C target names: our `urn:uuid:` id or text-hash IRI."""
    hash_prefix = "urn:annotator:sha256:"
    if iri.startswith(hash_prefix):
        known = repo.document_by_hash(iri[len(hash_prefix) :])
        stored = repo.document(known[0]) if known else None
    elif iri.startswith("urn:uuid:"):
        stored = repo.document(iri[len("urn:uuid:") :])
    else:
        stored = None
    if stored is None:
        raise BundleRejected(
            f"{name} annotates {iri[:80] or 'a document it does not name'}, which is not in "
            "the library: import the document (or its .annot) first, or name it with --into."
        )
    return stored


def _original(stored: StoredDocument) -> Original | None:
    """The file the document came from, when it is still there and not too large."""
    if not stored.source_path:
        return None
    source = Path(stored.source_path)
    try:
        if not source.is_file() or source.stat().st_size > MAX_ORIGINAL:
            return None
        data = source.read_bytes()
    except OSError:
        return None
    return Original(source.name[:200], data)
