"""Long work off the GUI thread: a job on the global QThreadPool, reported through signals.

A job is any callable `job(progress, cancelled)`: it calls `progress(percent, message)`
as it goes, checks `cancelled.is_set()` (a `threading.Event`) often enough to stop soon
after the reader asks, and returns its result. It must not touch widgets: it runs on a
pool thread. The `Worker` turns what happens into signals, which Qt delivers to slots
of GUI objects on the GUI thread (queued), so the window never waits for the job:

- `progress(int, str)`: 0-100 and what is being done, in the order the job reported;
- `finished(object)`: the job's return value;
- `cancelled(str)`: the job raised after `cancel()` was called (it stopped early);
- `failed(str)`: an `AnnotatorError`'s message, fit to show as-is; anything else is a
  bug, logged with its traceback and reported with a generic message.

Exactly one of the last three is emitted, then `done()`. Exports use it today; imports
and merges can reuse it as is. Connect the signals to bound methods of QObjects (or pass
a context object) so the slots run on the receiver's thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from annotator.errors import AnnotatorError
from annotator.gui.i18n import translate

log = logging.getLogger(__name__)

ProgressReport = Callable[[int, str], None]
"""`progress(percent, message)`: percent is clamped to 0-100."""

Job = Callable[[ProgressReport, threading.Event], object]
"""`job(progress, cancelled) -> result`, run on a pool thread."""


class WorkerSignals(QObject):
    """The signals of a Worker (a QRunnable is no QObject, so they live here).

    The object is parented to the application and deleted with `deleteLater()` on the
    GUI thread once the job is done and its signals delivered, never from a pool thread.
    """

    progress = Signal(int, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal(str)
    done = Signal()
    # Emitted after `done` has been queued to every receiver. Releasing on `done` itself
    # raced: the GUI thread could run the release and delete this object while the pool
    # thread was still walking `done`'s connections, and the receivers after it lost
    # their `done` (tests/gui/test_workers.py waited for it in vain).
    retire = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.retire.connect(self._release, Qt.ConnectionType.QueuedConnection)

    @Slot()
    def _release(self) -> None:
        with Worker._lock:
            Worker._running.pop(id(self), None)
        self.deleteLater()


NETWORK_POOL = "network-pool"


class Worker(QRunnable):
    """Runs one job once, on `QThreadPool.globalInstance()` unless given another pool.

    Connect to `worker.signals` before `start()`. Keep a reference while it runs if you
    want to cancel it; running workers are also held by the class until their `done`
    reaches the GUI thread, so a fire-and-forget worker is not collected mid-job.
    """

    _running: ClassVar[dict[int, Worker]] = {}
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, job: Job, *, name: str = "") -> None:
        super().__init__()
        # Python owns this object; the pool must not delete it after run().
        self.setAutoDelete(False)
        self.job = job
        self.name = name or getattr(job, "__name__", "job")
        self.signals = WorkerSignals(QCoreApplication.instance())
        self.signals.setObjectName(f"worker-{self.name}")
        self.cancel_event = threading.Event()
        self._done = threading.Event()
        self._started = False
        self._last: tuple[int, str] | None = None

    # -- GUI-thread side ------------------------------------------------------------

    def start(self, pool: QThreadPool | None = None) -> None:
        if self._started:
            raise RuntimeError(f"worker {self.name!r} was already started")
        self._started = True
        with Worker._lock:
            Worker._running[id(self.signals)] = self
        (pool or QThreadPool.globalInstance()).start(self)

    def cancel(self) -> None:
        """Ask the job to stop; once it does, `cancelled` is emitted.

        A job that returns normally anyway (it had finished) still emits `finished`:
        its result exists, and saying "cancelled" would be untrue.
        """
        self.cancel_event.set()

    @property
    def running(self) -> bool:
        return self._started and not self._done.is_set()

    @property
    def is_done(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the job has returned (for shutdown and tests); True if it has.

        The signals may still be queued for the GUI thread after this returns.
        """
        return self._done.wait(timeout)

    # -- pool-thread side -----------------------------------------------------------

    def _progress(self, percent: int, message: str = "") -> None:
        report = (max(0, min(100, int(percent))), message)
        if report != self._last:
            self._last = report
            self.signals.progress.emit(*report)

    def run(self) -> None:
        signals = self.signals
        try:
            result = self.job(self._progress, self.cancel_event)
        except AnnotatorError as exc:
            if self.cancel_event.is_set():
                signals.cancelled.emit(str(exc))
            else:
                signals.failed.emit(str(exc))
        except Exception as exc:  # a bug: keep the window alive, say so, log it
            log.exception("worker %s failed", self.name)
            if self.cancel_event.is_set():
                signals.cancelled.emit(translate("Worker", "Cancelled."))
            else:
                message = translate(
                    "Worker", "Something went wrong ({error}). Please report this.")
                signals.failed.emit(message.format(error=f"{type(exc).__name__}: {exc}"))
        else:
            signals.finished.emit(result)
        finally:
            self._done.set()
            signals.done.emit()
            signals.retire.emit()



def run_in_background(
    job: Job,
    *,
    on_finished: Callable[[object], None] | None = None,
    on_failed: Callable[[str], None] | None = None,
    on_progress: Callable[[int, str], None] | None = None,
    on_cancelled: Callable[[str], None] | None = None,
    name: str = "",
    pool: QThreadPool | None = None,
) -> Worker:
    """Start `job` with the given slots connected; returns the running Worker.

    Pass bound methods of GUI QObjects so the slots run on the GUI thread.
    """
    worker = Worker(job, name=name)
    s = worker.signals
    for signal, slot in ((s.finished, on_finished), (s.failed, on_failed),
                         (s.progress, on_progress), (s.cancelled, on_cancelled)):
        if slot is not None:
            signal.connect(slot)
    worker.start(pool)
    return worker


def network_pool() -> QThreadPool:
    """One thread for jobs that wait on the network (group sync, join, share).

    A sync to an unreachable server waits for its timeouts; on the global pool (one
    thread per core, two here) that wait would hold back an export or a print the reader
    asked for. Network jobs queue behind each other instead.
    """
    app = QCoreApplication.instance()
    pool = app.findChild(QThreadPool, NETWORK_POOL) if app is not None else None
    if pool is None:
        pool = QThreadPool(app)
        pool.setObjectName(NETWORK_POOL)
        pool.setMaxThreadCount(1)
    return pool
