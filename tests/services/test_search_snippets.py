"""Issue 13 item 14: search snippets are cut in one pass, with FTS5's idea of a match."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.importers import import_bytes
from annotator.services.annotating import Annotating
from annotator.services.library import Library
from annotator.services.search import Search
from annotator.store import Store, StoredDocument
from annotator.store.snippets import WordMatcher, snippet
from annotator.store.sqlite import FTS_TOKENIZER, match_terms


def _marked(text: str, marks: tuple[tuple[int, int], ...]) -> list[str]:
    return [text[a:b] for a, b in marks]


def test_a_word_repeated_10000_times(store: Store, library: Library) -> None:
    doc_id = library.add(import_bytes(("Title\n\n" + "word " * 10_000).encode(), "r.txt"))
    [hit] = Search(store).search("word")
    assert hit.document_id == doc_id and hit.kind == "text"
    assert _marked(hit.snippet, hit.marks) == ["word"] * 15  # 16 words, the title first
    assert hit.snippet.startswith("Title") and hit.snippet.endswith("…")
    text = library.document(doc_id).document.text
    assert text[hit.offset : hit.offset + 4] == "word"


def test_a_note_repeating_a_word(
    store: Store, annotating: Annotating, sample_doc: StoredDocument
) -> None:
    annotating.highlight(sample_doc, 10, 20, note="intro " + "wombat " * 6000)
    [hit] = Search(store).search("wombat")
    assert hit.kind == "note" and hit.offset == 10
    assert hit.snippet.startswith("intro wombat") and len(hit.marks) == 15


def test_stemming_diacritics_and_prefixes_mark_the_words_fts5_matched(
    store: Store, library: Library
) -> None:
    body = "Les élèves parlent. " + "filler " * 40 + "Cooperating nations met at the Café."
    library.add(import_bytes(f"Title\n\n{body}".encode(), "s.txt"))
    for query, words in (("cooperation", ["Cooperating"]), ("cafe", ["Café"]),
                         ("eleve", ["élèves"]), ("nat* met", ["nations", "met"])):
        [hit] = Search(store).search(query)
        assert _marked(hit.snippet, hit.marks) == words, query
        assert hit.snippet.startswith("…") == (query not in ("eleve",))


def test_a_note_that_does_not_match_shows_the_matching_quote(
    store: Store, annotating: Annotating, sample_doc: StoredDocument
) -> None:
    text = sample_doc.document.text
    start = text.index("climate")
    annotating.highlight(sample_doc, start, start + len("climate"), note="unrelated words")
    hits = [h for h in Search(store).search("climate") if h.kind == "note"]
    assert [_marked(h.snippet, h.marks) for h in hits] == [["climate"]]


def test_punctuation_stays_with_its_word(store: Store, library: Library) -> None:
    library.add(import_bytes(b"Title\n\nShe said (kangaroo).", "t.txt"))
    [hit] = Search(store).search("kangaroo")
    assert hit.snippet == "Title\n\nShe said (kangaroo)."
    assert _marked(hit.snippet, hit.marks) == ["kangaroo"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["alpha", "beta", "gamma", "Alpha,", "-", "bêta", "\n"]),
                min_size=1, max_size=60), st.sampled_from(["alpha", "beta", "gam*"]))
def test_every_mark_is_a_matching_word_inside_the_snippet(words: list[str], query: str) -> None:
    text = " ".join(words)
    matcher = WordMatcher(match_terms(query), FTS_TOKENIZER)
    try:
        found = snippet(text, matcher)
    finally:
        matcher.close()
    stem = query.rstrip("*")[:4]
    if found is None:
        assert stem not in text.lower().replace("ê", "e")
        return
    assert text[found.offset:].lower().replace("ê", "e").startswith(stem)
    for start, end in found.marks:
        assert 0 <= start < end <= len(found.text)
        assert found.text[start:end].lower().replace("ê", "e").startswith(stem)
