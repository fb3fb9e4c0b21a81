"""Opening a document draws its marks once: the window draws what the document session
says, and drawing the same marks again is a sweep and a re-merge for nothing (issue 8:
"suggestions are drawn twice on open")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint
from pytestqt.qtbot import QtBot

from annotator.core.layers import LayerKind
from annotator.gui.main_window import MainWindow


def attached(window: MainWindow, qtbot: QtBot) -> str:
    qtbot.waitUntil(lambda: window.annotation_layer.document_id is not None, timeout=10_000)
    doc_id = window.annotation_layer.document_id
    assert doc_id is not None
    return doc_id


def draws(window: MainWindow) -> int:
    assert window.reader.highlights is not None
    return window.reader.highlights.draws


def test_the_sample_is_drawn_once_when_the_library_opens(
    window: MainWindow, qtbot: QtBot
) -> None:
    attached(window, qtbot)
    assert draws(window) == 1
    assert window.reader.highlights is not None
    suggestions = [m for m in window.reader.highlights.marks_in(0, 10**9)
                   if m.layer is LayerKind.SUGGESTION]
    assert len(suggestions) == sum(window.document.suggestion_counts().values()) > 20


def test_hiding_an_area_draws_nothing_again(window: MainWindow, qtbot: QtBot) -> None:
    attached(window, qtbot)
    window.set_area_visible("climate", False)
    window.set_area_visible("climate", True)
    assert draws(window) == 1


def test_a_highlight_is_one_more_draw(window: MainWindow, qtbot: QtBot) -> None:
    attached(window, qtbot)
    assert window.reading is not None
    start = window.reading.document.text.index("superpowers")
    window.reader.select_range(start, start + len("superpowers"))
    made = window.annotation_layer.highlight("yellow")
    assert made is not None
    assert draws(window) == 2
    menu = window.annotation_layer.context_menu(QPoint(0, 0), QPoint(-1, -1), start + 1)
    assert menu.actions()  # the context menu reads marks, it does not draw them
    assert draws(window) == 2


def test_an_annotated_document_is_drawn_once_when_it_opens_again(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    sample_id = attached(window, qtbot)
    assert window.reading is not None
    start = window.reading.document.text.index("superpowers")
    made = window.annotation_layer.highlight("green", span=(start, start + 11))
    assert made is not None
    other = tmp_path / "other.md"
    other.write_text("# Other\n\nA short text about nothing in particular.\n", encoding="utf-8")
    assert window.open_file(other)
    assert window.open_document(sample_id)
    assert draws(window) == 1  # the suggestions and the reader's highlight, together
    assert window.reader.highlights is not None
    assert made.id in {m.ref for m in window.reader.highlights.marks_at(start + 1)}
