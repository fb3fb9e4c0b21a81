"""The one translation between core values and table rows, shared by every adapter.

An annotation is written as `annotation_values` and read back, from rows selected as
`ANNOTATION_COLUMNS`, by `annotations_from_rows`; documents likewise. Adapters differ
only in how rows travel (SQLite's prepared statements hand back ISO text for datetimes
and 0/1 for booleans, SQLAlchemy on PostgreSQL hands back datetimes and booleans), so
the readers here accept both rather than each adapter keeping its own copy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from annotator.core.annotation import Annotation, Motivation, Origin, Placement, restored
from annotator.core.document import Block, BlockKind, Document, Inline, InlineStyle, Metadata
from annotator.store.api import DocumentSummary, StoredDocument
from annotator.store.models import AnnotationRow, AnnotationTagRow, Base, DocumentRow

A = Base.metadata.tables[AnnotationRow.__tablename__]
T = Base.metadata.tables[AnnotationTagRow.__tablename__]
D = Base.metadata.tables[DocumentRow.__tablename__]

# What a tampered or damaged row raises while it is turned into core objects: bad JSON
# (a ValueError), a date that is not ISO 8601, an enum value no version wrote (KeyError),
# a wrong shape (TypeError, IndexError).
ROW_PROBLEMS = (ValueError, KeyError, TypeError, IndexError, AttributeError)

_ORIGIN = {o.value: o for o in Origin}
_PLACEMENT = {p.value: p for p in Placement}
_MOTIVATION = {m.value: m for m in Motivation}

# Column order matches Annotation's positional fields up to `tags`, then the rest.
ANNOTATION_COLUMNS = (
    A.c.document_id,
    A.c.start,
    A.c.end,
    A.c.exact,
    A.c.prefix,
    A.c.suffix,
    A.c.color,
    A.c.note,
    A.c.area,
    A.c.author_id,
    A.c.author_name,
    A.c.origin,
    A.c.placement,
    A.c.id,
    A.c.created,
    A.c.modified,
    A.c.deleted,
    A.c.motivation,
    A.c.reply_to,
    A.c.revision,
)
ID_INDEX = 13  # where `id` stands in ANNOTATION_COLUMNS


def problem(exc: BaseException) -> str:
    """What is wrong with a row, in a few words (for `DamagedDocument`)."""
    if isinstance(exc, KeyError):
        return f"unknown value {exc.args[0]!r}"
    return f"{type(exc).__name__}: {exc}"[:200]


def moment(value: Any) -> datetime:
    """A stored datetime: ISO text from SQLite's raw rows, a datetime from elsewhere."""
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    return datetime.fromisoformat(value)


def annotations_from_rows(
    rows: Iterable[Sequence[Any]],
    tags: Mapping[str, tuple[str, ...]],
    when: Callable[[Any], datetime] = moment,
) -> list[Annotation]:
    """Annotations from `ANNOTATION_COLUMNS` rows: the per-row work of loading, minimal.

    `when` turns a stored datetime into one (the SQLite hot path passes the bare
    `datetime.fromisoformat`). An annotation never edited has `modified == created`:
    one datetime serves both.
    """
    tags_of = tags.get
    return [
        restored(doc, start, end, exact, prefix, suffix, color, note, tags_of(id_, ()), area,
             author_id, author_name, _ORIGIN[origin], _PLACEMENT[placement], id_,
             (at := when(created)), at if modified == created else when(modified),
             bool(deleted), _MOTIVATION[motivation], reply_to, revision)
        for (doc, start, end, exact, prefix, suffix, color, note, area, author_id, author_name,
             origin, placement, id_, created, modified, deleted, motivation, reply_to,
             revision) in rows
    ]  # fmt: skip


def annotation_values(a: Annotation) -> dict[str, Any]:
    """The row of `a`, keyed by column name (tags go to `tag_rows`)."""
    return {
        "id": a.id,
        "document_id": a.document_id,
        "start": a.start,
        "end": a.end,
        "exact": a.exact,
        "prefix": a.prefix,
        "suffix": a.suffix,
        "color": a.color,
        "note": a.note,
        "area": a.area,
        "author_id": a.author_id,
        "author_name": a.author_name,
        "origin": a.origin.value,
        "placement": a.placement.value,
        "created": a.created,
        "modified": a.modified,
        "deleted": a.deleted,
        "motivation": a.motivation.value,
        "reply_to": a.reply_to,
        "revision": a.revision,
    }


def tag_rows(annotations: Iterable[Annotation]) -> list[dict[str, Any]]:
    """The `annotation_tags` rows of these annotations, in the reader's order."""
    return [
        {"annotation_id": a.id, "position": i, "tag": t}
        for a in annotations
        for i, t in enumerate(a.tags)
    ]


def grouped_tags(rows: Iterable[Sequence[Any]]) -> dict[str, tuple[str, ...]]:
    """{annotation id: tags} from (annotation id, tag) rows ordered by id and position."""
    tags: dict[str, list[str]] = {}
    for annotation_id, tag in rows:
        tags.setdefault(annotation_id, []).append(tag)
    return {k: tuple(v) for k, v in tags.items()}


def document_values(document: Document) -> dict[str, Any]:
    """The content columns of a document's row (library facts are set apart)."""
    meta = document.metadata
    return {
        "content_hash": document.content_hash,
        "title": meta.title,
        "author": meta.author,
        "date": meta.date.isoformat() if meta.date else None,
        "source": meta.source,
        "byline": meta.byline,
        "text": document.text,
        "blocks": [[b.kind.value, b.start, b.end, b.level] for b in document.blocks],
        "inlines": [[i.style.value, i.start, i.end, i.target] for i in document.inlines],
        "language": meta.language,
    }


def stored_document(row: Mapping[Any, Any]) -> StoredDocument:
    """A document from its full row (all of `documents`' columns, by name)."""
    blocks = tuple(Block(BlockKind(k), s, e, lv) for k, s, e, lv in row["blocks"])
    metadata = Metadata(
        title=row["title"],
        author=row["author"],
        date=date.fromisoformat(row["date"]) if row["date"] else None,
        source=row["source"],
        byline=row["byline"],
        language=str(row["language"] or ""),
    )
    inlines = tuple(Inline(InlineStyle(style), int(start), int(end), str(target))
                    for style, start, end, target in row["inlines"] or ())
    return StoredDocument(
        id=row["id"],
        document=Document(row["text"], blocks, metadata, inlines),
        added=row["added"],
        last_opened=row["last_opened"],
        reading_position=row["reading_position"],
        source_path=row["source_path"],
        deleted=bool(row["deleted"]),
    )


def summary(row: Sequence[Any]) -> DocumentSummary:
    """One library line; a damaged row still lists, by its id and title, with `problem`.

    `added` and `last_opened` come unparsed (see `Repository.document_summaries`), so a
    tampered date spoils only its own line.
    """
    doc_id, title, author, day, count, added, last_opened, source = row
    try:
        return DocumentSummary(
            doc_id, str(title), str(author or ""),
            date.fromisoformat(day) if day else None, int(count),
            moment(added), moment(last_opened) if last_opened else None,
            source,
        )
    except ROW_PROBLEMS as exc:
        return DocumentSummary(
            doc_id, str(title or doc_id), "", None, int(count), datetime.min.replace(tzinfo=UTC),
            None, None, problem=problem(exc),
        )
