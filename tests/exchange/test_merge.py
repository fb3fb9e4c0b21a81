"""The merge rules, case by case (the algebra is in test_merge_properties.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from annotator.core.annotation import Annotation
from annotator.exchange.merge import Reason, merge, shown_author

ME = "me"
LI = "li"
T1 = datetime(2026, 1, 1, tzinfo=UTC)
T2 = datetime(2026, 1, 2, tzinfo=UTC)


def note(id_: str, author: str, text: str, revision: int = 1, when: datetime = T1) -> Annotation:
    return Annotation("doc", 0, 4, "text", note=text, author_id=author, author_name=author,
                      id=id_, created=T1, modified=when, revision=revision)


def test_new_annotations_are_added_and_newer_revisions_update() -> None:
    local = {"a": note("a", LI, "old", 1, T2)}
    result = merge(local, [note("a", LI, "new", 2, T1), note("b", LI, "fresh")], ME)
    assert (result.added, result.updated, result.unchanged) == (1, 1, 0)
    assert [(b and b.note, a.note) for b, a in result.changes] == [("old", "new"), (None, "fresh")]


def test_revision_beats_a_later_clock() -> None:
    local = {"a": note("a", LI, "edited twice", 3, T1)}
    result = merge(local, [note("a", LI, "clock ahead", 2, T2)], ME)
    assert (result.updated, result.unchanged, result.changes) == (0, 1, ())


def test_a_tombstone_deletes_and_a_missing_annotation_does_not() -> None:
    local = {"a": note("a", LI, "x"), "b": note("b", LI, "y")}
    result = merge(local, [replace(note("a", LI, ""), deleted=True, revision=2)], ME)
    assert [(a.id, a.deleted) for _, a in result.changes] == [("a", True)]
    assert result.updated == 1


def test_the_local_readers_own_are_never_overwritten_or_deleted() -> None:
    mine = note("a", ME, "my words")
    forged = [
        replace(mine, note="forged", revision=9),
        replace(mine, deleted=True, revision=9),
        replace(mine, note="as Li", author_id=LI, revision=9),
        note("new", ME, "claims to be mine"),
    ]
    result = merge({"a": mine}, forged, ME)
    assert result.changes == ()
    assert {c.reason for c in result.conflicts} == {Reason.LOCAL_READER}
    assert {c.id for c in result.conflicts} == {"a", "new"}


def test_same_revision_other_content_is_listed_and_decided_the_same_either_way() -> None:
    one, two = note("a", LI, "one"), note("a", LI, "two")
    first = merge({"a": one}, [two], ME)
    second = merge({"a": two}, [one], ME)
    [conflict] = first.conflicts
    assert conflict.reason is Reason.SAME_REVISION
    kept_first = first.changes[0][1] if first.changes else one
    kept_second = second.changes[0][1] if second.changes else two
    assert kept_first == kept_second


def test_another_author_claiming_an_id_is_a_conflict() -> None:
    result = merge({"a": note("a", LI, "Li's")}, [note("a", "bob", "Bob's", 2)], ME)
    assert [c.reason for c in result.conflicts] == [Reason.OTHER_OWNER]


def test_merging_twice_changes_nothing_more() -> None:
    incoming = [note("a", LI, "x"), note("b", LI, "y")]
    first = merge({}, incoming, ME)
    stored = {a.id: a for _, a in first.changes}
    again = merge(stored, incoming, ME)
    assert (again.changes, again.unchanged) == ((), 2)


def test_claimed_authors_are_marked() -> None:
    assert shown_author("Li", LI, ME) == "Li (from bundle)"
    assert shown_author("Me", ME, ME) == "Me"
    assert shown_author("", LI, ME) == "Someone (from bundle)"
