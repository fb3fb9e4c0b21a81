"""Search across document text and notes, with snippets and a place to jump to."""

from __future__ import annotations

import re

import pytest

from annotator.importers import import_bytes
from annotator.services.annotating import Annotating
from annotator.services.library import Library
from annotator.services.search import AFTER, BEFORE, Search
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


def test_occurrences_list_every_place_a_word_stands(
    store: Store, sample_doc: StoredDocument
) -> None:
    text = sample_doc.document.text
    places = [m.start() for m in re.finditer(r"\bChina\b", text)]
    assert len(places) == 19
    assert len([h for h in Search(store).search("China") if h.kind == "text"]) == 1
    hits = Search(store).occurrences("China")
    assert [h.offset for h in hits] == places
    for hit in hits:
        [(start, end)] = hit.marks
        assert hit.snippet[start:end] == "China"
        assert len(hit.snippet) <= BEFORE + AFTER + 2 * len("China") + 2
    assert hits[0].snippet.startswith("Stakes") and hits[-1].snippet.startswith("…")
    assert len(Search(store).occurrences("China", limit=5)) == 5


def test_a_phrase_is_one_hit_and_stemmed_words_are_found(
    store: Store, sample_doc: StoredDocument
) -> None:
    text = sample_doc.document.text
    hits = Search(store).occurrences("climate change")
    phrases = [m.start() for m in re.finditer(r"(?i)\bclimate change\b", text)]
    assert phrases and set(phrases) <= {h.offset for h in hits}
    both = [h for h in hits if len(h.marks) == 2]
    assert both and all(h.snippet[h.marks[0][0]:h.marks[1][1]].lower() == "climate change"
                        for h in both)
    cooperating = Search(store).occurrences("cooperating")
    words = [h.snippet[s:e] for h in cooperating for s, e in h.marks]
    assert len(words) == len(re.findall(r"(?i)\bcooperat(?:ion|ive|e|ing)\b", text))


def test_occurrences_list_note_hits_first(
    store: Store, annotating: Annotating, sample_doc: StoredDocument
) -> None:
    annotating.highlight(sample_doc, 50, 60, note="China **and** the *zebracrossing*")
    hits = Search(store).occurrences("zebracrossing")
    assert [h.kind for h in hits] == ["note"]
    assert Search(store).occurrences("China")[0].kind == "note"
