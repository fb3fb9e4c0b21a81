"""Big files import off the GUI thread with progress and Cancel; drops share the path."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from annotator.gui import import_progress
from annotator.gui.main_window import MainWindow

WORDS = b"The delegates discussed climate finance and peace talks at length. "


def test_a_big_file_is_imported_in_the_background(
        make_window: Callable[[], MainWindow], qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(import_progress, "BACKGROUND_BYTES", 1_000)
    window = make_window()
    big = tmp_path / "big.txt"
    big.write_bytes(b"Big Report\n\n" + WORDS * 200)
    seen: list[int] = []
    window.background_import.bar.valueChanged.connect(seen.append)
    assert window.open_file(big)
    assert not window.background_import.isHidden()  # the bar shows until it is done
    qtbot.waitUntil(lambda: window.reading is not None and window.reading.path == big,
                    timeout=10_000)
    assert window.reading is not None and window.reading.document.metadata.title == "Big Report"
    assert window.background_import.isHidden()
    assert 45 in seen  # the text importer's half-way report (decoded, now parsing)
    assert big in window.settings.recent_files


@pytest.fixture
def window(make_window: Callable[[], MainWindow], monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """A window that imports every file in the background."""
    monkeypatch.setattr(import_progress, "BACKGROUND_BYTES", 0)
    return make_window()


def test_cancel_keeps_the_current_document(window: MainWindow, qtbot: QtBot,
                                           tmp_path: Path) -> None:
    before = window.reading
    big = tmp_path / "huge.txt"
    big.write_bytes(b"Huge\n\n" + (WORDS * 40 + b"\n\n") * 3_000)  # ~8 MB
    window.open_file(big)
    assert not window.background_import.isHidden()
    window.background_import.cancel_button.click()
    qtbot.waitUntil(lambda: not window.background_import.running, timeout=20_000)
    qtbot.waitUntil(window.background_import.isHidden, timeout=5_000)
    assert window.reading is before
    assert "cancelled" in window.background_import.message


def test_a_bad_big_file_says_why_and_keeps_the_document(window: MainWindow, qtbot: QtBot,
                                                         tmp_path: Path) -> None:
    before = window.reading
    fake = tmp_path / "photo.html"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 5000)
    window.open_file(fake)
    qtbot.waitUntil(lambda: window.last_error is not None, timeout=10_000)
    assert window.last_error is not None and "PNG image" in window.last_error.text()
    assert window.reading is before


def test_dropping_a_web_page_opens_it(window: MainWindow, qtbot: QtBot,
                                      tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(b"<!DOCTYPE html><html><body><article><h1>Dropped Page</h1><p>"
                     + WORDS * 20 + b"</p></article></body></html>")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(page))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.reading is not None
                    and window.reading.document.metadata.title == "Dropped Page",
                    timeout=10_000)


@pytest.mark.timeout(20)
def test_a_fifo_is_refused_at_once_in_the_window(window: MainWindow, qtbot: QtBot,
                                                 tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    assert not window.open_file(fifo)
    qtbot.waitUntil(lambda: window.last_error is not None, timeout=5_000)
    assert window.last_error is not None and "pipe (FIFO)" in window.last_error.text()
