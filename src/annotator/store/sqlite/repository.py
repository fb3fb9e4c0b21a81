"""The repository on SQLite: FTS5 search and precompiled hot paths.

Hot paths (one highlight committed, a document's annotations loaded) run Core statements
compiled once on the sqlite3 connection (`Prepared`): ORM objects cost ~3.5x more to
load and ~3x more to insert, and even Core's per-execution machinery was most of a
one-highlight commit. Loaded rows go through the shared mapper (`store/mapping.py`) with
the bare `datetime.fromisoformat`, since sqlite3 hands datetimes back as ISO text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from operator import attrgetter
from typing import Any

from sqlalchemy import bindparam, false, func, insert, select

from annotator.core.annotation import Annotation, Placement
from annotator.store.mapping import (
    ANNOTATION_COLUMNS,
    A,
    T,
    annotations_from_rows,
    tag_rows,
)
from annotator.store.repository import MANY_IDS, AnnotationMatch, DocumentMatch, SqlRepository
from annotator.store.sqlite.fts import bulk_indexed, search_annotations, search_documents
from annotator.store.sqlite.prepared import Prepared, parse_datetime
from annotator.store.terms import Word, fts5_terms

# A document's live annotations in reading order: placed ones by position, then unplaced.
_LOAD = Prepared(
    select(*ANNOTATION_COLUMNS)
    .where(A.c.document_id == bindparam("doc_id"), A.c.deleted == false())
    .order_by(A.c.placement != Placement.PLACED.value, A.c.start, A.c.end)
)
# Their tags, grouped by annotation in the reader's order.
_LOAD_TAGS = Prepared(
    select(T.c.annotation_id, T.c.tag)
    .join(A, A.c.id == T.c.annotation_id)
    .where(A.c.document_id == bindparam("doc_id"), A.c.deleted == false())
    .order_by(T.c.annotation_id, T.c.position)
)
_INSERT = Prepared(insert(A).values({c: bindparam(c.key) for c in ANNOTATION_COLUMNS}))
# Its parameters in its own order (the table's columns), read from an annotation in one
# C call (`insert_annotation`); the enums then give their values, as in
# `annotation_values` (tests/store/test_hot_paths.py compares the rows the two write).
_INSERT_FIELDS = tuple(c.key for c in A.c if any(c is k for k in ANNOTATION_COLUMNS))
_insert_fields = attrgetter(*_INSERT_FIELDS)
_ENUMS_AT = tuple(_INSERT_FIELDS.index(key) for key in ("origin", "placement", "motivation"))
_INSERT_TAGS = Prepared(
    insert(T).values({c: bindparam(c.key) for c in (T.c.annotation_id, T.c.position, T.c.tag)})
)


class SqliteRepository(SqlRepository):
    """`SqlRepository` with its hot paths on the sqlite3 connection and FTS5 search."""

    def _among(self, column: Any, values: list[str]) -> Any:
        """Past MANY_IDS values, one JSON parameter read back with `json_each`."""
        if len(values) <= MANY_IDS:
            return column.in_(values)
        each = func.json_each(json.dumps(values)).table_valued("value")
        return column.in_(select(each.c.value))

    def _live_annotation_rows(self, doc_id: str) -> Iterable[Sequence[Any]]:
        # Streamed: each row tuple is freed as soon as its annotation is built.
        return _LOAD.execute(self._conn, {"doc_id": doc_id})

    def _live_tag_rows(self, doc_id: str) -> Iterable[Sequence[Any]]:
        return _LOAD_TAGS.execute(self._conn, {"doc_id": doc_id})

    def _annotations_from_rows(
        self, rows: Iterable[Sequence[Any]], tags: dict[str, tuple[str, ...]]
    ) -> list[Annotation]:
        return annotations_from_rows(rows, tags, parse_datetime)

    def insert_annotation(self, annotation: Annotation) -> None:
        """One new annotation, its row straight to the prepared INSERT: the batch's lists,
        length checks and tag generator (`insert_annotations`) are a one-highlight
        commit's work for nothing (`highlight_commit`, benchmarks/bench_store.py), and
        so is a mapping of its fields built only to be looked up again."""
        row = list(_insert_fields(annotation))
        for index in _ENUMS_AT:
            row[index] = row[index].value
        _INSERT.execute_row(self._conn, row)
        if annotation.tags:
            _INSERT_TAGS.execute_many(self._conn, tag_rows((annotation,)))

    def _insert_annotation_rows(self, values: list[dict[str, Any]]) -> None:
        if len(values) == 1:
            _INSERT.execute(self._conn, values[0])
        elif values:
            with bulk_indexed(self._conn, len(values)):
                _INSERT.execute_many(self._conn, values)

    def _insert_tag_rows(self, values: list[dict[str, Any]]) -> None:
        if values:
            _INSERT_TAGS.execute_many(self._conn, values)

    def _matching_annotations(self, query: list[Word], limit: int) -> Iterable[AnnotationMatch]:
        return search_annotations(self._conn, " ".join(fts5_terms(query)), limit)

    def _matching_documents(self, query: list[Word], limit: int) -> Iterable[DocumentMatch]:
        return search_documents(self._conn, " ".join(fts5_terms(query)), limit)
