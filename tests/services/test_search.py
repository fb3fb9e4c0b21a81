"""Search across document text and notes, with snippets and a place to jump to."""

from __future__ import annotations

import pytest

from annotator.importers import import_bytes
from annotator.services.annotating import Annotating
from annotator.services.library import Library
from annotator.services.search import Search
from annotator.store import Store, StoredDocument


def test_text_hit_offset_points_at_the_word(store: Store, sample_doc: StoredDocument) -> None:
    text = sample_doc.document.text
    hits = [h for h in Search(store).search("climate") if h.kind == "text"]
    assert [h.document_id for h in hits] == [sample_doc.id]
    hit = hits[0]
    assert text[hit.offset : hit.offset + len("climate")].lower() == "climate"
    start, end = hit.marks[0]
    assert hit.snippet[start:end].lower() == "climate"


def test_note_hit_jumps_to_its_annotation(
    store: Store, annotating: Annotating, sample_doc: StoredDocument
) -> None:
    a = annotating.highlight(sample_doc, 50, 60, note="a zebracrossing of ideas").after[0]
    [hit] = Search(store).search("zebracrossing")
    assert (hit.kind, hit.annotation_id, hit.offset) == ("note", a.id, 50)
    assert "zebracrossing" in hit.snippet


def test_deleted_and_edited_notes_leave_the_index(
    store: Store, annotating: Annotating, sample_doc: StoredDocument
) -> None:
    a = annotating.highlight(sample_doc, 0, 5, note="quokka").after[0]
    annotating.edit([a.id], note="wombat")
    assert Search(store).search("quokka") == []
    assert len(Search(store).search("wombat")) == 1
    annotating.delete([a.id])
    assert Search(store).search("wombat") == []


def test_deleted_documents_are_not_found(store: Store, library: Library) -> None:
    doc_id = library.add(import_bytes(b"platypus habitat notes", "p.txt"))
    assert len(Search(store).search("platypus")) == 1
    library.delete(doc_id)
    assert Search(store).search("platypus") == []


@pytest.mark.parametrize("query", ['"', "AND", "-", "NEAR(", "*", "col:umn", "a OR", "(("])
def test_any_input_is_a_valid_query(store: Store, sample_doc: StoredDocument, query: str) -> None:
    Search(store).search(query)  # no FTS5 syntax error escapes


def test_prefix_and_stemming(store: Store, sample_doc: StoredDocument) -> None:
    assert Search(store).search("cooper*")
    assert Search(store).search("cooperating"), "porter stemming matches 'cooperation'"
