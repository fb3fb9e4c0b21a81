"""W3C Web Annotation text anchoring: describe a span, and find it again after edits.

An annotation stores two selectors over the document's normalised text (code-point
offsets): a ``TextPositionSelector`` (cheap and exact while the text is unchanged) and a
``TextQuoteSelector`` (the quoted text plus ~32 characters either side, which survives
edits). Placing an annotation tries, in order:

1. **EXACT** - the stored position still holds the quoted text.
2. **MOVED** - the exact quote occurs elsewhere. Occurrences whose prefix and suffix both
   still agree beat those where one side agrees, which beat the rest; within a tier the one
   nearest the old position wins, and context similarity breaks the remaining ties. Context
   outranks distance because a large insertion before the span can shift it past another
   occurrence of a short quote, while the surrounding words travel with it.
3. **FUZZY** - an approximate match (edit distance at most ``MAX_ERROR_RATIO`` of the
   quote), scored like the Hypothesis client's ``matchQuote``: quote similarity weighted 50,
   prefix 20, suffix 20, closeness to the old position 2. The search runs first in a window
   around the old position and widens to the whole text only when that fails.
4. **UNPLACED** - ``start == end == -1``. The caller keeps the annotation and shows its
   quote: an orphan is recoverable, a confident wrong place is not.

The approximate search is Myers' bit-parallel algorithm (as in approx-string-match, which
Hypothesis uses) over Python integers, which is fast enough for windows of tens of
thousands of characters. On large texts the global pass first asks rapidfuzz (C++) for the
best-aligned region and only verifies that region with Myers, so a 5 MB text stays well
under a second.

Offsets are code points, as the W3C model and Python ``str`` count them. JavaScript tools
(and the shared corpus) count UTF-16 code units; ``to_utf16``/``from_utf16`` convert.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

__all__ = [
    "DEFAULT_CONTEXT",
    "MAX_ERROR_RATIO",
    "MIN_FUZZY_SCORE",
    "Anchor",
    "AnchorStatus",
    "ApproxMatch",
    "QuoteMatch",
    "TextPositionSelector",
    "TextQuoteSelector",
    "anchor",
    "approx_search",
    "describe",
    "exact_matches",
    "from_utf16",
    "match_quote",
    "reanchor_all",
    "to_utf16",
]

DEFAULT_CONTEXT = 32
"""Characters of prefix/suffix kept either side of a quote (the Hypothesis policy)."""

MAX_ERROR_RATIO = 0.25
"""Edits allowed per quote character for a fuzzy match.

Hypothesis allows half the quote length, which anchors "Quisque sit amet est et sapien
ullam triceracorn" onto "...ullamcorper pharetra"; a quarter still accepts the corpus's
genuine near-misses ("some years later" -> "Many years later", "commodo cites" ->
"commodo vitae") while refusing such guesses. Quotes shorter than four characters never
match fuzzily.
"""

MIN_FUZZY_SCORE = 0.75
"""Weighted score a fuzzy match needs (an exact match needs none).

