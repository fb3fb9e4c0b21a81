"""The group summary written as Markdown, self-contained HTML or CSV.

Renders `core/group_summary.py` with the pieces the reader's exports use, so a group's
notes are as safe on paper as one reader's: Markdown escaping and quoting from
`exporters/markdown.py`, notes rendered and sanitised by `exporters/notes.py`, formula
cells neutralised as in `exporters/csv.py`, and the atomic write of `exporters/base.py`.
Hot spots come first; then each policy area's passages with one column (HTML) or one
line (Markdown, CSV row) per member. Headings and labels come from a `Wording`, so the
summary is in the language of the window it was exported from (`gui/export_wording.py`);
the CSV's column names stay English, for the programs that read them.
"""

from __future__ import annotations

import csv
import html
import io
from pathlib import Path
from typing import BinaryIO

from annotator.core.group_summary import GroupPassage, GroupSummary
from annotator.errors import ExportError
from annotator.exporters.base import write_atomically
from annotator.exporters.csv import neutralise
from annotator.exporters.markdown import escape, quoted
from annotator.exporters.notes import note_html
from annotator.exporters.wording import ENGLISH, Wording

FORMATS = ("md", "html", "csv")
HEADER = ("section", "passage", "start", "end", "members", "member", "member_id", "notes")


def _inline(text: str) -> str:
    return escape(" ".join(text.split()))


def _md_passage(p: GroupPassage, w: Wording) -> list[str]:
    lines = [*quoted(p.exact), "", f"*{_inline(w.count_members(p.weight))}*", ""]
    for entry in p.by_member:
        notes = " / ".join(_inline(n) for n in entry.notes) or f"*({_inline(w.no_note)})*"
        lines.append(f"- **{_inline(entry.member.name)}**: {notes}")
    return [*lines, ""]


def markdown(summary: GroupSummary, w: Wording = ENGLISH) -> str:
    title = _inline(w.group_title.format(title=summary.title))
    lines = [f"# {title}", "", f"## {_inline(w.members_heading)}", "",
             f"| {_inline(w.member_column)} | {_inline(w.marks_column)} | "
             f"{_inline(w.notes_column)} |", "| --- | ---: | ---: |"]
    lines += [f"| {_inline(m.name)} | {m.marks} | {m.notes} |" for m in summary.members]
    lines += ["", f"## {_inline(w.hot_spots)}", ""]
    if not summary.hot_spots:
        lines += [f"*{_inline(w.no_hot_spots)}*", ""]
    for p in summary.hot_spots:
        lines += _md_passage(p, w)
    for section in summary.sections:
        lines += [f"## {_inline(w.section_label(section.area, section.label))}", ""]
        for p in section.passages:
            lines += _md_passage(p, w)
    return "\n".join(lines)


_STYLE = """body{font:16px/1.5 system-ui,sans-serif;max-width:70em;margin:2em auto;padding:0 1em}
blockquote{border-left:4px solid #99c1f1;margin:0 0 .5em;padding:0 1em;color:#444}
table{border-collapse:collapse;width:100%;margin-bottom:1.5em}
td,th{border:1px solid #ccc;padding:.4em;vertical-align:top;text-align:left}
.empty{color:#77767b}.weight{color:#613583;font-weight:600}"""


def _html_passage(p: GroupPassage, summary: GroupSummary, color: str,
                  w: Wording) -> list[str]:
    e = html.escape
    present = {entry.member.id: entry for entry in p.by_member}
    cells = []
    for m in summary.members:
        entry = present.get(m.id)
        if entry is None:
            cells.append("<td class=\"empty\">—</td>")
        else:
            body = "".join(note_html(n) for n in entry.notes) or (
                f"<span class=\"empty\">{e(w.no_note)}</span>")
            cells.append(f"<td>{body}</td>")
    return [
        f"<blockquote style=\"border-color:{e(color)}\">{e(p.exact)}</blockquote>",
        f"<p class=\"weight\">{e(w.count_members(p.weight))}</p>",
        "<table><tr>" + "".join(f"<th>{e(m.name)}</th>" for m in summary.members) + "</tr>",
        "<tr>" + "".join(cells) + "</tr></table>",
    ]


def html_page(summary: GroupSummary, w: Wording = ENGLISH) -> str:
    e = html.escape
    title = e(w.group_title.format(title=summary.title))
    parts = [
        f"<!DOCTYPE html><html lang=\"{e(w.language)}\"><head><meta charset=\"utf-8\">",
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">",
        f"<title>{title}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{title}</h1>", f"<h2>{e(w.members_heading)}</h2>",
        f"<table><tr><th>{e(w.member_column)}</th><th>{e(w.marks_column)}</th>"
        f"<th>{e(w.notes_column)}</th></tr>",
    ]
    parts += [f"<tr><td>{e(m.name)}</td><td>{m.marks}</td><td>{m.notes}</td></tr>"
              for m in summary.members]
    parts += ["</table>", f"<h2>{e(w.hot_spots)}</h2>"]
    if not summary.hot_spots:
        parts.append(f"<p class=\"empty\">{e(w.no_hot_spots)}</p>")
    for p in summary.hot_spots:
        parts += _html_passage(p, summary, "#c01c28", w)
    for section in summary.sections:
        parts.append(f"<h2>{e(w.section_label(section.area, section.label))}</h2>")
        for p in section.passages:
            parts += _html_passage(p, summary, section.color, w)
    parts.append("</body></html>")
    return "\n".join(parts)


def _csv(summary: GroupSummary, stream: BinaryIO, w: Wording) -> None:
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="", write_through=True)
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(HEADER)
    parts = [(w.hot_spots, p) for p in summary.hot_spots]
    parts += [(w.section_label(s.area, s.label), p) for s in summary.sections for p in s.passages]
    for section, p in parts:
        for entry in p.by_member:
            writer.writerow([
                neutralise(section), neutralise(p.exact), str(p.start), str(p.end),
                str(p.weight), neutralise(entry.member.name), entry.member.id,
                neutralise("\n\n".join(entry.notes)),
            ])
    text.flush()
    text.detach()


def write_group(summary: GroupSummary, fmt: str, path: Path, wording: Wording = ENGLISH) -> Path:
    """Write `summary` as `fmt` (md, html or csv) to `path`, atomically, in `wording`'s
    language."""
    if fmt not in FORMATS:
        raise ExportError(f"A group summary is written as {', '.join(FORMATS)}, not {fmt}.")
    if fmt == "csv":
        write_atomically(path, lambda stream: _csv(summary, stream, wording))
        return path
    page = markdown(summary, wording) if fmt == "md" else html_page(summary, wording)
    body = page.encode("utf-8")

    def write(stream: BinaryIO) -> None:
        stream.write(body)

    write_atomically(path, write)
    return path
