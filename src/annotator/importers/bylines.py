"""Bylines, datelines and source lines, shared by every importer.

Saved articles name their author, date and publication in a handful of shapes
("By Ana Ruiz | Role", "May 22 , 2024", "From SCMP, 2024-5-22"); the plain-text,
Markdown, HTML and EPUB importers all read them the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

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

NAME = r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,3}"
AUTHOR_TITLE = re.compile(rf"^(?P<author>{NAME}):\s+(?P<title>\S.*)$")
DATE_WORDS = re.compile(
    r"^(?P<month>[A-Za-z]{3,9})\.? (?P<day>\d{1,2})\s*,\s*(?P<year>\d{4})\s*(?P<rest>.*)$"
)
DATE_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})")
BYLINE = re.compile(r"^(?:By|BY|by)\s+(?P<author>[^|,\n]+?)\s*(?:[|,]\s*(?P<role>.*))?$")
SOURCE = re.compile(r"^(?:From|Source:)\s+(?P<source>[^,]+?)\s*(?:,\s*(?P<date>.*))?$")


def make_date(year: str, month: str | int, day: str) -> date | None:
    month_number = month if isinstance(month, int) else MONTHS.get(month.lower().rstrip("."))
    if month_number is None and isinstance(month, str) and month.isdigit():
        month_number = int(month)
    if not month_number:
        return None
    try:
        return date(int(year), month_number, int(day))
    except ValueError:
        return None


def parse_dateline(line: str) -> tuple[date | None, str]:
    """`May 22 , 2024By X | Role` -> (2024-05-22, `By X | Role`)."""
    match = DATE_WORDS.match(line)
    if not match:
        return None, ""
    found = make_date(match["year"], match["month"], match["day"])
    return found, match["rest"].strip() if found else ""


_DAY_MONTH_YEAR = re.compile(
    r"^(?P<day>\d{1,2})\.?\s+(?P<month>[A-Za-z]{3,9})\.?,?\s+(?P<year>\d{4})$"
)
_MONTH_DAY_YEAR = re.compile(
    r"^(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})$"
)
_ISO_ONLY = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?:[T ].*)?$")
_PARTS = re.compile(r"\s+[·•—–]\s+|\s*[·•]\s*")


def parse_date(text: str) -> date | None:
    """`14 March 2025`, `March 14, 2025`, `Mar. 14 2025` or `2025-03-14[T…]`, else None."""
    text = text.strip()
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _ISO_ONLY):
        match = pattern.match(text)
        if match:
            return make_date(match["year"], match["month"], match["day"])
    return None


@dataclass(frozen=True, slots=True)
class Byline:
    author: str
    date: date | None = None
    source: str = ""


def parse_byline(line: str) -> Byline | None:
    """`By Ingrid Solberg · 14 March 2025 · Nordic Policy Review` -> author, date, source.

    The first part must be a `By …` byline; the others may be a date and a publication,
    in either order, separated by `·`, `•` or a dash between spaces (`|` starts the role).
    """
    parts = [part.strip() for part in _PARTS.split(line.strip()) if part.strip()]
    if not parts:
        return None
    by = BYLINE.match(parts[0])
    if by is None:
        return None
    author = by["author"].strip()
    found: date | None = None
    source = ""
    for part in parts[1:]:
        as_date = parse_date(part)
        if as_date is not None and found is None:
            found = as_date
        elif not source:
            source = part
    return Byline(author, found, source)
