"""Queries over one transaction, speaking the core's types (Document, Annotation).

The services never see SQLAlchemy: they get a repository (the `Repository` protocol of
`store/api.py`) from `Store.transaction()` and call its methods, so a use case spanning
several statements is still one transaction. The queries here are portable SQLAlchemy
Core on explicit columns, turned into core values by the one mapper (`store/mapping.py`).
Each adapter subclasses `SqlRepository` for what its database does its own way: full-text
search always, and on SQLite the hot paths (one highlight committed, a document's
annotations loaded), which run precompiled on the driver's connection
(`store/sqlite/repository.py`).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Connection,
    String,
    and_,
    case,
    delete,
    false,
    func,
    insert,
    literal,
    select,
    type_coerce,
    union_all,
    update,
)

from annotator.core.annotation import Annotation, Motivation, Origin, Placement
from annotator.core.document import Document
from annotator.store import snippets
from annotator.store.api import (
    DamagedDocument,
    DocumentSummary,
    Hit,
    StoredDocument,
    Suggestion,
)
from annotator.store.mapping import (
    ANNOTATION_COLUMNS,
    ROW_PROBLEMS,
    A,
    D,
    T,
    annotation_values,
    annotations_from_rows,
    document_values,
    grouped_tags,
    problem,
    stored_document,
    summary,
    tag_rows,
)
from annotator.store.models import AuthorRow, RejectedSuggestionRow, Setting
from annotator.store.terms import TOKENIZER, Word, match_terms, words

# Ids past which `_among` may send one parameter instead of a bind each (SQLite does).
MANY_IDS = 500

# (document id, annotation id, start, note, quote) of a matching annotation
AnnotationMatch = tuple[str, str, int, str, str]
# (document id, text) of a matching document
DocumentMatch = tuple[str, str]


class SqlRepository(ABC):
    """Every query the services need, inside one open transaction, on any SQL database.

    Subclasses say how to find matching rows for `search`; the rest they may speed up.
    """

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

    def delete_setting(self, key: str) -> None:
        self._conn.execute(delete(Setting).where(Setting.key == key))

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
                **document_values(document),
            )
        )

    def replace_document_content(self, doc_id: str, document: Document) -> None:
        self._conn.execute(update(D).where(D.c.id == doc_id).values(**document_values(document)))

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
            raise self._damaged(doc_id, problem(exc)) from exc

    def _damaged(self, doc_id: str, what: str) -> DamagedDocument:
        """The error for a document whose rows cannot be read, named by its title if
        that much can be read."""
        title = self._conn.scalar(select(type_coerce(D.c.title, String)).where(
            D.c.id == doc_id))
        return DamagedDocument(doc_id, title, what)

    def _document(self, doc_id: str) -> StoredDocument | None:
        row = self._conn.execute(select(D).where(D.c.id == doc_id)).mappings().first()
        return None if row is None else stored_document(row)

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
                type_coerce(D.c.added, String),  # parsed row by row: see mapping.summary
                type_coerce(D.c.last_opened, String),
                D.c.source_path,
            )
            .outerjoin(counts, counts.c.document_id == D.c.id)
            .where(D.c.deleted == false())
            .order_by(func.coalesce(D.c.last_opened, D.c.added).desc())
        )
        return [summary(r) for r in rows]

    def reading_position(self, doc_id: str) -> int | None:
        return self._conn.scalar(select(D.c.reading_position).where(D.c.id == doc_id))

    # --- annotations --------------------------------------------------------------

    def annotations(self, doc_id: str) -> list[Annotation]:
        """Live annotations of a document: placed ones in document order, then unplaced.

        A damaged annotation row makes this `DamagedDocument`, naming the document.
        """
        tags = grouped_tags(self._live_tag_rows(doc_id))
        try:
            return self._annotations_from_rows(self._live_annotation_rows(doc_id), tags)
        except ROW_PROBLEMS as exc:
            raise self._damaged(doc_id, f"an annotation: {problem(exc)}") from exc

    def annotations_by_id(self, ids: Iterable[str]) -> dict[str, Annotation]:
        """The stored state of these annotations, tombstones included."""
        wanted = list(ids)
        if not wanted:
            return {}
        rows = self._conn.execute(
            select(*ANNOTATION_COLUMNS).where(self._among(A.c.id, wanted))).all()
        tags = self._tags(
            select(T.c.annotation_id, T.c.tag)
            .where(self._among(T.c.annotation_id, wanted))
            .order_by(T.c.annotation_id, T.c.position)
        )
        return {a.id: a for a in annotations_from_rows(rows, tags)}

    def _tags(self, statement: Any) -> dict[str, tuple[str, ...]]:
        return grouped_tags(self._conn.execute(statement))

    # How rows travel; the SQLite adapter runs these precompiled (store/sqlite/).

    def _among(self, column: Any, values: list[str]) -> Any:
        """`column IN values`. SQLAlchemy binds each value of an IN list separately, and
        compiling the 15,000 ids of a class's merged hand-ins took longer than finding
        their rows (`benchmarks/bench_merge.py`): adapters pass many as one parameter."""
        return column.in_(values)

    def _live_annotation_rows(self, doc_id: str) -> Iterable[Sequence[Any]]:
        """A document's live annotations, as `ANNOTATION_COLUMNS`, in reading order:
        placed ones by position, then unplaced."""
        return self._conn.execute(
            select(*ANNOTATION_COLUMNS)
            .where(A.c.document_id == doc_id, A.c.deleted == false())
            .order_by(A.c.placement != Placement.PLACED.value, A.c.start, A.c.end)
        )

    def _live_tag_rows(self, doc_id: str) -> Iterable[Sequence[Any]]:
        """(annotation id, tag) of a document's live annotations, in the reader's order."""
        return self._conn.execute(
            select(T.c.annotation_id, T.c.tag)
            .join(A, A.c.id == T.c.annotation_id)
            .where(A.c.document_id == doc_id, A.c.deleted == false())
            .order_by(T.c.annotation_id, T.c.position)
        )

    def _annotations_from_rows(
        self, rows: Iterable[Sequence[Any]], tags: dict[str, tuple[str, ...]]
    ) -> list[Annotation]:
        return annotations_from_rows(rows, tags)

    def _insert_annotation_rows(self, values: list[dict[str, Any]]) -> None:
        if values:
            self._conn.execute(insert(A), values)

    def _insert_tag_rows(self, values: list[dict[str, Any]]) -> None:
        if values:
            self._conn.execute(insert(T), values)

    def insert_annotation(self, annotation: Annotation) -> None:
        """Add a new annotation: the one-highlight hot path (one INSERT, plus its tags)."""
        self.insert_annotations((annotation,))

    def insert_annotations(self, annotations: Sequence[Annotation]) -> None:
        """Add many new annotations at once (a merged bundle): one batch."""
        self._insert_annotation_rows([annotation_values(a) for a in annotations])
        self._insert_tag_rows(tag_rows(annotations))

    def save_annotations(self, annotations: Iterable[Annotation]) -> None:
        """Write these states, whether the annotations exist already or not."""
        for a in annotations:
            values = annotation_values(a)
            changed = self._conn.execute(update(A).where(A.c.id == a.id), values).rowcount
            if changed:
                self._conn.execute(delete(T).where(T.c.annotation_id == a.id))
            else:
                self._conn.execute(insert(A), values)
            self._insert_tag_rows(tag_rows((a,)))

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
            select(*ANNOTATION_COLUMNS).where(A.c.document_id == doc_id, A.c.deleted)
        ).all()
        return annotations_from_rows(rows, {})

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

    # --- learning -----------------------------------------------------------------

    def learning_evidence(
        self, author_id: str, since: datetime | None
    ) -> list[tuple[str, str, str]]:
        """(area, verdict, passage text) of every decision the reader `author_id` made
        after `since`.

        Decisions are not kept twice: a rejection is a row of `rejected_suggestions` (its
        text cut from the document), an acceptance a live annotation the machine
        suggested, an assignment a live highlight of the reader's filed under an area.
        Undoing any of them removes the evidence with it; classmates' imported layers
        teach nothing.
        """
        R = RejectedSuggestionRow.__table__  # noqa: N806 (a table, like A and D)
        rejected = (
            select(R.c.area, literal("rejected"),
                   func.substr(D.c.text, R.c.start + 1, R.c.end - R.c.start))
            .join(D, D.c.id == R.c.document_id)
        )
        decided = select(
            A.c.area,
            case((A.c.origin == Origin.MACHINE.value, "accepted"), else_="assigned"),
            A.c.exact,
        ).where(A.c.deleted == false(), A.c.area.is_not(None), A.c.author_id == author_id,
                A.c.motivation == Motivation.HIGHLIGHTING.value)
        if since is not None:
            rejected = rejected.where(R.c.rejected > since)
            decided = decided.where(A.c.created > since)
        rows = self._conn.execute(union_all(rejected, decided))
        return [(str(area), str(verdict), str(text or "")) for area, verdict, text in rows]

    # --- search -------------------------------------------------------------------

    def search(self, query: str, limit: int) -> list[Hit]:
        """Notes and quotes first, then document text; best first within each.

        The reader's words (`store/terms.py`) go to the database's own full-text search,
        so no input is a syntax error; a query without words finds nothing. Snippets are
        cut in one pass over each text (store/snippets.py), whatever the number of
        matches, and mark the same words on every adapter.
        """
        found_words = words(query)
        if not found_words:
            return []
        matcher = snippets.WordMatcher(match_terms(query), TOKENIZER)
        hits: list[Hit] = []
        try:
            for doc_id, annotation_id, start, note, exact in self._matching_annotations(
                found_words, limit
            ):
                found = ((snippets.snippet(note, matcher) if note else None)
                         or snippets.snippet(exact, matcher) or snippets.opening(note or exact))
                hits.append(Hit(doc_id, annotation_id, found.text, found.marks, start))
            for doc_id, body in self._matching_documents(found_words, limit):
                found = snippets.snippet(body, matcher) or snippets.opening(body)
                hits.append(Hit(doc_id, None, found.text, found.marks, found.offset))
        finally:
            matcher.close()
        return hits

    @abstractmethod
    def _matching_annotations(self, query: list[Word], limit: int) -> Iterable[AnnotationMatch]:
        """Live annotations of live documents whose note or quote has every word of
        `query`, best first."""

    @abstractmethod
    def _matching_documents(self, query: list[Word], limit: int) -> Iterable[DocumentMatch]:
        """Live documents whose title or text has every word of `query`, best first."""

    def text_matches(self, query: str, document_ids: Sequence[str],
                     ) -> dict[str, tuple[str, tuple[tuple[int, int], ...]]]:
        """Each document's text and where every word matching `query` stands in it (the
        same words `search` finds: stemmed, prefixes), for listing every hit. Linear in
        the text whatever the number of matches (store/snippets.py)."""
        terms = match_terms(query)
        if not terms or not document_ids:
            return {}
        rows = self._conn.execute(
            select(D.c.id, D.c.text).where(D.c.id.in_(list(document_ids)))).all()
        matcher = snippets.WordMatcher(terms, TOKENIZER)
        try:
            return {doc_id: (body, snippets.every_match(body, matcher)) for doc_id, body in rows}
        finally:
            matcher.close()
