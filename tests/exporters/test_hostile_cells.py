"""Issue 13 items 19, 21: formula cells per OWASP, and no NUL in an HTML or Markdown file."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.summary import SummaryOptions
from annotator.exporters import export_format, render_bytes
from annotator.exporters.csv import neutralise
from annotator.services.reading import Reading
from tests.exporters.conftest import _at, summary_of

TRIGGERS = "=+-@＝＋－＠"


def _is_formula(cell: str) -> bool:
    """What a spreadsheet may run: a trigger after any leading whitespace, or a cell
    opening with a tab or line break."""
    trimmed = cell.lstrip()
    return cell.startswith(("\t", "\r", "\n")) or (trimmed != "" and trimmed[0] in TRIGGERS)


@given(st.text(alphabet=st.sampled_from([*TRIGGERS, " ", "\t", "\n", "\r", "\u3000", "a",
                                         "1", "'"]), max_size=8) | st.text(max_size=8))
def test_no_neutralised_cell_is_a_formula(cell: str) -> None:
    out = neutralise(cell)
    assert out.startswith("'") or not _is_formula(out)
    assert out in (cell, "'" + cell), "the content is kept"


def test_the_owasp_cases(sample_reading: Reading) -> None:
    hostile = [" =1+1", "\n=cmd|' /C calc'!A0", "\t@SUM(A1)", "＝1+1", "　＋1", "－2", "＠x",
               "\r\n-3"]
    annotations = [_at(sample_reading, "climate", 30 + i, note=note)
                   for i, note in enumerate(hostile)]
    data = render_bytes(summary_of(sample_reading, SummaryOptions(suggestions=False), annotations),
                        export_format("csv"))
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    notes = [row[1] for row in rows[1:]]
    assert sorted(notes) == sorted("'" + n for n in hostile)


def test_nul_and_controls_never_reach_html_or_markdown(sample_reading: Reading) -> None:
    annotations = [_at(sample_reading, "climate", 40, note="nul\x00here\x1b[31m\x85end",
                       tags=("t\x00ag",))]
    summary = summary_of(sample_reading, SummaryOptions(full_text=True), annotations)
    for fmt in ("html", "md"):
        text = render_bytes(summary, export_format(fmt)).decode("utf-8")
        assert "\x00" not in text and "\x1b" not in text and "\x85" not in text, fmt
        assert "nul" in text and "here" in text and "end" in text, fmt