At the 25% edit limit the quote alone earns 0.41 of the weighted score, so an approximate
match must also be backed by its context: a quote whose passage was deleted must not settle
on a look-alike elsewhere ("0001" -> "0000" at the start of "00000"). Empty prefix/suffix
(a span at the start or end of the document) count as agreeing, as in Hypothesis.
"""

MAX_ERRORS_CAP = 256
"""Upper bound on edits, as in Hypothesis, so a huge quote cannot make the search quadratic."""

_QUOTE_WEIGHT = 50.0
_PREFIX_WEIGHT = 20.0
_SUFFIX_WEIGHT = 20.0
_POSITION_WEIGHT = 2.0
_MAX_SCORE = _QUOTE_WEIGHT + _PREFIX_WEIGHT + _SUFFIX_WEIGHT + _POSITION_WEIGHT

_FULL_SEARCH_LIMIT = 40_000
"""Texts up to this many characters are searched fuzzily in full with Myers (~50 ms)."""

_PROBE_LENGTH = 128
"""Long quotes are located globally by probes of this length (rapidfuzz is slow on long needles)."""


# --------------------------------------------------------------------------- selectors


@dataclass(frozen=True, slots=True)
class TextQuoteSelector:
    """The quoted text and its context; survives edits elsewhere in the document."""

    exact: str
    prefix: str = ""
    suffix: str = ""

    def as_json(self) -> dict[str, str]:
        return {
            "type": "TextQuoteSelector",
            "exact": self.exact,
            "prefix": self.prefix,
            "suffix": self.suffix,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> TextQuoteSelector:
        """Read a W3C dict; prefix and suffix are optional in the model, so default to ""."""
        if data.get("type", "TextQuoteSelector") != "TextQuoteSelector":
            raise ValueError(f"not a TextQuoteSelector: {data.get('type')!r}")
        return cls(
            exact=str(data["exact"]),
            prefix=str(data.get("prefix") or ""),
            suffix=str(data.get("suffix") or ""),
        )


@dataclass(frozen=True, slots=True)
class TextPositionSelector:
    """Code-point offsets [start, end) into the normalised text; cheap but brittle."""

    start: int
    end: int

    def as_json(self) -> dict[str, str | int]:
        return {"type": "TextPositionSelector", "start": self.start, "end": self.end}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> TextPositionSelector:
        if data.get("type", "TextPositionSelector") != "TextPositionSelector":
            raise ValueError(f"not a TextPositionSelector: {data.get('type')!r}")
        start, end = int(data["start"]), int(data["end"])
        if start < 0 or end < start:
            raise ValueError(f"bad TextPositionSelector span: {start}..{end}")
        return cls(start, end)


class AnchorStatus(StrEnum):
    EXACT = "exact"  # the stored position still holds the quote
    MOVED = "moved"  # the exact quote, found somewhere else
    FUZZY = "fuzzy"  # an approximate match of the quote
    UNPLACED = "unplaced"  # nowhere good enough; keep the annotation, show its quote


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where an annotation lands in the current text, and how sure we are."""

    start: int
    end: int
    status: AnchorStatus
    score: float = 0.0  # 0..1, Hypothesis-style weighted score; 1.0 for EXACT

    @property
    def placed(self) -> bool:
        return self.status is not AnchorStatus.UNPLACED


UNPLACED = Anchor(-1, -1, AnchorStatus.UNPLACED, 0.0)


