"""The scorer reads labelled documents exactly and counts agreement per area."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.detection import AreaSpan, Detector
from annotator.core.detection_scores import load_labelled, parse_labelled, score
from annotator.core.document import Document
from annotator.services.reading import bundled_taxonomy

DATA = Path(__file__).parents[1] / "data"

SMALL = """# a comment
## First
ps\tWar broke out.
-\tThe  weather was fine.

cl,ai\tEmissions and AI.
## Second
pe\tStudents travel.
"""


def test_sentences_map_to_their_offsets_in_the_built_document() -> None:
    documents = parse_labelled(SMALL)
    assert [d.title for d in documents] == ["First", "Second"]
    first = documents[0]
    assert len(first.document.blocks) == 2
    texts = [first.document.text[s.start : s.end] for s in first.sentences]
    assert texts == ["War broke out.", "The weather was fine.", "Emissions and AI."]
    assert [sorted(s.areas) for s in first.sentences] == [
        ["peace-security"], [], ["ai-governance", "climate"]
    ]


def test_a_malformed_line_names_its_number() -> None:
    with pytest.raises(ValueError, match=r"x\.tsv, line 2: unknown area code 'zz'"):
        parse_labelled("## D\nzz\tA sentence.\n", "x.tsv")
    with pytest.raises(ValueError, match="line 1: expected"):
        parse_labelled("no tab here\n", "x.tsv")


def test_counts_per_area_and_micro() -> None:
    documents = parse_labelled(SMALL)

    def detect(document: Document) -> list[AreaSpan]:
        # peace over the whole first paragraph: one right, one wrong; nothing else
        first = document.blocks[0]
        if not document.text.startswith("War"):
            return []
        return [AreaSpan("peace-security", first.start, first.end, ("war",))]

    result = score(documents, detect)
    peace = result.per_area["peace-security"]
    assert (peace.tp, peace.fp, peace.fn) == (1, 1, 0)
    assert result.per_area["climate"].fn == 1
    micro = result.micro
    assert (micro.tp, micro.fp, micro.fn) == (1, 1, 3)
    assert micro.precision == pytest.approx(0.5)
    assert micro.recall == pytest.approx(0.25)
    assert "micro" in result.table()
    assert len(result.errors) == 3  # every sentence but the first is wrong


@pytest.mark.parametrize("name", ["detection-test.tsv"])
def test_labelled_sets_are_large_enough_and_parse(name: str) -> None:
    documents = load_labelled(DATA / name)
    assert sum(len(d.sentences) for d in documents) >= 300
    result = score(documents, Detector(bundled_taxonomy()).detect)
    assert result.micro.tp > 0
