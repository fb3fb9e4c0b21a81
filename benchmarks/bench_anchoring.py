"""reanchor_fuzzy_*_5mb: placing an edited quote in ~5 MB, against `str.find` of it.

Each paragraph of the benchmark text is numbered so every quote is unique: the repeated
prose would otherwise offer an exact copy elsewhere and never reach the fuzzy search.
"""

from __future__ import annotations

from annotator.core.anchoring import AnchorStatus, anchor, describe
from benchmarks.common import Figure, best_of, prose_text


def run() -> list[Figure]:
    paragraphs = prose_text().split("\n\n")
    text = "\n\n".join(f"[{number}] {p}" for number, p in enumerate(paragraphs))
    start = text.index("\n\n[", len(text) * 4 // 5) + 2  # the quote holds a paragraph number
    position, quote = describe(text, start, start + 80)
    edited = text[: start + 20] + "XYZ" + text[start + 23 :]
    assert anchor(edited, quote, None).status is AnchorStatus.FUZZY
    floor = best_of(lambda: text.find(quote.exact), 5)
    near = best_of(lambda: anchor(edited, quote, position), 5)
    anywhere = best_of(lambda: anchor(edited, quote, None), 3)
    found = "str.find of the unedited quote"
    return [
        Figure("reanchor_fuzzy_near_5mb", near, "s", found, floor),
        Figure("reanchor_fuzzy_anywhere_5mb", anywhere, "s", found, floor),
    ]
