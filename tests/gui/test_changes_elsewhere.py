"""The window sees highlights the CLI adds while it is open (issue 7, item 9).

They used to appear only after switching documents.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from annotator.gui.main_window import MainWindow


def test_a_cli_highlight_appears_in_the_open_window(
    window: MainWindow, qtbot: QtBot, annotator_home: Path
) -> None:
    window.complete()
    layer = window.annotation_layer
    qtbot.waitUntil(lambda: layer.document_id is not None, timeout=10_000)
    assert not layer.annotations
    doc = layer.document_id
    assert doc is not None
    run = subprocess.run(
        [sys.executable, "-m", "annotator", "highlight", doc, "--quote", "Stakes have never",
         "--note", "added from the terminal"],
        env={**os.environ, "ANNOTATOR_HOME": str(annotator_home)},
        text=True, capture_output=True, timeout=60)
    assert run.returncode == 0, run.stderr
    qtbot.waitUntil(lambda: len(layer.annotations) == 1, timeout=10_000)
    [annotation] = layer.annotations.values()
    assert annotation.note == "added from the terminal"
    qtbot.waitUntil(lambda: window.annotations_panel.list.count() == 1, timeout=5_000)
