"""Unit tests for anchoring: selector JSON, describe, statuses, re-anchoring, UTF-16, speed."""

from __future__ import annotations

import random

import pytest

from annotator.core.anchoring import (
    Anchor,
    AnchorStatus,
    TextPositionSelector,
    TextQuoteSelector,
    anchor,
    approx_search,
    describe,
    from_utf16,
    reanchor_all,
    to_utf16,
)

TEXT = (
    "The ministers met in Geneva. They agreed to cooperate on climate finance and on "
    "trade. Later, the ministers met in Beijing. They agreed to cooperate on public health."
)


def test_selectors_round_trip_w3c_json() -> None:
    quote = TextQuoteSelector("exact", "pre", "suf")
    assert quote.as_json() == {
        "type": "TextQuoteSelector",
        "exact": "exact",
        "prefix": "pre",
        "suffix": "suf",
    }
    assert TextQuoteSelector.from_json(quote.as_json()) == quote
    assert TextQuoteSelector.from_json({"type": "TextQuoteSelector", "exact": "x"}) == (
        TextQuoteSelector("x")
    )
    position = TextPositionSelector(3, 9)
    assert position.as_json() == {"type": "TextPositionSelector", "start": 3, "end": 9}
    assert TextPositionSelector.from_json(position.as_json()) == position
    with pytest.raises(ValueError):
        TextQuoteSelector.from_json({"type": "TextPositionSelector", "exact": "x"})
    with pytest.raises(ValueError):
        TextPositionSelector.from_json({"type": "TextPositionSelector", "start": 5, "end": 2})


def test_describe_takes_32_characters_of_context() -> None:
    start = TEXT.index("climate")
    position, quote = describe(TEXT, start, start + len("climate finance"))
    assert position == TextPositionSelector(start, start + 15)
    assert quote.exact == "climate finance"
    assert quote.prefix == TEXT[start - 32 : start]
    assert quote.suffix == TEXT[start + 15 : start + 47]
    assert describe("abc", 0, 3)[1] == TextQuoteSelector("abc", "", "")
    with pytest.raises(ValueError):
        describe("abc", 2, 4)


def test_statuses() -> None:
    start = TEXT.index("the ministers met in Beijing")
    position, quote = describe(TEXT, start, start + 13)  # "the ministers"
    assert anchor(TEXT, quote, position) == Anchor(start, start + 13, AnchorStatus.EXACT, 1.0)

    moved_text = "Preface. " + TEXT
    moved = anchor(moved_text, quote, position)
    assert (moved.start, moved.status) == (start + 9, AnchorStatus.MOVED)

    fuzzy_text = TEXT.replace("the ministers met in Beijing", "the minister met in Beijing")
    fuzzy = anchor(fuzzy_text, quote, position)
    assert fuzzy.status is AnchorStatus.FUZZY
    assert fuzzy_text[fuzzy.start : fuzzy.end] == "the minister"

    gone = anchor("Something else entirely.", quote, position)
    assert gone == Anchor(-1, -1, AnchorStatus.UNPLACED, 0.0)
    assert not gone.placed


def test_moved_prefers_matching_context_over_distance() -> None:
    """A large insertion pushes the span past another occurrence of the same short quote;
    the one whose prefix and suffix still agree wins."""
    start = TEXT.index("cooperate on public")
    position, quote = describe(TEXT, start, start + len("cooperate"))
    new_text = "x" * 200 + TEXT
    # The first "cooperate" is now nearer the old position than the right one.
    placed = anchor(new_text, quote, position)
    assert (placed.start, placed.status) == (start + 200, AnchorStatus.MOVED)


def test_moved_without_context_picks_nearest() -> None:
    quote = TextQuoteSelector("cooperate")
    first, second = TEXT.index("cooperate"), TEXT.rindex("cooperate")
    assert anchor(TEXT, quote, TextPositionSelector(second + 3, second + 12)).start == second
    assert anchor(TEXT, quote, TextPositionSelector(first + 3, first + 12)).start == first
    assert anchor(TEXT, quote).start == first


def test_empty_quote_and_bad_position_are_handled() -> None:
    assert anchor(TEXT, TextQuoteSelector("")).status is AnchorStatus.UNPLACED
    placed = anchor(TEXT, TextQuoteSelector("Geneva"), TextPositionSelector(10_000, 10_006))
    assert TEXT[placed.start : placed.end] == "Geneva"
    assert placed.status is AnchorStatus.MOVED


def test_reanchor_all_reports_each_annotation() -> None:
    spans = [("ministers met in Geneva",), ("climate finance",), ("public health",)]
    selectors: list[tuple[TextPositionSelector | None, TextQuoteSelector]] = []
    for (phrase,) in spans:
        s = TEXT.index(phrase)
        selectors.append(describe(TEXT, s, s + len(phrase)))
    selectors.append((None, TextQuoteSelector("nowhere to be found")))
    new_text = TEXT.replace("climate finance", "climate-finance").replace("Later,", "Much later,")
    got = reanchor_all(TEXT, new_text, selectors)
    assert [a.status for a in got] == [
        AnchorStatus.EXACT,
        AnchorStatus.FUZZY,
        AnchorStatus.MOVED,
        AnchorStatus.UNPLACED,
    ]
    assert new_text[got[0].start : got[0].end] == "ministers met in Geneva"
    assert new_text[got[1].start : got[1].end] == "climate-finance"
    assert new_text[got[2].start : got[2].end] == "public health"
    assert reanchor_all(TEXT, TEXT, selectors[:3])[2].status is AnchorStatus.EXACT


def test_approx_search_counts_code_points() -> None:
    assert [(m.start, m.end, m.errors) for m in approx_search("three blind mice", "blnd", 1)] == [
        (6, 11, 1)
    ]
    assert approx_search("", "x", 3) == []
    assert approx_search("x", "", 3) == []


def test_utf16_offsets() -> None:
    text = "a😊b\r\ne\u0301"
    assert [to_utf16(text, i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 5, 6, 7, 8]
    assert from_utf16(text, 3) == 2
    with pytest.raises(ValueError):
        from_utf16(text, 2)  # inside the surrogate pair
    with pytest.raises(ValueError):
        from_utf16(text, 99)
    assert from_utf16("ascii", 5) == 5


def _big_text(size: int = 5_000_000) -> str:
    rng = random.Random(7)
    words = [
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9)))
        for _ in range(5000)
    ]
    out: list[str] = []
    total = 0
    while total < size:
        w = rng.choice(words)
        out.append(w)
        total += len(w) + 1
    return " ".join(out)[:size]


@pytest.mark.parametrize("with_position", [True, False], ids=["near-position", "no-position"])
def test_fuzzy_on_5mb_finds_the_edited_quote(with_position: bool) -> None:
    """The large-text path (rapidfuzz region, then Myers) places it; speed is in benchmarks."""
    text = _big_text()
    start = 4_000_000
    position, quote = describe(text, start, start + 60)
    edited = text[: start + 20] + "XYZ" + text[start + 23 :]
    placed = anchor(edited, quote, position if with_position else None)
    assert placed.status is AnchorStatus.FUZZY
    assert abs(placed.start - start) <= 2


def test_unplaceable_on_5mb_is_unplaced() -> None:
    text = _big_text()
    quote = TextQuoteSelector("QQQQ ZZZZ WWWW unseen words here", "prefix", "suffix")
    placed = anchor(text, quote, TextPositionSelector(2_500_000, 2_500_032))
    assert placed.status is AnchorStatus.UNPLACED
