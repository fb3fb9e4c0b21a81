"""The Library dock and the Search tab over a real library under ANNOTATOR_HOME."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from annotator.gui.main_window import MainWindow
from annotator.services.library import Library
from annotator.store import Store

from .test_annotations import ready, select


def article(tmp_path: Path, name: str, title: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return path


def test_library_lists_opens_and_deletes_with_confirmation(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    ready(window, qtbot)
    sample_id = window.annotation_layer.document_id
    path = article(tmp_path, "talks.txt", "Talks resume",
                   "Peace talks resumed while the climate summit met.")
    assert window.open_file(path)
    talks_id = window.annotation_layer.document_id
    assert talks_id not in (None, sample_id)
    panel = window.library_panel
    assert panel.ids() == [talks_id, sample_id]
    item = panel.item_for(str(sample_id))
    assert item is not None and "Stakes have never been higher" in item.text(0)
    panel.tree.setCurrentItem(item)
    panel.tree.itemActivated.emit(item, 0)
    assert window.annotation_layer.document_id == sample_id
    box = panel.ask_delete(talks_id)
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert "Talks resume" in box.text()
    cancel = box.button(QMessageBox.StandardButton.Cancel)
    assert cancel is not None
    cancel.click()
    assert talks_id in panel.ids()
    box = panel.ask_delete(talks_id)
    assert box is not None
    delete = next(b for b in box.buttons() if b.text() == "Delete")
    delete.click()
    qtbot.waitUntil(lambda: talks_id not in panel.ids())
    with Store.open() as store:
        assert [d.id for d in Library(store).documents()] == [sample_id]


def test_search_finds_a_note_and_jumps_to_it(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    ready(window, qtbot)
    sample_id = window.annotation_layer.document_id
    select(window, "By Wang Huiyao")
    made = window.annotation_layer.highlight("blue")
    assert made is not None
    assert window.annotation_layer.save_note(made.id, "Founder of the zygomorphic think tank", ())
    assert window.open_file(article(tmp_path, "other.txt", "Other", "Nothing relevant here."))
    assert window.annotation_layer.document_id != sample_id
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_F, ctrl_shift)  # Ctrl+F is find in page
    panel = window.search_panel
    assert panel.box.hasFocus()
    qtbot.keyClicks(panel.box, "zygomorph")
    qtbot.keyClick(panel.box, Qt.Key.Key_Return)
    assert panel.results.count() >= 1
    item = panel.results.item(0)
    qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.results.visualItemRect(item).center())
    assert window.annotation_layer.document_id == sample_id
    assert window.reader.page.textCursor().selectedText() == "By Wang Huiyao"


def test_reading_position_is_restored_per_document(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    ready(window, qtbot)
    body = "\n\n".join(f"Paragraph {i} on peace talks and the climate." for i in range(400))
    long_path = article(tmp_path, "long.txt", "A long one", body)
    assert window.open_file(long_path)
    long_id = window.annotation_layer.document_id
    assert long_id is not None
    target = window.reading.document.text.index("Paragraph 200")  # type: ignore[union-attr]
    window.reader.scroll_to_offset(target)
    kept = window.reader.top_offset()
    assert kept > 0
    window.show_sample()
    assert window.reader.page.verticalScrollBar().value() == 0
    assert window.open_document(long_id)
    assert abs(window.reader.top_offset() - kept) < 80


def test_opening_a_revised_file_offers_to_move_the_annotations(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    ready(window, qtbot)
    old = article(tmp_path, "v1.txt", "Talks resume",
                  "Peace talks resumed on Monday. The climate summit met on Tuesday.")
    assert window.open_file(old)
    layer = window.annotation_layer
    doc_id = layer.document_id
    select(window, "climate summit")
    select_gone = layer.highlight("yellow")
    select(window, "Peace talks resumed")
    assert layer.highlight("pink") is not None and select_gone is not None
    new = article(tmp_path, "v2.txt", "Talks resume",
                  "After a long pause, peace talks resumed on Monday. Peace talks resumed.")
    assert window.open_file(new)
    box = layer.last_question
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    move = next(b for b in box.buttons() if b.text() == "Move Annotations Here")
    move.click()
    qtbot.waitUntil(lambda: layer.document_id == doc_id)
    assert "unplaced" in window.statusBar().currentMessage()
    placements = sorted(a.placement.value for a in layer.ordered())
    assert placements == ["placed", "unplaced"]
    assert window.annotations_panel.shown_ids()[-1] == select_gone.id
    with Store.open() as store:
        assert [d.id for d in Library(store).documents()].count(doc_id) == 1
