"""The answer sheet: a row per student and question, missing answers included, inert output."""

from __future__ import annotations

import csv
from pathlib import Path

from annotator.core.annotation import Annotation, Motivation
from annotator.exchange.answers import answer_sheet, write_answers

TEACHER, LI, SAM = "t", "li", "sam"


def _a(id_: str, author: str, name: str, **fields: object) -> Annotation:
    values: dict[str, object] = {"start": 0, "end": 4, **fields}
    return Annotation("doc", exact="text", id=id_, author_id=author, author_name=name,
                      **values)  # type: ignore[arg-type]


NOTES = [
    _a("q1", TEACHER, "Teacher", note="First?", motivation=Motivation.QUESTIONING),
    _a("q2", TEACHER, "Teacher", note="Second?", motivation=Motivation.QUESTIONING, start=9,
       end=12),
    _a("r1", LI, "Li", note="=HYPERLINK(\"http://x\")", motivation=Motivation.REPLYING,
       reply_to="q1"),
    _a("r2", SAM, "Sam", note="<script>alert(1)</script> *mine*",
       motivation=Motivation.REPLYING, reply_to="q1"),
    _a("gone", SAM, "Sam", note="deleted answer", motivation=Motivation.REPLYING,
       reply_to="q2", deleted=True),
]


def test_one_row_per_student_and_question() -> None:
    rows = answer_sheet(NOTES, TEACHER)
    assert [(r.number, r.student, [a.id for a in r.answers]) for r in rows] == [
        (1, "Li (from bundle)", ["r1"]), (1, "Sam (from bundle)", ["r2"]),
        (2, "Li (from bundle)", []), (2, "Sam (from bundle)", []),
    ]


def test_every_format_is_inert(tmp_path: Path) -> None:
    rows = answer_sheet(NOTES, TEACHER)
    write_answers(rows, "csv", tmp_path / "a.csv", "T")
    with (tmp_path / "a.csv").open(encoding="utf-8-sig", newline="") as handle:
        cells = [r["answer"] for r in csv.DictReader(handle)]
    assert cells[0] == "'=HYPERLINK(\"http://x\")"
    page = write_answers(rows, "html", tmp_path / "a.html", "<T>").read_text()
    assert "<script" not in page and "&lt;T&gt;" in page and "Not answered" in page
    markdown = write_answers(rows, "md", tmp_path / "a.md", "T").read_text()
    assert "\\<script\\>" in markdown and "*Not answered:* Li (from bundle), Sam" in markdown
