"""Learning from the reader: rejected false friends fade, filed highlights teach words."""

from __future__ import annotations

from annotator.core.detection import Detector
from annotator.core.learning import Decision, Verdict, apply_learning, learn
from annotator.services.reading import bundled_taxonomy
from tests.core.test_detection import areas_of

SPEECH = "The Security Council must become more representative."
REJECT = Decision("multilateral-reform", Verdict.REJECTED, ("security council", "representative"))


def test_a_term_rejected_three_times_stops_counting_and_says_why() -> None:
    taxonomy = bundled_taxonomy()
    assert "multilateral-reform" in areas_of(Detector(taxonomy), SPEECH)
    assert learn([REJECT, REJECT], taxonomy) == []  # twice is not yet a pattern
    adjustments = learn([REJECT] * 4, taxonomy)
    assert [(a.area, a.term, a.weakened) for a in adjustments] == [
        ("multilateral-reform", "security council", True)
    ]
    assert adjustments[0].reason == "weakened: you rejected “security council” 4 times"
    learned = apply_learning(taxonomy, adjustments)
    assert "multilateral-reform" not in areas_of(Detector(learned), SPEECH)
    # reversible: the original taxonomy is untouched, and so is every other area
    assert "multilateral-reform" in areas_of(Detector(taxonomy), SPEECH)
    assert learned.area("peace-security") == taxonomy.area("peace-security")


def test_acceptances_outweigh_rejections() -> None:
    accept = Decision("multilateral-reform", Verdict.ACCEPTED, ("security council",))
    assert learn([REJECT] * 3 + [accept], bundled_taxonomy()) == []


def test_a_rejected_strong_term_becomes_weak() -> None:
    taxonomy = bundled_taxonomy()
    reject = Decision("peace-security", Verdict.REJECTED, ("stability",))
    learned = apply_learning(taxonomy, learn([reject] * 3, taxonomy))
    area = learned.area("peace-security")
    assert area is not None and "stability" not in area.terms and "stability" in area.weak
    assert areas_of(Detector(learned), "Stability returned to the markets.") == set()
    assert "peace-security" in areas_of(Detector(taxonomy), "Stability returned to the markets.")


def test_words_of_the_readers_highlights_teach_the_area() -> None:
    taxonomy = bundled_taxonomy()
    highlights = [
        Decision("climate", Verdict.ASSIGNED, text="mangroves protect the coast"),
        Decision("climate", Verdict.ASSIGNED, text="we will replant mangroves and wetlands"),
        Decision("climate", Verdict.ASSIGNED, text="the coast is eroding"),
    ]
    adjustments = learn(highlights, taxonomy)
    assert [(a.term, a.weakened) for a in adjustments] == [("coast", False), ("mangroves", False)]
    assert adjustments[1].reason == "taught: “mangroves” is in 2 of your highlights of Climate"
    learned = Detector(apply_learning(taxonomy, adjustments))
    sentence = "Mangroves line the coast of the island."
    assert areas_of(Detector(taxonomy), sentence) == set()
    assert areas_of(learned, sentence) == {"climate"}


def test_unknown_areas_and_unmatched_words_are_ignored() -> None:
    taxonomy = bundled_taxonomy()
    noise = [
        Decision("no-such-area", Verdict.REJECTED, ("war",)),
        Decision("climate", Verdict.REJECTED, ("not a term",)),
    ] * 5
    assert learn(noise, taxonomy) == []
    assert apply_learning(taxonomy, []) == taxonomy
