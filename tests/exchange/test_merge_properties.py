"""Merging is idempotent, commutative and associative, and never touches the reader's own.

Bundles are random sets of copies over a small pool of ids, authors (the local reader
among them), revisions, times and notes, with tombstones; the library starts from a random
state too. `apply` stores a merge's changes as the service does. States are compared with
tombstones reduced to what they mean (who deleted what, when), since a tombstone has no
content.
"""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.annotation import Annotation
from annotator.exchange.merge import merge

ME = "me"
AUTHORS = (ME, "li", "bob")
TIMES = (datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 1, 2, tzinfo=UTC))
State = dict[str, Annotation]


@st.composite
def copies(draw: st.DrawFn) -> Annotation:
    deleted = draw(st.booleans())
    return Annotation(
        "doc", 0, 4, "text",
        note="" if deleted else draw(st.sampled_from(("", "a", "b"))),
        color=draw(st.sampled_from(("yellow", "green"))),
        author_id=draw(st.sampled_from(AUTHORS)),
        author_name=draw(st.sampled_from(("Li", "Li Wei"))),
        id=draw(st.sampled_from("pqrstu")),
        created=TIMES[0],
        modified=draw(st.sampled_from(TIMES)),
        revision=draw(st.integers(1, 3)),
        deleted=deleted,
    )


def bundles() -> st.SearchStrategy[list[Annotation]]:
    return st.lists(copies(), max_size=8, unique_by=lambda a: a.id)


def libraries() -> st.SearchStrategy[State]:
    return bundles().map(lambda found: {a.id: a for a in found})


def apply(state: State, bundle: list[Annotation]) -> State:
    result = merge(state, bundle, ME)
    return {**state, **{after.id: after for _, after in result.changes}}


def meaning(state: State) -> dict[str, object]:
    return {
        i: (a.revision, a.modified, a.author_id, "deleted") if a.deleted else a
        for i, a in state.items()
    }


@settings(max_examples=300, deadline=None)
@given(libraries(), bundles())
def test_idempotent(local: State, a: list[Annotation]) -> None:
    once = apply(local, a)
    assert meaning(apply(once, a)) == meaning(once)


@settings(max_examples=300, deadline=None)
@given(libraries(), bundles(), bundles())
def test_commutative(local: State, a: list[Annotation], b: list[Annotation]) -> None:
    assert meaning(apply(apply(local, a), b)) == meaning(apply(apply(local, b), a))


@settings(max_examples=300, deadline=None)
@given(libraries(), bundles(), bundles(), bundles())
def test_associative(
    local: State, a: list[Annotation], b: list[Annotation], c: list[Annotation]
) -> None:
    left = apply(apply(apply(local, a), b), c)
    right = apply(local, a + b + c)
    grouped = apply(apply(local, a), b + c)
    assert meaning(left) == meaning(right) == meaning(grouped)


@settings(max_examples=300, deadline=None)
@given(libraries(), st.lists(bundles(), max_size=4))
def test_the_local_readers_annotations_stay_as_they_are(
    local: State, several: list[list[Annotation]]
) -> None:
    state = local
    for bundle in several:
        state = apply(state, bundle)
    for annotation_id, annotation in state.items():
        if annotation_id in local and local[annotation_id].author_id == ME:
            assert annotation == local[annotation_id]
        if annotation.author_id == ME:
            assert local.get(annotation_id) == annotation, "no copy is added in the reader's name"


@settings(max_examples=200, deadline=None)
@given(libraries(), bundles())
def test_every_copy_is_counted_once(local: State, a: list[Annotation]) -> None:
    result = merge(local, a, ME)
    counted = [
        x for x in a
        if x.author_id != ME or (x.id in local and local[x.id].author_id == ME)
    ]
    assert result.added + result.updated + result.unchanged == len(counted)
    assert all(before != after for before, after in result.changes)
