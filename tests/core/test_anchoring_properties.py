"""Property-based anchoring: whatever the document, an annotation is either found where its
text went or reported unplaced, never confidently put somewhere wrong."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

from annotator.core.anchoring import (
    MAX_ERROR_RATIO,
    AnchorStatus,
    anchor,
    describe,
    from_utf16,
    to_utf16,
)

# Words, combining marks, emoji (astral, 2 UTF-16 units), CRLF and other whitespace: the
# characters most likely to break offset arithmetic.
_PIECES = st.one_of(
    st.sampled_from(
        [
            "the",
            "policy",
            "trade",
            "cooperation",
            "e\u0301",
            "n\u0303o",
            "😊",
            "👩\u200d💻",
            "\r\n",
            "\n\n",
            " ",
            "  ",
            "\t",
            ".",
            ",",
            "Ω",
            "中文",
        ]
    ),
    st.text(min_size=1, max_size=6),
)
_DOCS = st.lists(_PIECES, min_size=1, max_size=60).map("".join)
_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _occurrences(text: str, quote: str) -> int:
    """Places `quote` stands in `text`, overlapping ones too ("ethet" is twice in
    "ethethethe"; str.count finds it once)."""
    count, found = 0, text.find(quote)
    while found >= 0:
        count += 1
        found = text.find(quote, found + 1)
    return count


@st.composite
def _doc_and_span(draw: st.DrawFn) -> tuple[str, int, int]:
    text = draw(_DOCS)
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    return text, start, end


@_SETTINGS
@given(_doc_and_span())
def test_unchanged_text_is_exact(case: tuple[str, int, int]) -> None:
    text, start, end = case
    position, quote = describe(text, start, end)
    placed = anchor(text, quote, position)
    assert (placed.start, placed.end, placed.status) == (start, end, AnchorStatus.EXACT)


@_SETTINGS
@given(_doc_and_span(), st.data())
def test_edits_outside_keep_the_quote(case: tuple[str, int, int], data: st.DataObject) -> None:
    text, start, end = case
    position, quote = describe(text, start, end)
    before = data.draw(st.booleans(), label="edit before")
    lo, hi = (0, start) if before else (end, len(text))
    a = data.draw(st.integers(lo, hi), label="a")
    b = data.draw(st.integers(a, hi), label="b")
    inserted = data.draw(_DOCS | st.just(""), label="inserted")
    assume(text[a:b] != inserted)
    new_text = text[:a] + inserted + text[b:]
    shift = len(inserted) - (b - a) if before else 0

    placed = anchor(new_text, quote, position)
    assert placed.status in (AnchorStatus.EXACT, AnchorStatus.MOVED)
    assert new_text[placed.start : placed.end] == quote.exact
    if _occurrences(new_text, quote.exact) == 1:
        assert (placed.start, placed.end) == (start + shift, end + shift)


@_SETTINGS
@given(_doc_and_span(), st.data())
def test_edits_inside_are_fuzzy_nearby_or_unplaced(
    case: tuple[str, int, int], data: st.DataObject
) -> None:
    text, start, end = case
    position, quote = describe(text, start, end)
    a = data.draw(st.integers(start, end), label="a")
    b = data.draw(st.integers(a, end), label="b")
    inserted = data.draw(st.text(max_size=4), label="inserted")
    assume(text[a:b] != inserted)
    new_text = text[:a] + inserted + text[b:]
    new_end = end + len(inserted) - (b - a)

    placed = anchor(new_text, quote, position)
    if placed.status in (AnchorStatus.EXACT, AnchorStatus.MOVED):
        # Only possible where the exact quote still exists (e.g. it was repeated).
        assert new_text[placed.start : placed.end] == quote.exact
    elif placed.status is AnchorStatus.FUZZY:
        assert quote.exact not in new_text
        # Either it overlaps the edited region (an empty region counts by touching it), or,
        # in a text that repeats itself, it found other words within the error budget: a
        # fuzzy placement of genuinely similar text, which the panel shows as fuzzy.
        found = new_text[placed.start : placed.end]
        distance = Levenshtein.distance(found, quote.exact)
        overlaps = placed.start <= new_end and placed.end >= start
        assert overlaps or distance <= len(quote.exact) * MAX_ERROR_RATIO, (placed, found)
    else:
        assert (placed.start, placed.end) == (-1, -1)


@_SETTINGS
@given(_DOCS, st.data())
def test_utf16_round_trip(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    units = to_utf16(text, offset)
    assert units == len(text[:offset].encode("utf-16-le")) // 2
    assert from_utf16(text, units) == offset


def test_a_quote_in_periodic_text_is_placed_on_one_of_its_exact_matches() -> None:
    """Found by hypothesis in CI: after deleting "th" from "thethethethe", the quote
    "ethet" (2-7) stands at 0 and at 3; either is a faithful placement."""
    position, quote = describe("thethethethe", 2, 7)
    placed = anchor("ethethethe", quote, position)
    assert (placed.start, placed.end) in ((0, 5), (3, 8))
    assert _occurrences("ethethethe", "ethet") == 2
