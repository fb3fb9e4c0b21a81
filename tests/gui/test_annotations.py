"""The reader's own annotations in the window, on a real SQLite file under ANNOTATOR_HOME."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from annotator.core.annotation import COLOR_BY_KEY, Origin
from annotator.gui.highlighting import Layer
from annotator.gui.main_window import MainWindow
from annotator.services.library import Library
from annotator.store import Store


def ready(window: MainWindow, qtbot: QtBot) -> MainWindow:
    """Wait until the store is open (after the first paint) and the document attached."""
    qtbot.waitUntil(lambda: window.annotation_layer.document_id is not None, timeout=10000)
    return window


def select(window: MainWindow, phrase: str) -> tuple[int, int]:
    assert window.reading is not None
    start = window.reading.document.text.index(phrase)
    window.reader.select_range(start, start + len(phrase))
    return start, start + len(phrase)


def stored_annotations(doc_id: str) -> list:  # type: ignore[type-arg]
    with Store.open() as store:
        return Library(store).annotations(doc_id)


def test_store_opens_after_first_paint_and_keeps_the_document(
    window: MainWindow, qtbot: QtBot
) -> None:
    ready(window, qtbot)
    doc_id = window.annotation_layer.document_id
    assert doc_id is not None
    qtbot.waitUntil(lambda: window.library_panel.ids() == [doc_id])


def test_highlight_persists_into_a_new_window(
    make_window: Callable[[], MainWindow], qtbot: QtBot
) -> None:
    first = ready(make_window(), qtbot)
    start, end = select(first, "Stakes have never been higher")
    annotation = first.annotation_layer.highlight("green")
    assert annotation is not None and annotation.color == "green"
    fmt = first.reader.char_format_at(start + 2)
    assert fmt.background().color().rgb() == QColor(COLOR_BY_KEY["green"].hex).rgb()
    first.close()
    second = ready(make_window(), qtbot)
    [kept] = second.annotation_layer.ordered()
    assert (kept.start, kept.end, kept.color) == (start, end, "green")
    marks = second.reader.highlights.marks_at(start + 2)  # type: ignore[union-attr]
    assert any(m.layer is Layer.READER and m.ref == kept.id for m in marks)
    assert second.annotations_panel.shown_ids() == [kept.id]


def test_keys_one_to_six_pick_the_named_colours(window: MainWindow, qtbot: QtBot) -> None:
    ready(window, qtbot)
    assert window.reading is not None
    text = window.reading.document.text
    words = [w for w in dict.fromkeys(text.split()) if w.isalpha() and len(w) > 6][:6]
    window.reader.setFocus()
    for number, word in enumerate(words, start=1):
        select(window, word)
        qtbot.keyClick(window.reader.page, getattr(Qt.Key, f"Key_{number}"))
    colors = [a.color for a in sorted(window.annotation_layer.ordered(),
                                      key=lambda a: words.index(a.exact))]
    assert colors == list(COLOR_BY_KEY)
    doc_id = window.annotation_layer.document_id
    assert doc_id is not None
    assert sorted(a.color for a in stored_annotations(doc_id)) == sorted(COLOR_BY_KEY)


def test_note_typed_then_window_closed_is_stored(
    make_window: Callable[[], MainWindow], qtbot: QtBot
) -> None:
    window = ready(make_window(), qtbot)
    select(window, "Stakes have never been higher")
    window.commands.add_note.trigger()
    editor = window.note_editor
    assert editor.isVisible() and editor.note.hasFocus()
    qtbot.keyClicks(editor.note, "Why *now*?")
    doc_id = window.annotation_layer.document_id
    assert doc_id is not None
    window.close()
    [stored] = stored_annotations(doc_id)
    assert stored.note == "Why *now*?"
