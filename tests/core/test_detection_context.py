"""Context rules, weights and carry-over: the error kinds of issue 9, one test each."""

from __future__ import annotations

import pytest

from annotator.core.detection import Detector
from annotator.core.taxonomy import parse_taxonomy
from tests.core.test_detection import areas_of, detector, document_of

__all__ = ["detector"]  # the module-scoped fixture, shared with test_detection.py


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you, Madam President, for convening this meeting of the Security Council.",
        "I thank the Secretary-General of the United Nations for his briefing.",
        "Thank you, Prime Minister, for your stewardship of the G20 this year.",
        "The BRICS ministers met on the margins of the General Assembly in New York.",
    ],
)
def test_an_institution_named_as_a_venue_is_not_the_topic(
    detector: Detector, sentence: str
) -> None:
    assert areas_of(detector, sentence) == set()


def test_a_venue_counts_next_to_a_word_of_its_area(detector: Detector) -> None:
    document = document_of("The G20 must also become more representative.")
    (span,) = detector.detect(document)
    assert span.area == "multilateral-reform"
    assert span.terms == ("G20", "representative")
    assert any("G20" in reason and "representative" in reason for reason in span.reasons)


@pytest.mark.parametrize(
    "sentence",
    [
        "Food security is the first concern of the families I represent.",
        "Energy security is equally pressing, as energy prices remain volatile.",
        "We must ensure security of supply for households and industry alike.",
        "Sanctions on companies have been imposed and answered with countermeasures.",
        "Tariffs are being raised in the name of national security.",
    ],
)
def test_security_as_a_modifier_and_trade_disputes_are_not_peace(
    detector: Detector, sentence: str
) -> None:
    assert "peace-security" not in areas_of(detector, sentence)


def test_sanctions_tied_to_a_war_are_peace_and_security(detector: Detector) -> None:
    sentence = "We will impose sanctions to weaken Russia's ability to wage its war of aggression."
    assert "peace-security" in areas_of(detector, sentence)


def test_a_run_of_it_sentences_stays_on_ai(detector: Detector) -> None:
    sentences = [
        "Artificial intelligence is changing our world at great speed.",
        "It offers enormous opportunities for health and education.",
        "It can undermine strategic stability and deterrence.",
        "It can blur accountability for decisions taken on the battlefield.",
        "It can spread falsehoods at a scale never seen.",
    ]
    document = document_of(" ".join(sentences))
    spans = detector.detect(document)
    ai = [document.text[s.start : s.end] for s in spans if s.area == "ai-governance"]
    assert ai == [" ".join(sentences)]
    peace = [document.text[s.start : s.end] for s in spans if s.area == "peace-security"]
    # the sentences' own words add peace & security; it does not carry on to the last one
    assert peace == [" ".join(sentences[2:4])]
    (carried,) = [s for s in spans if s.area == "ai-governance"]
    assert any("carried over" in reason for reason in carried.reasons)


def test_they_opens_a_new_topic_when_the_sentence_has_one(detector: Detector) -> None:
    document = document_of(
        "They called for an immediate ceasefire in Gaza. "
        "They agreed that the risks of artificial intelligence must be addressed."
    )
    spans = {s.area: document.text[s.start : s.end] for s in detector.detect(document)}
    assert spans["peace-security"] == "They called for an immediate ceasefire in Gaza."
    assert spans["ai-governance"].startswith("They agreed")


@pytest.mark.parametrize(
    "sentence",
    [
        "Governance of frontier AI cannot be left to a handful of companies.",
        "Transformative technologies need rules agreed by all.",
    ],
)
def test_frontier_and_transformative_technologies_are_ai(
    detector: Detector, sentence: str
) -> None:
    assert "ai-governance" in areas_of(detector, sentence)


def test_a_short_sentence_inherits_only_from_a_clear_neighbour(detector: Detector) -> None:
    weak = document_of("Small islands face rising seas. This must change.")
    assert [weak.text[s.start : s.end] for s in detector.detect(weak)] == [
        "Small islands face rising seas."
    ]
    clear = document_of("Rising seas and global warming threaten small islands. This must change.")
    (span,) = detector.detect(clear)
    assert clear.text[span.start : span.end].endswith("This must change.")
    assert areas_of(detector, "This must change.") == set()


def test_negative_and_venue_rules_come_from_the_taxonomy_file() -> None:
    taxonomy = parse_taxonomy(
        'version = 1\n[[areas]]\nid = "oceans"\nlabel = "Oceans"\ncolor = "#123456"\n'
        'description = "Seas"\nterms = ["coral"]\nvenue = ["Harbour"]\n'
        'companions = ["reef"]\nnegative = ["jewellery"]\n',
        "inline",
    )
    detector = Detector(taxonomy)
    assert areas_of(detector, "We met at the Harbour.") == set()
    assert areas_of(detector, "At the Harbour the reef is dying.") == {"oceans"}
    assert areas_of(detector, "Coral jewellery is sold here.") == set()
    assert areas_of(detector, "Coral is dying.") == {"oceans"}


def test_explain_lists_weights_and_rules_for_every_sentence(detector: Detector) -> None:
    document = document_of(
        "I thank the Security Council. The Security Council must become more representative."
    )
    explained = detector.explain(document)
    assert len(explained) == 2
    venue_only = {e.area: e for e in explained[0].evidence}
    assert not any(e.counted for e in venue_only.values())
    assert any("venue" in r for e in venue_only.values() for r in e.reasons)
    reform = {e.area: e for e in explained[1].evidence}["multilateral-reform"]
    assert reform.counted and reform.score >= 1.0
    assert dict(reform.weights)["security council"] == 1.0


def _suggest(detector: Detector, paragraph: str, quote: str) -> str | None:
    document = document_of(paragraph)
    start = document.text.index(quote)
    suggestion = detector.suggest_area(document, start, start + len(quote))
    return suggestion.area if suggestion else None


def test_a_readers_highlight_takes_the_area_of_its_own_words(detector: Detector) -> None:
    paragraph = (
        "The war has displaced millions, and we must also reduce emissions from "
        "greenhouse gases like methane."
    )
    quote = "reduce emissions from greenhouse gases like methane"
    assert _suggest(detector, paragraph, quote) == "climate"
    document = document_of(paragraph)
    start = document.text.index(quote)
    suggestion = detector.suggest_area(document, start, start + len(quote))
    assert suggestion is not None
    assert suggestion.terms == ("emissions", "greenhouse gases", "methane")


def test_a_highlight_without_terms_takes_the_passage_under_it(detector: Detector) -> None:
    paragraph = "Artificial intelligence is changing our world. It can spread falsehoods at scale."
    assert _suggest(detector, paragraph, "spread falsehoods") == "ai-governance"
    assert _suggest(detector, "The weather was fine. We walked home.", "walked home") is None


def test_a_venue_alone_suggests_no_area(detector: Detector) -> None:
    paragraph = "I thank the Security Council for this meeting."
    assert _suggest(detector, paragraph, "Security Council") is None
