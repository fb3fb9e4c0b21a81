"""Anchoring against the shared corpus of upstream cases (Hypothesis, dom-anchor-text-quote,
Apache Annotator, approx-string-match); see ../shared/corpus/anchoring/PROVENANCE.md.

Cases are read at collection time so each one is its own test id; where the shared folder
is absent, `test_the_corpus_is_here` fails (the `corpus` fixture fails too), so no run passes
by collecting nothing. Offsets in the corpus are UTF-16 code
units; only cases flagged ``offset_unit: "utf16"`` differ from code points, and those are
converted with ``from_utf16``.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest

from annotator.core.anchoring import (
    AnchorStatus,
    TextPositionSelector,
    TextQuoteSelector,
    anchor,
    approx_search,
    describe,
    exact_matches,
    from_utf16,
    match_quote,
)
from tests.shared_folder import SHARED

_CASES_FILE = SHARED / "corpus" / "anchoring" / "cases.json"

# Policy differences, not bugs: these upstream cases expect "not found" because
# dom-anchor-text-quote (diff-match-patch) refuses them, while Annotator, like the Hypothesis
# client, accepts a quote within 25% edits when that is the best place in the text. The
# matched region is where the quote came from, with its tail rewritten.
POLICY_XFAIL = {
    "dat-long-not-found-0": "policy: 9 edits in 48 chars (19%) is within Annotator's 25% budget; "
    "the match is the quote's own sentence with its tail rewritten",
    "dat-long-not-found-2": "policy: 47 edits in 223 chars (21%), two phrases replaced; "
    "Annotator places it FUZZY on the original paragraph",
}


def _load() -> dict[str, Any]:
    if not _CASES_FILE.is_file():
        return {"cases": [], "fixtures": {}}
    data: dict[str, Any] = json.loads(_CASES_FILE.read_text(encoding="utf-8"))
    return data


_DATA = _load()


def _cases(*categories: str) -> list[Any]:
    params = []
    for case in _DATA["cases"]:
        if case["category"] not in categories:
            continue
        marks = []
        if case["id"] in POLICY_XFAIL:
            marks.append(pytest.mark.xfail(reason=POLICY_XFAIL[case["id"]], strict=True))
        params.append(pytest.param(case, id=case["id"], marks=marks))
    return params


def _text(corpus: Path, case: dict[str, Any]) -> str:
    if "text" in case:
        return str(case["text"])
    fixture = _DATA["fixtures"][case["fixture"]]
    if "text" in fixture:
        return str(fixture["text"])
    return str((corpus / "anchoring" / fixture["text_file"]).read_text(encoding="utf-8"))


def _quote(case: dict[str, Any]) -> TextQuoteSelector:
    return TextQuoteSelector.from_json(case["selector"])


def test_the_corpus_is_here(corpus: Path) -> None:
    assert _CASES_FILE.is_file(), f"missing {_CASES_FILE}"
    assert len(_DATA["cases"]) >= 100


@pytest.mark.parametrize("case", _cases("quote-fuzzy"))
def test_quote_fuzzy(corpus: Path, case: dict[str, Any]) -> None:
    text = _text(corpus, case)
    found = match_quote(text, _quote(case), case.get("hint"))
    expected = case["expected"]
    if not expected["found"]:
        assert found is None, f"expected no match, got {found}"
        return
    assert found is not None
    assert found.start == expected["start"]
    if "end" in expected:
        assert found.end == expected["end"]
        assert text[found.start : found.end] == expected["text"]
    if expected.get("score") == 1.0:
        assert found.score == 1.0
    if "score_range" in expected:
        assert 0 < found.score < 1


@pytest.mark.parametrize("case", _cases("quote-score-order"))
def test_quote_score_order(corpus: Path, case: dict[str, Any]) -> None:
    text = _text(corpus, case)
    scores = []
    for variant in case["variants"]:
        found = match_quote(text, TextQuoteSelector.from_json(variant))
        # Hypothesis allows 50% edits and still scores "Some years after" against "Many
        # years later"; our 25% budget refuses it, which ranks below any match (score 0).
        scores.append(found.score if found is not None else 0.0)
    assert scores[0] > 0 and scores[1] > 0
    assert all(a > b for a, b in itertools.pairwise(scores)), scores


@pytest.mark.parametrize("case", _cases("quote-exact-all"))
def test_quote_exact_all(corpus: Path, case: dict[str, Any]) -> None:
    """Apache Annotator's strict semantics; the DOM positions kept in the case are not ours."""
    text = _text(corpus, case)
    got = exact_matches(text, _quote(case))
    assert got == [(m["start"], m["end"]) for m in case["expected"]["matches"]]


@pytest.mark.parametrize("case", _cases("quote-describe"))
def test_quote_describe(corpus: Path, case: dict[str, Any]) -> None:
    """32-character context (Hypothesis, dom-anchor-text-quote) must match verbatim.

    Apache Annotator's expected prefix/suffix follow its minimal-context policy, which we do
    not adopt (a fixed 32 characters survives edits better); for those the
    policy-independent invariant is checked: prefix+exact+suffix occurs exactly once.
    """
    text = _text(corpus, case)
    start, end = case["range"]["start"], case["range"]["end"]
    position, quote = describe(text, start, end)
    expected = case["expected"]
    assert position == TextPositionSelector(start, end)
    assert quote.exact == expected["exact"]
    if case["options"].get("context_chars") == 32:
        assert (quote.prefix, quote.suffix) == (expected["prefix"], expected["suffix"])
    assert exact_matches(text, quote) == [(start, end)]
    if quote.exact:
        placed = anchor(text, quote, position)
        assert (placed.start, placed.end, placed.status) == (start, end, AnchorStatus.EXACT)
        placed = anchor(text, quote)
        assert (placed.start, placed.end) == (start, end)


