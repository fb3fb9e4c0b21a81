"""Find in page: every occurrence of what the reader typed, as code-point ranges.

Matching ignores case the way `str.lower` does per character, so each match's offsets
are offsets into the text itself (casefold could change lengths, "ß" -> "ss").
"""

from __future__ import annotations

import re

# A find bar stops marking beyond this many matches (one letter in a long book).
MAX_MATCHES = 10_000


def find_all(text: str, query: str, limit: int = MAX_MATCHES) -> list[tuple[int, int]]:
    """(start, end) of each non-overlapping, case-insensitive occurrence of `query`."""
    if not query:
        return []
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    matches: list[tuple[int, int]] = []
    for match in pattern.finditer(text):
        matches.append((match.start(), match.end()))
        if len(matches) >= limit:
            break
    return matches


def nearest(matches: list[tuple[int, int]], offset: int) -> int:
    """Index of the first match starting at or after `offset`, wrapping to the first."""
    return next((i for i, (start, _end) in enumerate(matches) if start >= offset), 0)
