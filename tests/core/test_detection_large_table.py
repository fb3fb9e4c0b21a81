"""A user's huge taxonomy finds the same passages whichever matcher reads the text.

Until a long text needs the whole table's matcher, an article is matched with one built
over only the spellings whose first characters occur in it (core/detection.py:
`_Automaton.matcher_for`). The passages, explanations and suggestions must be exactly
those of the whole table's matcher, which a process that has read a book uses.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.detection import Detector
from annotator.core.document import BlockKind, Document, DocumentBuilder, Metadata
from annotator.core.taxonomy import Taxonomy, parse_taxonomy

_SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "zi", "pa", "ber", "dan", "gor")
AREAS = 4
TERMS_PER_AREA = 9_000  # ~65,000 spellings: past the size where matching changes


def _term(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))


def _taxonomy() -> tuple[Taxonomy, list[str]]:
    rng = random.Random(7)
    lines = ["version = 1"]
    terms: list[str] = []
    for area in range(AREAS):
        own = [f"{_term(rng)}{area}" for _ in range(TERMS_PER_AREA)]
        own += [f"{_term(rng)} {_term(rng)}" for _ in range(50)]  # phrases
        quoted = ", ".join(f'"{t}{"*" if i % 3 == 0 else ""}"' for i, t in enumerate(own))
        weak = ", ".join(f'"{_term(rng)}"' for _ in range(50))
        lines += ["[[areas]]", f'id = "area-{area}"', f'label = "Area {area}"',
                  f'color = "#2{area}4{area}6{area}"', 'description = "Generated."',
                  f"terms = [{quoted}]", f"weak = [{weak}]"]
        terms += own
    return parse_taxonomy("\n".join(lines) + "\n", "large.toml"), terms


TAXONOMY, TERMS = _taxonomy()


def _document(*paragraphs: str) -> Document:
    builder = DocumentBuilder()
    for paragraph in paragraphs:
        builder.add(BlockKind.PARAGRAPH, paragraph)
    return builder.build(Metadata())


@pytest.fixture(scope="module")
def filtered() -> Detector:
    return Detector(TAXONOMY)


@pytest.fixture(scope="module")
def whole() -> Detector:
    detector = Detector(TAXONOMY)
    book = _document(*(f"{TERMS[i]} and {TERMS[-i]} were read. " * 40 for i in range(1, 200)))
    assert len(book.text) > 200_000  # long enough to build the whole table's matcher
    assert detector.detect(book)
    return detector


_WORDS = st.one_of(
    st.sampled_from(TERMS[::37]).flatmap(
        lambda t: st.sampled_from([t, t.title(), t.upper(), t[:1].upper() + t[1:]])
    ),
    st.sampled_from(["the", "It", "These", "and", "policy", "ka", "Lo", "re", "s", "es"]),
)
_TOKENS = st.tuples(_WORDS, st.sampled_from(["", "", "s", "es", "x", "ka", "ing"]),
                    st.sampled_from([" ", " ", ". ", ", ", "-", ""]))
_PARAGRAPHS = st.lists(
    st.lists(_TOKENS, min_size=1, max_size=60).map(
        lambda tokens: "".join(w + suffix + gap for w, suffix, gap in tokens)
    ),
    min_size=1, max_size=4,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraphs=_PARAGRAPHS, data=st.data())
def test_filtered_matching_finds_what_the_whole_table_finds(
    filtered: Detector, whole: Detector, paragraphs: list[str], data: st.DataObject
) -> None:
    document = _document(*paragraphs)
    assert filtered.detect(document) == whole.detect(document)
    assert filtered.explain(document) == whole.explain(document)
    start = data.draw(st.integers(0, len(document.text) - 1))
    end = data.draw(st.integers(start + 1, len(document.text)))
    assert filtered.suggest_area(document, start, end) == whole.suggest_area(
        document, start, end)


def test_an_article_finds_its_terms_in_every_spelling(filtered: Detector) -> None:
    term = TERMS[3]  # area-0, a wildcard term
    document = _document(f"{term.upper()} matters. {term.title()}s and {term}ed rose.")
    spans = filtered.detect(document)
    assert [s.area for s in spans] == ["area-0"]
    # a term written in lower case is reported in lower case, whatever its spelling
    assert set(spans[0].terms) == {term, term + "s", term + "ed"}
