"""The document model every other layer shares.

A document is one normalised string plus blocks that index into it. Every position in
the app (highlights, anchors, search hits, exports) is a code-point offset into that
string, so rendering, detection, anchoring and export can never disagree about where a
passage is. Blocks are separated by a blank line ("\n\n") so the text also reads well as
plain text.

Inline styles (bold, italic, code, a link's target) are kept beside the text as `Inline`
ranges, never inside it: the text a highlight anchors to is the same whether or not a
format's emphasis survived, and a link is a range with a target that the reader may see
but that the app never follows.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

BLOCK_SEPARATOR = "\n\n"


class BlockKind(StrEnum):
    TITLE = "title"
    BYLINE = "byline"
    KEY_POINT = "key_point"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    SOURCE = "source"
    LIST_ITEM = "list_item"  # level: nesting depth, 1 for a top-level item
    QUOTE = "quote"
    CAPTION = "caption"  # a figure's caption, or an image's alt text in its place


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    start: int
    end: int
    level: int = 0


class InlineStyle(StrEnum):
    BOLD = "bold"
    ITALIC = "italic"
    CODE = "code"
    LINK = "link"


@dataclass(frozen=True, slots=True)
class Inline:
    """A styled range of the text (code-point offsets); `target` is a link's URL."""

    style: InlineStyle
    start: int
    end: int
    target: str = ""


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of a block's text with the inline styles it carries (see `add_runs`)."""

    text: str
    styles: frozenset[InlineStyle] = frozenset()
    target: str = ""


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str = ""
    author: str = ""
    date: date | None = None
    source: str = ""
    byline: str = ""
    language: str = ""  # BCP 47, when the file says (EPUB, HTML)

    def as_json(self) -> dict[str, str | None]:
        return {
            "title": self.title,
            "author": self.author,
            "date": self.date.isoformat() if self.date else None,
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    blocks: tuple[Block, ...]
    metadata: Metadata = field(default_factory=Metadata)
    inlines: tuple[Inline, ...] = ()
    """Sorted by start; they never cross a block boundary."""

    @property
    def content_hash(self) -> str:
        """Identity of the text itself: the library deduplicates on it."""
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    def blocks_of(self, kind: BlockKind) -> list[Block]:
        return [b for b in self.blocks if b.kind is kind]

    @property
    def word_count(self) -> int:
        # Block by block: splitting a 5 MB text at once briefly holds ~800,000 word
        # strings (~50 MB); no word crosses a block separator.
        return sum(len(self.text[b.start : b.end].split()) for b in self.blocks)


def normalise(text: str) -> str:
    """NFC, Unix line ends, no trailing spaces: the form all offsets refer to."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def collapse_spaces(text: str) -> str:
    """NFC with every run of whitespace one space and none at the ends.

    The same as `" ".join(normalise(text).split())` (normalise only rewrites whitespace,
    which `split` collapses anyway), with fast paths: ASCII is already NFC, and a line
    that is printable (every whitespace but the ASCII space is not) with no doubled,
    leading or trailing space is already collapsed (a 5 MB import: 0.25 s -> 0.17 s).
    """
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    if (
        text.isprintable()
        and "  " not in text
        and not text.startswith(" ")
        and not text.endswith(" ")
    ):
        return text
    return " ".join(text.split())


class DocumentBuilder:
    """Accumulates blocks and produces a Document whose offsets are right by construction."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._blocks: list[Block] = []
        self._inlines: list[Inline] = []
        self._length = 0

    def add(self, kind: BlockKind, text: str, level: int = 0) -> None:
        text = collapse_spaces(text)
        if not text:
            return
        if self._parts:
            self._parts.append(BLOCK_SEPARATOR)
            self._length += len(BLOCK_SEPARATOR)
        self._parts.append(text)
        self._blocks.append(Block(kind, self._length, self._length + len(text), level))
        self._length += len(text)

    def add_runs(self, kind: BlockKind, runs: Iterable[Run], level: int = 0) -> None:
        """A block made of styled runs. Whitespace is collapsed across runs exactly as
        `add` collapses it, and each style becomes one `Inline` per unbroken stretch."""
        runs = list(runs)
        if not any(run.styles for run in runs):  # the common case: plain text, one pass
            self.add(kind, "".join(run.text for run in runs), level)
            return
        pieces: list[str] = []
        spans: list[tuple[int, int, Run]] = []
        length = 0
        for run in runs:
            words = unicodedata.normalize("NFC", run.text)
            lead = words[:1].isspace()
            trail = words[-1:].isspace()
            piece = " ".join(words.split())
            if lead and length and not pieces[-1].endswith(" "):
                pieces.append(" ")
                length += 1
            if piece:
                spans.append((length, length + len(piece), run))
                pieces.append(piece)
                length += len(piece)
            if trail and length and not pieces[-1].endswith(" "):
                pieces.append(" ")
                length += 1
        text = "".join(pieces).rstrip(" ")
        if collapse_spaces(text) != text:  # a combining mark began a run: no styles
            self.add(kind, text, level)
            return
        if not text:
            return
        base = self._length + (len(BLOCK_SEPARATOR) if self._parts else 0)
        self.add(kind, text, level)
        open_styles: dict[tuple[InlineStyle, str], list[int]] = {}
        for start, end, run in spans:
            keys = {(s, run.target if s is InlineStyle.LINK else "") for s in run.styles}
            for key in list(open_styles):
                if key not in keys:
                    self._close(key, open_styles.pop(key), base)
            for key in keys:
                if key in open_styles:
                    open_styles[key][1] = end
                else:
                    open_styles[key] = [start, end]
        for key, (start, end) in open_styles.items():
            self._close(key, [start, end], base)

    def _close(self, key: tuple[InlineStyle, str], span: list[int], base: int) -> None:
        self._inlines.append(Inline(key[0], base + span[0], base + span[1], key[1]))

    @property
    def empty(self) -> bool:
        return not self._blocks

    def build(self, metadata: Metadata) -> Document:
        inlines = tuple(sorted(self._inlines, key=lambda i: (i.start, i.end)))
        return Document("".join(self._parts), tuple(self._blocks), metadata, inlines)
