"""The sharing dialogs over real libraries: share, hand in, merge with conflicts, answers, group.

Each person has a store of their own in tmp_path. Every dialog is grabbed at 800x600
into tmp_path (run with --basetemp to keep the pictures and look at them).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from annotator.core.annotation import Motivation
from annotator.exchange.bundle import read_bundle, write_bundle
from annotator.gui import i18n
from annotator.gui.answers_view import AnswersDialog
from annotator.gui.group_view import GroupDialog
from annotator.gui.merge_dialog import MergeDialog
from annotator.gui.share_dialog import ShareDialog
from annotator.importers import import_path
from annotator.services.sharing import MergeReport
from tests.people import Person

WAIT_MS = 30_000


@pytest.fixture
def handout(teacher: Person, sample_path: Path) -> tuple[str, str]:
    doc_id = teacher.library.add(import_path(sample_path), str(sample_path))
    doc = teacher.library.document(doc_id)
    question = teacher.annotating.highlight_quote(
        doc, "cooperation", note="Why now?", motivation=Motivation.QUESTIONING).after[0]
    teacher.annotating.highlight_quote(doc, "climate", note="context", area="climate")
    return doc_id, question.id


@pytest.fixture
def student_copy(
    teacher: Person, student: Person, handout: tuple[str, str], tmp_path: Path
) -> tuple[str, str]:
    """The hand-out shared by the teacher and merged by the student: (teacher's id, copy)."""
    doc_id, _ = handout
    teacher.sharing.bundle(doc_id, tmp_path / "hand-out.annot")
    [copy] = student.sharing.merge([tmp_path / "hand-out.annot"]).documents
    return doc_id, copy


def shot(widget: QWidget, path: Path) -> None:
    widget.resize(800, 600)
    widget.show()
    image = widget.grab()
    assert not image.isNull() and image.width() == 800
    assert image.save(str(path))


def merged(qtbot: QtBot, person: Person, paths: list[Path]) -> MergeDialog:
    dialog = MergeDialog(person.sharing, paths, "Merge Notes")
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.merged, timeout=WAIT_MS):
        dialog.start()
    return dialog


def test_share_writes_the_chosen_layers_and_hand_in_only_the_readers(
    qtbot: QtBot, teacher: Person, student: Person, handout: tuple[str, str], tmp_path: Path
) -> None:
    doc_id, question = handout
    dialog = ShareDialog(teacher.sharing, doc_id, tmp_path / "copy.annot")
    qtbot.addWidget(dialog)
    shot(dialog, tmp_path / "share.png")
    dialog.areas.setChecked(False)
    dialog.mine.setChecked(False)
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    dialog.mine.setChecked(True)
    with qtbot.waitSignal(dialog.written):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert len(read_bundle(tmp_path / "copy.annot").annotations) == 2

    [copy] = student.sharing.merge([tmp_path / "copy.annot"]).documents
    student.sharing.reply(question, "Because of the summit.")
    student.annotating.highlight_quote(student.library.document(copy), "China", note="mine")
    hand_in = ShareDialog(student.sharing, copy, tmp_path / "in.annot", hand_in=True)
    qtbot.addWidget(hand_in)
    shot(hand_in, tmp_path / "hand-in.png")
    assert hand_in.layers.isHidden() and hand_in.chosen_layers() == ("mine",)
    hand_in.save()
    handed = read_bundle(tmp_path / "in.annot")
    assert {a.author_name for a in handed.annotations} == {"Li"}
    assert not handed.carries_text and handed.original is None
    assert len(handed.annotations) == 2

    refused = ShareDialog(student.sharing, copy, tmp_path / "no-such-folder" / "x" / "in.annot")
    qtbot.addWidget(refused)
    (tmp_path / "no-such-folder").write_text("a file where a folder should be")
    refused.save()
    assert refused.status.text().startswith("Not written")
    assert refused.result() == 0


def test_merge_reports_counts_and_the_reader_keeps_the_other_version(
    qtbot: QtBot, teacher: Person, student: Person, handout: tuple[str, str], tmp_path: Path
) -> None:
    doc_id, _ = handout
    teacher.sharing.bundle(doc_id, tmp_path / "hand-out.annot")
    bundle = read_bundle(tmp_path / "hand-out.annot")
    note = next(a for a in bundle.annotations if a.note == "context")
    write_bundle(replace(bundle, annotations=(replace(note, note="another context"),)),
                 tmp_path / "other.annot")
    dialog = merged(qtbot, student, [tmp_path / "hand-out.annot", tmp_path / "other.annot"])
    report = dialog.report
    assert isinstance(report, MergeReport)
    assert dialog.counts.text() == "Added 2, updated 0, unchanged 0, in conflict 1."
    assert dialog.conflicts.rowCount() == 1 and dialog.apply_button.isVisible()
    shot(dialog, tmp_path / "merge-report.png")
    [copy] = report.documents
    before = {a.id: a.note for a in student.library.annotations(copy)}[note.id]
    dialog.choose_other(0)
    with qtbot.waitSignal(dialog.kept) as kept:
        dialog.apply_choices()
    after = {a.id: a.note for a in student.library.annotations(copy)}[note.id]
    assert {before, after} == {"context", "another context"}
    assert kept.args[0].after[0].note == after


