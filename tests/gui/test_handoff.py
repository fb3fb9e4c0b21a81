"""A second launch hands over (issue 7, item 8), with real processes.

`annotator FILE` while a window is open used to block the terminal with a modal
"already open" dialog; `annotator frobnicate` opened a window saying the file did not
exist; with no display Qt aborted with status 134.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from PySide6.QtNetwork import QLocalSocket

from annotator.gui import handoff

ANNOTATOR = [sys.executable, "-m", "annotator"]

FIRST = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from annotator import app as app_module
    from annotator.gui.main_window import MainWindow
    application = app_module.create_application()
    def hook():
        windows = [w for w in application.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows:
            QTimer.singleShot(50, hook)
            return
        windows[0].windowTitleChanged.connect(lambda t: print("TITLE", t, flush=True))
        print("READY", flush=True)
    QTimer.singleShot(0, hook)
    sys.exit(app_module.run_gui())
""")


def _env(home: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "ANNOTATOR_HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
            **extra}


def _listening() -> bool:
    socket = QLocalSocket()
    socket.connectToServer(handoff.server_name())
    connected = socket.waitForConnected(200)
    socket.abort()
    return connected


def test_a_second_launch_opens_its_file_in_the_open_window(
    annotator_home: Path, tmp_path: Path
) -> None:
    article = tmp_path / "handed.txt"
    article.write_text("Handed over\n\nA paragraph about climate finance.\n", encoding="utf-8")
    first = subprocess.Popen([sys.executable, "-c", FIRST], env=_env(annotator_home),
                             text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert first.stdout is not None
        assert first.stdout.readline().strip() == "READY"
        deadline = time.monotonic() + 30
        while not _listening():
            assert time.monotonic() < deadline, "the first window never listened"
            time.sleep(0.05)
        second = subprocess.run([*ANNOTATOR, str(article)], env=_env(annotator_home),
                                text=True, capture_output=True, timeout=30, cwd=tmp_path)
        assert second.returncode == 0, second.stderr
        assert second.stderr.strip().splitlines() == [
            f"Annotator is already open; {article} was opened there."]
        assert first.stdout.readline().strip() == "TITLE Handed over — Annotator"
    finally:
        first.send_signal(signal.SIGTERM)
        first.communicate(timeout=30)


def test_a_mistyped_command_is_a_one_line_error(annotator_home: Path) -> None:
    run = subprocess.run([*ANNOTATOR, "frobnicate"], env=_env(annotator_home),
                         text=True, capture_output=True, timeout=60)
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "unknown command 'frobnicate'" in lines[0]
    assert not (annotator_home / "data").exists()


def test_no_display_is_said_in_one_line(annotator_home: Path) -> None:
    env = {k: v for k, v in _env(annotator_home).items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    run = subprocess.run(ANNOTATOR, env=env, text=True, capture_output=True, timeout=60)
    assert run.returncode == 2, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "no display" in lines[0]
