"""reanchor_fuzzy_5mb: placing an edited quote in ~5 MB, against `str.find` of it."""

from __future__ import annotations

from annotator.core.anchoring import anchor, describe
from benchmarks.common import Figure, best_of, prose_text


def run() -> list[Figure]:
    text = prose_text()
    start = len(text) * 4 // 5
    start = text.index(" ", start) + 1
    position, quote = describe(text, start, start + 80)
    edited = text[: start + 20] + "XYZ" + text[start + 23 :]
    floor = best_of(lambda: edited.find(quote.exact), 5)
    near = best_of(lambda: anchor(edited, quote, position), 5)
    anywhere = best_of(lambda: anchor(edited, quote, None), 3)
    return [
        Figure("reanchor_fuzzy_near_5mb", near, "s", "str.find of the quote", floor),
        Figure("reanchor_fuzzy_anywhere_5mb", anywhere, "s", "str.find of the quote", floor),
    ]
