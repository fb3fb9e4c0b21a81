"""T11 (a second instance is told and touches nothing; a crashed one's lock is taken over)
and T02 over SIGTERM (a note being typed is in the database after the signal)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from annotator.gui import instance_lock
from annotator.services.library import Library
from annotator.store import Store

HOLD = textwrap.dedent("""
    import sys, time
    from PySide6.QtCore import QCoreApplication
    from annotator.gui import instance_lock
    app = QCoreApplication([])
    lock = instance_lock.acquire()
    print("HELD" if lock else "BUSY", flush=True)
    time.sleep(60)
""")

# The holder has no hand-over server (handoff.py), so the second start cannot pass its
# file on: it says so in one line and leaves, with no dialog to block the terminal.
SECOND = textwrap.dedent("""
    import sys
    from annotator import app as app_module
    sys.exit(app_module.run_gui())
""")

TYPE_THEN_WAIT = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from annotator import app as app_module
    from annotator.gui.main_window import MainWindow
    application = app_module.create_application()
    def poll():
        windows = [w for w in application.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows or windows[0].annotation_layer.document_id is None:
            QTimer.singleShot(50, poll)
            return
        window = windows[0]
        start = window.reading.document.text.index("Stakes")
        window.reader.select_range(start, start + 6)
        window.annotation_layer.edit_note()
        window.note_editor.note.insertPlainText("typed just before SIGTERM")
        print("READY", window.annotation_layer.document_id, flush=True)
    QTimer.singleShot(0, poll)
    sys.exit(app_module.run_gui())
""")


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "ANNOTATOR_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}


def _start(script: str, home: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", script], env=_env(home), text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_second_instance_is_told_and_a_crashed_lock_is_taken_over(
    annotator_home: Path,
) -> None:
    holder = _start(HOLD, annotator_home)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "HELD"
        assert instance_lock.acquire() is None
        second = subprocess.run([sys.executable, "-c", SECOND], env=_env(annotator_home),
                                text=True, capture_output=True, timeout=60)
        assert second.returncode == 1
        assert second.stderr.count("\n") == 1 and "already open" in second.stderr
        assert not (annotator_home / "data" / "annotator.db").exists()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.communicate(timeout=10)
    lock = instance_lock.acquire()  # the dead holder's lock is stale: taken over
    assert lock is not None
    lock.unlock()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is POSIX")
def test_sigterm_stores_the_note_being_typed(annotator_home: Path) -> None:
    app = _start(TYPE_THEN_WAIT, annotator_home)
    try:
        assert app.stdout is not None
        line = app.stdout.readline().split()
        assert line and line[0] == "READY", app.stderr.read() if app.stderr else ""
        app.send_signal(signal.SIGTERM)
        assert app.wait(30) == 0
    finally:
        if app.poll() is None:
            app.kill()
        app.communicate(timeout=30)
    with Store.open() as store:
        [annotation] = Library(store).annotations(line[1])
    assert annotation.note == "typed just before SIGTERM"
