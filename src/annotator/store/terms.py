"""The reader's search words, and which words of a text they match.

Both adapters search with the same words: SQLite hands them to FTS5 (`store/sqlite/fts.py`),
PostgreSQL to a `tsquery` (`store/postgres/search.py`). Snippets and "every hit" marks
are cut in Python by `store/snippets.py`, which asks an in-memory FTS5 table with
`TOKENIZER` which words match, so both adapters mark the same words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Porter stemming over unicode61 tokens, accents folded: `cooperating` finds `cooperation`.
TOKENIZER = "porter unicode61 remove_diacritics 2"

_WORD = re.compile(r"\w+\*?")

Word = tuple[str, bool]  # (the word, whether it is a prefix: `word*`)


def words(query: str) -> list[Word]:
    """The words of a search box's text; punctuation and operators are not words."""
    found = []
    for word in _WORD.findall(query):
        core = word.rstrip("*")
        if core:
            found.append((core, word.endswith("*")))
    return found


def match_terms(query: str) -> list[str]:
    """The reader's words as safe FTS5 terms: each word quoted, `word*` a prefix.

    Quoting each word means punctuation, `AND`, `-` or a stray quote in the search box can
    never be a syntax error. The index is Porter-stemmed (`cooperating` finds
    `cooperation`), so a prefix matches stems: `cooper*` does, `cooperat*` does not.
    """
    return fts5_terms(words(query))


def fts5_terms(query: Sequence[Word]) -> list[str]:
    """`words` as FTS5 terms (see `match_terms`)."""
    return [f'"{word}"' + ("*" if prefix else "") for word, prefix in query]

