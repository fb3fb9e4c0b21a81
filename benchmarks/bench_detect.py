"""detect_5mb: policy-area detection over ~5 MB against `str.lower()` of the same text."""

from __future__ import annotations

from annotator.core.detection import Detector
from annotator.importers.plaintext import parse
from annotator.services.reading import bundled_taxonomy
from benchmarks.common import Figure, best_of, prose_text


def run() -> list[Figure]:
    document = parse(prose_text(), "benchmark")
    taxonomy = bundled_taxonomy()
    text = document.text
    floor = best_of(text.lower, 5)
    # a fresh Detector each run: the figure includes compiling the taxonomy's automaton
    value = best_of(lambda: Detector(taxonomy).detect(document), 5)
    return [Figure("detect_5mb", value, "s", "str.lower() over the same text", floor, 4.0)]
