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
from annotator.importers.decoding import text_head_reader, text_reader

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


def _paragraphs(text: str) -> list[str]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    return _paragraph_lines(lines)


def parse(text: str, fallback_title: str) -> Document:
    return _build(_paragraphs(text), fallback_title)


def parse_head(beginning: str, end: str, fallback_title: str) -> Document | None:
    """The first blocks of a text, exactly as `parse` makes them from the whole: a window
    paints the first screen of a long document before the rest is parsed
    (`importers/registry.py`, `import_head`).

    `beginning` and `end` are the text's first and last characters, normalised
    (`core/document.py`), where a blank line is "\n\n". The beginning is cut at its last
    blank line, so every paragraph in the head is whole. Only the text's last paragraph
    decides anything beyond its own block (a source line there dates the byline), and it
    is taken from `end`. None when either has no blank line: a text without blank lines
    has a paragraph per line, and whether the middle has blank lines is unknown.
    """
    cut = beginning.rfind("\n\n")
    end = end.rstrip()
    tail = end.rfind("\n\n")
    if cut < 0 or tail < 0:
        return None
    paragraphs = _paragraphs(beginning[: cut + 2])  # ends blank: paragraphs, not lines
    last = " ".join(line.strip() for line in end[tail:].split("\n") if line.strip())
    return _build(paragraphs, fallback_title, last) if len(paragraphs) > 2 else None


def _build(paragraphs: list[str], fallback_title: str, last: str | None = None) -> Document:
    """`last`: the text's last paragraph when `paragraphs` are only its beginning."""
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
    whole = last is None
    final = body[-1] if body and whole else last
    if final:
        found = SOURCE.match(final)
        if found and len(final) < 120:
            source = found["source"].strip()
            iso = DATE_ISO.search(found["date"] or "")
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
        elif source and whole and number == len(body) - 1:
            builder.add(BlockKind.SOURCE, paragraph)
        elif (
            0 < number < len(body) - whole
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
                    claims_nothing, text_reader(parse), read_head=text_head_reader(parse_head))
