"""A window speaking Chinese names the English sample's policy areas in Chinese: the
Areas panel, the status bar, the hover text and the exports written from it; a reader's
own taxonomy is shown as written, and an English window keeps the English names."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.gui import i18n
from annotator.gui.export_dialog import ExportDialog
from annotator.gui.main_window import MainWindow
from annotator.gui.settings import Settings
from tests.gui.test_annotations import ready_reading
from tests.gui.test_export_dialog import run_export
from tests.gui.test_suggestion_tooltip import hover_tooltip
from tests.services.test_area_names import write_own_taxonomy

CHINESE = ["和平与安全", "气候", "人工智能治理", "多边改革", "人文交流"]
ENGLISH = ["Peace & security", "Climate", "AI governance", "Multilateral reform",
           "People-to-people exchange"]


@pytest.fixture
def chinese(annotator_home: Path, qapp: QApplication) -> Iterator[None]:
    settings = Settings()
    settings.language = "zh_CN"
    settings.sync()
    installed = i18n.install(qapp, Settings().language)
    assert installed.language == "zh_CN", "run make: the .qm is built from the .ts"
    yield
    installed.uninstall(qapp)


def _panel_labels(window: MainWindow) -> list[str]:
    tree = window.areas_panel.tree
    return [item.text(0) for item in map(tree.topLevelItem, range(tree.topLevelItemCount()))
            if item is not None]


def test_a_chinese_window_names_the_english_samples_areas_in_chinese(
    chinese: None, make_window: Callable[[], MainWindow], qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window()
    reading = ready_reading(window, qtbot)
    assert reading.document.metadata.language != "zh" and reading.spans
    assert _panel_labels(window) == CHINESE
    peace = window.areas_panel.item_for("peace-security")
    assert peace is not None and peace.toolTip(0).startswith("战争与和平")
    assert "和平与安全: " in window.areas_label.toolTip()
    assert "Peace" not in window.areas_label.toolTip()
    span = reading.spans[0]
    assert CHINESE[reading.taxonomy.ids.index(span.area)] in hover_tooltip(
        window, span.start + 3, qtbot)

    window.open_export_dialog()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None
    dialog.set_format("md")
    dialog.set_target(tmp_path / "summary.md")
    run_export(qtbot, dialog)
    assert dialog.last_error is None
    markdown = (tmp_path / "summary.md").read_text("utf-8")
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert headings[:2] == ["## 图例", "## 概览"]
    assert [heading.split(" ", 2)[-1] for heading in headings[2:7]] == CHINESE
    assert "| 和平与安全 | 战争与和平" in markdown and "Peace & security" not in markdown


def test_a_readers_own_taxonomy_keeps_its_names_in_a_chinese_window(
    chinese: None, make_window: Callable[[], MainWindow], qtbot: QtBot
) -> None:
    write_own_taxonomy("climate", "Climate, mine", "climate")
    window = make_window()
    ready_reading(window, qtbot)
    assert _panel_labels(window) == ["Climate, mine"]


def test_an_english_window_keeps_the_english_names(
    make_window: Callable[[], MainWindow], qtbot: QtBot
) -> None:
    window = make_window()
    ready_reading(window, qtbot)
    assert _panel_labels(window) == ENGLISH
