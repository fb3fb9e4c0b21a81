"""Learning from the reader (issue 9 item 2): the library's decisions, turned into a
taxonomy the detector reads with.

What the reader decided is already in the library: each rejected suggestion, each
accepted one (an annotation the machine suggested), each own highlight filed under an
area. `Learning` reads them back as `core.learning.Decision`s, each with the words of
its area found in the passage, and returns the taxonomy adjusted by them. Nothing is
stored twice, so undoing a rejection also undoes what it taught. *Reset learning* only
records the moment from which decisions count (a setting), so it is undone by putting
the previous moment back; no decision is deleted.
"""

from __future__ import annotations

from datetime import datetime

from annotator.core.annotation import utc_now
from annotator.core.learning import Adjustment, Decision, Verdict, apply_learning, learn
from annotator.core.taxonomy import Taxonomy
from annotator.services.reading import detector_for
from annotator.store.api import Store

SINCE_SETTING = "learning_since"


class Learning:
    """The reader's decisions in one library, and what they teach a taxonomy."""

    def __init__(self, store: Store, reader_id: str) -> None:
        self._store = store
        self._reader_id = reader_id

    def decisions(self, taxonomy: Taxonomy) -> list[Decision]:
        """Every decision the local reader made since the last reset, with the area's
        words in each passage. Read-only: a read-only library still exports."""
        detector = detector_for(taxonomy)
        with self._store.transaction(write=False) as repo:
            since = repo.setting(SINCE_SETTING)
            rows = repo.learning_evidence(
                self._reader_id, datetime.fromisoformat(since) if since else None
            )
        return [
            Decision(area, Verdict(verdict), detector.words_for(text, area), text)
            for area, verdict, text in rows
        ]

    def adjustments(self, taxonomy: Taxonomy) -> list[Adjustment]:
        """What the decisions change, each with its reason ("weakened: you rejected …")."""
        return learn(self.decisions(taxonomy), taxonomy)

    def taxonomy(self, taxonomy: Taxonomy) -> Taxonomy:
        """`taxonomy` as this reader's decisions adjust it (itself when they change
        nothing, so detectors already compiled for it are reused)."""
        changes = self.adjustments(taxonomy)
        return apply_learning(taxonomy, changes) if changes else taxonomy

    def reset(self) -> str:
        """Forget every decision made so far; returns what `undo_reset` needs."""
        with self._store.transaction() as repo:
            before = repo.setting(SINCE_SETTING) or ""
            repo.set_setting(SINCE_SETTING, utc_now().isoformat())
        return before

    def undo_reset(self, before: str) -> None:
        """Count again the decisions a `reset` set aside (`before` is what it returned)."""
        with self._store.transaction() as repo:
            repo.set_setting(SINCE_SETTING, before)
