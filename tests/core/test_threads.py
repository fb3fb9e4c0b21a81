"""The panel's order: own notes first, each author's layer apart, answers under questions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.annotation import Annotation, Motivation
from annotator.core.threads import threaded


def _a(id_: str, author: str, **fields: object) -> Annotation:
    return Annotation("doc", 0, 4, "text", id=id_, author_id=author, **fields)  # type: ignore[arg-type]


def test_groups_and_threads() -> None:
    question = _a("q", "teacher", motivation=Motivation.QUESTIONING)
    mine = _a("m", "me")
    answer = _a("r", "me", motivation=Motivation.REPLYING, reply_to="q")
    other = _a("o", "sam")
    stray = _a("s", "sam", motivation=Motivation.REPLYING, reply_to="not-shown")
    entries = threaded([question, mine, answer, other, stray], "me",
                       {"teacher": "Ms Teacher", "sam": "Sam"})
    assert [(e.annotation.id, e.author_id, e.reply) for e in entries] == [
        ("m", None, False), ("q", "teacher", False), ("r", "teacher", True),
        ("o", "sam", False), ("s", "sam", False),
    ]


@given(st.lists(st.tuples(st.sampled_from(["me", "li", "sam"]), st.integers(0, 9),
                          st.booleans()), max_size=12))
def test_every_annotation_is_listed_once(spec: list[tuple[str, int, bool]]) -> None:
    found = [
        _a(f"id{n}", author, motivation=Motivation.REPLYING if reply else Motivation.COMMENTING,
           reply_to=f"id{target}" if reply else None)
        for n, (author, target, reply) in enumerate(spec)
    ]
    entries = threaded(found, "me")
    assert sorted(e.annotation.id for e in entries) == sorted(a.id for a in found)
