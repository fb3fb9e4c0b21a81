"""Markdown via markdown-it-py (CommonMark), raw HTML disabled.

Only the text and the block structure are kept: a document is text plus blocks, so
emphasis and links become plain words; images and HTML never reach the reader.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from annotator.core.document import BlockKind, Document, DocumentBuilder, Metadata
from annotator.importers.base import Importer, claims_nothing
from annotator.importers.bylines import BYLINE
from annotator.importers.decoding import text_reader

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@cache
def _parser() -> MarkdownIt:
    """Built on first use: importing markdown-it costs ~50 ms the window's first paint
    should not pay when it opens a plain-text document."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False, "maxNesting": 40})


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def parse(text: str, fallback_title: str) -> Document:
    tokens = _parser().parse(text)
    builder = DocumentBuilder()
    title = ""
    author = ""
    heading_level = 0
    in_list = 0
    blocks: list[tuple[BlockKind, str, int]] = []
    for token in tokens:
        if token.type == "heading_open":
            heading_level = int(token.tag[1:])
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            in_list += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            in_list -= 1
        elif token.type == "inline":
            content = _inline_text(token).strip()
            if not content:
                continue
            if heading_level:
                if heading_level == 1 and not title:
                    title = content
                    blocks.append((BlockKind.TITLE, content, 1))
                else:
                    blocks.append((BlockKind.HEADING, content, heading_level))
                heading_level = 0
            elif in_list and not any(kind is BlockKind.PARAGRAPH for kind, _, _ in blocks):
                blocks.append((BlockKind.KEY_POINT, content, 0))
            else:
                by = BYLINE.match(content)
                if by and not author and len(content) < 200:
                    author = by["author"].strip()
                    blocks.append((BlockKind.BYLINE, content, 0))
                else:
                    blocks.append((BlockKind.PARAGRAPH, content, 0))
        elif token.type in ("code_block", "fence"):
            blocks.append((BlockKind.PARAGRAPH, token.content, 0))
    if not title:
        builder.add(BlockKind.TITLE, fallback_title, 1)
    for kind, content, level in blocks:
        builder.add(kind, content, level)
    return builder.build(Metadata(title=title or fallback_title, author=author))


IMPORTER = Importer("Markdown", (".md", ".markdown"), ("text/markdown",),
                    claims_nothing, text_reader(parse))
