"""The words that made a machine passage, underlined in their area's colour and style.

Detection reports a passage's matched words, not where they stand, so they are looked
up in the passage (`term_ranges`). That is done lazily and remembered per passage:
only for the text the document holds so far (a long text arrives in parts, see
reader_view.py), so a 5 MB text with 10,000 passages looks up the terms of its first
part before its first paint, and a new highlight of the reader's looks up none.

Underlines are merged on their own, apart from the fills (highlighting.py): a term's
format sets only the underline, a fill's only the background, so lighting a passage or
adding a highlight never re-merges a term, and hiding an area re-merges only its terms.
Terms of two areas rarely share a word; where they do, the first visible one is drawn.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Iterable

from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument

from annotator.gui.offsets import Utf16Map

NO_UNDERLINE = QTextCharFormat.UnderlineStyle.NoUnderline
Term = tuple[int, int, str]  # start, end, area: tuples sort and compare cheaply


def term_ranges(text: str, start: int, end: int, terms: tuple[str, ...],
                ) -> list[tuple[int, int]]:
    """Where a passage's matched words stand in text[start:end], whole words in any
    case; where two overlap, the longer wins (a phrase over a word inside it).

    Plain `str.find` on the lowered passage, not a regular expression per passage: a
    long text has thousands of passages with different terms, and compiling (and
    caching) a pattern for each cost more time and ~50 MB more memory than finding.
    """
    passage = text[start:end].lower()
    if len(passage) != end - start:  # lowering changed lengths (rare scripts): no shortcut
        return _term_ranges_slow(text, start, end, terms)
    found = []
    for term in {t.lower() for t in terms if t.strip()}:
        at = passage.find(term)
        while at >= 0:
            first, after = start + at, start + at + len(term)
            if not _word_char(text, first - 1) and not _word_char(text, after):
                found.append((first, after))
            at = passage.find(term, at + 1)
    return _longest_first(found)


def _word_char(text: str, index: int) -> bool:
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] == "_")


def _longest_first(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for hit in sorted(found, key=lambda h: (h[0], h[0] - h[1])):
        if not kept or hit[0] >= kept[-1][1]:
            kept.append(hit)
    return kept


def _term_ranges_slow(text: str, start: int, end: int, terms: tuple[str, ...],
                      ) -> list[tuple[int, int]]:
    words = sorted({t for t in terms if t.strip()}, key=len, reverse=True)
    if not words:
        return []
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)",
                         re.IGNORECASE)
    return [m.span() for m in pattern.finditer(text, start, end)]


class TermUnderlines:
    """The term underlines of one QTextDocument: found lazily, hidden per area."""

    def __init__(self, document: QTextDocument, positions: Utf16Map, text: str,
                 underlines: dict[str, QTextCharFormat], hidden: set[str]) -> None:
        self.document = document
        self.positions = positions
        self.text = text
        self.underlines = underlines  # area -> a format that sets only the underline
        self.hidden = hidden  # shared with the fills: one set of hidden areas
        self._passages: dict[tuple[str, int, int, tuple[str, ...]], None] = {}
        self._by_start: list[tuple[int, int, str, tuple[str, ...]]] = []
        self._longest_passage = 0
        self._longest_term = 0
        self._terms: list[Term] = []  # found so far, sorted
        self._until = 0  # terms are found (and drawn) in text[:_until]

    def terms_in(self, start: int, end: int) -> list[Term]:
        """The visible terms overlapping [start, end) found so far, in text order."""
        first = bisect_left(self._terms, (start - self._longest_term,))
        found = []
        for term in self._terms[first:]:
            if term[0] >= end:
                break
            if term[1] > start and term[2] not in self.hidden:
                found.append(term)
        return found

    def set_passages(self, passages: Iterable[tuple[str, int, int, tuple[str, ...]]],
                     until: int) -> None:
        """The machine passages shown now, as (area, start, end, terms); the document
        holds the text up to `until`. Only passages that came or went are looked at."""
        new = dict.fromkeys(passages)
        gone = [p for p in self._passages if p not in new]
        came = [p for p in new if p not in self._passages]
        self._passages = new
        if gone or came:
            self._by_start = sorted((s, e, a, t) for a, s, e, t in new)
            self._longest_passage = max((e - s for s, e, _a, _t in self._by_start), default=0)
        removed = [t for a, s, e, terms in gone for t in self._find(a, s, e, terms)]
        if removed:
            # Two passages of one area may hold the same word: drop one copy per passage.
            dropped = Counter(removed)
            kept = []
            for term in self._terms:
                if dropped[term]:
                    dropped[term] -= 1
                else:
                    kept.append(term)
            self._terms = kept
            self._clear(removed)
        added = [t for a, s, e, terms in came for t in self._find(a, s, e, terms)]
        self._add(added)
        self.extend(until)

    def extend(self, until: int) -> None:
        """The document now holds text[:until]: find and draw the terms that arrived.

        Parts end where a block ends and a term never spans two blocks, so a passage
        crossing the old end is looked at again only after it, never twice."""
        if until <= self._until:
            return
        start, self._until = self._until, until
        first = bisect_left(self._by_start, (start - self._longest_passage,))
        added = []
        for s, e, area, terms in self._by_start[first:]:
            if s >= until:
                break
            if e > start:
                added += self._find(area, max(s, start), e, terms)
        self._add(added)

    def _find(self, area: str, start: int, end: int, terms: tuple[str, ...]) -> list[Term]:
        end = min(end, self._until)
        if start >= end:
            return []
        return [(s, e, area) for s, e in term_ranges(self.text, start, end, terms)]

    def _add(self, added: list[Term]) -> None:
        if not added:
            return
        if len(added) > 64:
            self._terms = sorted(self._terms + added)
        else:
            for term in added:
                insort(self._terms, term)
        self._longest_term = max(self._longest_term, max(e - s for s, e, _a in added))
        self._merge([t for t in added if t[2] not in self.hidden])

    def set_hidden(self, area: str, hidden: bool) -> None:
        """Redraw the terms of one area after it was hidden or shown (the shared set
        already says which)."""
        terms = [t for t in self._terms if t[2] == area]
        if hidden:
            self._clear(terms)
        else:
            self._merge(terms)

    def _clear(self, terms: list[Term]) -> None:
        """Remove these underlines, then redraw any other visible term on the same words."""
        if not terms:
            return
        cleared = QTextCharFormat()
        cleared.setUnderlineStyle(NO_UNDERLINE)
        self._merge(terms, cleared)
        self._merge([other for s, e, _a in terms for other in self.terms_in(s, e)])

    def _merge(self, terms: list[Term], fmt: QTextCharFormat | None = None) -> None:
        if not terms:
            return
        cursor = QTextCursor(self.document)
        cursor.beginEditBlock()
        to_qt = self.positions.to_qt
        keep = QTextCursor.MoveMode.KeepAnchor
        for start, end, area in terms:
            cursor.setPosition(to_qt(start))
            cursor.setPosition(to_qt(end), keep)
            cursor.mergeCharFormat(fmt or self.underlines[area])
        cursor.endEditBlock()
