"""Learning from the reader's decisions: pure functions from decisions to a taxonomy.

Each accept or reject of a machine suggestion, and each highlight the reader files
under an area, is evidence (issue 9 item 2). From a list of decisions, `learn` finds
the terms a reader keeps rejecting in an area (each loses a level: a term becomes weak,
a weak word or a venue stops counting) and the words the reader's own highlights of an
area share (they become weak words of it). `apply_learning` returns a new taxonomy, so
learning is reversible by dropping the decisions, and every change says why in words
("weakened: you rejected 'security council' 4 times"). Storing decisions is the store's
business, not this module's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import Enum

from annotator.core.taxonomy import PolicyArea, Taxonomy

REJECTIONS_TO_WEAKEN = 3  # net of acceptances: one stray click changes nothing
HIGHLIGHTS_TO_TEACH = 2  # a word taught must recur in this many of the reader's highlights
_WORD = re.compile(r"[^\W\d_][\w-]{3,}")
_STOPWORDS = frozenset({
    "about", "above", "after", "again", "against", "also", "among", "because", "been",
    "before", "being", "between", "both", "could", "does", "doing", "down", "during", "each",
    "from", "further", "have", "having", "here", "into", "itself", "just", "more", "most",
    "must", "other", "over", "same", "should", "some", "such", "than", "that", "their",
    "theirs", "them", "then", "there", "these", "they", "this", "those", "through", "under",
    "until", "very", "were", "what", "when", "where", "which", "while", "whom", "will", "with",
    "would", "your", "yours", "ours",
})


class Verdict(Enum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    ASSIGNED = "assigned"  # the reader's own highlight, filed under an area


@dataclass(frozen=True, slots=True)
class Decision:
    """One reader decision: a suggestion's area and matched terms, or a highlight's text."""

    area: str
    verdict: Verdict
    terms: tuple[str, ...] = ()
    text: str = ""


@dataclass(frozen=True, slots=True)
class Adjustment:
    """One learned adjustment of one area, with the reason the reader is shown."""

    area: str
    term: str
    weakened: bool  # False: taught
    reason: str


def learn(decisions: Iterable[Decision], taxonomy: Taxonomy) -> list[Adjustment]:
    """The adjustments a list of decisions supports, in a stable order."""
    votes: Counter[tuple[str, str]] = Counter()
    rejected: Counter[tuple[str, str]] = Counter()
    highlights: dict[str, Counter[str]] = {}
    for decision in decisions:
        area = taxonomy.area(decision.area)
        if area is None:
            continue
        if decision.verdict is Verdict.ASSIGNED:
            words = {w.lower() for w in _WORD.findall(decision.text)} - _STOPWORDS
            highlights.setdefault(area.id, Counter()).update(words)
            continue
        for word in dict.fromkeys(decision.terms):
            entry = _entry_for(word, area)
            if entry is None:
                continue
            rejecting = decision.verdict is Verdict.REJECTED
            votes[area.id, entry] += 1 if rejecting else -1
            rejected[area.id, entry] += rejecting
    changes = [
        Adjustment(
            area, term, True, f"weakened: you rejected “{term}” {rejected[area, term]} times"
        )
        for (area, term), net in sorted(votes.items())
        if net >= REJECTIONS_TO_WEAKEN
    ]
    for area_id, counts in sorted(highlights.items()):
        area = taxonomy.area(area_id)
        for word, count in sorted(counts.items()):
            if area and count >= HIGHLIGHTS_TO_TEACH and _entry_for(word, area) is None:
                reason = f"taught: “{word}” is in {count} of your highlights of {area.label}"
                changes.append(Adjustment(area_id, word, False, reason))
    return changes


def apply_learning(taxonomy: Taxonomy, changes: Iterable[Adjustment]) -> Taxonomy:
    """A new taxonomy with the changes made; the original is untouched."""
    by_area: dict[str, list[Adjustment]] = {}
    for change in changes:
        by_area.setdefault(change.area, []).append(change)
    return replace(
        taxonomy,
        areas=tuple(_adjusted(area, by_area.get(area.id, [])) for area in taxonomy.areas),
    )


def _adjusted(area: PolicyArea, changes: list[Adjustment]) -> PolicyArea:
    if not changes:
        return area
    weakened = {c.term for c in changes if c.weakened}
    taught = [c.term for c in changes if not c.weakened]
    terms = tuple(t for t in area.terms if t not in weakened)
    demoted = tuple(t for t in area.terms if t in weakened)
    return replace(
        area,
        # an area keeps at least one term; its only term, rejected, stays as it is
        terms=terms or area.terms,
        weak=(*(t for t in area.weak if t not in weakened), *(demoted if terms else ()),
              *taught),
        venue=tuple(t for t in area.venue if t not in weakened),
    )


def _entry_for(word: str, area: PolicyArea) -> str | None:
    """The taxonomy entry of an area that a matched word came from, if any."""
    lowered = word.lower()
    for entry in (*area.terms, *area.venue, *area.weak):
        stem = entry.rstrip("*").lower()
        if entry.endswith("*"):
            if lowered.startswith(stem):
                return entry
        elif lowered in (stem, stem + "s", stem + "es"):
            return entry
    return None
