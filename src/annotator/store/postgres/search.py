"""Full-text search on PostgreSQL: GIN indexes over `to_tsvector` expressions.

No extra column and no trigger: the index is on the same expression the query uses, so
PostgreSQL keeps it in step with every write itself (the SQLite adapter needs FTS5
tables and triggers for that, `store/sqlite/fts.py`). The `english` configuration stems
like FTS5's Porter tokenizer, so both adapters find `cooperation` for `cooperating`.

The query is a `to_tsquery` built from the reader's words (`store/terms.py`), each
quoted, all required, `word*` a prefix (`:*`): no input is tsquery syntax.
`websearch_to_tsquery` would be as safe but has no prefixes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, text

from annotator.store.terms import Word

CONFIG = "english"
DOCUMENT_COLUMNS = ("title", "text")
ANNOTATION_COLUMNS = ("note", "exact")


def vector(columns: Sequence[str], table: str = "") -> str:
    """The indexed expression; the same with `table.` before each column in queries."""
    joined = " || ' ' || ".join(f"{table}.{c}" if table else c for c in columns)
    return f"to_tsvector('{CONFIG}', {joined})"


SEARCH_DDL: tuple[str, ...] = (
    f"CREATE INDEX ix_documents_search ON documents USING gin ({vector(DOCUMENT_COLUMNS)})",
    "CREATE INDEX ix_annotations_search ON annotations "
    f"USING gin ({vector(ANNOTATION_COLUMNS)})",
)
SEARCH_DROP: tuple[str, ...] = (
    "DROP INDEX IF EXISTS ix_annotations_search",
    "DROP INDEX IF EXISTS ix_documents_search",
)
SEARCH_INDEXES = frozenset({"ix_documents_search", "ix_annotations_search"})


def tsquery(query: Sequence[Word]) -> str:
    """Every word required; `\\w` words quoted, so none is an operator."""
    return " & ".join(f"'{word}'" + (":*" if prefix else "") for word, prefix in query)


def search_documents(conn: Connection, query: Sequence[Word], limit: int) -> Sequence[Any]:
    """(id, text) of live documents whose title or text matches, best first."""
    matched = vector(DOCUMENT_COLUMNS, "d")
    return conn.execute(
        text(
            f"SELECT d.id, d.text FROM documents d, to_tsquery('{CONFIG}', :q) q "
            f"WHERE {matched} @@ q AND NOT d.deleted "
            f"ORDER BY ts_rank({matched}, q) DESC, d.seq LIMIT :n"
        ),
        {"q": tsquery(query), "n": limit},
    ).all()


def search_annotations(conn: Connection, query: Sequence[Word], limit: int) -> Sequence[Any]:
    """(document id, annotation id, start, note, quote) of live annotations whose note
    or quote matches, best first."""
    matched = vector(ANNOTATION_COLUMNS, "a")
    return conn.execute(
        text(
            "SELECT a.document_id, a.id, a.start, a.note, a.exact "
            "FROM annotations a JOIN documents d ON d.id = a.document_id, "
            f"to_tsquery('{CONFIG}', :q) q "
            f"WHERE {matched} @@ q AND NOT a.deleted AND NOT d.deleted "
            f"ORDER BY ts_rank({matched}, q) DESC, a.seq LIMIT :n"
        ),
        {"q": tsquery(query), "n": limit},
    ).all()
