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
from annotator.gui import last_frame
from annotator.gui.main_window import MainWindow
from annotator.gui.settings import Settings

if TYPE_CHECKING:
    from collections.abc import Callable

    from annotator.services.locations import DataLocations
    from annotator.services.reader_session import ReaderSession

# Arguments for a new QApplication: draw with Fusion from the start (gui/theme.py).
FUSION_ARGUMENTS = ["-style", "Fusion"]


def create_application(argv: list[str] | None = None, *, dress: bool = True) -> QApplication:
    """The QApplication, named so Qt and desktops can find its icon and desktop entry,
    speaking the language the reader chose (or the system's) in their theme.

    `dress=False` leaves the language and the theme to `dress_application`, which
    `start_window` calls only once the last launch's picture is painted."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication([*(argv if argv is not None else sys.argv[:1]), *FUSION_ARGUMENTS])
    app.setApplicationName(paths.APP_NAME)
    app.setApplicationDisplayName(paths.APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(paths.APP_NAME)
    app.setDesktopFileName("annotator")  # the icon comes with the window's menus
    last_frame.note_system_tone(app)
    if dress:
        dress_application(app)
    return app


def dress_application(app: QApplication) -> None:
    """The reader's language (translators) and theme (palette), for every window."""
    from annotator.gui import i18n
    from annotator.gui.theme import theme_manager

    settings = Settings()
    i18n.install(app, settings.language)
    theme_manager(app, settings.theme, fusion=True)


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


def create_main_window(path: str | None, database: str | None = None, *,
                       prepare: Callable[[], None] | None = None) -> MainWindow:
    """A window showing `path`, else the last document, else the bundled sample.

    Without `path`, a window the reader left opens with its picture
    (`gui/last_frame.py`), and `prepare` (dressing the app) runs behind it; else
    `prepare` runs first."""
    settings = Settings()
    picture = None if path else last_picture(settings)
    if picture is None and prepare is not None:
        prepare()
    window = MainWindow(settings, open_library=lambda: open_library(database),
                        locations=lambda: library_locations(database),
                        picture=picture, prepare=prepare if picture is not None else None)
    if picture is None:
        window.open_initial(Path(path).expanduser() if path else None)
    return window


def start_window(path: str | None = None, database: str | None = None,
                 argv: list[str] | None = None) -> tuple[QApplication, MainWindow]:
    """The app and its window as `annotator [FILE]` opens them, not shown yet."""
    app = create_application(argv, dress=False)
    return app, create_main_window(path, database, prepare=lambda: dress_application(app))


def last_picture(settings: Settings) -> last_frame.Picture | None:
    """The picture the reader's last window left, if it still shows what they left."""
    return last_frame.kept(last_frame.frame_key(settings.last_document))


def remember_last_frame(window: MainWindow) -> None:
    """Keep the picture `window` took as it closed, for the next launch to paint first,
    once its settings are written (they are part of the picture's key); a window that
    closed without one leaves no picture behind, unless it closed before it ever
    replaced the last one (the reader changed nothing)."""
    if window.showing_picture:
        return  # closed behind the last picture, which still shows what it would open
    picture = window.last_frame
    if picture is None:
        last_frame.forget()
        return
    window.settings.sync()
    last_frame.keep(picture, last_frame.frame_key(window.settings.last_document))


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
    app, window = start_window(path, database)
    receiver = handoff.Receiver(app)
    receiver.received.connect(window.receive_file)
    install_quit_handlers(app, window)
    window.show()
    try:
        status = app.exec()
        remember_last_frame(window)
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
