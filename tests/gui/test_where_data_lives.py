"""Help ▸ Where Data Lives and Help ▸ About say where the library is: the PostgreSQL
database the composition root (`app.py`) was given, password masked, else the SQLite
file. The window never opens the store for it, so the tests point at a server nobody
runs and never show the window (showing it would open the library)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QLabel, QTableWidget
from pytestqt.qtbot import QtBot

from annotator.app import create_main_window
from annotator.gui.main_window import MainWindow

SECRET_URL = "postgresql://ana:s3cret@127.0.0.1:9/library"
SHOWN_URL = "postgresql://ana:***@127.0.0.1:9/library"


def _where(window: MainWindow) -> tuple[QDialog, str, dict[str, str]]:
    """Help ▸ Where Data Lives: the dialog, its intro and its (what, where) rows."""
    window.complete()
    window.commands.where_data.trigger()
    dialog = window.help_dialog
    assert isinstance(dialog, QDialog) and dialog.isVisible()
    table = dialog.findChild(QTableWidget)
    intro = dialog.findChild(QLabel)
    assert isinstance(table, QTableWidget) and isinstance(intro, QLabel)
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    return dialog, intro.text(), rows


def _about(window: MainWindow) -> str:
    window.commands.about.trigger()
    assert window.help_dialog is not None
    label = window.help_dialog.findChild(QLabel)
    assert isinstance(label, QLabel)
    return label.text()


def test_a_library_given_by_url_is_that_database_with_the_password_masked(
    qtbot: QtBot, tmp_path: Path,
) -> None:
    window = create_main_window(None, SECRET_URL)  # `annotator --database URL`
    qtbot.addWidget(window)
    dialog, intro, rows = _where(window)
    assert rows["Library database"] == SHOWN_URL
    assert "Backups of the library" not in rows  # its server's administrator backs it up
    assert f"PostgreSQL database {SHOWN_URL}" in intro
    assert "s3cret" not in intro + "".join(rows.values())
    dialog.resize(800, 600)
    dialog.grab().save(str(tmp_path / "where-data-lives-postgres.png"))
    dialog.close()
    about = _about(window)
    assert f"Your library: {SHOWN_URL}" in about and "s3cret" not in about
    assert window.annotation_layer.session is None  # nothing opened the store


def test_without_a_url_the_library_is_the_sqlite_file(
    qtbot: QtBot, annotator_home: Path, tmp_path: Path,
) -> None:
    window = create_main_window(None)
    qtbot.addWidget(window)
    dialog, intro, rows = _where(window)
    assert Path(rows["Library database"]).name == "annotator.db"
    assert rows["Library database"].startswith(str(annotator_home))
    assert "Backups of the library" in rows
    assert "on this computer" in intro and "PostgreSQL" not in intro
    dialog.resize(800, 600)
    dialog.grab().save(str(tmp_path / "where-data-lives-sqlite.png"))
    dialog.close()
    assert f"Your library: {annotator_home}" in _about(window)
