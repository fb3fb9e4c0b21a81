"""One search box over every document's text and every note (SQLite FTS5 in the store).

Each hit says where to jump: for document text, the offset of the first matched word; for
a note, the start of its annotation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from annotator.store import Store


@dataclass(frozen=True, slots=True)
class SearchHit:
    document_id: str
    kind: Literal["text", "note"]
    annotation_id: str | None  # set for kind == "note"
    snippet: str  # plain text around the match
    marks: tuple[tuple[int, int], ...]  # matched words as [start, end) within `snippet`
    offset: int  # character offset in the document to jump to


class Search:
    def __init__(self, store: Store) -> None:
        self._store = store

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Hits in notes (and highlighted quotes) first, then in document text."""
        with self._store.transaction(write=False) as repo:
            hits = repo.search(query, limit)
        return [
            SearchHit(
                h.document_id,
                "text" if h.annotation_id is None else "note",
                h.annotation_id,
                h.snippet,
                h.marks,
                h.offset,
            )
            for h in hits
        ]