def test_a_bad_file_is_explained_in_the_dialog_and_changes_nothing(
    qtbot: QtBot, student: Person, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.annot"
    bad.write_bytes(b"PK\x05\x06" + bytes(18))
    before = student.dump()
    dialog = MergeDialog(student.sharing, [bad], "Merge Notes")
    qtbot.addWidget(dialog)
    dialog.show()
    worker = dialog.start()
    qtbot.waitUntil(lambda: bool(dialog.error), timeout=WAIT_MS)
    assert worker.is_done and dialog.report is None
    assert "bad.annot" in dialog.status.text()
    assert student.dump() == before


def test_answers_side_by_side_with_who_has_not_answered_and_a_grading_csv(
    qtbot: QtBot, teacher: Person, handout: tuple[str, str], tmp_path: Path
) -> None:
    doc_id, question = handout
    teacher.sharing.bundle(doc_id, tmp_path / "hand-out.annot")
    hand_ins = []
    for name, answer in (("Li", "Elections."), ("Sam", None), ("Ana", "Trade.")):
        person = Person(tmp_path / f"{name}.db", name)
        [copy] = person.sharing.merge([tmp_path / "hand-out.annot"]).documents
        if answer:
            person.sharing.reply(question, answer)
        person.annotating.highlight_quote(person.library.document(copy), "Blinken")
        person.sharing.bundle(copy, tmp_path / f"{name}.annot", ("mine",))
        hand_ins.append(tmp_path / f"{name}.annot")
        person.store.close()
    merged(qtbot, teacher, hand_ins)
    dialog = AnswersDialog(teacher.sharing, doc_id)
    qtbot.addWidget(dialog)
    shot(dialog, tmp_path / "answers.png")
    table = dialog.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Question", "Ana (from bundle)", "Li (from bundle)", "Sam (from bundle)"]
    assert [table.item(0, c).text() for c in range(1, 4)] == [
        "Trade.", "Elections.", "Not answered"]
    assert "Not answered: Sam (from bundle)" in table.item(0, 0).text()
    dialog.export_csv(tmp_path / "grades.csv")
    with (tmp_path / "grades.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["student"], r["answered"]) for r in rows] == [
        ("Ana (from bundle)", "yes"), ("Li (from bundle)", "yes"), ("Sam (from bundle)", "no")]


def test_group_view_lists_hot_spots_that_jump_and_compares_two_members(
    qtbot: QtBot, student: Person, student_copy: tuple[str, str], tmp_path: Path
) -> None:
    _, copy = student_copy
    doc = student.library.document(copy)
    student.annotating.highlight_quote(doc, "climate", note="Li on climate")
    dialog = GroupDialog(student.sharing.group_summary(copy))
    qtbot.addWidget(dialog)
    shot(dialog, tmp_path / "group.png")
    assert dialog.hot_list.count() == 1
    item = dialog.hot_list.item(0)
    assert item.text().startswith("2 members: “climate”")
    with qtbot.waitSignal(dialog.passage_chosen) as chosen:
        dialog.hot_list.itemActivated.emit(item)
    start = doc.document.text.index("climate")
    assert chosen.args == [start, start + len("climate")]
    dialog.tabs.setCurrentIndex(1)
    assert dialog.compared.rowCount() == 1
    assert dialog.compared.item(0, 1).text() == "Li on climate"
    assert dialog.compared.item(0, 2).text() == "context"
    shot(dialog, tmp_path / "compare.png")
    dialog.right.setCurrentIndex(0)
    assert dialog.compared.rowCount() == 0
    assert dialog.compare_status.text() == "Choose two different members."


def test_annotator_file_annot_opens_the_window_on_the_imported_document(
    qtbot: QtBot, teacher: Person, handout: tuple[str, str], tmp_path: Path
) -> None:
    """`annotator FILE.annot` (and a double-click, once the MIME type is registered)."""
    from annotator.app import create_main_window

    doc_id, _ = handout
    teacher.sharing.bundle(doc_id, tmp_path / "hand-out.annot")
    window = create_main_window(str(tmp_path / "hand-out.annot"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.reading is not None and len(
        window.annotation_layer.annotations) == 2, timeout=WAIT_MS)
    assert window.reading is not None
    assert window.reading.document.content_hash == (
        teacher.library.document(doc_id).document.content_hash)
    session = window.annotation_layer.session
    assert session is not None
    window.close()
    session.close()


def test_cancel_stops_the_merge_and_nothing_is_written(
    qtbot: QtBot, teacher: Person, student: Person, handout: tuple[str, str], tmp_path: Path
) -> None:
    doc_id, _ = handout
    teacher.sharing.bundle(doc_id, tmp_path / "hand-out.annot")
    data = (tmp_path / "hand-out.annot").read_bytes()
    copies = []
    for n in range(60):  # reading them all takes far longer than the click to cancel
        copies.append(tmp_path / f"copy-{n}.annot")
        copies[-1].write_bytes(data)
    before = student.dump()
    dialog = MergeDialog(student.sharing, copies, "Merge Notes")
    qtbot.addWidget(dialog)
    dialog.show()
    worker = dialog.start()
    dialog.cancel_or_close()
    assert dialog.status.text() == "Cancelling…"
    qtbot.waitUntil(lambda: bool(dialog.error), timeout=WAIT_MS)
    assert worker.is_done and dialog.report is None
    assert dialog.error == "The merge was cancelled; nothing was changed."
    assert student.dump() == before
    dialog.cancel_or_close()  # now Close: the dialog goes
    assert not dialog.isVisible()


def test_feedback_carries_the_teachers_private_reply_to_one_student_only(
    qtbot: QtBot, teacher: Person, student: Person, student_copy: tuple[str, str],
    tmp_path: Path,
) -> None:
    doc_id, copy = student_copy
    mine = student.annotating.highlight_quote(
        student.library.document(copy), "China", note="Li's reading").after[0]
    student.sharing.bundle(copy, tmp_path / "in.annot", ("mine",), text=False)
    teacher.sharing.merge([tmp_path / "in.annot"])
    teacher.sharing.reply(mine.id, "Good point, Li.")
    dialog = ShareDialog(teacher.sharing, doc_id, tmp_path / "feedback.annot",
                         addressee=(student.reader.id, "Li (from bundle)"))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Send Feedback to Li (from bundle)"
    assert dialog.layers.isHidden() and dialog.chosen_layers() == ("mine", "areas")
    dialog.save()
    carried = read_bundle(tmp_path / "feedback.annot")
    assert "Good point, Li." in {a.note for a in carried.annotations}
    assert mine.id not in {a.id for a in carried.annotations}, "Li's own note stays Li's"
    dialog = ShareDialog(teacher.sharing, doc_id, tmp_path / "class.annot")
    qtbot.addWidget(dialog)
    dialog.save()
    assert "Good point, Li." not in {a.note for a in read_bundle(tmp_path / "class.annot")
                                     .annotations}


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """The English translation: the plural forms of the %n strings."""
    installed = i18n.install(qapp, "en")
    assert installed.translators, "run make: annotator_en.qm is built from annotator_en.ts"
    yield
    installed.uninstall(qapp)


def test_answers_count_questions_and_students_in_the_singular_and_plural(
    english: None, qtbot: QtBot, teacher: Person, handout: tuple[str, str], tmp_path: Path
) -> None:
    doc_id, question = handout
    teacher.sharing.bundle(doc_id, tmp_path / "hand-out.annot")
    person = Person(tmp_path / "Li.db", "Li")
    [copy] = person.sharing.merge([tmp_path / "hand-out.annot"]).documents
    person.sharing.reply(question, "Elections.")
    person.sharing.bundle(copy, tmp_path / "Li.annot", ("mine",))
    person.store.close()
    merged(qtbot, teacher, [tmp_path / "Li.annot"])
    dialog = AnswersDialog(teacher.sharing, doc_id)
    qtbot.addWidget(dialog)
    assert dialog.summary.text() == "1 question, 1 student, 1 of 1 answers in."
    teacher.annotating.highlight_quote(teacher.library.document(doc_id), "Blinken",
                                       note="Who is he?", motivation=Motivation.QUESTIONING)
    dialog = AnswersDialog(teacher.sharing, doc_id)
    qtbot.addWidget(dialog)
    assert dialog.summary.text().startswith("2 questions, 1 student, ")
    assert "(s)" not in dialog.summary.text()
