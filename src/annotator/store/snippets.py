"""Search snippets in one pass over the text, with FTS5 deciding which words match.

FTS5's own `snippet()` scores every candidate window against every match, and its
`highlight()` re-copies its output at every match: both are quadratic in the matches of
a row, so a text repeating one word 10,000 times took 28 s to search. Here the database
only picks the rows (and ranks them: FTS5 on SQLite, `tsvector` on PostgreSQL); the
snippet is cut in Python from the first matching word, the same way for both. Which
words match is an in-memory FTS5 table's call, stemming and diacritics included: the
distinct words of the text are put, as they are met, into it with the SQLite library's
tokenizer (`store/terms.py`) and each query term is matched against them. Cost: linear
in the text up to the first match, plus one small insert per distinct word met.
PostgreSQL's `english` stemmer and FTS5's Porter agree on common words; where they
differ, a PostgreSQL hit may come back with the opening words and no marks."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

ELLIPSIS = "…"
WORDS_BEFORE, WORDS = 5, 16  # what FTS5's snippet(..., 16) showed
# unicode61's token characters are letters and digits ("L* N*"); the rest separates.
_TOKEN = re.compile(r"[^\W_]+")
_NON_SPACE = re.compile(r"\S{0,200}")
_BATCH = 2048  # words scanned between two questions to FTS5


@dataclass(frozen=True, slots=True)
class Snippet:
    offset: int  # where the first matching word starts in the text (0 when none does)
    text: str  # about WORDS words around it, with ellipses where the text goes on
    marks: tuple[tuple[int, int], ...]  # matching words as [start, end) within `text`


class WordMatcher:
    """Answers "would FTS5 match this word for the query?", asking FTS5 in batches."""

    def __init__(self, terms: Sequence[str], tokenizer: str) -> None:
        self._terms = list(terms)
        self._conn = sqlite3.connect(":memory:")
        self._conn.execute(f"CREATE VIRTUAL TABLE words USING fts5(word, tokenize='{tokenizer}')")
        self._known: dict[str, bool] = {}

    def close(self) -> None:
        self._conn.close()

    def learn(self, words: Sequence[str]) -> None:
        """Find out which of `words` (folded) match any term; a word is asked once."""
        new = list(dict.fromkeys(w for w in words if w not in self._known))
        if not new:
            return
        (last,) = self._conn.execute("SELECT coalesce(max(rowid), 0) FROM words").fetchone()
        self._conn.executemany("INSERT INTO words(word) VALUES (?)", [(w,) for w in new])
        matched: set[str] = set()
        for term in self._terms:
            matched.update(word for (word,) in self._conn.execute(
                "SELECT word FROM words WHERE words MATCH ? AND rowid > ?", (term, last)))
        for word in new:
            self._known[word] = word in matched

    def matches(self, word: str) -> bool:
        return self._known.get(word, False)


def _batches(text: str) -> Iterator[list[re.Match[str]]]:
    batch: list[re.Match[str]] = []
    for token in _TOKEN.finditer(text):
        batch.append(token)
        if len(batch) == _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def snippet(text: str, matcher: WordMatcher) -> Snippet | None:
    """The snippet around the first word of `text` the query matches; None if none does."""
    seen: list[re.Match[str]] = []  # the words before the first match, the last few only
    window: list[re.Match[str]] = []
    first: int | None = None
    for batch in _batches(text):
        matcher.learn([t.group().lower() for t in batch])
        for token in batch:
            if first is None:
                if matcher.matches(token.group().lower()):
                    window = seen[-WORDS_BEFORE:]
                    first = len(window)
                    window.append(token)
                else:
                    seen.append(token)
                    if len(seen) > 4 * WORDS_BEFORE:
                        del seen[: -WORDS_BEFORE]
            else:
                window.append(token)
            if first is not None and len(window) >= WORDS:
                break
        if first is not None and len(window) >= WORDS:
            break
    if first is None:
        return None
    start, end = _run_around(text, window[0].start(), window[-1].end())
    lead = ELLIPSIS if start > 0 else ""
    tail = ELLIPSIS if text[end:].strip() else ""
    marks = tuple(
        (len(lead) + t.start() - start, len(lead) + t.end() - start)
        for t in window if matcher.matches(t.group().lower())
    )
    return Snippet(window[first].start(), lead + text[start:end] + tail, marks)


def _run_around(text: str, start: int, end: int) -> tuple[int, int]:
    """`start`..`end` widened to whole whitespace-separated runs ("(word," not "word")."""
    while start > 0 and not text[start - 1].isspace() and start > end - 200:
        start -= 1
    stop = _NON_SPACE.match(text, end)
    return start, stop.end() if stop else end


def opening(text: str) -> Snippet:
    """The first words of `text`, for a row that matched in another column."""
    words = []
    for token in _TOKEN.finditer(text):
        words.append(token)
        if len(words) == WORDS:
            break
    end = _run_around(text, 0, words[-1].end())[1] if words else 0
    return Snippet(0, text[:end] + (ELLIPSIS if text[end:].strip() else ""), ())


def every_match(text: str, matcher: WordMatcher) -> tuple[tuple[int, int], ...]:
    """[start, end) of every word of `text` the query matches, in one pass."""
    marks: list[tuple[int, int]] = []
    for batch in _batches(text):
        matcher.learn([t.group().lower() for t in batch])
        marks.extend((t.start(), t.end()) for t in batch if matcher.matches(t.group().lower()))
    return tuple(marks)
