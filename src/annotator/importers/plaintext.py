"""Plain text, including the op-ed shape of the bundled sample.

The sample (and many saved news texts) looks like::

    Author Name: Title
    May 22 , 2024By Author Name | Role
    ■ key point
    paragraph, one per line
    From SCMP, 2024-5-22

Texts without that shape fall back to paragraphs split on blank lines (or one per line
when there are none), with the first short line taken as the title.
"""

from __future__ import annotations

from datetime import date

from annotator.core.document import BlockKind, Document, DocumentBuilder, Metadata
from annotator.importers.base import Importer, claims_nothing
from annotator.importers.bylines import (
    AUTHOR_TITLE,
    BYLINE,
    DATE_ISO,
    SOURCE,
    make_date,
    parse_dateline,
)
from annotator.importers.decoding import text_reader

_KEY_POINT_MARKS = ("■", "▪", "◆", "●")
_MAX_TITLE = 200


def _paragraph_lines(lines: list[str]) -> list[str]:
    """Blank-line separated paragraphs when the text has them, else one per line."""
    stripped = [line.strip() for line in lines]
    if "" in stripped and any(stripped):
        paragraphs: list[str] = []
        current: list[str] = []
        for line in stripped:
            if line:
                current.append(line)
            elif current:
                paragraphs.append(current[0] if len(current) == 1 else " ".join(current))
                current = []
        if current:
            paragraphs.append(" ".join(current))
        return paragraphs
    return [line for line in stripped if line]


def _looks_like_heading(line: str) -> bool:
    return len(line) < 80 and not line.endswith((".", ",", ";", ":", "?", "!", "”", '"'))


def parse(text: str, fallback_title: str) -> Document:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    paragraphs = _paragraph_lines(lines)
    title, author, byline, source = "", "", "", ""
    published: date | None = None
    index = 0

    first = paragraphs[0] if paragraphs else ""
    second = paragraphs[1] if len(paragraphs) > 1 else ""
    match = AUTHOR_TITLE.match(first)
    if match and len(first) <= _MAX_TITLE:
        title, author = match["title"].strip(), match["author"]
        index = 1
    elif first and len(first) <= _MAX_TITLE and _looks_like_heading(first):
        title, index = first, 1

    if index == 1 and second:
        published, rest = parse_dateline(second)
        by = BYLINE.match(rest or second)
        if published or by:
            index = 2
            byline = (rest or second).strip()
            if by:
                author = author or by["author"].strip()
                byline = f"By {by['author'].strip()}" + (
                    f" | {by['role'].strip()}" if by["role"] else ""
                )

    body = paragraphs[index:]
    if body:
        last = SOURCE.match(body[-1])
        if last and len(body[-1]) < 120:
            source = last["source"].strip()
            iso = DATE_ISO.search(last["date"] or "")
            if iso and published is None:
                published = make_date(iso["year"], iso["month"], iso["day"])

    builder = DocumentBuilder()
    builder.add(BlockKind.TITLE, title or fallback_title)
    if published or byline:
        shown_date = f"{published:%B} {published.day}, {published.year}" if published else ""
        builder.add(BlockKind.BYLINE, " · ".join(part for part in (shown_date, byline) if part))
    for number, paragraph in enumerate(body):
        if paragraph.startswith(_KEY_POINT_MARKS):
            builder.add(BlockKind.KEY_POINT, paragraph.lstrip("".join(_KEY_POINT_MARKS) + " "))
        elif source and number == len(body) - 1:
            builder.add(BlockKind.SOURCE, paragraph)
        elif (
            0 < number < len(body) - 1
            and _looks_like_heading(paragraph)
            and len(paragraph.split()) <= 10
        ):
            builder.add(BlockKind.HEADING, paragraph)
        else:
            builder.add(BlockKind.PARAGRAPH, paragraph)
    metadata = Metadata(
        title=title or fallback_title,
        author=author,
        date=published,
        source=source,
        byline=byline,
    )
    return builder.build(metadata)


IMPORTER = Importer("plain text", (".txt", ".text"), ("text/plain",),
                    claims_nothing, text_reader(parse))
