"""The repository on PostgreSQL: the portable queries, and `tsvector` search."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import String, any_, bindparam
from sqlalchemy.dialects.postgresql import ARRAY

from annotator.store.postgres.search import search_annotations, search_documents
from annotator.store.repository import AnnotationMatch, DocumentMatch, SqlRepository
from annotator.store.terms import Word


class PostgresRepository(SqlRepository):
    """`SqlRepository` searching the GIN-indexed `to_tsvector` expressions of 0002."""

    def _among(self, column: Any, values: list[str]) -> Any:
        """`column = ANY(array)`: however many values, one array parameter."""
        return column == any_(bindparam(None, values, type_=ARRAY(String)))

    def _matching_annotations(self, query: list[Word], limit: int) -> Iterable[AnnotationMatch]:
        return search_annotations(self._conn, query, limit)

    def _matching_documents(self, query: list[Word], limit: int) -> Iterable[DocumentMatch]:
        return search_documents(self._conn, query, limit)
