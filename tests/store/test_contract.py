"""The store's contract, run on both adapters: a SQLite file and a real PostgreSQL 15.

What the services rely on (`store/api.py`) must hold whichever database holds the
library: the same migrations reach head, documents and annotations round-trip through
the one mapper, deletions stay as tombstones, and full-text search finds the same
things. The PostgreSQL cases fail, never skip, when the server cannot start
(tests/postgres_cluster.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Column, MetaData, Table, create_engine, insert, inspect

from annotator.core.annotation import (
    Annotation,
    Motivation,
    Origin,
    Placement,
    changed,
    utc_now,
)
from annotator.errors import StoreError
from annotator.importers import import_bytes
from annotator.services.annotating import Annotating
from annotator.services.identity import Identity
from annotator.services.library import Library
from annotator.services.search import Search
from annotator.store import Store, head_revision
from annotator.store.api import Store as StorePort
from annotator.store.mapping import D
from annotator.store.models import Base
from annotator.store.postgres import PostgresStore
from annotator.store.repository import MANY_IDS
from tests.postgres_cluster import OWNER, Cluster

pytestmark = pytest.mark.xdist_group("postgres")

TEXT = (
    b"Trade cooperation between the two countries grew. Climate talks stalled.\n\n"
    b"Cooperating on research, both sides signed an agreement on semiconductors.\n"
)
DOCUMENT = import_bytes(TEXT, "t.txt")
# `documents` as revision 0001 made it (0004 added inlines and language).
REVISION_1_DOCUMENTS = Table("documents", MetaData(), *(
    Column(c.name, c.type) for c in D.columns if c.name not in {"inlines", "language"}
))  # fmt: skip


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Where a new library goes: a SQLite file, or an empty PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'annotator.db'}"
        return
    cluster: Cluster = request.getfixturevalue("pg_cluster")
    name = cluster.new_database()
    yield cluster.url(name, OWNER, "postgresql+psycopg")
    with cluster.connect() as conn:
        conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def _open(url: str, files: Path, revision: str = "head") -> StorePort:
    """The adapter for `url`, migrated to `revision`."""
    if url.startswith("sqlite:///"):
        return Store.open(Path(url.removeprefix("sqlite:///")), target_revision=revision)
    return PostgresStore.open(url, files_dir=files, target_revision=revision)


@pytest.fixture
def store(url: str, tmp_path: Path) -> Iterator[StorePort]:
    """An open, migrated, empty library."""
    opened = _open(url, tmp_path)
    yield opened
    opened.close()


@pytest.fixture
def doc_id(store: StorePort) -> str:
    with store.transaction() as repo:
        repo.insert_document("doc-1", DOCUMENT, "/tmp/t.txt", utc_now())
    return "doc-1"


def _annotation(quote: str, **fields: Any) -> Annotation:
    start = DOCUMENT.text.index(quote)
    return Annotation("doc-1", start, start + len(quote), quote, author_id="me",
                      author_name="Me", **fields)


def test_migrations_reach_head_and_match_the_models(store: StorePort, url: str) -> None:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == head_revision()
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
            indexes = {i["name"] for i in inspect(conn).get_indexes("annotations")}
    finally:
        engine.dispose()
    # The search tables and indexes are the dialect-specific part of 0002, not in the models.
    search = ("_fts", "_search")
    assert [d for d in diff if not any(part in repr(d) for part in search)] == []
    assert {"ix_annotations_document", "ix_annotations_reply_to"} <= indexes


def test_documents_round_trip(store: StorePort, doc_id: str) -> None:
    with store.transaction(write=False) as repo:
        stored = repo.document(doc_id)
        assert stored is not None
        assert stored.document == DOCUMENT
        assert stored.source_path == "/tmp/t.txt" and not stored.deleted
        assert repo.document_by_hash(stored.document.content_hash) == (doc_id, False)
        assert repo.document_ids("doc") == [doc_id]
        assert repo.document_ids("do_") == []  # LIKE wildcards are literal
        (summary,) = repo.document_summaries()
    assert summary.id == doc_id and summary.problem is None and summary.annotations == 0
    assert summary.added.tzinfo is not None
    with store.transaction() as repo:
        repo.update_document(doc_id, deleted=True, reading_position=17)
    with store.transaction(write=False) as repo:
        assert repo.document_summaries() == []
        assert repo.reading_position(doc_id) == 17
        assert repo.document_by_hash(stored.document.content_hash) == (doc_id, True)


def test_annotations_insert_load_update(store: StorePort, doc_id: str) -> None:
    created = utc_now()
    first = _annotation("cooperation", tags=("trade", "key"), note="why", created=created,
                        modified=created, area="trade")
    unplaced = _annotation("Trade", placement=Placement.UNPLACED, origin=Origin.MACHINE)
    reply = _annotation("Trade", motivation=Motivation.REPLYING, reply_to=first.id, revision=3)
    with store.transaction() as repo:
        repo.insert_annotation(first)
        repo.insert_annotations([unplaced, reply])
    with store.transaction(write=False) as repo:
        assert repo.annotations(doc_id) == [reply, first, unplaced]
        assert repo.annotation_ids_with_tag(doc_id, "key") == [first.id]
        assert repo.document_summaries()[0].annotations == 3
    edited = changed(first, note="because", tags=("key",), modified=created + timedelta(1))
    with store.transaction() as repo:
        repo.save_annotations([edited])
    with store.transaction(write=False) as repo:
        assert repo.annotations_by_id([first.id, "missing"]) == {first.id: edited}
        assert repo.annotation_ids_with_tag(doc_id, "trade") == []


def test_deleted_annotations_are_kept_as_tombstones(store: StorePort, doc_id: str) -> None:
    kept, gone = _annotation("cooperation"), _annotation("between", tags=("t",))
    with store.transaction() as repo:
        repo.insert_annotations([kept, gone])
    tombstone = gone.edited(deleted=True)
    with store.transaction() as repo:
        repo.save_annotations([tombstone])
    with store.transaction(write=False) as repo:
        assert repo.annotations(doc_id) == [kept]
        assert repo.tombstones(doc_id) == [changed(tombstone, tags=())]
        assert repo.annotations_by_id([gone.id]) == {gone.id: tombstone}


def test_a_failed_transaction_leaves_nothing(store: StorePort, doc_id: str) -> None:
    with pytest.raises(RuntimeError), store.transaction() as repo:
        repo.insert_annotation(_annotation("cooperation"))
        raise RuntimeError("stop")
    with pytest.raises(StoreError), store.transaction() as repo:
        repo.insert_annotation(_annotation("Trade", id="dup"))
        repo.insert_annotation(_annotation("cooperation", id="dup"))  # same id: refused
    with store.transaction(write=False) as repo:
        assert repo.annotations(doc_id) == []


def test_settings_authors_and_rejected_suggestions(store: StorePort, doc_id: str) -> None:
    now = utc_now()
    mine = _annotation("cooperation")
    with store.transaction() as repo:
        repo.insert_annotation(mine)
        repo.set_setting("k", "v1")
        repo.set_setting("k", "v2")
        repo.save_author("me", "Renamed", now)
        repo.set_rejected(doc_id, [("trade", 6, 17), ("climate", 50, 57)], True, now)
        repo.set_rejected(doc_id, [("climate", 50, 57)], False, now)
    with store.transaction(write=False) as repo:
        assert repo.setting("k") == "v2"
        assert repo.author_name("me") == "Renamed"
        assert repo.annotations(doc_id)[0].author_name == "Renamed"
        assert repo.rejected(doc_id) == {("trade", 6, 17)}
    with store.transaction() as repo:
        repo.delete_setting("k")
        assert repo.setting("k") is None


def test_search_finds_stems_prefixes_and_skips_deleted(store: StorePort, doc_id: str) -> None:
    note = _annotation("Climate talks stalled", note="semiconductor export controls")
    gone = _annotation("grew", note="export ban", deleted=True)
    with store.transaction() as repo:
        repo.insert_annotations([note, gone])
    with store.transaction(write=False) as repo:
        by_note = repo.search("exports", 10)
        stemmed = repo.search("cooperating", 10)
        prefixed = repo.search("semicond*", 10)
        nothing = repo.search("  -- AND \"' OR * ", 10)
        absent = repo.search("zebra", 10)
        matches = repo.text_matches("cooperation", [doc_id])
    assert [(h.annotation_id, h.offset) for h in by_note] == [(note.id, note.start)]
    assert by_note[0].snippet == "semiconductor export controls"
    assert by_note[0].marks == ((14, 20),)
    assert [(h.document_id, h.annotation_id) for h in stemmed] == [(doc_id, None)]
    assert stemmed[0].offset == DOCUMENT.text.index("cooperation")
    assert {h.annotation_id for h in prefixed} == {note.id, None}
    assert nothing == [] and absent == []
    body, marks = matches[doc_id]
    assert [body[s:e] for s, e in marks] == ["cooperation", "Cooperating"]

    with store.transaction() as repo:
        repo.update_document(doc_id, deleted=True)
    with store.transaction(write=False) as repo:
        assert repo.search("exports", 10) == [] and repo.search("cooperating", 10) == []


def test_a_library_at_revision_1_upgrades_with_its_rows(url: str, tmp_path: Path) -> None:
    _open(url, tmp_path, "0001").close()
    engine = create_engine(url)
    try:
        with engine.begin() as conn:  # the columns revision 0001 had
            conn.execute(insert(REVISION_1_DOCUMENTS).values(
                id="old", content_hash="h", title="Old", author="", date=None, source="",
                byline="", text="Cooperation of old.", blocks=[], source_path=None,
                added=utc_now(), last_opened=None, reading_position=0, deleted=False,
            ))  # fmt: skip
    finally:
        engine.dispose()
    store = _open(url, tmp_path)
    try:
        with store.transaction(write=False) as repo:
            stored = repo.document("old")
            hits = repo.search("cooperating", 5)
    finally:
        store.close()
    assert stored is not None and stored.document.inlines == ()
    assert stored.document.metadata.language == ""
    assert [(h.document_id, h.snippet) for h in hits] == [("old", "Cooperation of old.")]


def test_processes_opening_a_new_database_at_once_migrate_it_once(
    pg_cluster: Cluster, tmp_path: Path
) -> None:
    url = pg_cluster.url(pg_cluster.new_database(), OWNER)
    with ThreadPoolExecutor(3) as pool:
        stores = list(pool.map(lambda _: PostgresStore.open(url, files_dir=tmp_path), range(3)))
    for opened in stores:
        with opened.transaction(write=False) as repo:
            assert repo.document_summaries() == []
        opened.close()


def test_postgres_store_has_no_file_and_says_what_is_wrong(
    pg_cluster: Cluster, tmp_path: Path
) -> None:
    url = pg_cluster.url(pg_cluster.new_database(), OWNER)
    with PostgresStore.open(url, files_dir=tmp_path) as group:
        assert group.path is None and group.files_dir == tmp_path
        assert group.data_version() is None
        with pytest.raises(StoreError, match="read-only"), group.transaction(
            write=False
        ) as repo:
            repo.set_setting("k", "v")
    with pytest.raises(StoreError, match="Not a PostgreSQL URL"):
        PostgresStore.open("sqlite:///x.db")
    unreachable = f"postgresql://nobody@127.0.0.1:{pg_cluster.port}/no_such_database"
    with pytest.raises(StoreError, match="no_such_database"):
        PostgresStore.open(unreachable)


def test_the_services_run_on_either_adapter(store: StorePort, tmp_path: Path) -> None:
    """The use cases are written once against the port: the same calls, the same results."""
    library = Library(store)
    doc_id = library.add(DOCUMENT, "/tmp/t.txt")
    reader = Identity(store, tmp_path / "identity.json").set_name("Ada")
    stored = library.document(doc_id)
    start = DOCUMENT.text.index("Climate")
    Annotating(store, reader).highlight(stored, start, start + len("Climate"), note="talks")
    (mine,) = library.annotations(doc_id)
    assert (mine.exact, mine.note, mine.author_name) == ("Climate", "talks", "Ada")
    hits = Search(store).search("talk")
    assert [(h.kind, h.annotation_id) for h in hits][:1] == [("note", mine.id)]
    assert {h.kind for h in hits} == {"note", "text"}


def test_many_annotations_are_looked_up_by_id_at_once(store: StorePort, doc_id: str) -> None:
    """Past MANY_IDS the ids travel as one parameter (JSON on SQLite, an array on
    PostgreSQL); the answer is the same."""
    many = [_annotation("Trade", note=f"n{i}", tags=("t", f"x{i % 3}"))
            for i in range(MANY_IDS + 5)]
    with store.transaction() as repo:
        repo.insert_annotations(many)
    wanted = [a.id for a in many[1:]] + ["missing"]
    with store.transaction(write=False) as repo:
        found = repo.annotations_by_id(wanted)
        few = repo.annotations_by_id(wanted[:3])
    assert found == {a.id: a for a in many[1:]}
    assert few == {a.id: a for a in many[1:4]}
