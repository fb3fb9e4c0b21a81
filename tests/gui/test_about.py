"""Help ▸ About (issue 11 item 7): the version, the components with their licences, and
the data folder, read from what is installed rather than typed into the dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QTableWidget
from pytestqt.qtbot import QtBot

from annotator import __version__
from annotator.components import bundled_components
from annotator.gui.main_window import MainWindow


def test_components_are_the_runtime_requirements_with_licences() -> None:
    components = {c.name.lower().replace("_", "-"): c for c in bundled_components()}
    assert {"pyside6-essentials", "sqlalchemy", "alembic", "platformdirs", "nh3",
            "jinja2", "markupsafe"} <= set(components)  # markupsafe: a requirement's requirement
    assert "annotator" not in components and "pytest" not in components  # no dev extras
    assert "LGPL-3.0" in components["pyside6-essentials"].licence
    assert components["sqlalchemy"].licence == "MIT"
    assert all(c.licence and c.version for c in components.values())


def test_about_shows_version_components_and_data_folder(
    window: MainWindow, qtbot: QtBot, annotator_home: Path
) -> None:
    window.commands.about.trigger()
    dialog = window.help_dialog
    assert dialog is not None and dialog.isVisible()
    intro = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert __version__ in intro and str(annotator_home / "data") in intro
    table = dialog.findChild(QTableWidget)
    assert table is not None and table.columnCount() == 3
    rows = {table.item(r, 0).text(): table.item(r, 2).text() for r in range(table.rowCount())}
    assert rows["SQLAlchemy"] == "MIT"
    assert len(rows) == len(bundled_components())
    dialog.close()
