"""The store's fast paths: rebuilt annotations, the kept writer connection, prepared SQL."""

from __future__ import annotations

import dataclasses
import pickle
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.annotation import (
    Annotation,
    Motivation,
    Origin,
    Placement,
    restored,
    utc_now,
)
from annotator.errors import StoreError
from annotator.importers import import_bytes
from annotator.store import Store
from annotator.store.sqlite import raw_connect


def _values(a: Annotation) -> list[object]:
    return [getattr(a, f.name) for f in dataclasses.fields(Annotation)]


def test_restored_is_an_ordinary_frozen_annotation() -> None:
    original = Annotation(
        "doc", 3, 9, "exact", "pre", "suf", "green", "note", ("a", "b"), "trade",
        "author", "Reader", Origin.MACHINE, Placement.UNPLACED, deleted=True,
    )  # fmt: skip
    rebuilt = restored(*_values(original))  # type: ignore[arg-type]
    assert type(rebuilt) is Annotation
    assert rebuilt == original and hash(rebuilt) == hash(original)
    assert _values(rebuilt) == _values(original)
    with pytest.raises(dataclasses.FrozenInstanceError):
        rebuilt.note = "changed"  # type: ignore[misc]
    assert rebuilt.edited(note="x").note == "x"
    assert pickle.loads(pickle.dumps(rebuilt)) == original


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "hot.db") as opened:
        yield opened


@pytest.fixture
def doc_id(store: Store) -> str:
    now = utc_now()
    with store.transaction() as repo:
        repo.insert_document("doc-1", import_bytes(b"Some text. " * 20, "t.txt"), None, now)
    return "doc-1"


def _annotation(doc_id: str, start: int, **fields: object) -> Annotation:
    return Annotation(doc_id, start, start + 4, "text", **fields)  # type: ignore[arg-type]


def test_load_round_trips_every_field_in_reading_order(store: Store, doc_id: str) -> None:
    created = utc_now()
    wanted = [
        _annotation(doc_id, 40, tags=("z", "a", "m"), note="n", color="#aabbcc", area="trade",
                    created=created, modified=created),
        _annotation(doc_id, 10, placement=Placement.UNPLACED, origin=Origin.MACHINE),
        _annotation(doc_id, 20, tags=("only",)),
        _annotation(doc_id, 30, deleted=True, tags=("gone",)),
    ]  # fmt: skip
    with store.transaction() as repo:
        for a in wanted:
            repo.insert_annotation(a)
    with store.transaction(write=False) as repo:
        loaded = repo.annotations(doc_id)
        by_id = repo.annotations_by_id(a.id for a in wanted)
    assert loaded == [wanted[2], wanted[0], wanted[1]]  # placed by start, then unplaced
    assert loaded[1].created.tzinfo is not None and loaded[1].created == created
    assert by_id == {a.id: a for a in wanted}


def test_one_annotation_is_stored_exactly_as_a_batch_stores_it(
    store: Store, doc_id: str
) -> None:
    """`insert_annotation` reads the row's fields by position; the batch path goes
    through `annotation_values`. Every column must come out the same."""
    created = utc_now()
    one = _annotation(doc_id, 7, note="n", color="#aabbcc", area="trade", tags=("t",),
                      origin=Origin.MACHINE, placement=Placement.UNPLACED, created=created,
                      modified=utc_now(), deleted=True, motivation=Motivation.QUESTIONING,
                      reply_to="parent-id", revision=4)  # fmt: skip
    batch = [dataclasses.replace(one, id=f"batch-{i}") for i in range(2)]
    with store.transaction() as repo:
        repo.insert_annotation(one)
        repo.insert_annotations(batch)
    other = raw_connect(store.path)
    try:
        columns = [c[1] for c in other.execute("PRAGMA table_info(annotations)")]
        rows = {
            row[columns.index("id")]: row
            for row in other.execute("SELECT * FROM annotations WHERE document_id = ?",
                                     (doc_id,))
        }
    finally:
        other.close()
    differ = {"seq", "id"}
    assert {
        c: v for c, v in zip(columns, rows[one.id], strict=True) if c not in differ
    } == {c: v for c, v in zip(columns, rows["batch-0"], strict=True) if c not in differ}
    assert rows[one.id][columns.index("motivation")] == "questioning"
    assert rows[one.id][columns.index("created")] == created.isoformat()


