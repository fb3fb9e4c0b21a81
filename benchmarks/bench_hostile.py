"""Slow paths a hostile tester found (issue 13 items 14, 15), each against a floor.

search_repeated_word_10k: `Search.search("word")` over a library whose one document is
"word" 10,000 times; the floor is the same search where the document holds 10,000
distinct words (the issue measured 28.7 s against 0.9 s). Budget: ratio <= 1.5.

export_pdf_fulltext_2mb_paragraph: the PDF with --full-text of a document that is one
2 MB paragraph; the floor is the same text in paragraphs of ~600 characters (ordinary
prose). Budget: ratio <= 1.5. Before the long paragraph was typeset in pieces it took
15 s where the floor takes about 6.
"""

from __future__ import annotations

import shutil
import tempfile
from io import BytesIO
from pathlib import Path

from annotator.core.summary import Summary, SummaryOptions, build_summary
from annotator.exporters import ExportOptions, export_format
from annotator.exporters.base import Ticker
from annotator.importers import import_bytes
from annotator.importers.plaintext import parse
from annotator.services.library import Library
from annotator.services.reading import bundled_taxonomy, read_document
from annotator.services.search import Search
from annotator.store import Store
from benchmarks.common import Figure, best_of, prose_text

REPEATS = 10_000
PARAGRAPH = 2_000_000


def _search_seconds(text: str) -> float:
    folder = tempfile.mkdtemp(prefix="bench-search-")
    try:
        with Store.open(Path(folder) / "annotator.db") as store:
            Library(store).add(import_bytes(f"Title\n\n{text}\n".encode(), "bench.txt"))
            search = Search(store)
            assert search.search("word"), "the benchmark text must match"
            return best_of(lambda: search.search("word"), 5)
    finally:
        shutil.rmtree(folder)


def _pdf_seconds(text: str) -> float:
    document = parse(f"Title\n\n{text}\n", "bench")
    taxonomy = bundled_taxonomy()
    summary: Summary = build_summary(
        document, taxonomy, read_document(document, taxonomy).spans, [],
        options=SummaryOptions(full_text=True, suggestions=True),
    )
    renderer = export_format("pdf").renderer
    return best_of(lambda: renderer(summary, BytesIO(), Ticker(), ExportOptions(summary.options)),
                   1)


def run() -> list[Figure]:
    distinct = " ".join(f"w{i}x" for i in range(REPEATS - 1)) + " word"
    figures = [Figure(
        "search_repeated_word_10k", _search_seconds("word " * REPEATS), "s",
        "the same search, 10,000 distinct words", _search_seconds(distinct), 1.5,
    )]
    words = " ".join(prose_text(PARAGRAPH + 100_000).split())[:PARAGRAPH]
    paragraphs = "\n\n".join(words[i : i + 600] for i in range(0, len(words), 600))
    figures.append(Figure(
        "export_pdf_fulltext_2mb_paragraph", _pdf_seconds(words), "s",
        "the same text in 600-character paragraphs", _pdf_seconds(paragraphs), 1.5,
    ))
    return figures
