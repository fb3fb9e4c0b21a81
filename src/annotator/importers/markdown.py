"""Markdown via markdown-it-py (CommonMark), raw HTML disabled.

Headings, paragraphs, lists and block quotes become blocks; bold, italic, inline code
and links become `Inline` ranges over the text (a link keeps its target, which is shown,
never followed). Images are left out of the text. Raw HTML is shown as the author typed
it, never interpreted. A line such as `*By Ingrid Solberg · 14 March 2025 · Nordic Policy
Review*` near the top is the byline: author, date and source (`importers/bylines.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from annotator.core.document import (
    BlockKind,
    Document,
    DocumentBuilder,
    InlineStyle,
    Metadata,
    Run,
)
from annotator.importers.base import Importer, claims_nothing
from annotator.importers.bylines import Byline, parse_byline
from annotator.importers.decoding import text_reader

if TYPE_CHECKING:
    from datetime import date

    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_MAX_BYLINE = 200
_STYLE_OF = {"strong_open": InlineStyle.BOLD, "em_open": InlineStyle.ITALIC}
_CLOSES = {"strong_close": InlineStyle.BOLD, "em_close": InlineStyle.ITALIC}


@cache
def _parser() -> MarkdownIt:
    """Built on first use: importing markdown-it costs ~50 ms the window's first paint
    should not pay when it opens a plain-text document."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False, "maxNesting": 40})


def _runs(token: Token) -> list[Run]:
    """The inline children of `token` as styled runs; images are left out."""
    runs: list[Run] = []
    styles: list[InlineStyle] = []
    target = ""
    for child in token.children or ():
        kind = child.type
        if kind in _STYLE_OF:
            styles.append(_STYLE_OF[kind])
        elif kind in _CLOSES and _CLOSES[kind] in styles:
            styles.remove(_CLOSES[kind])
        elif kind == "link_open":
            target = str(child.attrs.get("href", ""))
            styles.append(InlineStyle.LINK)
        elif kind == "link_close" and InlineStyle.LINK in styles:
            styles.remove(InlineStyle.LINK)
        elif kind == "text":
            runs.append(Run(child.content, frozenset(styles), target))
        elif kind == "code_inline":
            runs.append(Run(child.content, frozenset([*styles, InlineStyle.CODE]), target))
        elif kind in ("softbreak", "hardbreak"):
            runs.append(Run(" "))
    return runs


@dataclass
class _Walk:
    """What the token walk knows so far."""

    title: str = ""
    byline: Byline | None = None
    heading_level: int = 0
    lists: int = 0
    quotes: int = 0
    paragraphs: int = 0
    blocks: list[tuple[BlockKind, list[Run], int]] = field(default_factory=list)

    def inline(self, runs: list[Run]) -> None:
        content = " ".join("".join(run.text for run in runs).split())
        if not content:
            return
        if self.heading_level:
            if self.heading_level == 1 and not self.title:
                self.title = content
                self.blocks.append((BlockKind.TITLE, runs, 1))
            else:
                self.blocks.append((BlockKind.HEADING, runs, self.heading_level))
            self.heading_level = 0
        elif self.lists:
            kind = BlockKind.KEY_POINT if not self.paragraphs else BlockKind.LIST_ITEM
            self.blocks.append((kind, runs, 0 if not self.paragraphs else self.lists))
        elif self.quotes:
            self.blocks.append((BlockKind.QUOTE, runs, self.quotes))
        else:
            by = parse_byline(content) if len(content) < _MAX_BYLINE else None
            if by is not None and self.byline is None and self.paragraphs == 0:
                self.byline = by
                self.blocks.append((BlockKind.BYLINE, [Run(content)], 0))
            else:
                self.paragraphs += 1
                self.blocks.append((BlockKind.PARAGRAPH, runs, 0))


def parse(text: str, fallback_title: str) -> Document:
    walk = _Walk()
    for token in _parser().parse(text):
        kind = token.type
        if kind == "heading_open":
            walk.heading_level = int(token.tag[1:])
        elif kind in ("bullet_list_open", "ordered_list_open"):
            walk.lists += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            walk.lists -= 1
        elif kind == "blockquote_open":
            walk.quotes += 1
        elif kind == "blockquote_close":
            walk.quotes -= 1
        elif kind == "inline":
            walk.inline(_runs(token))
        elif kind in ("code_block", "fence"):
            walk.blocks.append((BlockKind.PARAGRAPH, [Run(token.content, frozenset(
                [InlineStyle.CODE]))], 0))
    builder = DocumentBuilder()
    if not walk.title:
        builder.add(BlockKind.TITLE, fallback_title, 1)
    for block_kind, runs, level in walk.blocks:
        builder.add_runs(block_kind, runs, level)
    by = walk.byline
    published: date | None = by.date if by else None
    return builder.build(Metadata(
        title=walk.title or fallback_title,
        author=by.author if by else "",
        date=published,
        source=by.source if by else "",
        byline=f"By {by.author}" if by else "",
    ))


IMPORTER = Importer("Markdown", (".md", ".markdown"), ("text/markdown",),
                    claims_nothing, text_reader(parse))
