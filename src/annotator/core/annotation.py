"""The reader's annotations as plain values, shared by store, services, exporters, bundles.

An annotation carries both W3C selectors (position and quote) so it can be re-anchored
when the document changes, its author (id and display name) so group merges keep
authorship, and a tombstone flag instead of being deleted so merges can carry deletions.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum

QUOTE_CONTEXT = 32


class Origin(StrEnum):
    READER = "reader"
    MACHINE = "machine"  # an accepted policy-area suggestion


class Placement(StrEnum):
    PLACED = "placed"
    UNPLACED = "unplaced"  # its quote could not be found in the current text


@dataclass(frozen=True, slots=True)
class ReaderColor:
    key: str
    label: str
    hex: str
    meaning: str


# Keys 1-6 in the window pick these, in this order. Hues sit between the policy-area
# colours so a reader's highlight never reads as a machine suggestion.
READER_COLORS: tuple[ReaderColor, ...] = (
    ReaderColor("yellow", "Yellow", "#f6d32d", "Important"),
    ReaderColor("green", "Green", "#8ff0a4", "Agree / evidence"),
    ReaderColor("blue", "Blue", "#99c1f1", "Definition / background"),
    ReaderColor("pink", "Pink", "#f5a3c7", "Question"),
    ReaderColor("orange", "Orange", "#ffbe6f", "Disagree / doubt"),
    ReaderColor("purple", "Purple", "#dc8add", "To follow up"),
)
COLOR_BY_KEY = {c.key: c for c in READER_COLORS}


def color_hex(color: str) -> str:
    """A named reader colour or a custom #rrggbb, as #rrggbb."""
    named = COLOR_BY_KEY.get(color)
    return named.hex if named else color


def utc_now() -> datetime:
    return datetime.now(UTC)


def new_id() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True, slots=True)
class Annotation:
    document_id: str
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""
    color: str = "yellow"
    note: str = ""
    tags: tuple[str, ...] = ()
    area: str | None = None
    author_id: str = ""
    author_name: str = ""
    origin: Origin = Origin.READER
    placement: Placement = Placement.PLACED
    id: str = field(default_factory=new_id)
    created: datetime = field(default_factory=utc_now)
    modified: datetime = field(default_factory=utc_now)
    deleted: bool = False

    def edited(self, **changes: object) -> Annotation:
        """A copy with `changes` applied and `modified` moved to now."""
        return replace(self, modified=utc_now(), **changes)  # type: ignore[arg-type]


def quote_context(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(exact, prefix, suffix) of text[start:end] for a W3C TextQuoteSelector."""
    return (
        text[start:end],
        text[max(0, start - QUOTE_CONTEXT) : start],
        text[end : end + QUOTE_CONTEXT],
    )