def test_highlight_is_committed_when_the_transaction_ends(store: Store, doc_id: str) -> None:
    a = _annotation(doc_id, 5, tags=("t",))
    with store.transaction() as repo:
        repo.insert_annotation(a)
    other = raw_connect(store.path)
    try:
        row = other.execute("SELECT created FROM annotations WHERE id = ?", (a.id,)).fetchone()
        tags = other.execute("SELECT tag FROM annotation_tags WHERE annotation_id = ?", (a.id,))
        assert row == (a.created.isoformat(),) and tags.fetchall() == [("t",)]
    finally:
        other.close()


def test_a_failed_write_rolls_back_and_the_next_one_works(store: Store, doc_id: str) -> None:
    first = _annotation(doc_id, 5)
    with store.transaction() as repo:
        repo.insert_annotation(first)
    second = _annotation(doc_id, 9)
    with pytest.raises(StoreError), store.transaction() as repo:
        repo.insert_annotation(second)
        repo.insert_annotation(first)  # same id: rejected by the unique index
    with store.transaction() as repo:
        repo.insert_annotation(_annotation(doc_id, 12))
        repo.set_setting("k", "v")  # a SQLAlchemy statement in the same transaction
    with store.transaction(write=False) as repo:
        assert [a.start for a in repo.annotations(doc_id)] == [5, 12]
        assert repo.setting("k") == "v"


def test_an_exception_in_the_block_rolls_back_sqlalchemy_statements_too(
    store: Store, doc_id: str
) -> None:
    with pytest.raises(RuntimeError), store.transaction() as repo:
        repo.set_setting("k", "v")
        repo.insert_annotation(_annotation(doc_id, 5))
        raise RuntimeError
    with store.transaction(write=False) as repo:
        assert repo.setting("k") is None and repo.annotations(doc_id) == []


def test_nested_write_transaction_is_refused(store: Store, doc_id: str) -> None:
    with store.transaction() as repo:
        repo.insert_annotation(_annotation(doc_id, 5))
        with pytest.raises(StoreError, match="already open"), store.transaction():
            pass
    with store.transaction(write=False) as repo:
        assert len(repo.annotations(doc_id)) == 1


def test_threads_share_the_writer_one_transaction_at_a_time(store: Store, doc_id: str) -> None:
    errors: list[BaseException] = []

    def write(offset: int) -> None:
        try:
            for i in range(50):
                with store.transaction() as repo:
                    repo.insert_annotation(_annotation(doc_id, offset + i, tags=(str(i),)))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n * 100,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with store.transaction(write=False) as repo:
        assert len(repo.annotations(doc_id)) == 200


def test_readers_are_not_blocked_by_another_writer(store: Store, doc_id: str) -> None:
    locker = sqlite3.connect(store.path, isolation_level=None, timeout=0)
    locker.execute("BEGIN IMMEDIATE")
    try:
        with store.transaction(write=False) as repo:  # readers are not blocked in WAL
            assert repo.annotations(doc_id) == []
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    with store.transaction() as repo:
        repo.insert_annotation(_annotation(doc_id, 5))


@pytest.mark.parametrize("count", [3, 600])
def test_a_bulk_insert_is_searchable_and_leaves_the_index_trigger_in_place(
    store: Store, doc_id: str, count: int
) -> None:
    """Past `BULK_INDEX_ROWS` the rows are indexed in one statement after the batch."""
    batch = [Annotation(doc_id, 0, 4, "Some", note=f"bulknote{i}") for i in range(count)]
    with store.transaction() as repo:
        repo.insert_annotations(batch)
    with store.transaction() as repo:
        repo.insert_annotation(Annotation(doc_id, 5, 9, "text", note="afterwards"))
    with store.transaction(write=False) as repo:
        assert {h.annotation_id for h in repo.search(f"bulknote{count - 1}", 10)} == {
            batch[-1].id
        }
        assert len(repo.search("afterwards", 10)) == 1
    fresh = [Annotation(doc_id, 0, 4, "Some", note=f"rolled{i}") for i in range(count)]
    with pytest.raises(StoreError, match="unique"), store.transaction() as repo:
        repo.insert_annotations([*fresh, batch[0]])  # a repeated id: all of it rolls back
    with store.transaction() as repo:
        repo.insert_annotation(Annotation(doc_id, 5, 9, "text", note="again"))
    with store.transaction(write=False) as repo:
        assert repo.search("rolled0", 10) == []
        assert len(repo.search("again", 10)) == 1
