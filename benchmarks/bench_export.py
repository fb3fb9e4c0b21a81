"""export_10k_<format>: each format over a ~1 MB document with 10,000 annotations.

The floor is `json.dumps` of the same annotations as plain dicts, the least an export
could do. Times are the best of 3 (PDF: 1); peak memory is tracemalloc's peak of Python
allocations during one render (Qt's own C++ allocations for the PDF are not seen).
The text is 1 MB rather than 5 MB: the PDF of 10,000 passages is already ~1,500 pages.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import UTC, datetime
from io import BytesIO

from annotator.core.annotation import Annotation, quote_context
from annotator.core.summary import build_summary
from annotator.exporters import FORMATS, ExportFormat, ExportOptions
from annotator.exporters.base import Ticker
from annotator.importers.plaintext import parse
from annotator.services.reading import bundled_taxonomy, read_document
from benchmarks.common import Figure, best_of, peak_mb, prose_text

COUNT = 10_000
COLORS = ("yellow", "green", "blue", "pink", "orange", "purple")


def _annotations(text: str, areas: list[str]) -> list[Annotation]:
    step = len(text) // COUNT
    now = datetime(2024, 6, 1, tzinfo=UTC)
    result = []
    for i in range(COUNT):
        start = i * step
        end = start + min(step - 1, 60 + i % 120)
        exact, prefix, suffix = quote_context(text, start, end)
        result.append(Annotation(
            "bench", start, end, exact, prefix, suffix, color=COLORS[i % 6],
            note=f"Note {i}: *why* this matters." if i % 3 == 0 else "",
            tags=("tag-a", "tag b") if i % 5 == 0 else (),
            area=areas[i % len(areas)] if i % 2 else None,
            author_name="Bench Reader", created=now, modified=now,
        ))
    return result


def run() -> list[Figure]:
    taxonomy = bundled_taxonomy()
    document = parse(prose_text(1_000_000)[:1_000_000], "benchmark")
    reading = read_document(document, taxonomy)
    annotations = _annotations(document.text, taxonomy.ids)
    summary = build_summary(document, taxonomy, reading.spans, annotations)
    rows = [asdict(a) for a in annotations]
    floor = best_of(lambda: json.dumps(rows, default=str), 3)
    floor_peak = peak_mb(lambda: json.dumps(rows, default=str))
    figures = []
    for fmt in FORMATS:
        def once(fmt: ExportFormat = fmt) -> None:
            fmt.renderer(summary, BytesIO(), Ticker(), ExportOptions())

        seconds = best_of(once, 1 if fmt.needs_qt else 3)
        figures.append(Figure(f"export_10k_{fmt.name}", seconds, "s",
                              "json.dumps of the same annotations", floor, None))
        figures.append(Figure(f"export_10k_{fmt.name}_peak", peak_mb(once), "MB",
                              "json.dumps peak memory", floor_peak, None))
    return figures
