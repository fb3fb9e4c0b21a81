"""The tables, as typed SQLAlchemy 2 ORM models.

Portable on purpose: nothing here is SQLite-specific, so the same models and migrations
run on SQLite for the local library and on PostgreSQL for a shared group library
(tests/store/test_contract.py runs both). What differs lives in the adapters:
`annotator.store.sqlite` (pragmas, FTS5 tables and their triggers, the backup API) and
`annotator.store.postgres` (tsvector indexes).

Every row that travels between machines (documents, authors, annotations) has a UUID `id`;
documents and annotations also carry an internal integer `seq` primary key, because FTS5's
external-content tables need a stable integer rowid (SQLite's implicit rowid may be
renumbered by VACUUM or by a batch migration that copies the table).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeEngine

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, on every backend.

    On SQLite the value is stored as ISO 8601 text and read back with the C-implemented
    `datetime.fromisoformat`, several times faster than SQLAlchemy's regex-based SQLite
    DATETIME parser (loading 10,000 annotations is a budgeted benchmark). PostgreSQL gets
    a real `timestamptz`.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(String(32))
        return dialect.type_descriptor(DateTime(timezone=True))

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is not UTC:  # the app's own times are UTC already (utc_now)
            if value.tzinfo is None:
                raise ValueError("naive datetime given to the store; use UTC-aware datetimes")
            value = value.astimezone(UTC)
        return value.isoformat() if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):
            return datetime.fromisoformat(value)
        if not isinstance(value, datetime):  # a tampered row (issue 13, item 10)
            raise ValueError(f"not a date and time: {value!r:.40}")
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Setting(Base):
    """Small key/value facts about this database, e.g. which author is the local reader."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuthorRow(Base):
    """A person who wrote annotations: the local reader, or a peer whose bundle was merged."""

    __tablename__ = "authors"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    created: Mapped[datetime] = mapped_column(UTCDateTime())


class DocumentRow(Base):
    """One document in the library: its normalised text, blocks and metadata."""

    __tablename__ = "documents"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(Text, default="")
    date: Mapped[str | None] = mapped_column(String(10), nullable=True)  # ISO date
    source: Mapped[str] = mapped_column(Text, default="")
    byline: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text)
    blocks: Mapped[list[list[Any]]] = mapped_column(JSON)  # [[kind, start, end, level], ...]
    # [[style, start, end, target], ...]: emphasis and links of imported formats (0004)
    inlines: Mapped[list[list[Any]]] = mapped_column(JSON, default=list, server_default="[]")
    language: Mapped[str] = mapped_column(String(35), default="", server_default="")
    source_path: Mapped[str | None] = mapped_column(Text, nullable=True)
    added: Mapped[datetime] = mapped_column(UTCDateTime())
    last_opened: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    reading_position: Mapped[int] = mapped_column(Integer, default=0)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class AnnotationRow(Base):
    """Every field of `core.annotation.Annotation`; tags live in `annotation_tags`."""

    __tablename__ = "annotations"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    document_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("documents.id", ondelete="CASCADE")
    )
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    exact: Mapped[str] = mapped_column(Text)
    prefix: Mapped[str] = mapped_column(Text, default="")
    suffix: Mapped[str] = mapped_column(Text, default="")
    color: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")
    area: Mapped[str | None] = mapped_column(String(100), nullable=True)
    author_id: Mapped[str] = mapped_column(String(36))
    author_name: Mapped[str] = mapped_column(String(200))
    origin: Mapped[str] = mapped_column(String(16))
    placement: Mapped[str] = mapped_column(String(16))
    created: Mapped[datetime] = mapped_column(UTCDateTime())
    modified: Mapped[datetime] = mapped_column(UTCDateTime())
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    # W3C motivation, the annotation a reply answers, and the owner's edit count (0003).
    motivation: Mapped[str] = mapped_column(String(16), server_default="highlighting")
    reply_to: Mapped[str | None] = mapped_column(String(36), nullable=True)
    revision: Mapped[int] = mapped_column(Integer, server_default="1")

    __table_args__ = (
        # The document's live annotations in document order: the hot read path.
        Index("ix_annotations_document", "document_id", "deleted", "start", "end"),
        Index("ix_annotations_area", "area"),
        Index("ix_annotations_author", "author_id"),
        Index("ix_annotations_reply_to", "reply_to"),
    )


class AnnotationTagRow(Base):
    """A tag on an annotation; a table of its own so filtering by tag uses an index."""

    __tablename__ = "annotation_tags"

    annotation_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("annotations.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)  # keeps the reader's order
    tag: Mapped[str] = mapped_column(String(200))

    __table_args__ = (Index("ix_annotation_tags_tag", "tag"),)


class RejectedSuggestionRow(Base):
    """A machine policy-area suggestion the reader rejected: hidden for that document."""

    __tablename__ = "rejected_suggestions"

    document_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    area: Mapped[str] = mapped_column(String(100), primary_key=True)
    start: Mapped[int] = mapped_column(Integer, primary_key=True)
    end: Mapped[int] = mapped_column(Integer, primary_key=True)
    rejected: Mapped[datetime] = mapped_column(UTCDateTime())
