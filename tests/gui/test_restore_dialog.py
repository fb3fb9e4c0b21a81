"""Issue 13 item 3 in the window: a damaged library offers the newest good backup, says
what it holds, restores it, and keeps the damaged file."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from annotator.gui.main_window import MainWindow
from annotator.importers import import_bytes
from annotator.services.annotating import Annotating
from annotator.services.identity import Identity
from annotator.services.library import Library
from annotator.store import Store, default_path

TEXT = b"Carbon pricing and climate adaptation shape the energy budget. " * 40


def _damaged_library() -> str:
    """A library with one document and two annotations, then damaged; the document id."""
    path = default_path()
    with Store.open(path) as store:
        library = Library(store)
        doc_id = library.add(import_bytes(TEXT, "work.txt"))
        doc = library.document(doc_id)
        annotating = Annotating(store, Identity(store).reader())
        annotating.highlight(doc, 0, 6, note="one")
        annotating.highlight(doc, 10, 16, note="two")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    path.write_bytes(path.read_bytes()[:4096])
    return doc_id


def _dialog(qtbot: QtBot, window: MainWindow) -> QMessageBox:
    layer = window.annotation_layer
    qtbot.waitUntil(lambda: isinstance(layer.last_question, QMessageBox))
    box = layer.last_question
    assert isinstance(box, QMessageBox) and box.objectName() == "corrupt-dialog"
    return box


def test_restore_offers_the_latest_work(
    qtbot: QtBot, make_window: Callable[[], MainWindow]
) -> None:
    doc_id = _damaged_library()
    path = default_path()
    window = make_window()
    layer = window.annotation_layer
    box = _dialog(qtbot, window)
    assert "1 document, 2 annotations, taken " in box.text()
    restore = next(b for b in box.buttons() if b.text() == "Restore Backup")
    restore.click()

    qtbot.waitUntil(lambda: layer.session is not None)
    assert layer.session is not None
    with layer.session.store.transaction(write=False) as repo:
        assert sorted(a.note for a in repo.annotations(doc_id)) == ["one", "two"]
    assert list(path.parent.glob("annotator.db.damaged-*")), "the damaged file is kept"


def test_start_empty_is_the_readers_choice_and_keeps_the_damaged_file(
    qtbot: QtBot, make_window: Callable[[], MainWindow]
) -> None:
    doc_id = _damaged_library()
    window = make_window()
    layer = window.annotation_layer
    box = _dialog(qtbot, window)
    next(b for b in box.buttons() if b.text() == "Start Empty").click()

    qtbot.waitUntil(lambda: layer.session is not None)
    assert layer.session is not None
    assert doc_id not in {d.id for d in layer.session.library.documents()}, "a new library"
    assert list(default_path().parent.glob("annotator.db.damaged-*"))
