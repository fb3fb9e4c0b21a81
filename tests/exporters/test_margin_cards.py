"""Issue 11 item 4: where a printout's note marks and margin cards go
(`exporters/margin_cards.py`), as properties."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.document import BlockKind
from annotator.core.summary import Segment, TextBlock
from annotator.exporters.margin_cards import Card, assign_marks, runs, stack

_SEGMENTS = st.lists(
    st.tuples(st.text(alphabet="ab 中", min_size=1, max_size=12),
              st.sampled_from([None, "#ff0000", "#00ff00"])),
    min_size=1, max_size=12,
)


@given(_SEGMENTS, st.data())
def test_runs_keep_the_text_and_colours_and_put_each_mark_where_it_belongs(
    parts: list[tuple[str, str | None]], data: st.DataObject
) -> None:
    segments = [Segment(text, color) for text, color in parts]
    text = "".join(t for t, _ in parts)
    offsets = data.draw(st.lists(st.integers(0, len(text) - 1), max_size=6))
    marks = [(offset, number) for number, offset in enumerate(offsets, 1)]
    cut = runs(segments, marks)
    assert "".join(r.text for r in cut) == text
    colours = [c for t, c in parts for _ in t]
    assert [r.color for r in cut for _ in r.text] == colours
    found: dict[int, int] = {}
    position = 0
    for run in cut:
        for number in run.marks:
            found[number] = position
        position += len(run.text)
    assert found == {number: offset for offset, number in marks}


def test_a_mark_goes_in_the_block_its_passage_starts_in() -> None:
    class Passage:  # only what assign_marks reads of a summary's passage
        def __init__(self, start: int, placed: bool = True) -> None:
            self.start, self.placed = start, placed

    blocks = [TextBlock(BlockKind.PARAGRAPH, 0, (Segment("abcde", None),), 10),
              TextBlock(BlockKind.PARAGRAPH, 0, (Segment("fghij", None),), 17)]
    notes = [Passage(12), Passage(15), Passage(3), Passage(19), Passage(18, placed=False),
             Passage(40)]
    marks = assign_marks(blocks, notes)  # type: ignore[arg-type]
    # 15 is on the blank line between the blocks: marked at the start of the next one;
    # 3 is in the title, 18 no longer found, 40 past the text: no mark (their notes go
    # to the end).
    assert marks == {0: [(2, 1)], 1: [(0, 2), (2, 4)]}


_CARDS = st.lists(st.tuples(st.floats(0, 1000), st.floats(1, 400)), max_size=20)


@given(_CARDS)
def test_cards_never_overlap_stay_on_the_page_and_keep_their_order(
    drawn: list[tuple[float, float]]
) -> None:
    body, gap = 1000.0, 5.0
    cards = [Card(number, anchor, height) for number, (anchor, height) in enumerate(drawn, 1)]
    kept, left_out = stack(cards, body, gap)
    assert sorted([c.number for c, _ in kept] + [c.number for c in left_out]) == [
        c.number for c in cards]
    for (card, top), (below, below_top) in pairwise(kept):
        assert top + card.height + gap <= below_top + 1e-6
        assert (card.anchor, card.number) <= (below.anchor, below.number)
    assert all(top >= 0 and top + card.height <= body + 1e-6 for card, top in kept)
    # A card is left out only when the margin holds no room for it.
    for card in left_out:
        assert card.height > body or sum(c.height + gap for c, _ in kept) + card.height > body


def test_a_card_sits_beside_its_line_and_one_that_would_overlap_is_pushed_down() -> None:
    kept, left_out = stack([Card(1, 100, 50), Card(2, 120, 30), Card(3, 500, 10)], 1000, 5)
    assert [(c.number, top) for c, top in kept] == [(1, 100), (2, 155), (3, 500)]
    assert left_out == []


def test_near_the_bottom_cards_move_up_and_the_one_without_room_goes_to_the_end() -> None:
    kept, left_out = stack([Card(1, 900, 60), Card(2, 950, 60), Card(3, 960, 900)], 1000, 5)
    assert [(c.number, top) for c, top in kept] == [(1, 875), (2, 940)]
    assert [c.number for c in left_out] == [3]
