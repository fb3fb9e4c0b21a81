"""The sharing service over real stores: bundle out, merge in, one undo, nothing on refusal."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from annotator.core import w3c
from annotator.core.annotation import Motivation
from annotator.errors import BundleRejected
from annotator.exchange.bundle import read_bundle, write_bundle
from annotator.exporters.wording import Wording
from annotator.importers import import_path
from annotator.services.sharing import HAND_IN, MergeCancelled
from tests.people import Person


def _handout(teacher: Person, sample_path: Path, out: Path) -> tuple[str, str]:
    doc_id = teacher.library.add(import_path(sample_path), str(sample_path))
    doc = teacher.library.document(doc_id)
    question = teacher.annotating.highlight_quote(
        doc, "cooperation", note="Why now?", motivation=Motivation.QUESTIONING
    ).after[0]
    teacher.annotating.highlight_quote(doc, "climate", note="context", tags=["env"])
    teacher.sharing.bundle(doc_id, out)
    return doc_id, question.id


def test_bundle_merges_into_another_library_once_and_undoes_in_one_step(
    teacher: Person, student: Person, sample_path: Path, tmp_path: Path
) -> None:
    _, question = _handout(teacher, sample_path, tmp_path / "hand-out.annot")
    report = student.sharing.merge([tmp_path / "hand-out.annot"])
    [doc_id] = report.documents
    assert (report.added, report.updated, report.unchanged, report.conflicts) == (2, 0, 0, ())
    assert [(layer.author, layer.annotations) for layer in report.layers] == [
        ("Ms Teacher (from bundle)", 2)
    ]
    assert student.library.document(doc_id).document == import_path(sample_path)
    again = student.sharing.merge([tmp_path / "hand-out.annot"])
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)

    [change] = report.changes
    student.annotating.apply(change.inverse())
    assert student.live(doc_id) == []
    student.annotating.apply(change)
    assert {a.id for a in student.library.annotations(doc_id)} >= {question}


def test_answers_travel_back_and_private_feedback_only_to_its_student(
    teacher: Person, student: Person, sample_path: Path, tmp_path: Path
) -> None:
    doc_id, question = _handout(teacher, sample_path, tmp_path / "hand-out.annot")
    [student_doc] = student.sharing.merge([tmp_path / "hand-out.annot"]).documents
    answer = student.sharing.reply(question, "Because of the elections.").after[0]
    assert (answer.motivation, answer.reply_to) == (Motivation.REPLYING, question)
    written = student.sharing.bundle(student_doc, tmp_path / "li.annot", layers=("mine",))
    assert [(layer.author, layer.annotations) for layer in written.layers] == [("Li", 1)]

    merged = teacher.sharing.merge([tmp_path / "li.annot"])
    assert (merged.documents, merged.added, merged.unchanged) == ((doc_id,), 1, 0)
    feedback = teacher.sharing.reply(answer.id, "Good point; which elections?").after[0]

    teacher.sharing.bundle(doc_id, tmp_path / "class.annot")
    assert feedback.id not in {a.id for a in read_bundle(tmp_path / "class.annot").records}
    teacher.sharing.bundle(doc_id, tmp_path / "to-li.annot", addressee="Li")
    assert feedback.id in {a.id for a in read_bundle(tmp_path / "to-li.annot").records}


def test_a_forged_bundle_cannot_touch_the_readers_own(
    teacher: Person, student: Person, sample_path: Path, tmp_path: Path
) -> None:
    _handout(teacher, sample_path, tmp_path / "hand-out.annot")
    [doc_id] = student.sharing.merge([tmp_path / "hand-out.annot"]).documents
    mine = student.annotating.highlight_quote(
        student.library.document(doc_id), "China", note="mine"
    ).after[0]
    forged = read_bundle(tmp_path / "hand-out.annot")
    forged = replace(
        forged,
        annotations=(replace(mine, note="forged", revision=9, document_id="x"),),
        tombstones=(replace(mine, deleted=True, revision=10, id=mine.id),),
    )
    write_bundle(forged, tmp_path / "forged.annot")
    with pytest.raises(BundleRejected, match="twice"):
        read_bundle(tmp_path / "forged.annot")
    write_bundle(replace(forged, tombstones=()), tmp_path / "forged.annot")
    report = student.sharing.merge([tmp_path / "forged.annot"])
    assert report.conflicts and report.updated == 0
    [kept] = [a for a in student.library.annotations(doc_id) if a.id == mine.id]
    assert kept == mine


def test_a_bad_file_among_good_ones_changes_nothing(
    teacher: Person, student: Person, sample_path: Path, tmp_path: Path
) -> None:
    _handout(teacher, sample_path, tmp_path / "hand-out.annot")
    bad = tmp_path / "bad.annot"
    bad.write_bytes(b"PK\x03\x04 not really")
    before = student.dump()
    with pytest.raises(BundleRejected):
        student.sharing.merge([tmp_path / "hand-out.annot", bad])
    assert student.dump() == before


def test_a_bundle_for_a_revised_text_is_reanchored(
    teacher: Person, student: Person, tmp_path: Path
) -> None:
    first = tmp_path / "v1.txt"
    first.write_text("Alpha beta gamma.\n\nDelta epsilon zeta.\n\nEta theta iota.\n")
    doc_id = teacher.library.add(import_path(first), str(first))
    doc = teacher.library.document(doc_id)
    for quote in ("Alpha", "epsilon", "iota"):
        teacher.annotating.highlight_quote(doc, quote, note=quote)
    teacher.sharing.bundle(doc_id, tmp_path / "v1.annot")
    second = tmp_path / "v2.txt"
    second.write_text("Alpha beta gamma.\n\nSomething else.\n\nMore. Eta theta iota.\n")
    revised = student.library.add(import_path(second), str(second))

    report = student.sharing.merge([tmp_path / "v1.annot"], into=revised[:6])
    assert report.documents == (revised,)
    assert (report.kept, report.moved, report.unplaced, report.added) == (1, 1, 1, 3)
    placed = {a.note: a for a in student.library.annotations(revised)}
    assert placed["iota"].exact == "iota" and placed["epsilon"].placement == "unplaced"
    assert placed["iota"].revision == 1, "placing a copy is not an edit by its owner"


def test_w3c_json_ld_files_merge_into_their_document(
    teacher: Person, student: Person, sample_path: Path, tmp_path: Path
) -> None:
    doc_id, _ = _handout(teacher, sample_path, tmp_path / "hand-out.annot")
    [student_doc] = student.sharing.merge([tmp_path / "hand-out.annot"]).documents
    stored, annotations = teacher.library.load(doc_id)
    exported = w3c.collection(annotations, stored.document, w3c.document_iri(stored.document))
    (tmp_path / "notes.jsonld").write_text(json.dumps(exported))
    report = student.sharing.merge([tmp_path / "notes.jsonld"])
    assert (report.documents, report.added, report.unchanged) == ((student_doc,), 0, 2)


def test_study_group_summary_has_hot_spots_first_and_counts_per_member(
    teacher: Person, student: Person, sample_path: Path, tmp_path: Path
) -> None:
    _handout(teacher, sample_path, tmp_path / "hand-out.annot")
    [doc_id] = student.sharing.merge([tmp_path / "hand-out.annot"]).documents
    doc = student.library.document(doc_id)
    student.annotating.highlight_quote(doc, "climate", note="Li agrees")
    summary = student.sharing.group_summary(doc_id)
    [hot] = summary.hot_spots
    assert hot.exact == "climate"
    assert [e.member.name for e in hot.by_member] == ["Li", "Ms Teacher (from bundle)"]
    out = student.sharing.export_group(doc_id, "md", tmp_path / "group.md")
    assert [(m.name, m.marks) for m in out.members] == [("Li", 1), ("Ms Teacher (from bundle)", 2)]
    text = (tmp_path / "group.md").read_text(encoding="utf-8")
    assert text.index("## Hot spots") < text.index("- **Li**: Li agrees")


def test_a_chinese_group_summary_names_the_bundled_areas_in_chinese(
    student: Person, sample_path: Path, tmp_path: Path
) -> None:
    doc_id = student.library.add(import_path(sample_path), str(sample_path))
    doc = student.library.document(doc_id)
    student.annotating.highlight_quote(doc, "climate", note="warming", area="climate")
    chinese = Wording(language="zh-CN")
    [section] = student.sharing.group_summary(doc_id, chinese).sections
    assert (section.area, section.label) == ("climate", "气候")
    [section] = student.sharing.group_summary(doc_id).sections
    assert section.label == "Climate"
    student.sharing.export_group(doc_id, "md", tmp_path / "group.md", chinese)
    assert "## 气候" in (tmp_path / "group.md").read_text(encoding="utf-8")


def test_a_true_conflict_is_listed_and_the_reader_can_keep_the_other_copy(
    teacher: Person, student: Person, sample_path: Path, tmp_path: Path
) -> None:
    _handout(teacher, sample_path, tmp_path / "hand-out.annot")
    original = read_bundle(tmp_path / "hand-out.annot")
    note = next(a for a in original.annotations if a.note == "context")
    other = replace(note, note="another text, same revision and time")
    write_bundle(replace(original, annotations=(other,)), tmp_path / "other.annot")
    seen: list[tuple[int, int]] = []
    report = student.sharing.merge([tmp_path / "hand-out.annot", tmp_path / "other.annot"],
                                   progress=lambda done, total: seen.append((done, total)))
    assert seen == [(0, 2), (1, 2)]
    [conflict] = report.conflicts
    [doc_id] = report.documents
    stored = {a.id: a.note for a in student.library.annotations(doc_id)}
    assert stored[note.id] == conflict.kept.note != conflict.other.note
    change = student.sharing.keep_other(conflict)
    assert {a.id: a.note for a in student.library.annotations(doc_id)}[note.id] == (
        conflict.other.note)
    change.inverse().apply(student.annotating)
    assert {a.id: a.note for a in student.library.annotations(doc_id)}[note.id] == (
        conflict.kept.note)


def test_a_cancelled_merge_writes_nothing(
    teacher: Person, student: Person, sample_path: Path, tmp_path: Path
) -> None:
    _handout(teacher, sample_path, tmp_path / "hand-out.annot")
    before = student.dump()
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 1  # after the first file is read

    with pytest.raises(MergeCancelled):
        student.sharing.merge([tmp_path / "hand-out.annot"] * 2, cancelled=cancelled)
    assert student.dump() == before


def test_a_text_less_hand_in_lands_on_the_teachers_text_with_its_answer(
    teacher: Person, student: Person, sample_path: Path, tmp_path: Path
) -> None:
    doc_id, question = _handout(teacher, sample_path, tmp_path / "hand-out.annot")
    [copy] = student.sharing.merge([tmp_path / "hand-out.annot"]).documents
    student.sharing.reply(question, "Because.")
    student.sharing.bundle(copy, tmp_path / "in.annot", HAND_IN, text=False)
    assert (tmp_path / "in.annot").stat().st_size < (tmp_path / "hand-out.annot").stat().st_size
    report = teacher.sharing.merge([tmp_path / "in.annot"])
    assert (report.documents, report.added) == ((doc_id,), 1)
    [row] = teacher.sharing.answer_rows(doc_id)
    assert (row.student, [a.note for a in row.answers]) == ("Li (from bundle)", ["Because."])
    stranger = Person(tmp_path / "stranger.db", "Stranger")
    before = stranger.dump()
    with pytest.raises(BundleRejected, match="not in the library"):
        stranger.sharing.merge([tmp_path / "in.annot"])
    assert stranger.dump() == before
    stranger.store.close()
