"""The window's panels do not load the store before it is opened (performance.md trap
2: SQLAlchemy costs 2.5x QtWidgets to import, and ~50 MB of memory)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CHILD = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from annotator.gui.main_window import MainWindow
from annotator.gui.settings import Settings
from annotator.services.reading import open_sample
window = MainWindow(Settings())
window.show_reading(open_sample())
window.complete()  # the panels, built after the first paint; the store opens later
assert window.annotation_layer.session is None
counts = window.annotation_layer.suggestion_counts()
print(sum(counts.values()), window.areas_panel.item_for("climate").text(1),
      "sqlalchemy" in sys.modules)
"""


def test_panels_count_suggestions_without_loading_the_store(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ANNOTATOR_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True,
                            text=True, timeout=120, check=True)
    total, climate, loaded = result.stdout.split()
    assert int(total) > 20 and climate == "6"
    assert loaded == "False"


# `annotator` and `annotator FILE` open the window: its first paint must not wait for
# the commands' modules, which bring the store. The window is replaced by a stand-in
# that reports what was imported when it would have started.
ALONE = """
import sys
import annotator.app
def run_gui(path=None, database=None):
    print(path, "sqlalchemy" in sys.modules, "annotator.cli.library" in sys.modules)
    return 0
annotator.app.run_gui = run_gui
from annotator.entry import main
sys.argv = ["annotator", *sys.argv[1:]]
sys.exit(main())
"""


def test_the_window_opens_without_the_commands(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ANNOTATOR_HOME": str(tmp_path)}
    article = tmp_path / "article.txt"
    article.write_text("Climate talks.\n", encoding="utf-8")
    for args, opened in (([], "None"), ([str(article)], str(article))):
        result = subprocess.run([sys.executable, "-c", ALONE, *args], env=env,
                                capture_output=True, text=True, timeout=120, check=True)
        assert result.stdout.split() == [opened, "False", "False"]
