"""Wording every format shares, so a passage is described the same way everywhere."""

from __future__ import annotations

import re

from annotator.core.summary import Passage, PassageKind, Summary
from annotator.exporters.wording import ENGLISH, Wording

# Characters no HTML or Markdown document may hold (NUL among them, which HTML parsers
# turn into U+FFFD or drop) and that no reader can see: C0 controls but tab and line
# breaks, DEL and C1 controls.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def without_controls(text: str) -> str:
    """`text` without invisible control characters (a text's NUL never reaches a file)."""
    return _CONTROLS.sub("", text)


def bar_length(share: float, full: float) -> float:
    """The length of an overview bar for a share in percent, where `full` is 100 %.

    Shares of the whole text, never of the largest share (which drew 5.2 % as a full
    bar); a share too small to see still gets one unit, so "some" never reads as "none".
    """
    length = full * min(max(share, 0.0), 100.0) / 100.0
    return max(length, 1.0) if share > 0 else 0.0


def excerpt(text: str, limit: int = 90) -> str:
    """`text` on one line, cut at a word boundary near `limit` characters."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit)
    return flat[: cut if cut > limit // 2 else limit].rstrip(" ,;:.") + "…"


def details(summary: Summary, wording: Wording = ENGLISH) -> str:
    """Author, date and source on one line: the handout's byline."""
    meta = summary.metadata
    parts = [
        meta.author,
        wording.date(meta.date) if meta.date else "",
        meta.source,
    ]
    return " · ".join(p for p in parts if p)


def generated_line(summary: Summary, wording: Wording = ENGLISH) -> str:
    """When the summary was made, and how many passages and notes it holds."""
    return wording.generated.format(
        time=summary.generated.strftime("%Y-%m-%d %H:%M UTC"),
        passages=wording.count_passages(len(summary.passages)),
        notes=wording.count_notes(len(summary.notes)),
    )


def percent(share: float) -> str:
    return f"{share:.1f}%"


def caption(passage: Passage, wording: Wording = ENGLISH) -> str:
    """What kind of highlight a passage is, its colour's meaning, who made it and when."""
    parts = [wording.kind(passage)]
    if passage.kind is PassageKind.READER:
        parts.append(wording.colour_label(passage))
        if passage.area_label:
            parts.append(passage.area_label)
    if passage.author:
        parts.append(passage.author)
    if passage.kind is not PassageKind.SUGGESTION:
        parts.append(passage.annotation.created.strftime("%Y-%m-%d"))
    if passage.terms:
        parts.append(wording.terms.format(terms=", ".join(passage.terms)))
    if not passage.placed:
        parts.append(wording.not_found)
    return " · ".join(parts)


def tint(color: str, strength: float) -> str:
    """`color` mixed with white: a highlight background text stays readable on, in print too."""
    channels = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - (255 - c) * strength):02x}" for c in channels)


def passage_tint(passage: Passage) -> str:
    """Suggestions paler than the highlights a reader chose or accepted."""
    return tint(passage.color, 0.18 if passage.kind is PassageKind.SUGGESTION else 0.38)