def describe(
    text: str, start: int, end: int, context: int = DEFAULT_CONTEXT
) -> tuple[TextPositionSelector, TextQuoteSelector]:
    """Both selectors for text[start:end], with ``context`` characters either side."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}..{end} outside text of length {len(text)}")
    if context < 0:
        raise ValueError("context must be >= 0")
    quote = TextQuoteSelector(
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
    )
    return TextPositionSelector(start, end), quote


# --------------------------------------------------------------------------- UTF-16


def to_utf16(text: str, offset: int) -> int:
    """A code-point offset as a UTF-16 code-unit offset (what JavaScript tools store)."""
    if not 0 <= offset <= len(text):
        raise ValueError(f"offset {offset} outside text of length {len(text)}")
    head = text[:offset]
    return offset + sum(1 for ch in head if ord(ch) > 0xFFFF) if not head.isascii() else offset


def from_utf16(text: str, offset: int) -> int:
    """A UTF-16 code-unit offset as a code-point offset; refuses one inside a surrogate pair."""
    if offset < 0:
        raise ValueError(f"negative offset {offset}")
    if text.isascii():
        if offset > len(text):
            raise ValueError(f"offset {offset} outside text of length {len(text)}")
        return offset
    units = 0
    for index, ch in enumerate(text):
        if units == offset:
            return index
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > offset:
            raise ValueError(f"UTF-16 offset {offset} splits a surrogate pair")
    if units == offset:
        return len(text)
    raise ValueError(f"offset {offset} outside text of {units} UTF-16 code units")


# --------------------------------------------------------------------------- approximate search


@dataclass(frozen=True, slots=True)
class ApproxMatch:
    """A substring text[start:end] within ``errors`` edits of the pattern."""

    start: int
    end: int
    errors: int


def _match_ends(text: str, pattern: str, max_errors: int) -> list[tuple[int, int]]:
    """(end, errors) for every end position where some substring is within max_errors.

    Myers (1999) bit-parallel edit distance in the search variant (row 0 is all zeros, so
    a match may start anywhere); Python integers hold any pattern length.
    """
    m = len(pattern)
    if m == 0:
        return []
    mask = (1 << m) - 1
    last = 1 << (m - 1)
    peq: dict[str, int] = {}
    for i, ch in enumerate(pattern):
        peq[ch] = peq.get(ch, 0) | (1 << i)
    pv, mv, score = mask, 0, m
    out: list[tuple[int, int]] = []
    get = peq.get
    for j, ch in enumerate(text):
        eq = get(ch, 0)
        xv = eq | mv
        xh = ((((eq & pv) + pv) & mask) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        if ph & last:
            score += 1
        elif mh & last:
            score -= 1
        ph = (ph << 1) & mask
        mh = (mh << 1) & mask
        pv = mh | (~(xv | ph) & mask)
        mv = ph & xv
        if score <= max_errors:
            out.append((j + 1, score))
    return out


def _match_start(text: str, pattern: str, end: int, errors: int) -> int:
    """The earliest start of a match ending at ``end`` with at most ``errors`` edits.

    Searching the reversed pattern in the reversed text before ``end`` (as
    approx-string-match does) recovers starts without a full traceback matrix.
    """
    lo = max(0, end - len(pattern) - errors)
    rev_text = text[lo:end][::-1]
    rev_ends = _match_ends(rev_text, pattern[::-1], errors)
    if not rev_ends:  # cannot happen for a genuine match; be safe
        return max(0, end - len(pattern))
    return end - max(e for e, _ in rev_ends)


def approx_search(text: str, pattern: str, max_errors: int) -> list[ApproxMatch]:
    """Every match of ``pattern`` in ``text`` with at most ``max_errors`` edits.

    One match per end position (approx-string-match semantics), in text order; an empty
    pattern matches nothing. Cost is O(len(text)) Python steps, so callers restrict the
    window on large texts.
    """
    if not pattern or not text:
        return []
    ends = _match_ends(text, pattern, max(0, max_errors))
    return [ApproxMatch(_match_start(text, pattern, e, k), e, k) for e, k in ends]


def _local_minima(ends: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep ends whose error count is no worse than either neighbour's.

    Adjacent ends of one match differ by an edit each; their worse neighbours would only
    lose the scoring anyway and each costs a reverse search.
    """
    keep: list[tuple[int, int]] = []
    for i, (end, err) in enumerate(ends):
        prev_err = ends[i - 1][1] if i and ends[i - 1][0] == end - 1 else None
        next_err = ends[i + 1][1] if i + 1 < len(ends) and ends[i + 1][0] == end + 1 else None
        if (prev_err is None or err <= prev_err) and (next_err is None or err <= next_err):
            keep.append((end, err))
    return keep


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True, slots=True)
class QuoteMatch:
    """A candidate place for a quote, with the weighted score that chose it."""

    start: int
    end: int
    errors: int
    score: float


def _similarity(actual: str, expected: str) -> float:
    """1 - errors/len(expected), errors being the fewest edits of ``expected`` into any
    substring of ``actual`` (Hypothesis's textMatchScore); 0 when either side is empty.

    A substring alignment, not plain Levenshtein, because the context next to a quote may
    have shifted by a few characters while still reading the same ("we had nout" should
    favour "...ad nothing " over "everything ").
    """
    if not expected or not actual:
        return 0.0
    ends = _match_ends(actual, expected, len(expected))
    errors = min((k for _, k in ends), default=len(expected))
    return max(0.0, 1.0 - errors / len(expected))


