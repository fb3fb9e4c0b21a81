"""Composition root: settings -> window -> document, then the event loop.

Only what the first paint needs is imported here: Qt, the reader services and the GUI.
The library (paths -> store -> services, `open_library`) is built here too, but called
by the window after its first paint: SQLAlchemy costs ~2.5x Qt's import time
(performance.md trap 2). The window never opens the store itself.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from annotator import __version__, paths
from annotator.errors import AnnotatorError
from annotator.gui import i18n
from annotator.gui.main_window import MainWindow
from annotator.gui.settings import Settings
from annotator.gui.theme import FUSION_ARGUMENTS, theme_manager

if TYPE_CHECKING:
    from annotator.services.locations import DataLocations
    from annotator.services.reader_session import ReaderSession


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, named so Qt and desktops can find its icon and desktop entry,
    speaking the language the reader chose (or the system's)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication([*(argv if argv is not None else sys.argv[:1]), *FUSION_ARGUMENTS])
    app.setApplicationName(paths.APP_NAME)
    app.setApplicationDisplayName(paths.APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(paths.APP_NAME)
    app.setDesktopFileName("annotator")  # the icon comes with the window's menus
    settings = Settings()
    i18n.install(app, settings.language)
    theme_manager(app, settings.theme, fusion=True)
    return app


def open_library(database: str | None = None) -> ReaderSession:
    """The library's database and the services over it, once per window: `database`
    (`annotator --database URL`), else as configured (`services/library_database.py`)."""
    from annotator.services.library_database import chosen
    from annotator.services.reader_session import ReaderSession

    return ReaderSession.open(database=chosen(database))


def library_locations(database: str | None = None) -> DataLocations:
    """Where the library `open_library(database)` opens lives, for Help: nothing opened."""
    from annotator.services.locations import data_locations

    return data_locations(database)


def create_main_window(path: str | None, database: str | None = None) -> MainWindow:
    """A window showing `path`, else the last document, else the bundled sample."""
    window = MainWindow(Settings(), open_library=lambda: open_library(database),
                        locations=lambda: library_locations(database))
    window.open_initial(Path(path).expanduser() if path else None)
    return window


def install_quit_handlers(app: QApplication, window: MainWindow) -> QTimer:
    """Close the window gracefully on SIGTERM and store any note on aboutToQuit.

    Python runs signal handlers only between bytecodes, and Qt's event loop runs in C++,
    so a short no-op timer gives Python a chance to notice the signal; the handler then
    closes the window from the event loop, which saves a note being typed (T02).
    """
    app.aboutToQuit.connect(window.flush_edits)

    def on_signal(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, window.close)

    signal.signal(signal.SIGTERM, on_signal)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, on_signal)
    heartbeat = QTimer(app)
    heartbeat.start(200)
    heartbeat.timeout.connect(lambda: None)
    return heartbeat


EXIT_USAGE = 2


def no_display() -> str | None:
    """Why no window can open here, or None: Qt's xcb plugin aborts (status 134) instead."""
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith(("xcb", "wayland")):
        return None  # offscreen, minimal, vnc… need no display
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return ("annotator: no display to open the window on (DISPLAY and WAYLAND_DISPLAY "
            "are unset); run it in a desktop session, or use a subcommand (see --help)")


def run_gui(path: str | None = None, database: str | None = None) -> int:
    """Start the window, or hand `path` to the Annotator already open on this data folder."""
    from annotator.gui import handoff, instance_lock

    target = Path(path).expanduser() if path else None
    try:
        lock = instance_lock.acquire()
    except AnnotatorError as exc:  # the state folder cannot be used (issue 13, item 9)
        print(f"annotator: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if lock is None:
        if handoff.send(target):
            shown = f"{target} was opened there" if target else "its window was raised"
            print(f"Annotator is already open; {shown}.", file=sys.stderr)
            return 0
        instance_lock.tell_already_open()
        return 1
    problem = no_display()
    if problem is not None:
        lock.unlock()
        print(problem, file=sys.stderr)
        return EXIT_USAGE
    app = create_application()
    window = create_main_window(path, database)
    receiver = handoff.Receiver(app)
    receiver.received.connect(window.receive_file)
    install_quit_handlers(app, window)
    window.show()
    try:
        status = app.exec()
    finally:
        lock.unlock()
    if window.restart_requested:
        start_again()
    return status


def restart_command(argv: list[str] | None = None) -> list[str]:
    """The command that started this Annotator, to start it again with the same
    arguments (a file to open, `--database`): the frozen build's own binary, else this
    Python running the package."""
    arguments = (sys.argv if argv is None else argv)[1:]
    if getattr(sys, "frozen", False):
        return [sys.executable, *arguments]
    return [sys.executable, "-m", "annotator", *arguments]


def start_again() -> None:
    """Start a new Annotator once this one has let go of its data folder (the reader
    asked, `MainWindow.request_restart`); it takes the instance lock this one released."""
    from PySide6.QtCore import QProcess

    program, *arguments = restart_command()
    started, _pid = QProcess.startDetached(program, arguments)
    if not started:
        print("annotator: could not start again; start it yourself.", file=sys.stderr)
