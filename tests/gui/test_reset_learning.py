"""Issue 9 item 2 in the window: rejections teach, Areas ▸ Reset Learning forgets, asked
first, and Undo Reset Learning puts it back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from annotator.gui.main_window import MainWindow
from tests.gui.test_annotations import ready

AREA = "multilateral-reform"
TEXT = "Remarks\n\n" + "\n\n".join(
    f"Paragraph {i}. The Security Council must become more representative." for i in range(4)
)


def shown(window: MainWindow) -> int:
    assert window.reading is not None
    return len(window.reading.spans_of(AREA))


def test_rejections_teach_reset_forgets_and_undo_restores(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    ready(window, qtbot)
    path = tmp_path / "remarks.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert window.open_file(path)
    layer = window.annotation_layer
    qtbot.waitUntil(lambda: layer.stored is not None and layer.stored.source_path is not None
                    and "Security Council" in layer.stored.document.text)
    assert window.reading is not None and shown(window) == 4
    commands = window.learning_commands

    commands.reset.trigger()  # nothing learned yet: says so, asks nothing
    assert commands.question is None
    assert "Nothing learned yet" in window.statusBar().currentMessage()

    spans = [(s.area, s.start, s.end) for s in window.reading.spans_of(AREA)]
    layer.reject(spans[:2])
    assert shown(window) == 4, "two rejections teach nothing yet"
    layer.reject(spans[2:3])
    assert shown(window) == 0, "three rejections of the same words teach, at once"
    assert "weakened: you rejected “security council” 3 times" in \
        window.statusBar().currentMessage()

    commands.reset.trigger()
    box = commands.question
    assert box is not None and "security council" in box.detailedText()
    cancel = box.button(QMessageBox.StandardButton.Cancel)
    cancel.click()
    assert shown(window) == 0, "cancel changes nothing"

    commands.reset.trigger()
    box = commands.question
    assert box is not None
    reset = next(b for b in box.buttons() if b.text() == "Reset Learning")
    reset.click()
    qtbot.waitUntil(lambda: shown(window) == 4)  # detected again (the rejected stay hidden)
    assert "Learning reset" in window.statusBar().currentMessage()
    assert len([s for s in layer.visible_suggestions() if s[0] == AREA]) == 1

    assert commands.undo.isEnabled()
    commands.undo.trigger()
    assert shown(window) == 0
    assert not commands.undo.isEnabled()