def _rough_context(text: str, quote: TextQuoteSelector, start: int, end: int) -> int:
    """Cheap C-speed context distance used only to shortlist many exact occurrences."""
    cost = 0
    if quote.prefix:
        cost += Levenshtein.distance(text[max(0, start - len(quote.prefix)) : start], quote.prefix)
    if quote.suffix:
        cost += Levenshtein.distance(text[end : end + len(quote.suffix)], quote.suffix)
    return cost


def _score(
    text: str,
    quote: TextQuoteSelector,
    start: int,
    end: int,
    errors: int,
    hint: int | None,
) -> float:
    """Hypothesis's matchQuote weighting, normalised to 0..1."""
    quote_score = 1.0 - errors / len(quote.exact)
    prefix_score = (
        _similarity(text[max(0, start - len(quote.prefix)) : start], quote.prefix)
        if quote.prefix
        else 1.0
    )
    suffix_score = (
        _similarity(text[end : end + len(quote.suffix)], quote.suffix) if quote.suffix else 1.0
    )
    pos_score = 1.0
    if hint is not None and text:
        pos_score = max(0.0, 1.0 - abs(start - hint) / len(text))
    raw = (
        _QUOTE_WEIGHT * quote_score
        + _PREFIX_WEIGHT * prefix_score
        + _SUFFIX_WEIGHT * suffix_score
        + _POSITION_WEIGHT * pos_score
    )
    return raw / _MAX_SCORE


def _max_errors(quote_length: int) -> int:
    return min(MAX_ERRORS_CAP, int(quote_length * MAX_ERROR_RATIO))


def _exact_occurrences(text: str, exact: str) -> list[int]:
    """All starts of ``exact`` (overlaps included) by a C-speed str.find loop."""
    found: list[int] = []
    pos = text.find(exact)
    while pos != -1:
        found.append(pos)
        pos = text.find(exact, pos + 1)
    return found


def exact_matches(text: str, quote: TextQuoteSelector) -> list[tuple[int, int]]:
    """Every (start, end) of ``exact`` where prefix+exact+suffix occur contiguously.

    Apache Annotator's strict semantics, overlaps included: what a selector identifies
    when no edit is allowed. ``describe`` output occurs exactly once, which the tests
    check with this.
    """
    whole = quote.prefix + quote.exact + quote.suffix
    skip = len(quote.prefix)
    return [(s + skip, s + skip + len(quote.exact)) for s in _exact_occurrences(text, whole)]


def _context_tier(text: str, quote: TextQuoteSelector, start: int, end: int) -> int:
    """2 when prefix and suffix both agree verbatim, 1 for one side, 0 for neither."""
    prefix_ok = bool(quote.prefix) and text.endswith(quote.prefix, 0, start)
    suffix_ok = bool(quote.suffix) and text.startswith(quote.suffix, end)
    return int(prefix_ok) + int(suffix_ok)


_SHORTLIST = 64
"""Exact occurrences scored in full when there are many (e.g. "the" in a book)."""


def _best_exact(text: str, quote: TextQuoteSelector, hint: int | None) -> QuoteMatch | None:
    starts = _exact_occurrences(text, quote.exact)
    if not starts:
        return None
    n = len(quote.exact)
    tiers = [_context_tier(text, quote, s, s + n) for s in starts]
    top = max(tiers)
    group = [s for s, t in zip(starts, tiers, strict=True) if t == top]
    if hint is not None:
        nearest = min(abs(s - hint) for s in group)
        group = [s for s in group if abs(s - hint) == nearest]
    elif len(group) > _SHORTLIST and (quote.prefix or quote.suffix):
        group = sorted(group, key=lambda s: _rough_context(text, quote, s, s + n))[:_SHORTLIST]
        group.sort()
    best: QuoteMatch | None = None
    for s in group:
        score = _score(text, quote, s, s + n, 0, hint)
        if best is None or score > best.score:
            best = QuoteMatch(s, s + n, 0, score)
    return best


