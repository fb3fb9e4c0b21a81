"""A Chinese article opened in the window is highlighted with the Chinese taxonomy, and
its legend speaks Chinese (issue 11 item 2), whatever the window's language."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from annotator.gui.main_window import MainWindow

ARTICLE = """中美合作新进展

两国承诺加快能源转型，在本世纪中叶前实现碳中和，共同应对气候变化。

今年将有更多美国青年来华留学，两国还将扩大人文交流和旅游往来。
"""


def test_a_chinese_text_file_is_highlighted_in_chinese(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "中美合作.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert window.open_file(path)
    reading = window.reading
    assert reading is not None and reading.path == path
    assert {s.area for s in reading.spans} == {"climate", "people-exchange"}
    qtbot.waitUntil(lambda: window.completed, timeout=10_000)
    tree = window.areas_panel.tree
    labels = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert labels == ["和平与安全", "气候", "人工智能治理", "多边改革", "人文交流"]
    climate = next(s for s in reading.spans if s.area == "climate")
    assert window.reader.char_format_at(climate.start + 2).background().color().alpha() > 0
