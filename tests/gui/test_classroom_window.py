"""Teacher, three students and a study group, end to end in real windows.

The window twin of `tests/exchange/test_classroom_cli.py`: each person has their own
ANNOTATOR_HOME (library and settings). The teacher asks two questions from the context
menu and shares the sample through File ▸ Share Annotated Copy…; each student opens the
.annot with File ▸ Open, answers from the context menu (one skips a question), marks a
passage and hands in through File ▸ Hand In…; the teacher drops the hand-ins on the window
(one merge, one undo step), sees
every answer per question and exports the grading CSV; one student merges the others'
hand-ins and sees the hot spot. Screens are grabbed at 800x600 into tmp_path.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialogButtonBox, QMenu
from pytestqt.qtbot import QtBot

from annotator.core.annotation import Motivation
from annotator.core.layers import LayerKind
from annotator.gui.annotations_panel import HTML_ROLE, ID_ROLE
from annotator.gui.answering import TextDialog
from annotator.gui.answers_view import AnswersDialog
from annotator.gui.group_view import GroupDialog
from annotator.gui.main_window import MainWindow
from annotator.gui.merge_dialog import MergeDialog
from annotator.gui.outlines import line_rects
from annotator.gui.settings import Settings
from annotator.gui.share_dialog import ShareDialog
from tests.gui.test_annotations import ready, select

WAIT_MS = 30_000
T = TypeVar("T")
pytestmark = pytest.mark.timeout(300)


def open_window(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, home: Path, name: str
                ) -> MainWindow:
    monkeypatch.setenv("ANNOTATOR_HOME", str(home))
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.open_initial(None)
    window.resize(800, 600)
    window.show()
    qtbot.waitExposed(window)
    ready(window, qtbot)
    window._rename(name)
    return window


def close(window: MainWindow) -> None:
    session = window.annotation_layer.session
    window.close()
    assert session is not None
    session.close()


def menu_action(menu: QMenu, text: str) -> None:
    [action] = [a for a in menu.actions() if a.text().replace("&", "") == text]
    action.trigger()


def context_menu(window: MainWindow, offset: int) -> QMenu:
    return window.annotation_layer.context_menu(QPoint(0, 0), QPoint(-1, -1), offset)


def dialog_of(window: MainWindow, kind: type[T]) -> T:
    dialog = window.sharing_commands.dialog
    assert isinstance(dialog, kind), dialog
    return dialog


def ask(window: MainWindow, phrase: str, question: str) -> None:
    select(window, phrase)
    menu_action(context_menu(window, -1), "Ask the Class…")
    dialog = dialog_of(window, TextDialog)
    dialog.text.setPlainText(question)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def merge_in_window(qtbot: QtBot, window: MainWindow, paths: list[Path]) -> MergeDialog:
    window.sharing_commands.merge_files(paths, "Collect Answers")
    dialog = dialog_of(window, MergeDialog)
    qtbot.waitUntil(lambda: dialog.report is not None or bool(dialog.error), timeout=WAIT_MS)
    assert dialog.report is not None, dialog.error
    return dialog


def teacher_layer_is_apart_read_only_and_hideable(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    """The student's window: the teacher's marks faint with a badge, their own group in
    the Annotations panel with the answer under its question, hidden from View ▸ Members."""
    layer, panel = window.annotation_layer, window.annotations_panel
    question = next(a for a in layer.annotations.values()
                    if a.motivation is Motivation.QUESTIONING)
    highlights = window.reader.highlights
    assert highlights is not None
    [mark] = [m for m in highlights.marks_at(question.start + 1) if m.ref == question.id]
    assert mark.layer is LayerKind.IMPORTED
    assert mark.label.startswith("Ms Teacher (from bundle) · ")
    window.show_annotations_tab()
    texts = [panel.list.item(i).data(HTML_ROLE) for i in range(panel.list.count())]
    headers = [t for t, i in zip(texts, range(len(texts)), strict=True)
               if not panel.list.item(i).data(ID_ROLE)]
    assert headers == ["<p style='margin:0'><b>Your notes</b></p>",
                       "<p style='margin:0'><b>Ms Teacher (from bundle)</b></p>"]
    ids = panel.shown_ids()
    answer = next(a for a in layer.annotations.values() if a.reply_to == question.id)
    assert ids.index(answer.id) == ids.index(question.id) + 1
    assert not panel.is_own(question.id) and panel.is_own(answer.id)
    card = panel.item_for(question.id)
    assert card is not None and "question to the class" in card.data(HTML_ROLE)
    window.reader.scroll_to_offset(question.start)
    page, to_qt = window.reader.page, window.reader.positions.to_qt
    [outline] = line_rects(page, to_qt(question.start), to_qt(question.end))
    assert outline.width() > 10 and page.viewport().rect().contains(outline.center().toPoint())
    window.grab().save(str(tmp_path / "student-window.png"))
    members = window.sharing_commands.members
    members.fill()
    assert [a.text() for a in members.actions() if a.isCheckable()] == [
        "You", "Ms Teacher (from bundle)"]
    members.set_visible(question.author_id, False)
    assert all(m.ref != question.id for m in highlights.marks_at(question.start + 1))
    members.fill()
    assert [a.isChecked() for a in members.actions() if a.isCheckable()] == [True, False]
    members.show_everyone()
    assert any(m.ref == question.id for m in highlights.marks_at(question.start + 1))


def test_classroom_and_study_group_in_the_window(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    teacher = open_window(qtbot, monkeypatch, tmp_path / "teacher", "Ms Teacher")
    doc = teacher.annotation_layer.document_id
    ask(teacher, "cooperation", "Why now?")
    ask(teacher, "climate", "What is at stake?")
    questions = [a for a in teacher.annotation_layer.ordered()
                 if a.motivation is Motivation.QUESTIONING]
    assert sorted(q.note for q in questions) == ["What is at stake?", "Why now?"]
    teacher.sharing_commands.share.trigger()
    share = dialog_of(teacher, ShareDialog)
    share.path.setText(str(tmp_path / "handout.annot"))
    share.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert (tmp_path / "handout.annot").is_file()
    close(teacher)

    answers = {"Li": ("Elections.", "Emissions."), "Sam": ("Trade.", None),
               "Ana": ("Security.", "Food.")}
    hand_ins = []
    for name, given in answers.items():
        student = open_window(qtbot, monkeypatch, tmp_path / name, name)
        assert student.open_file(tmp_path / "handout.annot")
        qtbot.waitUntil(lambda s=student: len([
            a for a in s.annotation_layer.annotations.values()
            if a.motivation is Motivation.QUESTIONING]) == 2, timeout=WAIT_MS)
        layer = student.annotation_layer
        for question, text in zip(sorted(
                (a for a in layer.annotations.values()
                 if a.motivation is Motivation.QUESTIONING), key=lambda a: a.start),
                given, strict=True):
            menu = context_menu(student, question.start + 1)
            labels = [a.text().replace("&", "") for a in menu.actions()]
            assert "Edit Note…" not in labels and "Delete Highlight" not in labels
            assert "Read-only: Ms Teacher (from bundle)" in labels
            if text is None:
                continue
            menu_action(menu, "Answer…")
            dialog = dialog_of(student, TextDialog)
            dialog.text.setPlainText(text)
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        select(student, "Blinken")
        layer.highlight("green", note=f"{name} noted")
        if name == "Li":
            teacher_layer_is_apart_read_only_and_hideable(student, qtbot, tmp_path)
        student.sharing_commands.hand_in.trigger()
        hand_in = dialog_of(student, ShareDialog)
        hand_in.path.setText(str(tmp_path / f"{name}.annot"))
        hand_in.save()
        hand_ins.append(tmp_path / f"{name}.annot")
        close(student)

    teacher = open_window(qtbot, monkeypatch, tmp_path / "teacher", "Ms Teacher")
    assert teacher.annotation_layer.document_id == doc
    data = QMimeData()  # the class's hand-ins, dropped on the window together
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in hand_ins])
    teacher.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data,
                                 Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
    collected = dialog_of(teacher, MergeDialog)
    qtbot.waitUntil(lambda: collected.report is not None, timeout=WAIT_MS)
    assert collected.counts.text() == "Added 8, updated 0, unchanged 0, in conflict 0."
    layer = teacher.annotation_layer
    assert len(layer.annotations) == 2 + 8
    teacher.commands.undo.trigger()  # the whole collection is one step
    assert len(layer.annotations) == 2
    teacher.commands.redo.trigger()
    assert len(layer.annotations) == 2 + 8
    teacher.sharing_commands.answers.trigger()
    sheet = dialog_of(teacher, AnswersDialog)
    sheet.resize(800, 600)
    sheet.grab().save(str(tmp_path / "answers-window.png"))
    table = sheet.table
    assert table.rowCount() == 2 and table.columnCount() == 4
    assert table.item(1, 3).text() == "Not answered"  # Sam, the second question
    assert "Not answered: Sam (from bundle)" in table.item(1, 0).text()
    sheet.export_csv(tmp_path / "grades.csv")
    with (tmp_path / "grades.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 6
    table_of = {(r["question"], r["student"]): (r["answered"], r["answer"]) for r in rows}
    assert table_of[("1", "Li (from bundle)")] == ("yes", "Elections.")
    assert table_of[("2", "Sam (from bundle)")] == ("no", "")
    li_note = next(a for a in layer.annotations.values() if a.note == "Li noted")
    entries = context_menu(teacher, li_note.start + 1).actions()
    texts = [a.text().replace("&", "") for a in entries]
    li_at = texts.index("Read-only: Li (from bundle)")  # each student's note: its own entries
    entries[texts.index("Reply…", li_at)].trigger()
    reply = dialog_of(teacher, TextDialog)
    reply.text.setPlainText("Good catch, Li.")
    reply.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert any(a.reply_to == li_note.id for a in layer.annotations.values())
    teacher.sharing_commands.feedback_for(li_note.author_id, "Li (from bundle)")
    feedback = dialog_of(teacher, ShareDialog)
    feedback.path.setText(str(tmp_path / "feedback-li.annot"))
    feedback.save()
    assert (tmp_path / "feedback-li.annot").is_file()
    close(teacher)

    li = open_window(qtbot, monkeypatch, tmp_path / "Li", "Li")
    group = merge_in_window(qtbot, li, hand_ins[1:])
    assert group.report is not None and group.report.added == 5
    li.sharing_commands.group.trigger()
    view = dialog_of(li, GroupDialog)
    view.resize(800, 600)
    view.grab().save(str(tmp_path / "group-window.png"))
    assert view.hot_list.item(0).text().startswith("3 members: “Blinken”")
    with qtbot.waitSignal(view.passage_chosen):
        view.hot_list.itemActivated.emit(view.hot_list.item(0))
    assert li.reader.selected_range() is not None
    view.export_to(tmp_path / "group.md")
    summary = (tmp_path / "group.md").read_text(encoding="utf-8")
    assert summary.index("## Hot spots") < summary.index("- **Li**: Li noted")
    view.export_to(tmp_path / "group.pdf")
    assert "md, html, csv" in view.status.text() and not (tmp_path / "group.pdf").exists()
    close(li)
