"""Accepting a suggestion keeps its area's colour and hides no highlight (issue 7, item 6)."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from annotator.core.annotation import COLOR_BY_KEY, Origin
from annotator.gui.highlighting import READER_ALPHA
from annotator.gui.main_window import MainWindow
from tests.gui.test_annotations import ready_reading, select, stored_annotations

CLIMATE = "#009e73"


def fill_at(window: MainWindow, offset: int) -> QColor:
    return window.reader.char_format_at(offset).background().color()


def test_an_accepted_suggestion_keeps_its_colour_and_the_highlight_inside_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    reading = ready_reading(window, qtbot)
    text = reading.document.text
    climate = next(s for s in reading.spans_of("climate")
                   if text.startswith("Another critical area", s.start))
    yellow_start, yellow_end = select(window, "the world’s largest carbon emitters")
    window.annotation_layer.highlight("yellow")
    layer = window.annotation_layer
    menu = layer.context_menu(QPoint(0, 0), QPoint(-1, -1), climate.start + 2)
    accept = next(a for a in menu.actions() if a.text() == "&Accept “Climate”")
    accept.trigger()
    machine = next(a for a in layer.ordered() if a.origin is Origin.MACHINE)
    assert (machine.start, machine.end, machine.area) == (climate.start, climate.end, "climate")
    assert machine.color.lower() == CLIMATE  # stored as exports show it
    doc_id = layer.document_id
    assert doc_id is not None
    assert CLIMATE in {a.color.lower() for a in stored_annotations(doc_id)}
    outside = fill_at(window, climate.start + 2)
    assert outside.rgb() == QColor(CLIMATE).rgb() and outside.alphaF() >= READER_ALPHA - 0.01
    inside = fill_at(window, yellow_start + 3)
    assert inside.rgb() == QColor(COLOR_BY_KEY["yellow"].hex).rgb()
    assert fill_at(window, yellow_end - 1).rgb() == inside.rgb()
    labels = [m.label for m in window.reader.highlights.marks_at(  # type: ignore[union-attr]
        climate.start + 2)]
    assert any(label.startswith("Climate — suggested, accepted by") for label in labels)


def test_a_suggestion_accepted_elsewhere_in_yellow_shows_in_its_area_colour(
    window: MainWindow, qtbot: QtBot
) -> None:
    """One accepted with a reader colour (the CLI's default, or an older version of the
    window) is drawn as the exports draw it: in its area's colour."""
    reading = ready_reading(window, qtbot)
    layer = window.annotation_layer
    assert layer.session is not None and layer.stored is not None
    span = reading.spans_of("climate")[0]
    change = layer.session.annotating.accept(layer.stored, (span.area, span.start, span.end),
                                             color="yellow")
    layer.undo.push(change)
    layer._applied(change)
    assert fill_at(window, span.start + 2).rgb() == QColor(CLIMATE).rgb()