def _fuzzy_in(
    text: str,
    quote: TextQuoteSelector,
    lo: int,
    hi: int,
    max_errors: int,
    hint: int | None,
) -> QuoteMatch | None:
    """Best-scoring approximate match inside text[lo:hi] (offsets reported in ``text``)."""
    window = text[lo:hi]
    m = len(quote.exact)
    ends = _local_minima(_match_ends(window, quote.exact, max_errors))
    best: QuoteMatch | None = None
    for end, errors in ends:
        start = _match_start(window, quote.exact, end, errors) + lo
        end += lo
        if end <= start:
            continue
        score = _score(text, quote, start, end, errors, hint)
        if score < MIN_FUZZY_SCORE:
            continue
        # On equal scores prefer the span whose length is closest to the quote's:
        # "commodo cites" -> "commodo vitae" rather than "commodo vit" (3 edits each).
        if best is None or (score, -abs(end - start - m)) > (
            best.score,
            -abs(best.end - best.start - m),
        ):
            best = QuoteMatch(start, end, errors, score)
    return best


def _global_candidates(text: str, exact: str, max_errors: int) -> list[tuple[int, int]]:
    """Regions of a large text worth verifying, found by rapidfuzz's C++ alignment.

    partial_ratio uses Indel distance; e Levenshtein edits cost at most 2e Indel edits, so a
    cutoff of 100 * (1 - e/len) never drops a region Myers would accept.
    """
    m = len(exact)
    if m <= 2 * _PROBE_LENGTH:
        probes = [(0, exact)]
    else:
        mid = (m - _PROBE_LENGTH) // 2
        probes = [
            (0, exact[:_PROBE_LENGTH]),
            (mid, exact[mid : mid + _PROBE_LENGTH]),
            (m - _PROBE_LENGTH, exact[-_PROBE_LENGTH:]),
        ]
    regions: list[tuple[int, int]] = []
    for offset, probe in probes:
        cutoff = 100.0 * (1.0 - min(max_errors, len(probe)) / len(probe))
        hit = fuzz.partial_ratio_alignment(probe, text, score_cutoff=cutoff)
        if hit is None:
            continue
        guess = hit.dest_start - hit.src_start - offset
        regions.append((guess - max_errors - 8, guess + m + max_errors + 8))
    return regions


def match_quote(text: str, quote: TextQuoteSelector, hint: int | None = None) -> QuoteMatch | None:
    """The best place for ``quote`` in ``text``: exact occurrences first, then fuzzy.

    ``hint`` is where the quote is expected to start (the old position, possibly shifted);
    it ranks candidates and narrows the fuzzy search before the whole text is tried.
    Returns None when no place is within ``MAX_ERROR_RATIO`` edits.
    """
    exact = quote.exact
    if not exact or not text:
        return None
    found = _best_exact(text, quote, hint)
    if found is not None:
        return found
    max_errors = _max_errors(len(exact))
    if max_errors == 0:
        return None
    n, m = len(text), len(exact)
    searched: tuple[int, int] | None = None
    if hint is not None:
        radius = max(2_000, 4 * m)
        lo, hi = max(0, hint - radius), min(n, hint + m + radius)
        local = _fuzzy_in(text, quote, lo, hi, max_errors, hint)
        if local is not None:
            return local
        searched = (lo, hi)
    if searched == (0, n):
        return None
    if n <= _FULL_SEARCH_LIMIT:
        return _fuzzy_in(text, quote, 0, n, max_errors, hint)
    best: QuoteMatch | None = None
    for lo, hi in _global_candidates(text, exact, max_errors):
        cand = _fuzzy_in(text, quote, max(0, lo), min(n, hi), max_errors, hint)
        if cand is not None and (best is None or cand.score > best.score):
            best = cand
    return best


