"""Queries over one transaction, speaking the core's types (Document, Annotation).

The services never see SQLAlchemy: they get a `Repository` from `Store.transaction()` and
call these methods, so a use case spanning several statements is still one transaction.
Hot paths (one highlight committed, a document's annotations loaded) use Core statements
on explicit columns, compiled once and run on the driver's connection (`sqlite.Prepared`):
ORM objects cost ~3.5x more to load and ~3x more to insert, and even Core's per-execution
machinery was most of a one-highlight commit. Loaded annotations are built with
`core.annotation.restored`, which skips the frozen dataclass's slow `__init__`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    Connection,
    String,
    and_,
    bindparam,
    delete,
    false,
    func,
    insert,
    select,
    type_coerce,
    update,
)

from annotator.core.annotation import Annotation, Motivation, Origin, Placement, restored
from annotator.core.document import Block, BlockKind, Document, Inline, InlineStyle, Metadata
from annotator.core.layers import Suggestion
from annotator.errors import StoreError
from annotator.store import snippets, sqlite
from annotator.store.models import (
    AnnotationRow,
    AnnotationTagRow,
    AuthorRow,
    Base,
    DocumentRow,
    RejectedSuggestionRow,
    Setting,
)

# What a tampered or damaged row raises while it is turned into core objects: bad JSON
# (a ValueError), a date that is not ISO 8601, an enum value no version wrote (KeyError),
# a wrong shape (TypeError, IndexError).
ROW_PROBLEMS = (ValueError, KeyError, TypeError, IndexError, AttributeError)


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


def _problem(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return f"unknown value {exc.args[0]!r}"
    return f"{type(exc).__name__}: {exc}"[:200]

_ORIGIN = {o.value: o for o in Origin}
_PLACEMENT = {p.value: p for p in Placement}
_MOTIVATION = {m.value: m for m in Motivation}

A = Base.metadata.tables[AnnotationRow.__tablename__]
T = Base.metadata.tables[AnnotationTagRow.__tablename__]
D = Base.metadata.tables[DocumentRow.__tablename__]

# Column order matches Annotation's positional fields up to `tags`, then the rest.
_ANNOTATION_COLUMNS = (
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

# A document's live annotations in reading order: placed ones by position, then unplaced.
_LOAD = sqlite.Prepared(
    select(*_ANNOTATION_COLUMNS)
    .where(A.c.document_id == bindparam("doc_id"), A.c.deleted == false())
    .order_by(A.c.placement != Placement.PLACED.value, A.c.start, A.c.end)
)
# Their tags, grouped by annotation in the reader's order.
_LOAD_TAGS = sqlite.Prepared(
    select(T.c.annotation_id, T.c.tag)
    .join(A, A.c.id == T.c.annotation_id)
    .where(A.c.document_id == bindparam("doc_id"), A.c.deleted == false())
    .order_by(T.c.annotation_id, T.c.position)
)
_INSERT = sqlite.Prepared(insert(A).values({c: bindparam(c.key) for c in _ANNOTATION_COLUMNS}))
_INSERT_TAGS = sqlite.Prepared(
    insert(T).values({c: bindparam(c.key) for c in (T.c.annotation_id, T.c.position, T.c.tag)})
)


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


def _annotation(row: Sequence[Any], tags: tuple[str, ...]) -> Annotation:
    return restored(
        row[0],
        row[1],
        row[2],
        row[3],
        row[4],
        row[5],
        row[6],
        row[7],
        tags,
        row[8],
        row[9],
        row[10],
        _ORIGIN[row[11]],
        _PLACEMENT[row[12]],
        row[13],
        row[14],
        row[15],
        bool(row[16]),
        _MOTIVATION[row[17]],
        row[18],
        row[19],
    )


def _loaded(rows: Iterable[Sequence[Any]], tags: dict[str, tuple[str, ...]]) -> list[Annotation]:
    """Annotations from raw `_LOAD` rows: the per-row work of loading, kept minimal.

    An annotation never edited has `modified == created`: one datetime serves both.
    """
    when, tags_of = sqlite.parse_datetime, tags.get
    return [
        restored(doc, start, end, exact, prefix, suffix, color, note, tags_of(id_, ()), area,
             author_id, author_name, _ORIGIN[origin], _PLACEMENT[placement], id_,
             (at := when(created)), at if modified == created else when(modified),
             bool(deleted), _MOTIVATION[motivation], reply_to, revision)
        for (doc, start, end, exact, prefix, suffix, color, note, area, author_id, author_name,
             origin, placement, id_, created, modified, deleted, motivation, reply_to,
             revision) in rows
    ]  # fmt: skip


def _summary(row: Sequence[Any]) -> DocumentSummary:
    """One library line; a damaged row still lists, by its id and title, with `problem`."""
    doc_id, title, author, day, count, added, last_opened, source = row
    try:
        return DocumentSummary(
            doc_id, str(title), str(author or ""),
            date.fromisoformat(day) if day else None, int(count),
            datetime.fromisoformat(added),
            datetime.fromisoformat(last_opened) if last_opened else None,
            source,
        )
    except ROW_PROBLEMS as exc:
        return DocumentSummary(
            doc_id, str(title or doc_id), "", None, int(count), datetime.min.replace(tzinfo=UTC),
            None, None, problem=_problem(exc),
        )


def _grouped_tags(rows: Iterable[Sequence[Any]]) -> dict[str, tuple[str, ...]]:
    """{annotation id: tags} from (annotation id, tag) rows ordered by id and position."""
    tags: dict[str, list[str]] = {}
    for annotation_id, tag in rows:
        tags.setdefault(annotation_id, []).append(tag)
    return {k: tuple(v) for k, v in tags.items()}


def _annotation_values(a: Annotation) -> dict[str, Any]:
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


def _document_values(document: Document) -> dict[str, Any]:
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


class Repository:
    """Every query the services need, inside one open transaction."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    # --- settings and authors -----------------------------------------------------

    def setting(self, key: str) -> str | None:
        return self._conn.scalar(select(Setting.value).where(Setting.key == key))

    def set_setting(self, key: str, value: str) -> None:
        changed = self._conn.execute(
            update(Setting).where(Setting.key == key).values(value=value)
        ).rowcount
        if not changed:
            self._conn.execute(insert(Setting).values(key=key, value=value))

    def author_name(self, author_id: str) -> str | None:
        return self._conn.scalar(select(AuthorRow.name).where(AuthorRow.id == author_id))

    def save_author(self, author_id: str, name: str, created: datetime) -> None:
        changed = self._conn.execute(
            update(AuthorRow).where(AuthorRow.id == author_id).values(name=name)
        ).rowcount
        if not changed:
            self._conn.execute(insert(AuthorRow).values(id=author_id, name=name, created=created))
        # Annotations carry their author's name so exports and bundles need no join.
        self._conn.execute(update(A).where(A.c.author_id == author_id).values(author_name=name))

    # --- documents ----------------------------------------------------------------

    def document_by_hash(self, content_hash: str) -> tuple[str, bool] | None:
        """(id, deleted) of the document with this text, if the library has it."""
        row = self._conn.execute(
            select(D.c.id, D.c.deleted).where(D.c.content_hash == content_hash)
        ).first()
        return (row[0], bool(row[1])) if row else None

    def insert_document(
        self, doc_id: str, document: Document, source_path: str | None, now: datetime
    ) -> None:
        self._conn.execute(
            insert(D).values(
                id=doc_id,
                source_path=source_path,
                added=now,
                last_opened=now,
                reading_position=0,
                deleted=False,
                **_document_values(document),
            )
        )

    def replace_document_content(self, doc_id: str, document: Document) -> None:
        self._conn.execute(update(D).where(D.c.id == doc_id).values(**_document_values(document)))

    def update_document(self, doc_id: str, **values: Any) -> None:
        """Library facts only: deleted, last_opened, reading_position, source_path."""
        allowed = {"deleted", "last_opened", "reading_position", "source_path"}
        if not values.keys() <= allowed:
            raise ValueError(f"not a library fact: {sorted(values.keys() - allowed)}")
        self._conn.execute(update(D).where(D.c.id == doc_id).values(**values))

    def document_ids(self, prefix: str) -> list[str]:
        """Ids of live documents starting with `prefix` (at most two: enough to say
        'ambiguous')."""
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return list(
            self._conn.scalars(
                select(D.c.id)
                .where(D.c.id.like(f"{escaped}%", escape="\\"), D.c.deleted == false())
                .limit(2)
            )
        )

    def document(self, doc_id: str) -> StoredDocument | None:
        """The document, or None; `DamagedDocument` when its row cannot be read back."""
        try:
            return self._document(doc_id)
        except ROW_PROBLEMS as exc:
            title = self._conn.scalar(select(type_coerce(D.c.title, String)).where(
                D.c.id == doc_id))
            raise DamagedDocument(doc_id, title, _problem(exc)) from exc

    def _document(self, doc_id: str) -> StoredDocument | None:
        row = self._conn.execute(select(D).where(D.c.id == doc_id)).mappings().first()
        if row is None:
            return None
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

    def document_summaries(self) -> list[DocumentSummary]:
        counts = (
            select(A.c.document_id, func.count().label("n"))
            .where(A.c.deleted == false())
            .group_by(A.c.document_id)
            .subquery()
        )
        rows = self._conn.execute(
            select(
                D.c.id,
                D.c.title,
                D.c.author,
                D.c.date,
                func.coalesce(counts.c.n, 0),
                type_coerce(D.c.added, String),  # parsed here, row by row: see _summary
                type_coerce(D.c.last_opened, String),
                D.c.source_path,
            )
            .outerjoin(counts, counts.c.document_id == D.c.id)
            .where(D.c.deleted == false())
            .order_by(func.coalesce(D.c.last_opened, D.c.added).desc())
        )
        return [_summary(r) for r in rows]

    def reading_position(self, doc_id: str) -> int | None:
        return self._conn.scalar(select(D.c.reading_position).where(D.c.id == doc_id))

    # --- annotations --------------------------------------------------------------

    def annotations(self, doc_id: str) -> list[Annotation]:
        """Live annotations of a document: placed ones in document order, then unplaced.

        A damaged annotation row makes this `DamagedDocument`, naming the document.
        """
        values = {"doc_id": doc_id}
        tags = _grouped_tags(_LOAD_TAGS.execute(self._conn, values))
        # Streamed: each row tuple is freed as soon as its annotation is built.
        try:
            return _loaded(_LOAD.execute(self._conn, values), tags)
        except ROW_PROBLEMS as exc:
            title = self._conn.scalar(select(type_coerce(D.c.title, String)).where(
                D.c.id == doc_id))
            raise DamagedDocument(doc_id, title, f"an annotation: {_problem(exc)}") from exc

    def annotations_by_id(self, ids: Iterable[str]) -> dict[str, Annotation]:
        """The stored state of these annotations, tombstones included."""
        wanted = list(ids)
        if not wanted:
            return {}
        rows = self._conn.execute(select(*_ANNOTATION_COLUMNS).where(A.c.id.in_(wanted))).all()
        tags = self._tags(
            select(T.c.annotation_id, T.c.tag)
            .where(T.c.annotation_id.in_(wanted))
            .order_by(T.c.annotation_id, T.c.position)
        )
        return {r[13]: _annotation(r, tags.get(r[13], ())) for r in rows}

    def _tags(self, statement: Any) -> dict[str, tuple[str, ...]]:
        return _grouped_tags(self._conn.execute(statement))

    def insert_annotation(self, annotation: Annotation) -> None:
        """Add a new annotation: the one-highlight hot path (one INSERT, plus its tags)."""
        _INSERT.execute(self._conn, _annotation_values(annotation))
        if annotation.tags:
            _INSERT_TAGS.execute_many(
                self._conn,
                (
                    {"annotation_id": annotation.id, "position": i, "tag": t}
                    for i, t in enumerate(annotation.tags)
                ),
            )

    def insert_annotations(self, annotations: Sequence[Annotation]) -> None:
        """Add many new annotations at once (a merged bundle): one prepared batch."""
        with sqlite.bulk_indexed(self._conn, len(annotations)):
            _INSERT.execute_many(self._conn, (_annotation_values(a) for a in annotations))
        _INSERT_TAGS.execute_many(
            self._conn,
            (
                {"annotation_id": a.id, "position": i, "tag": t}
                for a in annotations
                for i, t in enumerate(a.tags)
            ),
        )

    def save_annotations(self, annotations: Iterable[Annotation]) -> None:
        """Write these states, whether the annotations exist already or not."""
        for a in annotations:
            values = _annotation_values(a)
            changed = self._conn.execute(update(A).where(A.c.id == a.id), values).rowcount
            if changed:
                self._conn.execute(delete(T).where(T.c.annotation_id == a.id))
            else:
                self._conn.execute(insert(A), values)
            if a.tags:
                self._insert_tags(a)

    def _insert_tags(self, a: Annotation) -> None:
        self._conn.execute(
            insert(T),
            [{"annotation_id": a.id, "position": i, "tag": t} for i, t in enumerate(a.tags)],
        )

    def annotation_ids_with_tag(self, doc_id: str, tag: str) -> list[str]:
        """Live annotations of a document carrying `tag` (uses the tag index)."""
        return list(
            self._conn.scalars(
                select(A.c.id)
                .join(T, T.c.annotation_id == A.c.id)
                .where(T.c.tag == tag, A.c.document_id == doc_id, A.c.deleted == false())
                .order_by(A.c.start)
            )
        )

    def tombstones(self, doc_id: str) -> list[Annotation]:
        """A document's deleted annotations: bundles carry them so deletions travel."""
        rows = self._conn.execute(
            select(*_ANNOTATION_COLUMNS).where(A.c.document_id == doc_id, A.c.deleted)
        ).all()
        return [_annotation(r, ()) for r in rows]

    # --- rejected suggestions -----------------------------------------------------

    def rejected(self, doc_id: str) -> set[Suggestion]:
        rows = self._conn.execute(
            select(
                RejectedSuggestionRow.area, RejectedSuggestionRow.start, RejectedSuggestionRow.end
            ).where(RejectedSuggestionRow.document_id == doc_id)
        )
        return {(r[0], r[1], r[2]) for r in rows}

    def set_rejected(
        self, doc_id: str, suggestions: Iterable[Suggestion], rejected: bool, now: datetime
    ) -> None:
        for area, start, end in suggestions:
            self._conn.execute(
                delete(RejectedSuggestionRow).where(
                    and_(
                        RejectedSuggestionRow.document_id == doc_id,
                        RejectedSuggestionRow.area == area,
                        RejectedSuggestionRow.start == start,
                        RejectedSuggestionRow.end == end,
                    )
                )
            )
            if rejected:
                self._conn.execute(
                    insert(RejectedSuggestionRow).values(
                        document_id=doc_id, area=area, start=start, end=end, rejected=now
                    )
                )

    # --- search -------------------------------------------------------------------

    def search(self, query: str, limit: int) -> list[Hit]:
        """Notes and quotes first, then document text; best first within each.

        The reader's words are made into a safe FTS5 expression, so no input is a syntax
        error; a query without words finds nothing. Snippets are cut in one pass over
        each text (store/snippets.py), whatever the number of matches.
        """
        terms = sqlite.match_terms(query)
        if not terms:
            return []
        match = " ".join(terms)
        matcher = snippets.WordMatcher(terms, sqlite.FTS_TOKENIZER)
        hits: list[Hit] = []
        try:
            for doc_id, annotation_id, start, note, exact in sqlite.search_annotations(
                self._conn, match, limit
            ):
                found = ((snippets.snippet(note, matcher) if note else None)
                         or snippets.snippet(exact, matcher) or snippets.opening(note or exact))
                hits.append(Hit(doc_id, annotation_id, found.text, found.marks, start))
            for doc_id, body in sqlite.search_documents(self._conn, match, limit):
                found = snippets.snippet(body, matcher) or snippets.opening(body)
                hits.append(Hit(doc_id, None, found.text, found.marks, found.offset))
        finally:
            matcher.close()
        return hits

    def text_matches(self, query: str, document_ids: Sequence[str],
                     ) -> dict[str, tuple[str, tuple[tuple[int, int], ...]]]:
        """Each document's text and where every word matching `query` stands in it (the
        same words `search` finds: stemmed, prefixes), for listing every hit. Linear in
        the text whatever the number of matches (store/snippets.py)."""
        terms = sqlite.match_terms(query)
        if not terms or not document_ids:
            return {}
        rows = self._conn.execute(
            select(D.c.id, D.c.text).where(D.c.id.in_(list(document_ids)))).all()
        matcher = snippets.WordMatcher(terms, sqlite.FTS_TOKENIZER)
        try:
            return {doc_id: (body, snippets.every_match(body, matcher)) for doc_id, body in rows}
        finally:
            matcher.close()
