"""Inline emphasis, links and the block kinds imported formats add, drawn on the page.

`reader_view.py` lays out text and typography; this module adds, over a range of
blocks, what imported Markdown, HTML and EPUB carry beyond plain text: bold, italic and
code ranges, links (coloured, with their target shown on hover, never followed: the
page has no anchors to click), and indentation for list items, quotes and captions.
Formats are merged, never set, so highlights and the view's own typography stay.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

from PySide6.QtGui import (
    QFont,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextList,
    QTextListFormat,
)

from annotator.core.document import BlockKind, Document, InlineStyle

MONO_FAMILIES = ["DejaVu Sans Mono", "Noto Sans Mono", "Liberation Mono", "monospace"]
_INDENTED = (BlockKind.LIST_ITEM, BlockKind.QUOTE, BlockKind.CAPTION)


def _char_format(style: InlineStyle, target: str, palette: QPalette) -> QTextCharFormat:
    char = QTextCharFormat()
    if style is InlineStyle.BOLD:
        char.setFontWeight(QFont.Weight.Bold)
    elif style is InlineStyle.ITALIC:
        char.setFontItalic(True)
    elif style is InlineStyle.CODE:
        char.setFontFamilies(MONO_FAMILIES)
    else:
        char.setForeground(palette.color(QPalette.ColorRole.Link))
        char.setToolTip(target)
    return char


def _bullet(cursor: QTextCursor, bullets: dict[int, QTextList], level: int) -> None:
    """Put the cursor's block in its level's list: Qt draws the bullet in the margin, so
    the text and every offset into it stay as they are."""
    current = bullets.get(level)
    if current is None:
        style = (QTextListFormat.Style.ListDisc, QTextListFormat.Style.ListCircle,
                 QTextListFormat.Style.ListSquare)[(level - 1) % 3]
        list_format = QTextListFormat()
        list_format.setStyle(style)
        list_format.setIndent(level)
        bullets[level] = cursor.createList(list_format)
        for deeper in [key for key in bullets if key > level]:
            del bullets[deeper]
    else:
        current.add(cursor.block())


def apply_inline_styles(
    cursor: QTextCursor,
    document: Document,
    to_qt: Callable[[int], int],
    blocks: tuple[int, int],
    palette: QPalette,
    size: float,
) -> None:
    """Style the inlines and indented blocks of `document.blocks[first:last]`."""
    first, last = blocks
    if first >= last:
        return
    muted = palette.color(QPalette.ColorRole.PlaceholderText)
    bullets: dict[int, QTextList] = {}  # level -> the list of the run of items being set
    for block in document.blocks[first:last]:
        if block.kind not in _INDENTED:
            bullets.clear()
            continue
        fmt = QTextBlockFormat()
        if block.kind is not BlockKind.LIST_ITEM:  # a list indents by its own level
            fmt.setLeftMargin(size * 1.6 * max(1, block.level))
        char = QTextCharFormat()
        if block.kind is BlockKind.QUOTE:
            char.setFontItalic(True)
        elif block.kind is BlockKind.CAPTION:
            char.setForeground(muted)
            char.setFontPointSize(size * 0.85)
        cursor.setPosition(to_qt(block.start))
        cursor.setPosition(to_qt(block.end), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeBlockFormat(fmt)
        cursor.mergeCharFormat(char)
        if block.kind is BlockKind.LIST_ITEM:
            _bullet(cursor, bullets, max(1, block.level))
    inlines = document.inlines
    if not inlines:
        return
    start_offset = document.blocks[first].start
    end_offset = document.blocks[last - 1].end
    index = bisect_left(inlines, start_offset, key=lambda inline: inline.start)
    while index < len(inlines) and inlines[index].start < end_offset:
        inline = inlines[index]
        cursor.setPosition(to_qt(inline.start))
        cursor.setPosition(to_qt(inline.end), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(_char_format(inline.style, inline.target, palette))
        index += 1
