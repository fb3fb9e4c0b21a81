"""Issue 7 item 11: overview bars are shares of the whole text, not of the largest share."""

from __future__ import annotations

from dataclasses import replace

from annotator.core.filters import AnnotationFilter
from annotator.core.summary import SummaryOptions
from annotator.exporters import export_format, render_bytes
from annotator.exporters.html import coverage_chart
from annotator.services.reading import Reading
from tests.exporters.conftest import summary_of


def test_a_small_share_alone_is_a_short_bar(sample_reading: Reading) -> None:
    summary = summary_of(sample_reading, SummaryOptions(
        AnnotationFilter(areas=frozenset({"people-exchange"})), suggestions=True))
    [overview] = summary.overview
    assert 0 < overview.share < 10
    [bar] = coverage_chart(summary).bars  # HTML's SVG and the PDF's painted chart
    assert bar.width == round(coverage_chart(summary).bar_width * overview.share / 100, 1)
    markdown = render_bytes(summary, export_format("md")).decode("utf-8")
    row = next(line for line in markdown.splitlines() if line.startswith(f"| {bar.label} |"))
    assert row.count("█") == round(20 * overview.share / 100) and row.count("░") > 15


def test_a_tiny_share_still_shows_and_none_shows_nothing(sample_reading: Reading) -> None:
    summary = summary_of(sample_reading, SummaryOptions(suggestions=True))
    first, second, *rest = summary.overview
    summary = replace(summary, overview=(replace(first, share=0.1), replace(second, share=0.0),
                                         *rest))
    tiny, empty, *_ = coverage_chart(summary).bars
    assert (tiny.width, empty.width) == (1.0, 0.0)
    markdown = render_bytes(summary, export_format("md")).decode("utf-8")
    rows = [line for line in markdown.splitlines() if line.endswith("░ |")]
    assert rows[0].count("█") == 1 and rows[1].count("█") == 0
