"""Markdown that renders cleanly on GitHub and in Obsidian.

Every piece of untrusted text (quotes, notes, titles, names, tags) is escaped so it shows
exactly as typed and cannot start a construct of its own: no raw HTML, no links, no
Obsidian wikilinks, highlights, comments or maths. Quotes and notes are blockquotes
whose every line starts with "> ", so a note holding blank lines, "# heading" or
"</blockquote>" stays inside its quote. Notes use the callout syntax both GitHub
(`> [!NOTE]`) and Obsidian understand.
"""

from __future__ import annotations

import colorsys
import re
from typing import BinaryIO

from annotator.core.document import BlockKind
from annotator.core.summary import Passage, Summary, TextBlock
from annotator.exporters.base import ExportOptions, Ticker
from annotator.exporters.text import (
    bar_length,
    caption,
    details,
    excerpt,
    generated_line,
    percent,
    without_controls,
)
from annotator.exporters.wording import ENGLISH, Wording

# Backslash-escapable ASCII punctuation that can open or close a Markdown construct
# anywhere in a line (CommonMark, GFM tables and strikethrough, Obsidian extensions).
_INLINE = re.compile(r"([\\`*_\[\]{}<>#|~=$%^!])")
# Constructs that only count at the start of a line: lists, ordered lists, headings
# ("-", "+", "1.", "1)"); the list marker's punctuation is what gets the backslash.
_LINE_START = re.compile(r"^(\s*)(\d*)([-+.)])", re.MULTILINE)
_TAG_UNSAFE = re.compile(r"[^\w/-]+")
_BAR_WIDTH = 20
# The square emoji for a colour's hue: the one hint of colour GitHub and Obsidian show.
_HUE_SQUARES = ((28, "🟥"), (45, "🟧"), (70, "🟨"), (170, "🟩"), (260, "🟦"), (345, "🟪"),
                (360, "🟥"))
_ENTITY = re.compile(r"&(?=#?\w+;)")


def escape(text: str) -> str:
    """`text` with every Markdown-active character backslash-escaped."""
    text = _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", text))
    return _LINE_START.sub(r"\1\2\\\3", text)


def _one_line(text: str) -> str:
    return escape(" ".join(text.split()))


def quoted(text: str, first: str = "") -> list[str]:
    """`text` escaped as blockquote lines; blank lines become a bare ">" so it never ends."""
    lines = [first] if first else []
    lines.extend(escape(line.strip()) for line in text.strip().splitlines())
    return [f"> {line}" if line else ">" for line in lines]


def tag(name: str) -> str:
    """`#name` with everything a tag cannot hold made a dash (Obsidian's rules)."""
    safe = _TAG_UNSAFE.sub("-", name.strip()).strip("-") or "tag"
    return "#" + (f"_{safe}" if safe.isdigit() else safe)


def swatch(color: str) -> str:
    """The square emoji whose hue is nearest a #rrggbb colour (greys: white or black)."""
    red, green, blue = (int(color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    hue, saturation, value = colorsys.rgb_to_hsv(red, green, blue)
    if saturation < 0.15:
        return "⬜" if value > 0.5 else "⬛"
    return next(square for limit, square in _HUE_SQUARES if hue * 360 < limit)


def _passage(passage: Passage, w: Wording) -> list[str]:
    lines = quoted(passage.exact)
    lines += ["", f"{swatch(passage.color)} *{_one_line(caption(passage, w))}*"]
    if passage.note.strip() or passage.tags:
        lines.append("")
        lines += quoted(passage.note, "[!NOTE]") if passage.note.strip() else ["> [!NOTE]"]
        if passage.tags:
            lines += [">", f"> {w.tags} " + " ".join(tag(t) for t in passage.tags)]
    return [*lines, ""]


def _full_text_block(block: TextBlock) -> str:
    parts = []
    for segment in block.segments:
        text = escape(segment.text)
        if segment.color and text.strip():
            # Emphasis markers must touch the text, so surrounding spaces stay outside.
            inner = text.strip()
            lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
            text = f"{lead}**{inner}**{trail}"
        parts.append(text)
    line = "".join(parts).replace("\n", " ")
    if block.kind is BlockKind.HEADING:
        return f"### {line}"
    if block.kind is BlockKind.KEY_POINT:
        return f"- {line}"
    if block.kind in (BlockKind.BYLINE, BlockKind.SOURCE):
        return f"*{line}*"
    return line


def lines_of(summary: Summary, ticker: Ticker, w: Wording = ENGLISH) -> list[str]:
    """The whole document as lines (without line ends)."""
    lines = [f"# {_one_line(w.title(summary))}", ""]
    if details(summary, w):
        lines += [_one_line(details(summary, w)), ""]
    lines += [f"*{_one_line(generated_line(summary, w))}*", "", f"## {w.legend}", ""]
    lines += [f"| | {w.area_column} | {w.covers_column} |", "|---|---|---|"]
    lines += [
        f"| {swatch(e.color)} | {_one_line(e.label)} | {_one_line(e.meaning)} |"
        for e in summary.legend_areas
    ]
    if summary.legend_colors:
        lines += ["", f"| | {w.colour_column} | {w.meaning_column} |", "|---|---|---|"]
        lines += [
            f"| {swatch(e.color)} | {_one_line(w.word(e.label))} | "
            f"{_one_line(w.word(e.meaning))} |"
            for e in summary.legend_colors
        ]
    lines += ["", f"## {w.overview}", "",
              f"| {w.area_column} | {w.passages_column} | {w.share_column} | |",
              "|---|---:|---:|---|"]
    for o in summary.overview:
        filled = round(bar_length(o.share, _BAR_WIDTH))
        bar = "█" * filled + "░" * (_BAR_WIDTH - filled)
        lines.append(f"| {_one_line(o.label)} | {o.passages} | {percent(o.share)} | {bar} |")
    lines.append("")
    for section in summary.sections:
        label = w.section_label(section.area, section.label)
        description = w.section_description(section.area, section.description)
        lines += [f"## {swatch(section.color)} {_one_line(label)}", ""]
        lines += [f"*{_one_line(description)}*", ""]
        for passage in section.passages:
            lines += _passage(passage, w)
            ticker.step()
    if summary.notes:
        lines += [f"## {w.all_notes}", ""]
        for number, passage in enumerate(summary.notes, start=1):
            where = passage.area_label or w.highlight
            lines += [f"**{number}. {_one_line(where)}**: “{_one_line(excerpt(passage.exact))}”",
                      ""]
            lines += [*quoted(passage.note), ""]
            ticker.step()
    if summary.full_text is not None:
        lines += [f"## {w.full_text}", "", w.bold_key, ""]
        for block in summary.full_text:
            lines += [_full_text_block(block), ""]
            ticker.step()
    return lines


def work_units(summary: Summary) -> int:
    return len(summary.passages) + len(summary.notes) + len(summary.full_text or ())


def render(summary: Summary, stream: BinaryIO, ticker: Ticker, options: ExportOptions) -> None:
    ticker.start(work_units(summary))
    text = "\n".join(lines_of(summary, ticker, options.wording)).rstrip("\n") + "\n"
    stream.write(without_controls(text).encode("utf-8"))
