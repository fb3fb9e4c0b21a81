"""PySide6-Essentials 6.12.0 on CPython 3.11 aborts after ~5,000 void Qt calls.

Each call of a Qt method returning nothing dropped a reference to None (none_dealloc);
pyproject.toml pins <6.12 on Python 3.11. A subprocess makes 20,000 such calls, so a bad
upgrade fails this test instead of killing the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
for i in range(20_000):
    label.setText("x")
    label.update()
print("ok")
"""


def test_twenty_thousand_void_qt_calls_do_not_abort() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
