"""Detection agrees with a careful human reader, on the sample and on unseen sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.detection import AreaSpan, Detector
from annotator.core.document import BlockKind, Document, DocumentBuilder, Metadata
from annotator.core.taxonomy import parse_taxonomy
from annotator.importers import import_path
from annotator.services.reading import bundled_taxonomy

LABELLED = Path(__file__).parents[1] / "data" / "detection-labelled.tsv"


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(bundled_taxonomy())


def document_of(*paragraphs: str) -> Document:
    builder = DocumentBuilder()
    for paragraph in paragraphs:
        builder.add(BlockKind.PARAGRAPH, paragraph)
    return builder.build(Metadata())


def areas_of(detector: Detector, *paragraphs: str) -> set[str]:
    return {s.area for s in detector.detect(document_of(*paragraphs))}


def span_texts(detector: Detector, document: Document, area: str) -> list[str]:
    return [document.text[s.start : s.end] for s in detector.detect(document) if s.area == area]


def test_sample_passages_per_area(detector: Detector, sample_path: Path) -> None:
    document = import_path(sample_path)
    spans = detector.detect(document)
    by_area = {a: [document.text[s.start : s.end] for s in spans if s.area == a]
               for a in bundled_taxonomy().ids}
    assert all(by_area.values()), by_area

    def covered(area: str, fragment: str) -> bool:
        return any(fragment in passage for passage in by_area[area])

    assert covered("climate", "special envoy for climate change, Liu Zhenmin")
    assert covered("climate", "renewable energy research, sharing green technologies")
    assert covered("climate", "Paris Agreement")
    assert covered("peace-security", "urging restraint")
    assert covered("peace-security", "peacekeeping missions")
    assert covered("ai-governance", "managing AI risks")
    assert covered("ai-governance", "the first US-China intergovernmental dialogue on AI")
    assert covered("multilateral-reform", "champion reform of global institutions like the UN")
    # "By doing so, ..." continues the multilateral sentence before it
    assert covered("multilateral-reform", "By doing so, they will enhance the legitimacy")
    assert covered("people-exchange", "promoting people-to-people exchanges")
    # "These initiatives ..." continues the people-to-people sentence before it
    assert covered("people-exchange", "These initiatives can help build trust")
    # the source line and byline are never highlighted
    source = document.blocks_of(BlockKind.SOURCE)[0]
    assert all(s.end <= source.start for s in spans)


def test_spans_are_sentence_aligned_and_explain_themselves(
    detector: Detector, sample_path: Path
) -> None:
    document = import_path(sample_path)
    for span in detector.detect(document):
        passage = document.text[span.start : span.end]
        assert passage == passage.strip()
        assert span.terms, span
        lowered = passage.lower()
        assert all(term.lower() in lowered for term in span.terms), span
        assert passage[-1] in ".!?”’\"" or span.end == next(
            b.end for b in document.blocks if b.start <= span.start < b.end
        )


def _labelled() -> list[tuple[set[str], str]]:
    rows = []
    for line in LABELLED.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        labels, sentence = line.split("\t")
        rows.append((set() if labels == "-" else set(labels.split(",")), sentence))
    return rows


def test_agrees_with_human_labels_on_unseen_sentences(detector: Detector) -> None:
    true_positive = false_positive = false_negative = 0
    disagreements = []
    for expected, sentence in _labelled():
        found = areas_of(detector, sentence)
        true_positive += len(found & expected)
        false_positive += len(found - expected)
        false_negative += len(expected - found)
        if found != expected:
            disagreements.append((sentence, expected, found))
    precision = true_positive / (true_positive + false_positive)
    recall = true_positive / (true_positive + false_negative)
    assert precision >= 0.9, disagreements
    assert recall >= 0.85, disagreements


@pytest.mark.parametrize(
    "sentence",
    [
        "Social security benefits will be paid on Friday.",
        "The exchange rate of the yuan weakened.",
        "The political climate is tense before the vote.",
        "A price war broke out among supermarkets.",
        "The stock exchange closed early for the holiday.",
        "Job security matters to young workers.",
    ],
)
def test_false_friends_are_not_highlighted(detector: Detector, sentence: str) -> None:
    assert areas_of(detector, sentence) == set()


def test_acronyms_match_only_in_capitals(detector: Detector) -> None:
    assert "ai-governance" in areas_of(detector, "Rules for AI are coming.")
    assert areas_of(detector, "Ai Weiwei opened an exhibition. He said it was fun.") == set()
    assert "multilateral-reform" in areas_of(detector, "The UN General Assembly needs reform.")
    assert areas_of(detector, "They were under pressure until noon.") == set()


def test_inflections_wildcards_and_title_case(detector: Detector) -> None:
    assert "peace-security" in areas_of(detector, "Talks on peacekeeping resumed.")
    assert "peace-security" in areas_of(detector, "Both sides were negotiating a CEASEFIRE.")
    assert "climate" in areas_of(detector, "Renewables Overtake Coal")
    assert "climate" in areas_of(detector, "Emissions fell sharply.")
    assert "people-exchange" in areas_of(detector, "Visas for scholars were eased.")


def test_topic_carries_over_to_a_continuing_sentence(detector: Detector) -> None:
    document = document_of(
        "Leaders agreed to expand student exchanges and cultural ties. "
        "These initiatives will start next spring. "
        "The weather was cold."
    )
    passages = span_texts(detector, document, "people-exchange")
    assert passages == [
        "Leaders agreed to expand student exchanges and cultural ties. "
        "These initiatives will start next spring."
    ]


def test_carry_over_does_not_cross_paragraphs(detector: Detector) -> None:
    document = document_of(
        "The ceasefire held through the night.", "It was a sunny morning in the capital."
    )
    passages = span_texts(detector, document, "peace-security")
    assert passages == ["The ceasefire held through the night."]


def test_overlapping_areas_each_get_a_span(detector: Detector) -> None:
    spans = detector.detect(document_of(
        "Reform of the UN Security Council, climate change and the war in Sudan were discussed."
    ))
    assert {s.area for s in spans} >= {"climate", "peace-security", "multilateral-reform"}


def test_abbreviations_do_not_split_sentences(detector: Detector) -> None:
    document = document_of("The U.S. envoy said the ceasefire held. Markets rose.")
    assert span_texts(detector, document, "peace-security") == [
        "The U.S. envoy said the ceasefire held."
    ]


def test_unicode_before_a_hit_keeps_offsets_in_code_points(detector: Detector) -> None:
    document = document_of("😀 Émigrés watched as the ceasefire collapsed.")
    (span,) = [s for s in detector.detect(document) if s.area == "peace-security"]
    assert document.text[span.start : span.end].startswith("😀 Émigrés")
    assert span.terms == ("ceasefire",)


def test_custom_taxonomy_detects_its_own_areas() -> None:
    taxonomy = parse_taxonomy(
        'version = 1\n[[areas]]\nid = "oceans"\nlabel = "Oceans"\ncolor = "#123456"\n'
        'description = "Seas"\nterms = ["coral reef*", "ocean"]\nexclude = ["ocean liner"]\n',
        "inline",
    )
    detector = Detector(taxonomy)
    spans = detector.detect(document_of("Coral reefs are bleaching. The ocean liner sailed."))
    assert spans == [AreaSpan("oceans", 0, 26, ("coral reefs",))]


def test_empty_and_termless_documents(detector: Detector) -> None:
    assert detector.detect(document_of("Nothing to see here.")) == []
    assert Detector(parse_taxonomy(
        'version = 1\n[[areas]]\nid = "x"\nlabel = "X"\ncolor = "#000000"\n'
        'description = "x"\nterms = ["zzz"]\n', "t")).detect(document_of("zzz")) != []