# --------------------------------------------------------------------------- anchoring


def _position_holds(text: str, quote: TextQuoteSelector, pos: TextPositionSelector) -> bool:
    return 0 <= pos.start <= pos.end <= len(text) and text[pos.start : pos.end] == quote.exact


def _anchor(
    text: str,
    quote: TextQuoteSelector,
    position: TextPositionSelector | None,
    hint: int | None,
) -> Anchor:
    if position is not None and quote.exact and _position_holds(text, quote, position):
        return Anchor(position.start, position.end, AnchorStatus.EXACT, 1.0)
    found = match_quote(text, quote, hint)
    if found is None:
        return UNPLACED
    status = AnchorStatus.MOVED if found.errors == 0 else AnchorStatus.FUZZY
    return Anchor(found.start, found.end, status, found.score)


def anchor(
    text: str, quote: TextQuoteSelector, position: TextPositionSelector | None = None
) -> Anchor:
    """Place an annotation's selectors in ``text`` (see the module docstring for the order).

    A position beyond the text is ignored rather than trusted, and an empty quote is
    UNPLACED: there is nothing to recognise the passage by.
    """
    hint = None
    if position is not None and 0 <= position.start <= len(text):
        hint = position.start
    return _anchor(text, quote, position, hint)


def _common_prefix_length(a: str, b: str) -> int:
    """Length of the common prefix, by halving slices (C-speed comparisons)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_suffix_length(a: str, b: str, limit: int) -> int:
    lo, hi = 0, min(len(a), len(b), limit)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid :] == b[len(b) - mid :]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def reanchor_all(
    old_text: str,
    new_text: str,
    selectors: Iterable[tuple[TextPositionSelector | None, TextQuoteSelector]],
) -> list[Anchor]:
    """Place every annotation of ``old_text`` in its revision ``new_text``, in input order.

    The unchanged head and tail of the two texts map positions exactly; elsewhere the
    running shift of the previously placed annotation (in document order) predicts where the
    next one went, which keeps fuzzy searches in a small window. Status is still judged
    against each annotation's stored position.
    """
    items: Sequence[tuple[TextPositionSelector | None, TextQuoteSelector]] = list(selectors)
    if old_text == new_text:
        return [anchor(new_text, q, p) for p, q in items]
    head = _common_prefix_length(old_text, new_text)
    tail = _common_suffix_length(old_text, new_text, min(len(old_text), len(new_text)) - head)
    delta = len(new_text) - len(old_text)
    old_tail_start = len(old_text) - tail

    def old_start(i: int) -> int:
        pos = items[i][0]
        return pos.start if pos is not None else 0

    order = sorted(range(len(items)), key=old_start)
    results: list[Anchor | None] = [None] * len(items)
    shift = 0
    for i in order:
        pos, quote = items[i]
        hint: int | None = None
        if pos is not None and 0 <= pos.start <= pos.end <= len(old_text):
            if pos.end <= head:
                hint = pos.start
            elif pos.start >= old_tail_start:
                hint = pos.start + delta
                shifted = TextPositionSelector(pos.start + delta, pos.end + delta)
                if not _position_holds(new_text, quote, pos) and _position_holds(
                    new_text, quote, shifted
                ):
                    # The same characters, shifted by the edit before them.
                    results[i] = Anchor(shifted.start, shifted.end, AnchorStatus.MOVED, 1.0)
                    shift = delta
                    continue
            else:
                hint = min(len(new_text), max(0, pos.start + shift))
        result = _anchor(new_text, quote, pos, hint)
        if result.placed and pos is not None:
            shift = result.start - pos.start
        results[i] = result
    return [r if r is not None else UNPLACED for r in results]
