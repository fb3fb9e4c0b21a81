"""Full-text search on SQLite: external-content FTS5 tables kept in step by triggers.

Revision 0002 creates them (`FTS_DDL`); the searches here read them with the terms of
`store/terms.py`. PostgreSQL searches the same columns with `tsvector`s instead
(`store/postgres/search.py`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, text

from annotator.store.sqlite.engine import driver
from annotator.store.terms import TOKENIZER

FTS_TOKENIZER = TOKENIZER  # what the FTS5 tables of revision 0002 tokenize with


def _fts_ddl(table: str, columns: tuple[str, ...]) -> tuple[str, ...]:
    """An external-content FTS5 index over `table`'s `columns`, kept in step by triggers.

    The index reads its text from the table (content=), keyed by the table's integer
    `seq`, which no VACUUM or table-copying migration renumbers.
    """
    fts = f"{table}_fts"
    names = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    insert = f"INSERT INTO {fts}(rowid, {names}) VALUES (new.seq, {new});"
    delete = f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.seq, {old});"
    return (
        f"CREATE VIRTUAL TABLE {fts} USING fts5({names}, content='{table}', "
        f"content_rowid='seq', tokenize='{FTS_TOKENIZER}')",
        f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {names} ON {table} "
        f"BEGIN {delete} {insert} END",
    )


_ANNOTATIONS_FTS = _fts_ddl("annotations", ("note", "exact"))
FTS_DDL: tuple[str, ...] = (
    *_fts_ddl("documents", ("title", "text")),
    *_ANNOTATIONS_FTS,
    # Index what was there before the FTS tables existed (a database at revision 1).
    "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')",
    "INSERT INTO annotations_fts(annotations_fts) VALUES ('rebuild')",
)

# Rows added at once past which `bulk_indexed` pays: below, dropping and recreating the
# trigger (a schema change every connection re-prepares after) costs more than it saves.
BULK_INDEX_ROWS = 500


@contextlib.contextmanager
def bulk_indexed(conn: Connection, rows: int) -> Iterator[None]:
    """Index the annotations inserted in the block in one statement, not one per row.

    The FTS5 insert trigger made a merge of 15,000 annotations spend 0.55 s of its 0.7 s
    of inserting in the index, one row at a time; the same rows indexed by one
    INSERT ... SELECT after the batch take 0.02 s (`benchmarks/bench_merge.py`). Inside
    the caller's write transaction the trigger is dropped, the rows inserted, the new
    rows (rowids past the old largest: nothing else writes meanwhile) indexed, and the
    trigger made again from the same DDL, so a failure rolls all of it back. Small
    batches keep the trigger.
    """
    if rows < BULK_INDEX_ROWS:
        yield
        return
    dbapi = driver(conn)
    [last] = dbapi.execute("SELECT coalesce(max(seq), 0) FROM annotations").fetchone()
    dbapi.execute("DROP TRIGGER annotations_fts_insert")
    yield
    dbapi.execute(
        "INSERT INTO annotations_fts(rowid, note, exact) "
        "SELECT seq, note, exact FROM annotations WHERE seq > ?", (last,)
    )
    dbapi.execute(_ANNOTATIONS_FTS[1])


FTS_DROP: tuple[str, ...] = (
    "DROP TRIGGER IF EXISTS annotations_fts_update",
    "DROP TRIGGER IF EXISTS annotations_fts_delete",
    "DROP TRIGGER IF EXISTS annotations_fts_insert",
    "DROP TABLE IF EXISTS annotations_fts",
    "DROP TRIGGER IF EXISTS documents_fts_update",
    "DROP TRIGGER IF EXISTS documents_fts_delete",
    "DROP TRIGGER IF EXISTS documents_fts_insert",
    "DROP TABLE IF EXISTS documents_fts",
)

def search_documents(conn: Connection, match: str, limit: int) -> Sequence[Any]:
    """(id, text) of live documents whose title or text matches, best first.

    No FTS5 `snippet()`: it is quadratic in a row's matches (store/snippets.py).
    """
    return conn.execute(
        text(
            "SELECT d.id, d.text FROM documents_fts JOIN documents d "
            "ON d.seq = documents_fts.rowid "
            "WHERE documents_fts MATCH :m AND d.deleted = 0 ORDER BY rank LIMIT :n"
        ),
        {"m": match, "n": limit},
    ).all()


def search_annotations(conn: Connection, match: str, limit: int) -> Sequence[Any]:
    """(document id, annotation id, start, note, quote) of live annotations whose note
    or quote matches, best first."""
    return conn.execute(
        text(
            "SELECT a.document_id, a.id, a.start, a.note, a.exact "
            "FROM annotations_fts JOIN annotations a ON a.seq = annotations_fts.rowid "
            "JOIN documents d ON d.id = a.document_id "
            "WHERE annotations_fts MATCH :m AND a.deleted = 0 AND d.deleted = 0 "
            "ORDER BY rank LIMIT :n"
        ),
        {"m": match, "n": limit},
    ).all()
