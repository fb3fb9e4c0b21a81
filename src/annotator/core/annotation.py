"""The reader's annotations as plain values, shared by store, services, exporters, bundles.

An annotation carries both W3C selectors (position and quote) so it can be re-anchored
when the document changes, its author (id and display name) so group merges keep
authorship, and a tombstone flag instead of being deleted so merges can carry deletions.
Its W3C motivation says what it is for (a question to a class, a reply to one), `reply_to`
names the annotation a reply answers, and `revision` counts its owner's edits: merges
prefer the higher revision and use `modified` only to break ties, because clocks drift
(see `docs/bundle-format.md`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime
from enum import StrEnum
from operator import attrgetter
from typing import cast

QUOTE_CONTEXT = 32


class Origin(StrEnum):
    READER = "reader"
    MACHINE = "machine"  # an accepted policy-area suggestion


class Motivation(StrEnum):
    """The W3C Web Annotation motivations an annotation can be stored with."""

    HIGHLIGHTING = "highlighting"
    COMMENTING = "commenting"
    QUESTIONING = "questioning"  # a teacher's question to the class
    REPLYING = "replying"  # an answer or comment on the annotation `reply_to` names


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
_HEX_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


def color_hex(color: str) -> str:
    """A named reader colour or a custom #rrggbb, as #rrggbb.

    Anything else (a bundle from elsewhere may carry any string) becomes the first reader
    colour, so no caller ever writes an invalid colour into CSS, a PDF or a spreadsheet.
    """
    named = COLOR_BY_KEY.get(color)
    if named:
        return named.hex
    return color.lower() if _HEX_COLOR.fullmatch(color) else READER_COLORS[0].hex


def utc_now() -> datetime:
    return datetime.now(UTC)


# The RFC 4122 variant's first hex digit (binary 10xx) for each random one.
_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}


def new_id() -> str:
    """A random (version 4) UUID as text, formatted from 16 random bytes here.

    `str(uuid.uuid4())` builds a UUID object on the way, a twentieth of a one-highlight
    commit on these machines (`highlight_commit`, benchmarks/bench_store.py); importing
    `uuid` (with `platform`) costs ~2.5 ms the first paint of a document need not wait for.
    """
    digits = os.urandom(16).hex()
    return (f"{digits[:8]}-{digits[8:12]}-4{digits[13:16]}-"
            f"{_VARIANT[digits[16]]}{digits[17:20]}-{digits[20:]}")


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
    motivation: Motivation = Motivation.HIGHLIGHTING
    reply_to: str | None = None
    revision: int = 1

    def edited(self, **changes: object) -> Annotation:
        """A copy with `changes` applied, `modified` moved to now and the revision counted."""
        changes.setdefault("revision", self.revision + 1)
        return replace(self, modified=utc_now(), **changes)  # type: ignore[arg-type]


class _Restoring:
    """Annotation's slots without its frozen guard: the store's way to rebuild a stored one.

    A frozen dataclass's `__init__` sets each of the 21 fields through
    `object.__setattr__`, which made building 10,000 loaded annotations cost as much as
    selecting them. This class fills the same slots with plain attribute stores and then
    becomes an `Annotation` (CPython allows assigning `__class__` between classes whose
    slots are identical), about 5x cheaper. The result is an ordinary frozen Annotation:
    equal to, and hashing like, one built with `Annotation(...)`. Nothing is validated or
    defaulted: every field is given, in field order.
    """

    __slots__ = Annotation.__slots__

    def __init__(
        self,
        document_id: str,
        start: int,
        end: int,
        exact: str,
        prefix: str,
        suffix: str,
        color: str,
        note: str,
        tags: tuple[str, ...],
        area: str | None,
        author_id: str,
        author_name: str,
        origin: Origin,
        placement: Placement,
        id: str,
        created: datetime,
        modified: datetime,
        deleted: bool,
        motivation: Motivation,
        reply_to: str | None,
        revision: int,
    ) -> None:
        self.document_id = document_id
        self.start = start
        self.end = end
        self.exact = exact
        self.prefix = prefix
        self.suffix = suffix
        self.color = color
        self.note = note
        self.tags = tags
        self.area = area
        self.author_id = author_id
        self.author_name = author_name
        self.origin = origin
        self.placement = placement
        self.id = id
        self.created = created
        self.modified = modified
        self.deleted = deleted
        self.motivation = motivation
        self.reply_to = reply_to
        self.revision = revision
        self.__class__ = Annotation  # type: ignore[assignment]


# The parameters above must stay Annotation's fields, in order.
assert _Restoring.__init__.__code__.co_varnames[1:22] == tuple(f.name for f in fields(Annotation))

# An Annotation from all its stored fields, positionally, ~5x faster than `Annotation(...)`;
# for the store's loading paths. Typed loosely: the signature is `_Restoring.__init__`.
restored = cast(Callable[..., Annotation], _Restoring)


_FIELD_INDEX = {f.name: i for i, f in enumerate(fields(Annotation))}
_ALL_FIELDS = attrgetter(*_FIELD_INDEX)


def changed(annotation: Annotation, **changes: object) -> Annotation:
    """`dataclasses.replace` without an edit, ~10x cheaper: for merges of thousands.

    Nothing is validated (as `restored`): the changes must be field values.
    """
    values = list(_ALL_FIELDS(annotation))
    for name, value in changes.items():
        values[_FIELD_INDEX[name]] = value
    return restored(*values)


def quote_context(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(exact, prefix, suffix) of text[start:end] for a W3C TextQuoteSelector."""
    return (
        text[start:end],
        text[max(0, start - QUOTE_CONTEXT) : start],
        text[end : end + QUOTE_CONTEXT],
    )
