"""The group summary written as Markdown, self-contained HTML or CSV.

Renders `core/group_summary.py` with the pieces the reader's exports use, so a group's
notes are as safe on paper as one reader's: Markdown escaping and quoting from
`exporters/markdown.py`, notes rendered and sanitised by `exporters/notes.py`, formula
cells neutralised as in `exporters/csv.py`, and the atomic write of `exporters/base.py`.
Hot spots come first; then each policy area's passages with one column (HTML) or one
line (Markdown, CSV row) per member.
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

FORMATS = ("md", "html", "csv")
HEADER = ("section", "passage", "start", "end", "members", "member", "member_id", "notes")


def _inline(text: str) -> str:
    return escape(" ".join(text.split()))


def _md_passage(p: GroupPassage) -> list[str]:
    lines = [*quoted(p.exact), "", f"*{p.weight} member(s)*", ""]
    for entry in p.by_member:
        notes = " / ".join(_inline(n) for n in entry.notes) or "*(highlight, no note)*"
        lines.append(f"- **{_inline(entry.member.name)}**: {notes}")
    return [*lines, ""]


def markdown(summary: GroupSummary) -> str:
    lines = [f"# Group summary: {_inline(summary.title)}", "", "## Members", "",
             "| Member | Marks | Notes |", "| --- | ---: | ---: |"]
    lines += [f"| {_inline(m.name)} | {m.marks} | {m.notes} |" for m in summary.members]
    lines += ["", "## Hot spots", ""]
    if not summary.hot_spots:
        lines += ["*No passage was marked by more than one member.*", ""]
    for p in summary.hot_spots:
        lines += _md_passage(p)
    for section in summary.sections:
        lines += [f"## {_inline(section.label)}", ""]
        for p in section.passages:
            lines += _md_passage(p)
    return "\n".join(lines)


_STYLE = """body{font:16px/1.5 system-ui,sans-serif;max-width:70em;margin:2em auto;padding:0 1em}
blockquote{border-left:4px solid #99c1f1;margin:0 0 .5em;padding:0 1em;color:#444}
table{border-collapse:collapse;width:100%;margin-bottom:1.5em}
td,th{border:1px solid #ccc;padding:.4em;vertical-align:top;text-align:left}
.empty{color:#77767b}.weight{color:#613583;font-weight:600}"""


def _html_passage(p: GroupPassage, summary: GroupSummary, color: str) -> list[str]:
    e = html.escape
    present = {entry.member.id: entry for entry in p.by_member}
    cells = []
    for m in summary.members:
        entry = present.get(m.id)
        if entry is None:
            cells.append("<td class=\"empty\">—</td>")
        else:
            body = "".join(note_html(n) for n in entry.notes) or (
                "<span class=\"empty\">highlight</span>")
            cells.append(f"<td>{body}</td>")
    return [
        f"<blockquote style=\"border-color:{e(color)}\">{e(p.exact)}</blockquote>",
        f"<p class=\"weight\">{p.weight} member(s)</p>",
        "<table><tr>" + "".join(f"<th>{e(m.name)}</th>" for m in summary.members) + "</tr>",
        "<tr>" + "".join(cells) + "</tr></table>",
    ]


def html_page(summary: GroupSummary) -> str:
    e = html.escape
    parts = [
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">",
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">",
        f"<title>Group summary: {e(summary.title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>Group summary: {e(summary.title)}</h1>", "<h2>Members</h2>",
        "<table><tr><th>Member</th><th>Marks</th><th>Notes</th></tr>",
    ]
    parts += [f"<tr><td>{e(m.name)}</td><td>{m.marks}</td><td>{m.notes}</td></tr>"
              for m in summary.members]
    parts += ["</table>", "<h2>Hot spots</h2>"]
    if not summary.hot_spots:
        parts.append("<p class=\"empty\">No passage was marked by more than one member.</p>")
    for p in summary.hot_spots:
        parts += _html_passage(p, summary, "#c01c28")
    for section in summary.sections:
        parts.append(f"<h2>{e(section.label)}</h2>")
        for p in section.passages:
            parts += _html_passage(p, summary, section.color)
    parts.append("</body></html>")
    return "\n".join(parts)


def _csv(summary: GroupSummary, stream: BinaryIO) -> None:
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="", write_through=True)
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(HEADER)
    parts = [("Hot spots", p) for p in summary.hot_spots]
    parts += [(s.label, p) for s in summary.sections for p in s.passages]
    for section, p in parts:
        for entry in p.by_member:
            writer.writerow([
                neutralise(section), neutralise(p.exact), str(p.start), str(p.end),
                str(p.weight), neutralise(entry.member.name), entry.member.id,
                neutralise("\n\n".join(entry.notes)),
            ])
    text.flush()
    text.detach()


def write_group(summary: GroupSummary, fmt: str, path: Path) -> Path:
    """Write `summary` as `fmt` (md, html or csv) to `path`, atomically."""
    if fmt not in FORMATS:
        raise ExportError(f"A group summary is written as {', '.join(FORMATS)}, not {fmt}.")
    if fmt == "csv":
        write_atomically(path, lambda stream: _csv(summary, stream))
        return path
    body = (markdown(summary) if fmt == "md" else html_page(summary)).encode("utf-8")

    def write(stream: BinaryIO) -> None:
        stream.write(body)

    write_atomically(path, write)
    return path
