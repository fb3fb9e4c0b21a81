"""Issue 13 item 3: backups follow the work, ordered by sequence, and say what they hold."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

from annotator.importers import import_bytes
from annotator.services.annotating import Annotating
from annotator.services.identity import Identity
from annotator.services.library import Library
from annotator.store import (
    CorruptDatabaseError,
    Store,
    describe_backup,
    list_backups,
    newest_good_backup,
    restore_backup,
    set_aside_damage,
)

TEXT = "Carbon pricing and climate adaptation shape the energy budget. " * 40


def _highlight(store: Store, doc_id: str, n: int) -> None:
    library = Library(store)
    doc = library.document(doc_id)
    Annotating(store, Identity(store).reader()).highlight(doc, n * 10, n * 10 + 6, note=f"n{n}")


def _damage(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def test_restore_after_corruption_gives_back_the_latest_work(tmp_path: Path) -> None:
    path = tmp_path / "annotator.db"
    with Store.open(path) as store:
        doc_id = Library(store).add(import_bytes(TEXT.encode(), "a.txt"))
        _highlight(store, doc_id, 1)
    with Store.open(path) as store:  # a second session, the same day
        _highlight(store, doc_id, 2)
    _damage(path)

    with pytest.raises(CorruptDatabaseError) as caught:
        Store.open(path)

    error = caught.value
    assert error.backup_info is not None
    assert (error.backup_info.documents, error.backup_info.annotations) == (1, 2)
    assert "1 document, 2 annotations, taken " in str(error)
    assert error.moved_to.exists(), "the damaged file is kept"
    restore_backup(error.backup, path)
    with Store.open(path) as store, store.transaction(write=False) as repo:
        assert sorted(a.note for a in repo.annotations(doc_id)) == ["n1", "n2"]


def test_an_open_store_backs_up_new_work_periodically(tmp_path: Path) -> None:
    path = tmp_path / "annotator.db"
    store = Store.open(path, backup_period=0.05)
    try:
        doc_id = Library(store).add(import_bytes(TEXT.encode(), "a.txt"))
        _highlight(store, doc_id, 1)
        deadline = time.monotonic() + 20
        while describe_backup(list_backups(path)[0]).annotations != 1:
            assert time.monotonic() < deadline, "no backup of the new work while open"
            time.sleep(0.05)
    finally:
        store.close()


def test_closing_without_changes_takes_no_backup(tmp_path: Path) -> None:
    path = tmp_path / "annotator.db"
    Store.open(path).close()
    before = list_backups(path)
    with Store.open(path) as store, store.transaction(write=False) as repo:
        repo.document_summaries()
    assert list_backups(path) == before


def test_a_clock_that_ran_ahead_cannot_rotate_new_backups_away(tmp_path: Path) -> None:
    path = tmp_path / "annotator.db"
    with Store.open(path) as store:
        ahead = store.backup(keep=2)
        future = time.time() + 400 * 86_400
        os.utime(ahead, (future, future))
        legacy = ahead.with_name("annotator-29991231T000000000000Z-routine.db")
        legacy.write_bytes(ahead.read_bytes())
        os.utime(legacy, (future, future))
        doc_id = Library(store).add(import_bytes(TEXT.encode(), "a.txt"))
        made = [store.backup(keep=2) for _ in range(3)]  # nothing left to back up on close

    routine = list_backups(path)
    assert routine[:2] == [made[-1], made[-2]]
    assert not ahead.exists() and not legacy.exists()
    newest = newest_good_backup(path)
    assert newest == made[-1]
    assert describe_backup(newest).documents == 1 and doc_id


def test_rotation_keeps_one_backup_per_recent_day(tmp_path: Path) -> None:
    path = tmp_path / "annotator.db"
    with Store.open(path) as store:
        made = []
        for hours_ago in (72, 49, 48, 0, 0):
            backup = store.backup(keep=2)
            when = backup.stat().st_mtime - hours_ago * 3600
            os.utime(backup, (when, when))
            made.append(backup)
    kept = list_backups(path)
    assert kept == [made[4], made[3], made[2], made[0]], "two newest, one per older day"


def test_no_empty_library_over_a_damaged_one_without_asking(tmp_path: Path) -> None:
    path = tmp_path / "annotator.db"
    with Store.open(path) as store:
        doc_id = Library(store).add(import_bytes(TEXT.encode(), "a.txt"))
        _highlight(store, doc_id, 1)
    _damage(path)
    with pytest.raises(CorruptDatabaseError):
        Store.open(path)

    for _ in range(2):  # every later start repeats the offer instead of starting empty
        with pytest.raises(CorruptDatabaseError, match="has not been restored yet") as again:
            Store.open(path)
        assert again.value.backup_info is not None
        assert again.value.backup_info.annotations == 1
    assert not path.exists()

    set_aside_damage(path)  # the reader chose to start empty
    with Store.open(path) as store, store.transaction(write=False) as repo:
        assert repo.document_summaries() == []
    assert list(tmp_path.glob("annotator.db.damaged-*")), "the damaged file is kept"


def test_restoring_resolves_the_damage(tmp_path: Path) -> None:
    path = tmp_path / "annotator.db"
    with Store.open(path) as store:
        Library(store).add(import_bytes(TEXT.encode(), "a.txt"))
    _damage(path)
    with pytest.raises(CorruptDatabaseError) as caught:
        Store.open(path)
    assert caught.value.backup is not None
    restore_backup(caught.value.backup, path)
    path.unlink()  # even if the restored file went missing later, the damage was handled
    with Store.open(path) as store, store.transaction(write=False) as repo:
        assert repo.document_summaries() == []
