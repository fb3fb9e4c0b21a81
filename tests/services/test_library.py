"""Library use cases on a real SQLite file: dedupe, listing, ids, delete, revise."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from annotator.core.annotation import Placement
from annotator.core.document import Document, Metadata
from annotator.errors import AnnotatorError, NotFound
from annotator.importers import import_bytes, import_path
from annotator.services.annotating import Annotating
from annotator.services.library import Library
from annotator.store import StoredDocument


def _doc(text: str, title: str = "T") -> Document:
    return import_bytes(text.encode(), f"{title}.txt")


def test_same_text_is_one_document(library: Library, sample_path: Path) -> None:
    first = library.add(import_path(sample_path))
    second = library.add(import_path(sample_path))
    assert first == second
    assert [s.id for s in library.documents()] == [first]


def test_document_round_trips_text_blocks_and_metadata(
    library: Library, sample_path: Path, sample_doc: StoredDocument
) -> None:
    original = import_path(sample_path)
    assert sample_doc.document == original
    assert sample_doc.document.metadata.title == original.metadata.title
    assert sample_doc.source_path == str(sample_path)


def test_list_counts_live_annotations(
    library: Library, annotating: Annotating, sample_doc: StoredDocument
) -> None:
    a = annotating.highlight(sample_doc, 0, 10)
    annotating.highlight(sample_doc, 20, 30)
    annotating.delete([a.after[0].id])
    [summary] = library.documents()
    assert summary.annotations == 1
    assert summary.title == sample_doc.document.metadata.title


def test_prefix_resolution(library: Library) -> None:
    ids = [library.add(_doc(f"text number {i}", f"d{i}")) for i in range(40)]
    target = ids[0]
    unique = next(n for n in range(1, 37) if sum(i.startswith(target[:n]) for i in ids) == 1)
    assert library.document(target[:unique]).id == target
    assert library.document(target.upper()).id == target
    with pytest.raises(NotFound, match="several documents"):
        library.resolve(_shared_prefix(ids))
    with pytest.raises(NotFound, match="No document"):
        library.document("zzzz")
    with pytest.raises(NotFound, match="No document given"):
        library.document("  ")


def _shared_prefix(ids: list[str]) -> str:
    for a in ids:
        for b in ids:
            if a != b and a[0] == b[0]:
                return a[0]
    raise AssertionError("40 uuids always share a first hex digit")


def test_like_wildcards_in_prefix_match_nothing(library: Library) -> None:
    library.add(_doc("some text"))
    with pytest.raises(NotFound):
        library.resolve("%")
    with pytest.raises(NotFound):
        library.resolve("_")


def test_delete_hides_and_reimport_revives_with_annotations(
    library: Library, annotating: Annotating, sample_doc: StoredDocument, sample_path: Path
) -> None:
    annotating.highlight(sample_doc, 0, 10, note="keep me")
    library.delete(sample_doc.id[:8])
    assert library.documents() == []
    with pytest.raises(NotFound):
        library.document(sample_doc.id)
    assert library.add(import_path(sample_path)) == sample_doc.id
    assert [a.note for a in library.annotations(sample_doc.id)] == ["keep me"]


def test_reading_position(library: Library, sample_doc: StoredDocument) -> None:
    assert library.reading_position(sample_doc.id) == 0
    library.set_reading_position(sample_doc.id, 1234)
    assert library.reading_position(sample_doc.id) == 1234
    with pytest.raises(NotFound):
        library.reading_position("no-such-id")


def test_rejected_suggestions_are_remembered(
    library: Library, annotating: Annotating, sample_doc: StoredDocument
) -> None:
    annotating.reject(sample_doc.id, [("trade", 5, 9), ("climate", 10, 20)])
    assert library.rejected_suggestions(sample_doc.id) == {("trade", 5, 9), ("climate", 10, 20)}


def test_revise_counts_kept_moved_unplaced(library: Library, annotating: Annotating) -> None:
    old = _doc("Alpha beta gamma.\n\nDelta epsilon zeta.\n\nEta theta iota kappa.", "rev")
    doc = library.document(library.add(old))
    text = doc.document.text
    kept = annotating.highlight(doc, text.index("Alpha"), text.index("Alpha") + 5).after[0]
    moved = annotating.highlight(doc, text.index("theta"), text.index("theta") + 11).after[0]
    gone = annotating.highlight(doc, text.index("epsilon"), text.index("epsilon") + 7).after[0]
    new = _doc("Alpha beta gamma.\n\nA new paragraph here.\n\nEta theta iota kappa.", "rev")

    revision = library.revise(doc.id[:6], new)

    assert (revision.kept, revision.moved, revision.unplaced) == (1, 1, 1)
    after = {a.id: a for a in library.annotations(doc.id)}
    assert len(after) == 3, "an unplaced annotation is never dropped"
    new_text = library.document(doc.id).document.text
    assert new_text == new.text
    assert after[kept.id].start == kept.start
    assert new_text[after[moved.id].start : after[moved.id].end] == "theta iota "
    assert after[gone.id].placement is Placement.UNPLACED
    assert after[gone.id].exact == "epsilon"
    assert list(after)[-1] == gone.id, "unplaced annotations come last"


def test_revise_refuses_text_of_another_document(library: Library) -> None:
    first = library.add(_doc("first text"))
    second = library.add(_doc("second text"))
    with pytest.raises(AnnotatorError, match=second):
        library.revise(first, _doc("second text"))
    assert library.document(first).document.text == "first text"


def test_metadata_change_without_text_change_is_deduplicated(library: Library) -> None:
    doc = _doc("same words")
    retitled = replace(doc, metadata=Metadata(title="Other"))
    assert library.add(doc) == library.add(retitled)
