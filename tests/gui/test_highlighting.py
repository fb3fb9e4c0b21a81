"""Segments of overlapping marks, and formats that keep both areas visible."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextFormat

from annotator.core.layers import LayerKind, Mark
from annotator.gui.highlighting import (
    NO_UNDERLINE,
    READER_ALPHA,
    SUGGESTION_ALPHA,
    MarkStyle,
    Styler,
    segments,
)
from annotator.gui.term_underlines import term_ranges


def mark(start: int, end: int, key: str) -> Mark:
    return Mark(start, end, LayerKind.SUGGESTION, key, key.title())


def test_overlaps_are_cut_into_disjoint_segments() -> None:
    result = segments([mark(0, 10, "a"), mark(5, 15, "b"), mark(20, 25, "a")])
    assert [(s.start, s.end, [m.key for m in s.marks]) for s in result] == [
        (0, 5, ["a"]), (5, 10, ["a", "b"]), (10, 15, ["b"]), (20, 25, ["a"]),
    ]


def test_identical_ranges_share_one_segment() -> None:
    result = segments([mark(3, 8, "a"), mark(3, 8, "b")])
    assert len(result) == 1 and [m.key for m in result[0].marks] == ["a", "b"]


def styler() -> Styler:
    return Styler({
        "a": MarkStyle(QColor("#0072b2"), QTextCharFormat.UnderlineStyle.SingleUnderline),
        "b": MarkStyle(QColor("#009e73"), QTextCharFormat.UnderlineStyle.DashUnderline),
        "#f6d32d": MarkStyle(QColor("#f6d32d"), NO_UNDERLINE, READER_ALPHA),
        "#8ff0a4": MarkStyle(QColor("#8ff0a4"), NO_UNDERLINE, READER_ALPHA),
    })


def test_a_machine_passage_has_no_fill(qtbot: object) -> None:
    plain = styler().format_for([mark(0, 40, "a")])
    assert plain.background().style() == Qt.BrushStyle.NoBrush
    assert not plain.hasProperty(QTextFormat.Property.TextUnderlineStyle)  # the terms' own


def test_a_lit_passage_is_filled_softly_and_a_reader_highlight_strongly(qtbot: object) -> None:
    passage = mark(0, 40, "a")
    lit = styler().format_for([passage], lit=[passage])
    assert lit.background().color().rgb() == QColor("#0072b2").rgb()
    assert lit.background().color().alphaF() == pytest.approx(SUGGESTION_ALPHA, abs=0.01)
    mine = Mark(0, 40, LayerKind.READER, "#f6d32d", "Yellow")
    over = styler().format_for([passage, mine], lit=[passage])
    assert over.background().color().rgb() == QColor("#f6d32d").rgb()
    assert over.background().color().alphaF() == pytest.approx(READER_ALPHA, abs=0.01)
    assert READER_ALPHA >= 2 * SUGGESTION_ALPHA


def test_a_highlight_inside_another_keeps_its_fill(qtbot: object) -> None:
    outer = Mark(0, 100, LayerKind.READER, "#8ff0a4", "Green")
    inner = Mark(10, 20, LayerKind.READER, "#f6d32d", "Yellow")
    for order in ([outer, inner], [inner, outer]):
        fmt = styler().format_for(order)
        assert fmt.background().color().rgb() == QColor("#f6d32d").rgb()


def test_terms_are_found_in_their_passage_longest_first() -> None:
    text = "Climate change and the climate: UN climate-change talks (unclimate)."
    found = [text[s:e] for s, e in term_ranges(text, 0, len(text), ("climate", "climate change"))]
    assert found == ["Climate change", "climate", "climate"]
    assert term_ranges(text, 0, 10, ("climate change",)) == []
    assert term_ranges(text, 0, len(text), ()) == []


def test_terms_are_found_where_lowering_changes_lengths() -> None:
    text = "İstanbul talks on climate, Climate-change and climates."
    assert len(text.lower()) != len(text)
    found = [text[s:e] for s, e in term_ranges(text, 0, len(text), ("climate",))]
    assert found == ["climate", "Climate"]
