"""Grading material: every student's answer to every question, and who has not answered.

Questions are annotations with motivation `questioning`; an answer is a `replying`
annotation whose `reply_to` is the question. Students are the authors of the document's
annotations who asked no question. The sheet has one row per student and question, so a
missing answer is a row too. Written as CSV (formula cells neutralised, as
`exporters/csv.py`), Markdown or self-contained HTML (notes through
`exporters/notes.py`), each atomically.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from annotator.core.annotation import Annotation, Motivation
from annotator.core.w3c import timestamp
from annotator.errors import ExportError
from annotator.exchange.merge import shown_author
from annotator.exporters.base import write_atomically
from annotator.exporters.csv import neutralise
from annotator.exporters.markdown import escape
from annotator.exporters.notes import note_html

FORMATS = ("csv", "html", "md")
HEADER = ("question", "question_note", "passage", "student", "student_id", "answered",
          "answer", "answered_at")


@dataclass(frozen=True, slots=True)
class Row:
    number: int  # the question's number, from 1, in document order
    question: Annotation
    student_id: str
    student: str
    answers: tuple[Annotation, ...]  # empty: not answered


def answer_sheet(annotations: Sequence[Annotation], local_reader: str) -> list[Row]:
    """One row per question (in document order) and student (by name)."""
    live = [a for a in annotations if not a.deleted]
    questions = sorted(
        (a for a in live if a.motivation is Motivation.QUESTIONING), key=lambda a: (a.start, a.id)
    )
    askers = {q.author_id for q in questions}
    names: dict[str, str] = {}
    for a in live:
        if a.author_id not in askers:
            names.setdefault(a.author_id, shown_author(a.author_name, a.author_id, local_reader))
    students = sorted(names, key=lambda i: (names[i].casefold(), i))
    replies: dict[tuple[str, str], list[Annotation]] = {}
    for a in live:
        if a.motivation is Motivation.REPLYING and a.reply_to:
            replies.setdefault((a.reply_to, a.author_id), []).append(a)
    return [
        Row(number, q, s, names[s],
            tuple(sorted(replies.get((q.id, s), []), key=lambda a: a.created)))
        for number, q in enumerate(questions, 1)
        for s in students
    ]


def _csv(rows: Sequence[Row], stream: BinaryIO) -> None:
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="", write_through=True)
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(HEADER)
    for r in rows:
        answer = "\n\n".join(a.note for a in r.answers)
        when = timestamp(max(a.modified for a in r.answers)) if r.answers else ""
        writer.writerow([
            str(r.number), neutralise(r.question.note), neutralise(r.question.exact),
            neutralise(r.student), r.student_id, "yes" if r.answers else "no",
            neutralise(answer), when,
        ])
    text.flush()
    text.detach()


def _grouped(rows: Sequence[Row]) -> list[list[Row]]:
    groups: dict[int, list[Row]] = {}
    for r in rows:
        groups.setdefault(r.number, []).append(r)
    return list(groups.values())


def _inline(value: str) -> str:
    return escape(" ".join(value.split()))


def _markdown(rows: Sequence[Row], title: str) -> str:
    lines = [f"# Answers: {_inline(title)}", ""]
    for group in _grouped(rows):
        first = group[0]
        lines += [f"## Question {first.number}: {_inline(first.question.note)}", "",
                  f"> {_inline(first.question.exact)}", ""]
        missing = [r.student for r in group if not r.answers]
        for r in group:
            if r.answers:
                answer = " / ".join(_inline(a.note) for a in r.answers)
                lines.append(f"- **{_inline(r.student)}**: {answer}")
        if missing:
            lines.append(f"- *Not answered:* {', '.join(_inline(m) for m in missing)}")
        lines.append("")
    return "\n".join(lines)


_STYLE = """body{font:16px/1.5 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em}
blockquote{border-left:3px solid #99c1f1;margin:0;padding:0 1em;color:#444}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.4em;
vertical-align:top;text-align:left}.missing{color:#a51d2d}"""


def _html(rows: Sequence[Row], title: str) -> str:
    e = html.escape
    parts = [
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">",
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">",
        f"<title>Answers: {e(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>Answers: {e(title)}</h1>",
    ]
    for group in _grouped(rows):
        first = group[0]
        parts += [f"<h2>Question {first.number}</h2>", note_html(first.question.note),
                  f"<blockquote>{e(first.question.exact)}</blockquote>",
                  "<table><tr><th>Student</th><th>Answer</th></tr>"]
        for r in group:
            answer = "".join(note_html(a.note) for a in r.answers) or (
                "<span class=\"missing\">Not answered</span>"
            )
            parts.append(f"<tr><td>{e(r.student)}</td><td>{answer}</td></tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts)


def write_answers(rows: Sequence[Row], fmt: str, path: Path, title: str) -> Path:
    if fmt not in FORMATS:
        raise ExportError(f"Answers are written as {', '.join(FORMATS)}, not {fmt}.")
    if fmt == "csv":
        write_atomically(path, lambda stream: _csv(rows, stream))
    else:
        body = (_markdown(rows, title) if fmt == "md" else _html(rows, title)).encode("utf-8")

        def write(stream: BinaryIO) -> None:
            stream.write(body)

        write_atomically(path, write)
    return path
