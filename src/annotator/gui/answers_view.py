"""The per-question view: every student's answer to each question side by side.

A teacher who collected a class's hand-ins reads one question across the whole class,
so the table has a row per question and a column per student, an empty cell says "Not
answered" in red, and the line under each question names who has not answered. The
rows come from `services/sharing.py` (`Sharing.answer_rows`, the same sheet the grading
export writes); "Export Grading CSV…" writes that export.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import AnnotatorError
from annotator.gui.dialogs import write_reporting

if TYPE_CHECKING:
    from annotator.exchange.answers import Row
    from annotator.services.sharing import Sharing

MISSING = QColor("#a51d2d")


class AnswersDialog(QDialog):
    """Questions down, students across; Export Grading CSV… below."""

    def __init__(self, sharing: Sharing, document_id: str, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("answers-dialog")
        self.setWindowTitle(self.tr("Answers by Question"))
        self.resize(760, 480)
        self.sharing = sharing
        self.document_id = document_id
        self.written: Path | None = None
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(self)
        self.table.setObjectName("answers-table")
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = QPushButton(self.tr("Export Grading &CSV…"), self)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self.choose_csv)
        buttons.rejected.connect(self.reject)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.rows: list[Row] = []
        self.refresh()

    def refresh(self) -> None:
        try:
            self.rows = self.sharing.answer_rows(self.document_id)
        except AnnotatorError as exc:
            self.rows = []
            self.summary.setText(str(exc))
        self._fill()

    def _fill(self) -> None:
        questions: dict[int, list[Row]] = {}
        for row in self.rows:
            questions.setdefault(row.number, []).append(row)
        students: dict[str, str] = {}
        for row in self.rows:
            students.setdefault(row.student_id, row.student)
        columns = list(students)
        self.table.clear()
        self.table.setColumnCount(1 + len(columns))
        self.table.setRowCount(len(questions))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Question"), *(students[c] for c in columns)])
        for line, (number, group) in enumerate(questions.items()):
            question = group[0].question
            missing = [r.student for r in group if not r.answers]
            text = f"{number}. {question.note.strip()}\n“{question.exact}”"
            if missing:
                text += "\n" + self.tr("Not answered: {names}").format(names=", ".join(missing))
            self._cell(line, 0, text)
            by_student = {r.student_id: r for r in group}
            for column, student in enumerate(columns, 1):
                answers = by_student[student].answers if student in by_student else ()
                if answers:
                    self._cell(line, column, "\n\n".join(a.note.strip() for a in answers))
                else:
                    self._cell(line, column, self.tr("Not answered")).setForeground(
                        QBrush(MISSING))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        answered = sum(1 for r in self.rows if r.answers)
        self.summary.setText(
            self.tr("{questions}, {students}, {answered} of {total} answers in.").format(
                questions=self.tr("%n question(s)", "", len(questions)),
                students=self.tr("%n student(s)", "", len(columns)),
                answered=answered, total=len(self.rows))
            if self.rows else self.tr(
                "No questions with students to answer them yet: mark a note as a question, "
                "share the copy, then collect the hand-ins."))
        self.export_button.setEnabled(bool(self.rows))

    def _cell(self, row: int, column: int, text: str) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        item.setToolTip(text)
        self.table.setItem(row, column, item)
        return item

    def choose_csv(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export Grading CSV"), "grading.csv",
            self.tr("Spreadsheet (*.csv)"))
        if name:
            self.export_csv(Path(name))

    def export_csv(self, path: Path) -> None:
        if write_reporting(self.status, lambda: self.sharing.export_answers(
                self.document_id, "csv", path), path):
            self.written = path
