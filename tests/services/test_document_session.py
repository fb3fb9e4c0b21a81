"""The document session decides, without Qt or a store, what the window draws; the one
annotation filter serves the Annotations panel and the exports alike."""

from __future__ import annotations

from annotator.core.annotation import Annotation, Origin, Placement
from annotator.core.filters import AnnotationFilter, filter_annotations
from annotator.core.layers import LayerKind, visible_suggestions
from annotator.core.summary import SummaryOptions
from annotator.services.changes import Change
from annotator.services.document_session import DocumentSession, MarkWording, OpenedDocument
from annotator.services.reading import bundled_taxonomy, open_sample


def note(start: int, end: int, **fields: object) -> Annotation:
    return Annotation("doc", start, end, "quote", **fields)  # type: ignore[arg-type]


def test_the_panel_and_the_export_filter_with_one_rule() -> None:
    yellow = note(0, 5, color="yellow", tags=("a",), author_name="Li", area="climate")
    blue = note(5, 9, color="blue", tags=("b",), author_id="id-2", author_name="Ana",
                note="about trade")
    gone = note(9, 12, placement=Placement.UNPLACED, color="yellow")
    panel = AnnotationFilter.choosing(color="yellow")
    export = SummaryOptions(AnnotationFilter(colors=frozenset({"yellow"}))).filter
    assert filter_annotations([gone, blue, yellow], panel) == [yellow, gone]
    assert [a for a in (yellow, blue, gone) if export.matches(a)] == [yellow, gone]
    assert AnnotationFilter(authors=frozenset({"id-2"})).matches(blue)
    assert AnnotationFilter.choosing(author="Ana", text="TRADE").matches(blue)
    assert not AnnotationFilter.choosing(area="climate", tag="b").matches(yellow)
    assert AnnotationFilter(tags=frozenset({"x", "a"})).matches(yellow)


def test_accepted_and_rejected_suggestions_are_not_shown() -> None:
    accepted = note(0, 5, origin=Origin.MACHINE, area="climate")
    unplaced = note(10, 15, origin=Origin.MACHINE, area="trade", placement=Placement.UNPLACED)
    shown = visible_suggestions(
        [("climate", 0, 5), ("trade", 10, 15), ("health", 20, 30)],
        [("health", 20, 30)], [accepted, unplaced])
    assert shown == [("trade", 10, 15)]


def test_the_session_draws_suggestions_then_the_readers_marks() -> None:
    session = DocumentSession()
    reading = open_sample(bundled_taxonomy())
    session.show(reading)
    marks, notes = session.marks()
    assert len(marks) == len(reading.spans) and not notes
    span = reading.spans[0]
    accepted = note(span.start, span.end, origin=Origin.MACHINE, area=span.area,
                    author_name="Li", note="Key")
    session.attach(OpenedDocument("doc", [accepted]))
    marks, notes = session.marks(MarkWording(by="von {who}", accepted_by="angenommen: {who}"))
    [mine] = [m for m in marks if m.layer is LayerKind.READER]
    area = reading.taxonomy.area(span.area)
    assert area is not None and mine.key == area.color.lower()
    assert mine.label == f"{area.label} — angenommen: Li"
    assert notes == [(span.start, area.color.lower())]
    assert len(marks) == len(reading.spans)  # the accepted suggestion is not drawn twice
    assert session.suggestion_counts()[span.area] == len(reading.spans_of(span.area)) - 1


def test_a_change_to_another_document_leaves_the_session_alone() -> None:
    session = DocumentSession()
    session.show(open_sample(bundled_taxonomy()))
    session.attach(OpenedDocument("doc"))
    made = note(0, 5)
    assert not session.apply(Change("Highlight", "other", (), (made,)))
    assert session.apply(Change("Highlight", "doc", (), (made,)))
    assert session.ordered() == [made]
    assert [(x.kind, x.annotations) for x in session.layers(made.author_id)] == [
        (LayerKind.READER, 1)]


def test_layers_are_drawn_by_author_as_the_page_badges_them() -> None:
    session = DocumentSession()
    session.show(open_sample(bundled_taxonomy()))
    session.attach(OpenedDocument("doc"))
    made = [note(0, 5, author_id="me", author_name="Me"), note(5, 9),  # no author: mine
            note(9, 12, author_id="li", author_name="Li"),
            note(12, 15, author_id="li", author_name="Li")]
    assert session.apply(Change("Highlight", "doc", (), tuple(made)))
    layers = session.layers("me")
    assert [(x.kind, x.author_id, x.author, x.annotations) for x in layers] == [
        (LayerKind.READER, "me", "Me", 2), (LayerKind.IMPORTED, "li", "Li (from bundle)", 2)]
    # Before the library is open every annotation is drawn as the reader's own.
    assert [(x.kind, x.annotations) for x in session.layers(None)] == [(LayerKind.READER, 4)]
