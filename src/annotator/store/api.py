"""The store's port: what the services may ask of a library, whatever database holds it.

The services type against these protocols and records, never against an adapter: the
local library on a SQLite file (`store/sqlite/`) and a group library on a PostgreSQL
server (`store/postgres/`) both satisfy them, so a use case written once runs on either.
Nothing here imports SQLAlchemy or a driver.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from annotator.core.annotation import Annotation
from annotator.core.document import Document
from annotator.core.layers import Suggestion as Suggestion
from annotator.errors import StoreError


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """One line of the library list."""

    id: str
    title: str
    author: str
    date: date | None
    annotations: int
    added: datetime
    last_opened: datetime | None
    source_path: str | None
    problem: str | None = None  # set when the row is damaged: open it to see the error


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A document as kept in the library: its id, the core Document, and library facts."""

    id: str
    document: Document
    added: datetime
    last_opened: datetime | None
    reading_position: int
    source_path: str | None
    deleted: bool


@dataclass(frozen=True, slots=True)
class Hit:
    """A full-text match: in a document's text (annotation_id None) or in a note/quote."""

    document_id: str
    annotation_id: str | None
    snippet: str  # plain text around the match
    marks: tuple[tuple[int, int], ...]  # matched words as [start, end) within `snippet`
    offset: int  # character offset in the document to jump to


class DamagedDocument(StoreError):
    """A document's stored row (or one of its annotations) cannot be read back.

    Raised for that document only: the rest of the library keeps working (issue 13,
    item 10). The message names the document and what is wrong.
    """

    def __init__(self, doc_id: str, title: str | None, problem: str) -> None:
        self.doc_id = doc_id
        self.problem = problem
        name = f"'{title}' ({doc_id})" if title else doc_id
        super().__init__(
            f"The document {name} is damaged in the library ({problem}); it is skipped, "
            "the rest of the library is unaffected. Restore a backup to recover it."
        )


class Repository(Protocol):
    """Every query the services need, inside one open transaction."""

    def setting(self, key: str) -> str | None: ...
    def set_setting(self, key: str, value: str) -> None: ...
    def delete_setting(self, key: str) -> None: ...
    def author_name(self, author_id: str) -> str | None: ...
    def save_author(self, author_id: str, name: str, created: datetime) -> None: ...

    def document_by_hash(self, content_hash: str) -> tuple[str, bool] | None: ...
    def insert_document(
        self, doc_id: str, document: Document, source_path: str | None, now: datetime
    ) -> None: ...
    def replace_document_content(self, doc_id: str, document: Document) -> None: ...
    def update_document(self, doc_id: str, **values: Any) -> None: ...
    def document_ids(self, prefix: str) -> list[str]: ...
    def document(self, doc_id: str) -> StoredDocument | None: ...
    def document_summaries(self) -> list[DocumentSummary]: ...
    def reading_position(self, doc_id: str) -> int | None: ...

    def annotations(self, doc_id: str) -> list[Annotation]: ...
    def annotations_by_id(self, ids: Iterable[str]) -> dict[str, Annotation]: ...
    def insert_annotation(self, annotation: Annotation) -> None: ...
    def insert_annotations(self, annotations: Sequence[Annotation]) -> None: ...
    def save_annotations(self, annotations: Iterable[Annotation]) -> None: ...
    def annotation_ids_with_tag(self, doc_id: str, tag: str) -> list[str]: ...
    def tombstones(self, doc_id: str) -> list[Annotation]: ...

    def rejected(self, doc_id: str) -> set[Suggestion]: ...
    def set_rejected(
        self, doc_id: str, suggestions: Iterable[Suggestion], rejected: bool, now: datetime
    ) -> None: ...

    def learning_evidence(
        self, author_id: str, since: datetime | None
    ) -> list[tuple[str, str, str]]: ...

    def search(self, query: str, limit: int) -> list[Hit]: ...
    def text_matches(
        self, query: str, document_ids: Sequence[str]
    ) -> dict[str, tuple[str, tuple[tuple[int, int], ...]]]: ...


class Store(Protocol):
    """An open library: transactions as `Repository`s, and what the services show of it."""

    @property
    def path(self) -> Path | None:
        """The library's file, when it is one (an export must never overwrite it)."""

    @property
    def files_dir(self) -> Path:
        """The folder for files kept beside the library (originals of merged documents)."""

    def transaction(self, *, write: bool = True) -> AbstractContextManager[Repository]: ...

    def data_version(self) -> int | None:
        """A value that changes when another process commits; None when unknown now."""

    def close(self) -> None: ...
