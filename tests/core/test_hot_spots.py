"""Hot spots: overlapping spans are one passage, ranked by distinct members."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.annotation import Annotation, Motivation, Placement
from annotator.core.hot_spots import hot_spots, passages


def mark(author: str, start: int, end: int, number: int, **fields: object) -> Annotation:
    return Annotation("doc", start, end, "x" * (end - start), author_id=author,
                      id=f"id-{number:04d}", **fields)  # type: ignore[arg-type]


@st.composite
def marks(draw: st.DrawFn) -> list[Annotation]:
    spans = draw(st.lists(
        st.tuples(st.sampled_from("abcd"), st.integers(0, 60), st.integers(1, 12)),
        max_size=25,
    ))
    return [mark(author, start, start + length, n) for n, (author, start, length) in
            enumerate(spans)]


@given(marks(), st.randoms(use_true_random=False))
def test_passages_do_not_depend_on_input_order(found: list[Annotation], rnd: object) -> None:
    shuffled = list(found)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert passages(shuffled) == passages(found)
    assert hot_spots(shuffled) == hot_spots(found)


@given(marks())
def test_every_mark_lies_in_exactly_one_passage_and_passages_never_overlap(
    found: list[Annotation],
) -> None:
    result = passages(found)
    for a in found:
        holding = [p for p in result if a in p.annotations]
        assert len(holding) == 1
        assert holding[0].start <= a.start < a.end <= holding[0].end
    for left, right in itertools.pairwise(result):
        assert left.end <= right.start
    for p in result:
        assert p.start == min(a.start for a in p.annotations)
        assert p.end == max(a.end for a in p.annotations)


@given(marks())
def test_hot_spots_are_ranked_by_distinct_members(found: list[Annotation]) -> None:
    ranked = hot_spots(found)
    assert all(p.weight >= 2 for p in ranked)
    assert [p.weight for p in ranked] == sorted((p.weight for p in ranked), reverse=True)
    assert len(ranked) == sum(1 for p in passages(found) if p.weight >= 2)


def test_a_chain_of_overlaps_is_one_passage_touching_spans_are_not() -> None:
    found = [mark("a", 0, 5, 1), mark("b", 4, 9, 2), mark("c", 8, 12, 3), mark("a", 12, 15, 4)]
    result = passages(found)
    assert [(p.start, p.end, p.members) for p in result] == [
        (0, 12, ("a", "b", "c")), (12, 15, ("a",))
    ]
    assert [p.weight for p in hot_spots(found)] == [3]


def test_one_members_many_marks_count_once_and_replies_deleted_unplaced_are_left_out() -> None:
    found = [
        mark("a", 0, 5, 1), mark("a", 1, 4, 2), mark("b", 20, 25, 3),
        mark("c", 20, 25, 4, motivation=Motivation.REPLYING, reply_to="id-0003"),
        mark("d", 21, 23, 5, deleted=True),
        mark("e", 22, 24, 6, placement=Placement.UNPLACED),
        mark("f", 2, 3, 7),
    ]
    ranked = hot_spots(found)
    assert [(p.start, p.end, p.members) for p in ranked] == [(0, 5, ("a", "f"))]
    assert hot_spots(found, minimum=1)[1].members == ("b",)