@pytest.mark.parametrize("case", _cases("position-roundtrip"))
def test_position_roundtrip(corpus: Path, case: dict[str, Any]) -> None:
    text = _text(corpus, case)
    selector = TextPositionSelector.from_json(case["selector"])
    assert text[selector.start : selector.end] == case["expected"]["text"]
    position, quote = describe(text, selector.start, selector.end)
    assert position == selector
    assert TextPositionSelector.from_json(position.as_json()) == position
    assert anchor(text, quote, position).status is AnchorStatus.EXACT


def _utf16_match(text: str, case: dict[str, Any], m: dict[str, Any]) -> tuple[int, int, int]:
    if str(case.get("offset_unit", "")) == "utf16":
        return from_utf16(text, m["start"]), from_utf16(text, m["end"]), m["errors"]
    return m["start"], m["end"], m["errors"]


def _check_min_error_matches(
    case: dict[str, Any], found: list[tuple[int, int, int]], want: set[tuple[int, int, int]]
) -> None:
    """One match per end, and it must be one of upstream's lowest-error matches.

    Upstream sometimes lists two starts for one end ("fcebook" in "facebook": 0..8 and
    1..8); we report the earliest start per end, as approx-string-match's own search does.
    In UTF-16 cases an astral character costs upstream two edits and us one (we count
    code points), so there only the spans are compared and our errors may be lower.
    """
    best = min(e for _, _, e in found)
    ours = {f for f in found if f[2] == best}
    utf16 = str(case.get("offset_unit", "")) == "utf16"
    if utf16:
        assert {(s, e) for s, e, _ in ours} <= {(s, e) for s, e, _ in want}
        assert best <= min(k for _, _, k in want)
    else:
        assert ours <= want
        assert best == min(k for _, _, k in want)
    assert {e for _, e, _ in ours} == {e for _, e, _ in want}


@pytest.mark.parametrize("case", _cases("approx-search"))
def test_approx_search(corpus: Path, case: dict[str, Any]) -> None:
    text = _text(corpus, case)
    found = [
        (m.start, m.end, m.errors) for m in approx_search(text, case["pattern"], case["max_errors"])
    ]
    expected = case["expected"]
    if "min_error_matches" in expected:
        want = {_utf16_match(text, case, m) for m in expected["min_error_matches"]}
        _check_min_error_matches(case, found, want)
    if "all_matches" in expected:
        want_all = [_utf16_match(text, case, m) for m in expected["all_matches"]]
        if len(want_all) <= 1 and found:
            # approx-string-match reports every end within max_errors; upstream's "all"
            # lists the lowest-error one, which must be ours too.
            best = min(e for _, _, e in found)
            assert [f for f in found if f[2] == best] == want_all
        else:
            assert found == want_all
    if "every_match_text" in expected:
        best = min(e for _, _, e in found)
        assert {text[s:e] for s, e, k in found if k == best} == {expected["every_match_text"]}
    if "match_count" in expected:
        assert len(found) == expected["match_count"]
    if "match_text" in expected:
        top = min(found, key=lambda f: f[2])
        assert text[top[0] : top[1]] == expected["match_text"]


@pytest.mark.parametrize("case", _cases("real-page"))
def test_real_page(corpus: Path, case: dict[str, Any]) -> None:
    """Real Hypothesis annotations: position and quote agree, and describe reproduces them."""
    text = _text(corpus, case)
    by_type = {s["type"]: s for s in case["selectors"]}
    position = TextPositionSelector.from_json(by_type["TextPositionSelector"])
    quote = TextQuoteSelector.from_json(by_type["TextQuoteSelector"])
    expected = case["expected"]
    placed = anchor(text, quote, position)
    assert (placed.start, placed.end, placed.status) == (
        expected["start"],
        expected["end"],
        AnchorStatus.EXACT,
    )
    by_quote = anchor(text, quote)
    assert (by_quote.start, by_quote.end) == (expected["start"], expected["end"])
    assert describe(text, placed.start, placed.end) == (position, quote)


@pytest.mark.parametrize("case", _cases("dom-range"))
def test_dom_range_text_offsets(corpus: Path, case: dict[str, Any]) -> None:
    """Only the plain-text half applies: the reader has no DOM, so the boundary points
    (XPaths, node indexes) are not tested; the derived offsets must round-trip."""
    text = _text(corpus, case)
    start, end = case["range"]["start"], case["range"]["end"]
    assert text[start:end] == case["expected"]["text"]
    position, quote = describe(text, start, end)
    placed = anchor(text, quote, position)
    assert (placed.start, placed.end, placed.status) == (start, end, AnchorStatus.EXACT)
    by_quote = anchor(text, quote)
    assert (by_quote.start, by_quote.end) == (start, end)


@pytest.mark.parametrize("case", _cases("selector-fallback"))
def test_selector_fallback(corpus: Path, case: dict[str, Any]) -> None:
    """A broken position (or a RangeSelector, which we do not use) must not stop the quote."""
    text = _text(corpus, case)
    by_type = {s["type"]: s for s in case["selectors"]}
    quote = TextQuoteSelector.from_json(by_type["TextQuoteSelector"])
    position = (
        TextPositionSelector.from_json(by_type["TextPositionSelector"])
        if "TextPositionSelector" in by_type
        else None
    )
    placed = anchor(text, quote, position)
    assert placed.placed
    assert text[placed.start : placed.end] == case["expected"]["text"]
