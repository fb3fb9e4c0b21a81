"""A library in no group pays nothing for group sync: no HTTP client is loaded, the
Group menu offers only Join…, and no indicator shows (httpx comes with an extra)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CHILD = """
import sys, time
from PySide6.QtWidgets import QApplication
app = QApplication([])
from annotator.gui.main_window import MainWindow
from annotator.gui.settings import Settings
window = MainWindow(Settings())
window.open_initial(None)
window.show()
deadline = time.monotonic() + 30
while time.monotonic() < deadline and (
        window.__dict__.get("annotation_layer") is None
        or window.annotation_layer.session is None or window.group_commands.busy):
    app.processEvents()
    time.sleep(0.02)
commands = window.group_commands
commands.sync_now()  # what the timer or a click would do: nothing to sync
print(window.annotation_layer.session is not None, commands.busy, "httpx" in sys.modules,
      commands.indicator.isVisible(), commands.join.isEnabled(), commands.sync.isEnabled())
"""


def test_a_window_in_no_group_loads_no_http_client(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ANNOTATOR_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "False", "False", "False", "True", "False"]
