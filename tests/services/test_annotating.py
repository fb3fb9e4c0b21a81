"""Annotating: every edit is stored, returns a Change, and its inverse puts things back."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import platformdirs
import pytest

from annotator import paths
from annotator.core.annotation import Annotation, Origin
from annotator.errors import AnnotatorError, FolderError, NotFound
from annotator.services.annotating import Annotating
from annotator.services.changes import Change
from annotator.services.identity import Identity
from annotator.services.library import Library
from annotator.store import Store, StoredDocument


def test_highlight_is_stored_with_selectors_and_author(
    store: Store, library: Library, annotating: Annotating, sample_doc: StoredDocument
) -> None:
    text = sample_doc.document.text
    change = annotating.highlight(
        sample_doc, 100, 140, color="#AABBCC", note="*why*", tags=["b", " a ", "b", ""]
    )
    [stored] = library.annotations(sample_doc.id)
    assert stored == change.after[0]
    assert stored.exact == text[100:140]
    assert stored.prefix == text[68:100] and stored.suffix == text[140:172]
    assert stored.color == "#aabbcc"
    assert stored.tags == ("b", "a")
    reader = Identity(store).reader()
    assert (stored.author_id, stored.author_name) == (reader.id, reader.name)
    assert stored.created.tzinfo is not None


def test_highlight_quote_picks_the_occurrence(
    annotating: Annotating, sample_doc: StoredDocument
) -> None:
    text = sample_doc.document.text
    second = text.index("China", text.index("China") + 1)
    change = annotating.highlight_quote(sample_doc, "China", 2)
    assert change.after[0].start == second
    with pytest.raises(NotFound, match="occurs"):
        annotating.highlight_quote(sample_doc, "China", 10_000)


@pytest.mark.parametrize(
    ("start", "end", "options"),
    [(5, 5, {}), (-1, 3, {}), (0, 10**9, {}), (0, 5, {"color": "mauve"}), (0, 5, {"color": "#12"})],
)
def test_bad_input_changes_nothing(
    library: Library,
    annotating: Annotating,
    sample_doc: StoredDocument,
    start: int,
    end: int,
    options: dict[str, str],
) -> None:
    with pytest.raises(AnnotatorError):
        annotating.highlight(sample_doc, start, end, **options)
    assert library.annotations(sample_doc.id) == []


def test_edit_and_undo_redo(
    library: Library, annotating: Annotating, sample_doc: StoredDocument
) -> None:
    created = annotating.highlight(sample_doc, 0, 10)
    original = created.after[0]
    edit = annotating.edit([original.id], note="new", color="green", tags=["x"], area="trade")
    [edited] = library.annotations(sample_doc.id)
    assert (edited.note, edited.color, edited.tags, edited.area) == (
        "new",
        "green",
        ("x",),
        "trade",
    )
    assert edited.modified >= original.modified

    edit.inverse().apply(annotating)
    assert _content(library.annotations(sample_doc.id)) == _content([original])
    edit.apply(annotating)
    assert _content(library.annotations(sample_doc.id)) == _content([edited])

    created.inverse().apply(annotating)  # undo the highlight itself
    assert library.annotations(sample_doc.id) == []
    created.apply(annotating)
    assert _content(library.annotations(sample_doc.id)) == _content([original])


def _content(found: list[Annotation]) -> list[Annotation]:
    """Annotations without the edit count and time, which undo and redo move on."""
    return [replace(a, revision=0, modified=original_time) for a in found]


original_time = datetime(2000, 1, 1, tzinfo=UTC)


def test_bulk_delete_is_one_change(
    library: Library, annotating: Annotating, sample_doc: StoredDocument
) -> None:
    ids = [annotating.highlight(sample_doc, i * 20, i * 20 + 5).after[0].id for i in range(5)]
    before = library.annotations(sample_doc.id)
    change = annotating.delete(ids)
    assert len(change.after) == 5 and all(a.deleted for a in change.after)
    assert library.annotations(sample_doc.id) == []
    change.inverse().apply(annotating)
    assert _content(library.annotations(sample_doc.id)) == _content(before)


def test_edit_without_effect_records_nothing(
    annotating: Annotating, sample_doc: StoredDocument
) -> None:
    a = annotating.highlight(sample_doc, 0, 5, color="blue").after[0]
    assert annotating.edit([a.id], color="blue").empty


def test_edit_unknown_annotation_or_field(
    annotating: Annotating, sample_doc: StoredDocument
) -> None:
    a = annotating.highlight(sample_doc, 0, 5).after[0]
    with pytest.raises(NotFound):
        annotating.edit([a.id, "missing"], note="x")
    with pytest.raises(AnnotatorError, match="start"):
        annotating.edit([a.id], start=3)


def test_accept_and_reject_suggestions(
    library: Library, annotating: Annotating, sample_doc: StoredDocument
) -> None:
    accepted = annotating.accept(sample_doc, ("climate", 10, 30), color="#00ff00").after[0]
    assert accepted.origin is Origin.MACHINE and accepted.area == "climate"
    assert library.annotations(sample_doc.id) == [accepted]

    reject = annotating.reject(sample_doc.id, [("trade", 1, 4), ("trade", 1, 4)])
    assert reject.rejected == (("trade", 1, 4),)
    again = annotating.reject(sample_doc.id, [("trade", 1, 4), ("tech", 2, 3)])
    assert again.rejected == (("tech", 2, 3),), "only newly rejected ones are recorded"
    again.inverse().apply(annotating)
    assert library.rejected_suggestions(sample_doc.id) == {("trade", 1, 4)}


def test_change_inverse_is_an_involution(
    annotating: Annotating, sample_doc: StoredDocument
) -> None:
    change = annotating.highlight(sample_doc, 0, 5)
    assert change.inverse().inverse() == change
    assert isinstance(change.inverse(), Change)
    assert replace(change, description="x").inverse().description == "x"


def test_a_readers_highlight_is_filed_under_the_area_detected_under_it(
    library: Library, annotating: Annotating, sample_doc: StoredDocument
) -> None:
    text = sample_doc.document.text
    quote = "the world’s largest carbon emitters"
    start = text.index(quote)
    change = annotating.highlight(sample_doc, start, start + len(quote), color="green")
    assert change.after[0].area == "climate"
    # an area the reader chose, and a reply, are left as they are
    chosen = annotating.highlight(sample_doc, start, start + 9, area="people-exchange")
    assert chosen.after[0].area == "people-exchange"
    plain = text.index("In moving forward")
    none = annotating.highlight(sample_doc, plain, plain + len("In moving forward"))
    assert none.after[0].area is None
    assert {a.area for a in library.annotations(sample_doc.id)} == {
        "climate", "people-exchange", None
    }


def test_undo_and_redo_of_an_edit_count_as_new_revisions(
    annotating: Annotating, sample_doc: StoredDocument, store: Store
) -> None:
    """A merge prefers the higher revision: an undone edit must not lose to the old one."""
    created = annotating.highlight_quote(sample_doc, "climate", note="one").after[0]
    edit = annotating.edit([created.id], note="two")
    assert edit.after[0].revision == 2
    edit.inverse().apply(annotating)
    with store.transaction(write=False) as repo:
        undone = repo.annotations_by_id([created.id])[created.id]
    assert (undone.note, undone.revision) == ("one", 3)
    assert undone.modified > edit.after[0].modified
    edit.apply(annotating)
    with store.transaction(write=False) as repo:
        redone = repo.annotations_by_id([created.id])[created.id]
    assert (redone.note, redone.revision) == ("two", 4)


def test_with_no_place_for_a_taxonomy_only_the_suggestion_fails(
    store: Store, sample_doc: StoredDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Annotating looks up where the reader's own taxonomy would be once; where there is
    no such place (a user with no home folder: platformdirs answers a relative path), a
    highlight that needs the suggestion reports it as before, and every other edit works."""
    reader = Identity(store).reader()
    monkeypatch.delenv(paths.HOME_ENV)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(store.path.parent / "unused"))  # a new key
    monkeypatch.setattr(platformdirs, "user_config_dir", lambda _app: "~/.config/Annotator")
    annotating = Annotating(store, reader)
    with pytest.raises(FolderError):
        annotating.highlight(sample_doc, 0, 10)
    change = annotating.highlight(sample_doc, 0, 10, area="climate")
    annotating.delete([change.after[0].id])
    assert Library(store).annotations(sample_doc.id) == []
