"""Bylines, datelines and source lines, shared by every importer.

Saved articles name their author, date and publication in a handful of shapes
("By Ana Ruiz | Role", "May 22 , 2024", "From SCMP, 2024-5-22"); the plain-text,
Markdown, HTML and EPUB importers all read them the same way.
"""

from __future__ import annotations

import re
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
