"""Migrations: a database built at revision 0001 with data keeps it at head; DDL is atomic."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from annotator.errors import StoreError
from annotator.services.library import Library
from annotator.services.search import Search
from annotator.store import Store, head_revision, list_backups
from annotator.store import sqlite as store_sqlite
from annotator.store.models import Base

DOC = "11111111-1111-4111-8111-111111111111"
ANN = "22222222-2222-4222-8222-222222222222"
NOW = "2026-01-02T03:04:05+00:00"


def _build_revision_1(path: Path) -> None:
    Store.open(path, target_revision="0001").close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "INSERT INTO documents (id, content_hash, title, author, date, source, byline, text,"
            " blocks, source_path, added, last_opened, reading_position, deleted) VALUES"
            " (?, 'h1', 'Old title', 'An Author', '2024-05-22', '', '', 'Old text about kelp.',"
            " '[[\"paragraph\", 0, 20, 0]]', NULL, ?, NULL, 7, 0)",
            (DOC, NOW),
        )
        conn.execute(
            "INSERT INTO annotations (id, document_id, start, end, exact, prefix, suffix, color,"
            " note, area, author_id, author_name, origin, placement, created, modified, deleted)"
            " VALUES (?, ?, 4, 8, 'text', 'Old ', ' about', 'yellow', 'a note on seaweed',"
            " NULL, 'a1', 'Ann', 'reader', 'placed', ?, ?, 0)",
            (ANN, DOC, NOW, NOW),
        )
        conn.execute("INSERT INTO annotation_tags VALUES (?, 0, 'marine')", (ANN,))
    conn.close()


def test_revision_1_with_data_upgrades_to_head(tmp_path: Path) -> None:
    path = tmp_path / "annotator.db"
    _build_revision_1(path)

    with Store.open(path) as store:
        library = Library(store)
        [annotation] = library.annotations(DOC)
        assert (annotation.note, annotation.tags, annotation.start) == (
            "a note on seaweed",
            ("marine",),
            4,
        )
        assert library.reading_position(DOC) == 7
        assert library.document(DOC).document.text == "Old text about kelp."
        hits = Search(store).search("seaweed")
        assert [h.kind for h in hits] == ["note"], "rows from before the FTS revision are indexed"
        assert [h.kind for h in Search(store).search("kelp")] == ["text"]

    assert any(b.stem.endswith("pre-migration") for b in list_backups(path))
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone() == (int(head_revision()),)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (head_revision(),)
    conn.close()


def test_models_match_migrations(tmp_path: Path) -> None:
    path = tmp_path / "annotator.db"
    Store.open(path).close()
    engine = store_sqlite.make_engine(path)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    fts = [d for d in diff if "fts" in str(d)]
    assert [d for d in diff if d not in fts] == []


def test_failed_migration_leaves_the_old_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "annotator.db"
    _build_revision_1(path)
    broken = (*store_sqlite.FTS_DDL[:3], "CREATE TABLE broken (", *store_sqlite.FTS_DDL[3:])
    monkeypatch.setattr(store_sqlite, "FTS_DDL", broken)

    with pytest.raises(StoreError):
        Store.open(path)

    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert "documents_fts" not in tables, "half a migration must never be committed"
    assert conn.execute("SELECT count(*) FROM annotations").fetchone() == (1,)
    conn.close()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "annotator.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    with pytest.raises(StoreError, match="newer version"):
        Store.open(path)


def test_pragmas_on_the_app_engine(tmp_path: Path) -> None:
    with Store.open(tmp_path / "annotator.db") as store, store.transaction() as repo:
        conn = repo._conn
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == store_sqlite.BUSY_TIMEOUT_MS
