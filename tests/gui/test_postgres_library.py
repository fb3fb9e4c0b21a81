"""The window opened by the composition root (`app.py`) on a library in PostgreSQL.

The real PostgreSQL cluster of the tests (`pg_cluster`): a highlight made in one window
is in the database and in the next window; a library that cannot be reached is a
dialog, and the document stays readable.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox, QTableWidget
from pytestqt.qtbot import QtBot

from annotator.app import create_main_window
from annotator.gui.main_window import MainWindow
from annotator.services.library_database import ENV
from annotator.store.postgres import PostgresStore
from tests.gui.test_annotations import ready, select
from tests.postgres_cluster import OWNER, Cluster, free_port

pytestmark = pytest.mark.xdist_group("postgres")


def _opened(qtbot: QtBot, database: str | None = None) -> MainWindow:
    window = create_main_window(None, database)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _closed(window: MainWindow) -> None:
    session = window.annotation_layer.session
    window.close()
    if session is not None:
        session.close()


def test_a_highlight_in_a_postgresql_library_is_there_in_the_next_window(
    qtbot: QtBot, pg_cluster: Cluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = pg_cluster.url(pg_cluster.new_database(), OWNER)
    monkeypatch.setenv(ENV, url)
    first = ready(_opened(qtbot), qtbot)
    start, end = select(first, "Stakes have never been higher")
    made = first.annotation_layer.highlight("green")
    assert made is not None
    doc_id = first.annotation_layer.document_id
    assert doc_id is not None
    _closed(first)
    with PostgresStore.open(url) as store, store.transaction(write=False) as repo:
        assert [(a.id, a.start, a.end) for a in repo.annotations(doc_id)] == [
            (made.id, start, end)]
    second = ready(_opened(qtbot), qtbot)
    [kept] = second.annotation_layer.ordered()
    assert (kept.id, kept.start, kept.end, kept.color) == (made.id, start, end, "green")
    second.show_locations()  # Help > Where Data Lives: the URL, and no backups folder
    table = second.help_dialog.findChild(QTableWidget)
    assert isinstance(table, QTableWidget)
    places = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert places["Library database"] == url and "Backups of the library" not in places
    _closed(second)


def test_an_unreachable_library_is_a_dialog_and_the_document_stays_readable(
    qtbot: QtBot,
) -> None:
    window = _opened(qtbot, f"postgresql://nobody@127.0.0.1:{free_port()}/library")
    layer = window.annotation_layer
    qtbot.waitUntil(lambda: layer.store_failed, timeout=15000)
    box = window.findChild(QMessageBox, "error-dialog")
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "Cannot reach the database server" in box.text()
    assert window.reading is not None and layer.session is None
    _closed(window)
