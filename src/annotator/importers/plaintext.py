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

import re
from datetime import date

from annotator.core.document import BlockKind, Document, DocumentBuilder, Metadata

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}

_NAME = r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,3}"
_AUTHOR_TITLE = re.compile(rf"^(?P<author>{_NAME}):\s+(?P<title>\S.*)$")
_DATE_WORDS = re.compile(
    r"^(?P<month>[A-Za-z]{3,9})\.? (?P<day>\d{1,2})\s*,\s*(?P<year>\d{4})\s*(?P<rest>.*)$"
)
_DATE_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})")
_BYLINE = re.compile(r"^(?:By|BY|by)\s+(?P<author>[^|,\n]+?)\s*(?:[|,]\s*(?P<role>.*))?$")
_SOURCE = re.compile(r"^(?:From|Source:)\s+(?P<source>[^,]+?)\s*(?:,\s*(?P<date>.*))?$")
_KEY_POINT_MARKS = ("■", "▪", "◆", "●")
_MAX_TITLE = 200


def _make_date(year: str, month: str | int, day: str) -> date | None:
    month_number = month if isinstance(month, int) else MONTHS.get(month.lower().rstrip("."))
    if month_number is None and isinstance(month, str) and month.isdigit():
        month_number = int(month)
    if not month_number:
        return None
    try:
        return date(int(year), month_number, int(day))
    except ValueError:
        return None


def _parse_dateline(line: str) -> tuple[date | None, str]:
    """`May 22 , 2024By X | Role` -> (2024-05-22, `By X | Role`)."""
    match = _DATE_WORDS.match(line)
    if not match:
        return None, ""
    found = _make_date(match["year"], match["month"], match["day"])
    return found, match["rest"].strip() if found else ""


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
    match = _AUTHOR_TITLE.match(first)
    if match and len(first) <= _MAX_TITLE:
        title, author = match["title"].strip(), match["author"]
        index = 1
    elif first and len(first) <= _MAX_TITLE and _looks_like_heading(first):
        title, index = first, 1

    if index == 1 and second:
        published, rest = _parse_dateline(second)
        by = _BYLINE.match(rest or second)
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
        last = _SOURCE.match(body[-1])
        if last and len(body[-1]) < 120:
            source = last["source"].strip()
            iso = _DATE_ISO.search(last["date"] or "")
            if iso and published is None:
                published = _make_date(iso["year"], iso["month"], iso["day"])

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
