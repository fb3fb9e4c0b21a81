"""Composition root: settings -> window -> document, then the event loop.

Only what the first paint needs is imported here: Qt, the reader services and the GUI.
The store (SQLAlchemy costs ~2.5x Qt's import time, performance.md trap 2) is to be
opened after the first paint, from a zero-delay timer, once it exists.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from annotator import __version__, paths
from annotator.gui.icons import app_icon
from annotator.gui.main_window import MainWindow
from annotator.gui.settings import Settings


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, named so Qt and desktops can find its icon and desktop entry."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(paths.APP_NAME)
    app.setApplicationDisplayName(paths.APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(paths.APP_NAME)
    app.setDesktopFileName("annotator")
    app.setWindowIcon(app_icon())
    return app


def create_main_window(path: str | None) -> MainWindow:
    """A window showing `path`, else the last document, else the bundled sample."""
    window = MainWindow(Settings())
    window.open_initial(Path(path).expanduser() if path else None)
    return window


def run_gui(path: str | None = None) -> int:
    app = create_application()
    window = create_main_window(path)
    window.show()
    return app.exec()
