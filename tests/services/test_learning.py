"""Issue 9 item 2 with a real library: the reader's decisions change what is highlighted.

Decisions are read back from what the library already holds (rejected suggestions,
accepted ones, filed highlights), so undoing a decision undoes what it taught, and
*Reset learning* is undone by putting the previous moment back.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.summary import SummaryOptions
from annotator.exporters import ExportOptions
from annotator.importers import import_bytes
from annotator.services.annotating import Annotating
from annotator.services.learning import Learning
from annotator.services.library import Library
from annotator.services.library_services import Services
from annotator.services.reading import bundled_taxonomy, read_document
from annotator.store import Store, StoredDocument

AREA = "multilateral-reform"
SPEECH = "The Security Council must become more representative."
TEXT = "Remarks\n\n" + "\n\n".join(
    f"Paragraph {i}. The Security Council must become more representative." for i in range(4)
)


def _suggested(stored: StoredDocument, store: Store) -> list[tuple[str, int, int]]:
    taxonomy = Learning(store, Services(store).reader.id).taxonomy(bundled_taxonomy())
    return [(s.area, s.start, s.end) for s in read_document(stored.document, taxonomy).spans
            if s.area == AREA]


def _open(store: Store) -> tuple[StoredDocument, Annotating]:
    services = Services(store)
    library = Library(store)
    stored = library.document(library.add(import_bytes(TEXT.encode(), "remarks.txt")))
    return stored, services.annotating


def test_rejecting_a_false_friend_three_times_makes_it_go_away_and_says_why(
    store: Store,
) -> None:
    stored, annotating = _open(store)
    suggestions = _suggested(stored, store)
    assert len(suggestions) == 4
    learning = Learning(store, Services(store).reader.id)

    annotating.reject(stored.id, suggestions[:2])
    assert len(_suggested(stored, store)) == 4, "two rejections are not yet a pattern"
    change = annotating.reject(stored.id, suggestions[2:3])
    assert _suggested(stored, store) == []
    [adjustment] = learning.adjustments(bundled_taxonomy())
    assert adjustment.reason == "weakened: you rejected “security council” 3 times"

    change.inverse().apply(annotating)  # undoing the third rejection undoes its lesson
    assert len(_suggested(stored, store)) == 4


def test_accepting_outweighs_and_reset_is_undoable(store: Store) -> None:
    stored, annotating = _open(store)
    suggestions = _suggested(stored, store)
    annotating.reject(stored.id, suggestions[:3])
    assert _suggested(stored, store) == []
    learning = Learning(store, Services(store).reader.id)

    before = learning.reset()
    assert len(_suggested(stored, store)) == 4, "reset: the decisions no longer count"
    assert learning.decisions(bundled_taxonomy()) == []
    learning.undo_reset(before)
    assert _suggested(stored, store) == []

    annotating.accept(stored, suggestions[3])  # three against one: net two, below three
    assert len(_suggested(stored, store)) == 4


def test_a_filed_highlight_is_a_decision_with_its_text(store: Store) -> None:
    stored, annotating = _open(store)
    taxonomy = bundled_taxonomy()
    annotating.highlight(stored, 0, 7, area="climate")
    [decision] = Learning(store, Services(store).reader.id).decisions(taxonomy)
    assert (decision.area, decision.verdict.value, decision.text) == (
        "climate", "assigned", "Remarks")


def test_the_export_reads_with_what_the_reader_taught(store: Store, tmp_path: Path) -> None:
    stored, annotating = _open(store)
    services = Services(store)
    options = ExportOptions(SummaryOptions(suggestions=True))

    def overview() -> str:
        text = services.export(stored.id, "md", tmp_path / "out.md", options).read_text(
            encoding="utf-8")
        return next(line for line in text.splitlines() if line.startswith("| Multilateral"))

    assert overview().startswith("| Multilateral reform | 4 |")
    annotating.reject(stored.id, _suggested(stored, store)[:3])
    # the fourth, never rejected, is no longer suggested either
    assert overview().startswith("| Multilateral reform | 0 |")
