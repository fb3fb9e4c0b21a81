"""Issue 13 item 5: the WAL or SHM removed while the app writes.

The acknowledged writes are saved, the reader is told the real cause (not "disk full"),
and the library is never moved aside as corrupt for it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.errors import StoreError
from annotator.importers import import_bytes
from annotator.services.annotating import Annotating
from annotator.services.identity import Identity
from annotator.services.library import Library
from annotator.store import Store
from annotator.store import sqlite as store_sqlite

TEXT = b"Carbon pricing and climate adaptation shape the energy budget. " * 40


@pytest.mark.parametrize("removed", [("-wal",), ("-shm",), ("-wal", "-shm")])
def test_removed_journal_is_named_and_acknowledged_writes_survive(
    tmp_path: Path, removed: tuple[str, ...]
) -> None:
    path = tmp_path / "annotator.db"
    store = Store.open(path)
    library = Library(store)
    doc_id = library.add(import_bytes(TEXT, "a.txt"))
    doc = library.document(doc_id)
    annotating = Annotating(store, Identity(store).reader())
    for i in range(5):
        annotating.highlight(doc, i * 10, i * 10 + 5, note=f"n{i}")

    for suffix in removed:
        Path(f"{path}{suffix}").unlink()

    with pytest.raises(StoreError) as caught:
        annotating.highlight(doc, 60, 65, note="after")
    message = str(caught.value)
    assert "removed" in message and "-wal" in message and "disk" not in message
    assert "written back" in message

    annotating.highlight(doc, 70, 75, note="retried")  # the retry works
    store.close()

    with Store.open(path) as reopened, reopened.transaction(write=False) as repo:
        notes = sorted(a.note for a in repo.annotations(doc_id))
    assert notes == ["n0", "n1", "n2", "n3", "n4", "retried"]
    assert not list(tmp_path.glob("*.corrupt-*"))


def test_wal_autocheckpoint_is_tight(tmp_path: Path) -> None:
    engine = store_sqlite.make_engine(tmp_path / "annotator.db")
    try:
        with engine.connect() as conn:
            pages = conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar()
    finally:
        engine.dispose()
    assert pages == store_sqlite.WAL_AUTOCHECKPOINT_PAGES <= 100
