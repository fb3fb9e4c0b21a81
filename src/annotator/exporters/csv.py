"""CSV for spreadsheets: one row per passage, UTF-8 with a BOM so Excel reads it right.

Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula, so a note or
quote such as `=HYPERLINK(...)` would execute on opening. OWASP's rule (CSV Injection):
a cell that starts with one of those, with their full-width forms (`＝＋－＠`, which
some spreadsheets fold to ASCII), with a tab or a line break, or with whitespace
followed by any of them (spreadsheets trim it first) gets a leading apostrophe, which
spreadsheets show as text and hide.
"""

from __future__ import annotations

import csv
import io
from typing import BinaryIO

from annotator.core.summary import Summary
from annotator.core.w3c import timestamp
from annotator.exporters.base import ExportOptions, Ticker

HEADER = ("quote", "note", "tags", "area", "colour", "author", "created", "modified",
          "start", "end", "kind", "id")
_FORMULA_STARTS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
_BREAKS = ("\t", "\r", "\n")


def neutralise(cell: str) -> str:
    trimmed = cell.lstrip()
    risky = cell.startswith(_BREAKS) or (trimmed[:1] in _FORMULA_STARTS and trimmed != "")
    return "'" + cell if risky else cell


def render(summary: Summary, stream: BinaryIO, ticker: Ticker, options: ExportOptions) -> None:
    ticker.start(len(summary.passages))
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="", write_through=True)
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(HEADER)
    for p in summary.passages:
        a = p.annotation
        writer.writerow([
            neutralise(a.exact), neutralise(a.note), neutralise("; ".join(a.tags)),
            neutralise(p.area_label), p.color, neutralise(a.author_name),
            timestamp(a.created), timestamp(a.modified),
            str(a.start), str(a.end), p.kind.value, a.id,
        ])
        ticker.step()
    text.flush()
    text.detach()  # the caller owns (and closes) the binary stream
