"""The background worker: off the GUI thread, progress in order, one outcome, cancel."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QObject, Qt, QThread, QThreadPool, Slot
from pytestqt.qtbot import QtBot

from annotator.errors import AnnotatorError, ExportError
from annotator.gui.workers import ProgressReport, Worker


class Recorder(QObject):
    """A GUI-thread receiver: records every signal and the thread its slot ran on."""

    def __init__(self) -> None:
        super().__init__()
        self.progress: list[tuple[int, str]] = []
        self.outcome: tuple[str, object] | None = None
        self.slot_threads: set[QThread] = set()
        self.done = False

    def attach(self, worker: Worker) -> Worker:
        s = worker.signals
        s.progress.connect(self.on_progress)
        s.finished.connect(self.on_finished)
        s.failed.connect(self.on_failed)
        s.cancelled.connect(self.on_cancelled)
        s.done.connect(self.on_done)
        return worker

    @Slot(int, str)
    def on_progress(self, percent: int, message: str) -> None:
        self.slot_threads.add(QThread.currentThread())
        self.progress.append((percent, message))

    def _outcome(self, kind: str, value: object) -> None:
        self.slot_threads.add(QThread.currentThread())
        assert self.outcome is None, f"second outcome {kind} after {self.outcome}"
        self.outcome = (kind, value)

    @Slot(object)
    def on_finished(self, result: object) -> None:
        self._outcome("finished", result)

    @Slot(str)
    def on_failed(self, message: str) -> None:
        self._outcome("failed", message)

    @Slot(str)
    def on_cancelled(self, message: str) -> None:
        self._outcome("cancelled", message)

    @Slot()
    def on_done(self) -> None:
        self.done = True


def _run(qtbot: QtBot, job: object, timeout: int = 30_000) -> tuple[Recorder, Worker]:
    """Start `job` on a pool of its own and wait for its outcome: work an earlier test
    left on the global pool must not decide whether this one gets a thread."""
    recorder = Recorder()
    worker = recorder.attach(Worker(job))  # type: ignore[arg-type]
    pool = QThreadPool()
    worker.start(pool)
    qtbot.waitUntil(lambda: recorder.done, timeout=timeout)
    pool.waitForDone()
    return recorder, worker


def test_runs_off_the_gui_thread_and_reports_progress_in_order(qtbot: QtBot) -> None:
    gui_thread = QThread.currentThread()
    seen: dict[str, object] = {}

    def job(progress: ProgressReport, cancelled: threading.Event) -> str:
        seen["thread"] = QThread.currentThread()
        seen["is_gui"] = QThread.currentThread() is gui_thread
        for percent in range(0, 101, 10):
            progress(percent, f"step {percent}")
        return "result"

    recorder, worker = _run(qtbot, job)
    assert seen["is_gui"] is False
    assert seen["thread"] is not gui_thread
    assert recorder.progress == [(p, f"step {p}") for p in range(0, 101, 10)]
    assert recorder.outcome == ("finished", "result")
    # Slots of a GUI object run on the GUI thread, not the pool thread.
    assert recorder.slot_threads == {gui_thread}
    assert worker.is_done and not worker.running


def test_progress_is_clamped_and_repeats_are_dropped(qtbot: QtBot) -> None:
    def job(progress: ProgressReport, cancelled: threading.Event) -> None:
        for percent in (-5, 0, 0, 50, 50, 150):
            progress(percent, "")

    recorder, _ = _run(qtbot, job)
    assert [p for p, _ in recorder.progress] == [0, 50, 100]
    assert recorder.outcome == ("finished", None)


def test_annotator_error_is_reported_as_failed_with_its_message(qtbot: QtBot) -> None:
    def job(progress: ProgressReport, cancelled: threading.Event) -> None:
        progress(10, "")
        raise ExportError("/nowhere/x.md: cannot write there (No such file or directory)")

    recorder, _ = _run(qtbot, job)
    assert recorder.outcome == (
        "failed", "/nowhere/x.md: cannot write there (No such file or directory)")


def test_a_bug_is_reported_without_crashing_and_logged(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    def job(progress: ProgressReport, cancelled: threading.Event) -> None:
        raise ZeroDivisionError("division by zero")

    recorder, _ = _run(qtbot, job)
    assert recorder.outcome is not None and recorder.outcome[0] == "failed"
    assert "ZeroDivisionError" in str(recorder.outcome[1])
    assert "worker" in caplog.text and "ZeroDivisionError" in caplog.text


def test_cancel_stops_the_job_at_its_next_check(qtbot: QtBot) -> None:
    started = threading.Event()
    steps: list[int] = []

    def job(progress: ProgressReport, cancelled: threading.Event) -> None:
        started.set()
        for step in range(10_000):
            if cancelled.wait(0.001):
                raise AnnotatorError("stopped")
            steps.append(step)
            progress(step // 100, "")

    recorder = Recorder()
    worker = recorder.attach(Worker(job))
    pool = QThreadPool()
    worker.start(pool)
    assert started.wait(30)
    worker.cancel()
    qtbot.waitUntil(lambda: recorder.done, timeout=30_000)
    pool.waitForDone()
    assert recorder.outcome == ("cancelled", "stopped")
    assert len(steps) < 10_000


def test_a_job_that_finishes_despite_cancel_reports_its_result(qtbot: QtBot) -> None:
    def job(progress: ProgressReport, cancelled: threading.Event) -> int:
        cancelled.set()  # as if the reader clicked Cancel just as it ended
        return 42

    recorder, _ = _run(qtbot, job)
    assert recorder.outcome == ("finished", 42)


def test_a_worker_runs_once(qtbot: QtBot) -> None:
    _, worker = _run(qtbot, lambda progress, cancelled: None)
    with pytest.raises(RuntimeError):
        worker.start()


def test_many_workers_run_concurrently_and_all_report(qtbot: QtBot) -> None:
    recorders = []
    for n in range(8):
        recorder = Recorder()
        recorder.attach(Worker(lambda progress, cancelled, n=n: n * n)).start()
        recorders.append(recorder)
    qtbot.waitUntil(lambda: all(r.done for r in recorders), timeout=5000)
    assert sorted(r.outcome[1] for r in recorders if r.outcome) == [n * n for n in range(8)]


def test_a_receiver_connected_later_still_hears_done(qtbot: QtBot) -> None:
    """The signals object is released once `done` has gone out; the release must not
    overtake a receiver connected after others. A slow direct receiver first holds the
    pool thread inside `done.emit()` long enough for the GUI thread to run anything
    already queued, which is when an early release used to delete the sender."""
    worker = Worker(lambda progress, cancelled: None)
    worker.signals.done.connect(lambda: time.sleep(0.2), Qt.ConnectionType.DirectConnection)
    recorder = Recorder()
    recorder.attach(worker)
    pool = QThreadPool()
    worker.start(pool)
    qtbot.waitUntil(lambda: recorder.done, timeout=10_000)
    pool.waitForDone()
    assert recorder.outcome == ("finished", None)
