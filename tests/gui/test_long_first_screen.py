"""A returning reader whose last document is long sees its beginning painted first; the
rest is read before the panels and the library see the document, and the reader is put
back where they stopped (`MainWindow.open_initial`, `services.reading.open_first_screen`)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from annotator.gui.main_window import MainWindow
from annotator.gui.settings import Settings
from annotator.importers import import_path, slow_to_import


def test_a_long_last_document_paints_its_beginning_then_the_whole(
    qtbot: QtBot, tmp_path: Path, sample_path: Path
) -> None:
    path = tmp_path / "long.txt"
    path.write_text(sample_path.read_text(encoding="utf-8").replace("\n", "\n\n") * 400,
                    encoding="utf-8")
    assert slow_to_import(path)
    whole = import_path(path)
    position = len(whole.text) // 2
    settings = Settings()
    settings.last_document = path
    settings.last_position = position
    settings.sync()

    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.open_initial(None)
    first = window.reading
    assert first is not None and not window.completed
    assert len(first.document.text) < 100_000 < len(whole.text)
    assert whole.text.startswith(first.document.text)
    assert first.spans, "the beginning is painted with its policy areas"

    window.show()
    qtbot.waitUntil(lambda: window.completed, timeout=60_000)
    assert window.reading is not None and window.reading.document.text == whole.text
    qtbot.waitUntil(lambda: window.reader.top_offset() > len(first.document.text),
                    timeout=10_000)
    assert abs(window.reader.top_offset() - position) < 5_000
    # The library holds the whole document only, never its beginning as another one.
    qtbot.waitUntil(lambda: len(window.library_panel.ids()) == 1, timeout=20_000)
    qtbot.wait(200)
    assert len(window.library_panel.ids()) == 1
