"""The reader's own annotations in the window, on a real SQLite file under ANNOTATOR_HOME."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from annotator.core.annotation import COLOR_BY_KEY, Origin
from annotator.core.layers import LayerKind
from annotator.gui.main_window import MainWindow
from annotator.services.library import Library
from annotator.services.reading import Reading
from annotator.store import Store


def ready(window: MainWindow, qtbot: QtBot) -> MainWindow:
    """Wait until the store is open (after the first paint) and the document attached."""
    qtbot.waitUntil(lambda: window.annotation_layer.document_id is not None, timeout=10000)
    return window


def ready_reading(window: MainWindow, qtbot: QtBot) -> Reading:
    """`ready`, then the document on screen."""
    ready(window, qtbot)
    assert window.reading is not None
    return window.reading


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
    assert any(m.layer is LayerKind.READER and m.ref == kept.id for m in marks)
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


def test_undo_redo_highlight_edit_delete_and_bulk(window: MainWindow, qtbot: QtBot) -> None:
    ready(window, qtbot)
    layer, a = window.annotation_layer, window.commands
    doc_id = layer.document_id
    assert doc_id is not None
    select(window, "Stakes have never been higher")
    first = layer.highlight("yellow")
    select(window, "By Wang Huiyao")
    second = layer.highlight("blue")
    assert first is not None and second is not None
    layer.recolor([first.id], "pink")
    assert layer.annotations[first.id].color == "pink"
    a.undo.trigger()
    assert layer.annotations[first.id].color == "yellow"
    assert {x.color for x in stored_annotations(doc_id)} == {"yellow", "blue"}
    a.redo.trigger()
    assert layer.annotations[first.id].color == "pink"
    # A bulk delete from the panel: one undo step brings both back.
    window.annotations_panel.list.selectAll()
    window.annotations_panel.delete_selected()
    assert layer.annotations == {} and stored_annotations(doc_id) == []
    assert window.annotations_panel.shown_ids() == []
    a.undo.trigger()
    assert set(layer.annotations) == {first.id, second.id}
    assert len(stored_annotations(doc_id)) == 2
    a.undo.trigger()  # the recolour
    a.undo.trigger()  # the second highlight
    assert set(layer.annotations) == {first.id}
    a.redo.trigger()
    assert set(layer.annotations) == {first.id, second.id}
    assert "Undo" in a.undo.text()


def test_accepting_all_suggestions_of_an_area_is_one_step(
    window: MainWindow, qtbot: QtBot
) -> None:
    ready(window, qtbot)
    layer = window.annotation_layer
    reading = window.reading
    assert reading is not None
    climate = reading.spans_of("climate")
    layer.accept_area("climate")
    accepted = layer.ordered()
    assert len(accepted) == len(climate)
    assert all(x.origin is Origin.MACHINE and x.area == "climate" for x in accepted)
    assert not any(s[0] == "climate" for s in layer.visible_suggestions())
    window.commands.undo.trigger()
    assert layer.ordered() == []
    assert len([s for s in layer.visible_suggestions() if s[0] == "climate"]) == len(climate)


def test_accept_and_reject_from_the_context_menu_persist(
    make_window: Callable[[], MainWindow], qtbot: QtBot
) -> None:
    window = ready(make_window(), qtbot)
    reading = window.reading
    assert reading is not None
    climate = reading.spans_of("climate")[-1]
    peace = next(s for s in reading.spans_of("peace-security")
                 if s.end <= climate.start or s.start >= climate.end)
    layer = window.annotation_layer
    menu = layer.context_menu(window.reader.viewport().rect().center(),
                              window.reader.viewport().rect().center(), climate.start)
    accept = next(x for x in menu.actions() if x.text().startswith("&Accept") and
                  "Climate" in x.text())
    accept.trigger()
    menu = layer.context_menu(window.reader.viewport().rect().center(),
                              window.reader.viewport().rect().center(), peace.start + 1)
    reject = next(x for x in menu.actions() if x.text().startswith("&Reject") and
                  "Peace && security" in x.text())
    reject.trigger()
    assert ("peace-security", peace.start, peace.end) not in layer.visible_suggestions()
    marks = window.reader.highlights.marks_at(peace.start + 1)  # type: ignore[union-attr]
    assert not any(m.key == "peace-security" and (m.start, m.end) == (peace.start, peace.end)
                   for m in marks)
    window.close()
    again = ready(make_window(), qtbot)
    [accepted] = again.annotation_layer.ordered()
    assert (accepted.start, accepted.end, accepted.origin) == (
        climate.start, climate.end, Origin.MACHINE)
    shown = again.annotation_layer.visible_suggestions()
    assert ("peace-security", peace.start, peace.end) not in shown
    assert ("climate", climate.start, climate.end) not in shown


def test_annotations_panel_filters_and_jumps(window: MainWindow, qtbot: QtBot) -> None:
    ready(window, qtbot)
    layer, panel = window.annotation_layer, window.annotations_panel
    select(window, "Stakes have never been higher")
    one = layer.highlight("yellow")
    select(window, "By Wang Huiyao")
    two = layer.highlight("green")
    assert one is not None and two is not None
    assert layer.save_note(two.id, "Who is **he**?", ("people",))
    assert panel.shown_ids() == [one.id, two.id]  # document order
    panel.color_filter.setCurrentIndex(panel.color_filter.findData("green"))
    assert panel.shown_ids() == [two.id]
    panel.color_filter.setCurrentIndex(0)
    panel.tag_filter.setCurrentIndex(panel.tag_filter.findData("people"))
    assert panel.shown_ids() == [two.id]
    panel.tag_filter.setCurrentIndex(0)
    panel.search.setText("stakes")
    assert panel.shown_ids() == [one.id]
    panel.search.clear()
    item = panel.item_for(two.id)
    assert item is not None
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.list.visualItemRect(item).center())
    assert window.reader.page.textCursor().selectedText() == "By Wang Huiyao"
    assert "<strong>he</strong>" in str(item.data(Qt.ItemDataRole.UserRole + 1))


def test_tooltip_names_author_and_note(window: MainWindow, qtbot: QtBot) -> None:
    ready(window, qtbot)
    layer = window.annotation_layer
    start, _ = select(window, "Stakes have never been higher")
    made = layer.highlight("yellow")
    assert made is not None and layer.save_note(made.id, "Key claim", ())
    marks = window.reader.highlights.marks_at(start)  # type: ignore[union-attr]
    [mine] = [m for m in marks if m.layer is LayerKind.READER]
    assert mine.detail == "Key claim" and made.author_name in mine.label


def test_each_document_has_its_own_undo_stack(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    ready(window, qtbot)
    layer = window.annotation_layer
    select(window, "Stakes have never been higher")
    assert layer.highlight("yellow") is not None
    sample_id = layer.document_id
    path = tmp_path / "other.txt"
    path.write_text("Other\n\nA paragraph about peace talks.\n", encoding="utf-8")
    assert window.open_file(path)
    assert not window.commands.undo.isEnabled()
    select(window, "peace talks")
    assert layer.highlight("green") is not None
    window.commands.undo.trigger()
    assert layer.ordered() == []
    assert sample_id is not None and len(stored_annotations(sample_id)) == 1
    assert window.open_document(sample_id)
    assert window.commands.undo.isEnabled()
    window.commands.undo.trigger()
    assert layer.ordered() == [] and stored_annotations(sample_id) == []


def test_a_failed_write_is_explained_and_the_note_kept_for_retry(
    window: MainWindow, qtbot: QtBot
) -> None:
    """T06/T07 in the window: the write fails, a dialog says why, nothing typed is lost."""
    from sqlalchemy import event

    ready(window, qtbot)
    layer = window.annotation_layer
    select(window, "Stakes have never been higher")
    layer.edit_note()
    editor = window.note_editor
    qtbot.keyClicks(editor.note, "kept while the disk is full")
    assert layer.session is not None
    engine = layer.session.store._writer

    def full(*_args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    event.listen(engine, "before_cursor_execute", full)
    try:
        assert editor.flush() is False
    finally:
        event.remove(engine, "before_cursor_execute", full)
    box = window.last_error
    assert box is not None and "disk is full" in box.text()
    box.close()
    assert editor.pending and "kept while the disk is full" in editor.note.toPlainText()
    assert editor.flush() is True
    doc_id = layer.document_id
    assert doc_id is not None
    [stored] = stored_annotations(doc_id)
    assert stored.note == "kept while the disk is full"


def test_custom_colour_area_and_identity(window: MainWindow, qtbot: QtBot) -> None:
    ready(window, qtbot)
    layer = window.annotation_layer
    select(window, "Stakes have never been higher")
    window.commands.custom_color.trigger()
    dialog = layer.color_dialog
    assert dialog is not None
    dialog.setCurrentColor(QColor("#336699"))
    dialog.accept()
    [custom] = layer.ordered()
    assert custom.color == "#336699"
    select(window, "By Wang Huiyao")
    menu = layer.context_menu(window.reader.viewport().rect().center(),
                              window.reader.viewport().rect().center(), -1)
    area_menu = next(x.menu() for x in menu.actions() if x.text() == "Assign Policy &Area")
    next(x for x in area_menu.actions() if x.text() == "Climate").trigger()
    assert any(a.area == "climate" for a in layer.ordered())
    window.commands.identity.trigger()
    identity = window.identity_dialog
    assert identity is not None
    identity.name.setText("Ada Reader")  # type: ignore[attr-defined]
    identity.accept()  # type: ignore[attr-defined]
    assert {a.author_name for a in layer.ordered()} == {"Ada Reader"}
    doc_id = layer.document_id
    assert doc_id is not None
    assert {a.author_name for a in stored_annotations(doc_id)} == {"Ada Reader"}
