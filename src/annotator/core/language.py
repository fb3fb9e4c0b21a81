"""A document's language, as far as choosing its policy-area taxonomy needs it.

The importers keep the language a file declares (`Metadata.language`: EPUB's dc:language,
HTML's lang); a plain text or Markdown file declares none, so the text itself decides:
a text written mostly in Chinese characters is Chinese. Only the first few thousand
characters are read, so a 5 MB text costs nothing measurable. Japanese, which also uses
Chinese characters, is told apart by its kana.
"""

from __future__ import annotations

import functools

from annotator.core.document import Document

SAMPLE_CHARS = 4000
# Of the letters in the sample, the share that must be Han characters for Chinese.
HAN_SHARE = 0.3


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def _is_kana(char: str) -> bool:
    return "\u3040" <= char <= "\u30ff"


# The text asked about last and its answer, by identity: each highlight asks about the
# same open document, and even slicing and hashing its opening for `_guess` was ~3% of a
# one-highlight commit (`highlight_commit`, benchmarks/bench_store.py).
_last: dict[int, tuple[str, str]] = {}


def guess_language(text: str) -> str:
    """"zh" or "ja" for a text mostly in Chinese characters, else "" (unknown)."""
    known = _last.get(id(text))
    if known is not None and known[0] is text:
        return known[1]
    language = _guess(text[:SAMPLE_CHARS])
    _last.clear()
    _last[id(text)] = (text, language)
    return language


@functools.lru_cache(maxsize=64)
def _guess(sample: str) -> str:
    """`guess_language` of a text's opening, kept: every highlight asks for its document's
    taxonomy (services/reading.py: suggested_area), and even the C-fast `max` over 4,000
    characters was a sixth of a one-highlight commit (`highlight_commit`,
    benchmarks/bench_store.py)."""
    if not sample or max(sample) < "\u3040":  # no kana or ideograph at all (C-fast)
        return ""
    han = kana = letters = 0
    for char in sample:
        if char.isalpha():
            letters += 1
            if _is_han(char):
                han += 1
            elif _is_kana(char):
                kana += 1
    if not letters or (han + kana) < HAN_SHARE * letters:
        return ""
    return "ja" if kana > han * 0.1 else "zh"


def document_language(document: Document) -> str:
    """The primary language subtag ("zh", "en", ...) declared or guessed, "" unknown."""
    declared = document.metadata.language.strip().replace("_", "-").split("-")[0].lower()
    return declared or guess_language(document.text)
