"""Segments of overlapping marks, and formats that keep both areas visible."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat

from annotator.gui.highlighting import Layer, Mark, MarkStyle, Styler, segments


def mark(start: int, end: int, key: str) -> Mark:
    return Mark(start, end, Layer.SUGGESTION, key, key.title())


def test_overlaps_are_cut_into_disjoint_segments() -> None:
    result = segments([mark(0, 10, "a"), mark(5, 15, "b"), mark(20, 25, "a")])
    assert [(s.start, s.end, [m.key for m in s.marks]) for s in result] == [
        (0, 5, ["a"]), (5, 10, ["a", "b"]), (10, 15, ["b"]), (20, 25, ["a"]),
    ]


def test_identical_ranges_share_one_segment() -> None:
    result = segments([mark(3, 8, "a"), mark(3, 8, "b")])
    assert len(result) == 1 and [m.key for m in result[0].marks] == ["a", "b"]


def test_overlap_fills_from_one_area_and_underlines_in_the_other(qtbot: object) -> None:
    styler = Styler({
        "a": MarkStyle(QColor("#0072b2"), QTextCharFormat.UnderlineStyle.SingleUnderline),
        "b": MarkStyle(QColor("#009e73"), QTextCharFormat.UnderlineStyle.DashUnderline),
    })
    both = styler.format_for([mark(0, 1, "a"), mark(0, 1, "b")])
    assert both.background().color().rgb() == QColor("#0072b2").rgb()
    assert 0.2 <= both.background().color().alphaF() <= 0.4
    assert both.underlineColor().name() == "#009e73"
    assert both.underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline
