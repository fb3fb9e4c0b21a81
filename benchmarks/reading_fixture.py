"""The 5 MB benchmark document with its 10,000 highlights, as the window gets it.

Kept apart from `bench_reader.py` with only the imports a launch needs: the first-paint
child (`bench_reader._CHILD`) imports this module inside its timed region, and the
statistics, subprocess and tracemalloc modules the benchmark driver needs would be
counted against the app. The highlights are generated once by the driver and stored
beside the text (`write_spans`); the child reads them back (`load_reading`) the way the
app reads a document's detected passages from its cache (`services/reading.py`), instead
of running 10,000 regular-expression searches inside the clock.
"""

from __future__ import annotations

import marshal
import random
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotator.core.document import Document

HIGHLIGHTS = 10_000
AREAS = ("peace-security", "climate", "ai-governance", "multilateral-reform", "people-exchange")


def generate_spans(text: str, count: int = HIGHLIGHTS, seed: int = 7) -> list[tuple[str, int, int]]:
    """`count` (area, start, end) ranges spread over `text`; about one in five overlaps."""
    rng = random.Random(seed)
    step = len(text) // count
    spans = []
    for index in range(count):
        start = index * step + rng.randrange(0, max(1, step // 2))
        length = rng.randrange(40, 400)
        spans.append((AREAS[index % len(AREAS)], start, min(len(text), start + length)))
    return spans


def spans_path(path: str) -> Path:
    return Path(f"{path}.spans")


def write_spans(path: str) -> None:
    """Store the highlights of the text at `path` beside it: each passage is explained by
    its first whole word, which the reader underlines as a term."""
    from annotator.importers.plaintext import parse

    text = parse(Path(path).read_text(encoding="utf-8"), "benchmark").text
    word = re.compile(r"(?<!\w)\w{3,}(?!\w)")
    spans = [(area, s, e, found.group())
             for area, s, e in generate_spans(text)
             if (found := word.search(text, s, e)) is not None and found.end() < e]
    spans_path(path).write_bytes(marshal.dumps(spans))


def load_reading(path: str, highlights: bool = True) -> object:
    """The document at `path` with the highlights `write_spans` stored (or none)."""
    from annotator.importers.plaintext import parse

    return _reading(parse(Path(path).read_text(encoding="utf-8"), "benchmark"), path,
                    highlights)


def load_first_screen(path: str) -> object:
    """The beginning of the document at `path` that a window paints first
    (`importers.import_head`, as `MainWindow.open_initial` reads a long last document),
    with the stored highlights that fall in it."""
    from annotator.importers import import_head

    head = import_head(Path(path))
    assert head is not None, f"{path} has no beginning to paint first"
    return _reading(head, path, True)


def _reading(document: Document, path: str, highlights: bool) -> object:
    from annotator.core.detection import AreaSpan
    from annotator.services.reading import Reading, bundled_taxonomy

    end = len(document.text)
    stored = marshal.loads(spans_path(path).read_bytes()) if highlights else []
    spans = tuple(AreaSpan(area, s, e, (term,)) for area, s, e, term in stored if e <= end)
    return Reading(document, bundled_taxonomy(), spans, None)
