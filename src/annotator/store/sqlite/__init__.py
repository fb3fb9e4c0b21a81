"""The local library's adapter: one SQLite file in the data folder.

Everything SQLite-specific lives in this package: the engine and its pragmas
(`engine.py`), precompiled hot-path statements (`prepared.py`), file health
(`health.py`), the data folder's lock (`lock.py`), verified backups (`backups.py`),
FTS5 search (`fts.py`), the repository that uses them (`repository.py`) and the `Store`
that opens a file safely (`database.py`). The names below are the ones callers used
when all of this was one module.
"""

from __future__ import annotations

from annotator.store.sqlite.backups import backup_to, copy_back
from annotator.store.sqlite.engine import (
    BUSY_TIMEOUT_MS,
    WAL_AUTOCHECKPOINT_PAGES,
    begin_write,
    driver,
    end_write,
    foreign_key_problems,
    make_engine,
    raw_connect,
    read_only_uri,
    set_user_version,
    writable,
)
from annotator.store.sqlite.fts import (
    FTS_DDL,
    FTS_DROP,
    FTS_TOKENIZER,
    bulk_indexed,
    search_annotations,
    search_documents,
)
from annotator.store.sqlite.health import (
    COMPANIONS,
    HEADER,
    check_health,
    explain,
    journal_identity,
    journal_removed_message,
    move_aside,
)
from annotator.store.sqlite.prepared import Prepared, parse_datetime
from annotator.store.terms import match_terms

__all__ = [
    "BUSY_TIMEOUT_MS",
    "COMPANIONS",
    "FTS_DDL",
    "FTS_DROP",
    "FTS_TOKENIZER",
    "HEADER",
    "WAL_AUTOCHECKPOINT_PAGES",
    "Prepared",
    "backup_to",
    "begin_write",
    "bulk_indexed",
    "check_health",
    "copy_back",
    "driver",
    "end_write",
    "explain",
    "foreign_key_problems",
    "journal_identity",
    "journal_removed_message",
    "make_engine",
    "match_terms",
    "move_aside",
    "parse_datetime",
    "raw_connect",
    "read_only_uri",
    "search_annotations",
    "search_documents",
    "set_user_version",
    "writable",
]
