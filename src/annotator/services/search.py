"""One search box over every document's text and every note (SQLite FTS5 in the store).

Each hit says where to jump: for document text, the offset of the first matched word; for
a note, the start of its annotation. `search` gives one text hit per document (the CLI's
listing); `occurrences` gives one per place in the text, as the window lists them: a
word found 19 times in a document is 19 rows, each with the sentence around it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from annotator.store.api import Hit, Store


@dataclass(frozen=True, slots=True)
class SearchHit:
    document_id: str
    kind: Literal["text", "note"]
    annotation_id: str | None  # set for kind == "note"
    snippet: str  # plain text around the match
    marks: tuple[tuple[int, int], ...]  # matched words as [start, end) within `snippet`
    offset: int  # character offset in the document to jump to


# A text hit shows this much around its words, cut at spaces; matched words closer than
# JOIN characters are one hit (the words of a phrase).
BEFORE, AFTER, JOIN = 60, 90, 40
ELLIPSIS = "…"


def _groups(marks: Sequence[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    groups: list[list[tuple[int, int]]] = []
    for mark in marks:
        if groups and mark[0] - groups[-1][-1][1] <= JOIN:
            groups[-1].append(mark)
        else:
            groups.append([mark])
    return groups


def text_hit(document_id: str, text: str, group: Sequence[tuple[int, int]]) -> SearchHit:
    """A hit in a document's text: the words of `group` with some text around them."""
    first, last = group[0][0], group[-1][1]
    start = max(0, first - BEFORE)
    if start > 0:
        space = text.find(" ", start, first)
        start = space + 1 if space >= 0 else start
    end = min(len(text), last + AFTER)
    if end < len(text):
        space = text.rfind(" ", last, end)
        end = space if space >= 0 else end
    lead = ELLIPSIS if start > 0 else ""
    snippet = lead + text[start:end] + (ELLIPSIS if end < len(text) else "")
    shift = len(lead) - start
    marks = tuple((a + shift, b + shift) for a, b in group)
    return SearchHit(document_id, "text", None, snippet, marks, first)


class Search:
    def __init__(self, store: Store) -> None:
        self._store = store

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Hits in notes (and highlighted quotes) first, then in document text."""
        with self._store.transaction(write=False) as repo:
            return self._hits(repo.search(query, limit))

    @staticmethod
    def _hits(found: Sequence[Hit]) -> list[SearchHit]:
        return [
            SearchHit(
                h.document_id,
                "text" if h.annotation_id is None else "note",
                h.annotation_id,
                h.snippet,
                h.marks,
                h.offset,
            )
            for h in found
        ]

    def occurrences(self, query: str, limit: int = 200) -> list[SearchHit]:
        """Hits in notes first, then every place in each matching document's text (best
        document first, in text order within it), at most `limit` in all."""
        with self._store.transaction(write=False) as repo:
            found = repo.search(query, limit)
            documents = [h.document_id for h in found if h.annotation_id is None]
            texts = repo.text_matches(query, documents)
        hits = [h for h in self._hits(found) if h.kind == "note"]
        for document_id in documents:
            text, marks = texts.get(document_id, ("", ()))
            for group in _groups(marks):
                if len(hits) >= limit:
                    return hits
                hits.append(text_hit(document_id, text, group))
        return hits[:limit]
