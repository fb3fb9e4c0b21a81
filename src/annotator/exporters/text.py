"""Wording every format shares, so a passage is described the same way everywhere."""

from __future__ import annotations

import re

from annotator.core.summary import Passage, PassageKind, Summary

# Characters no HTML or Markdown document may hold (NUL among them, which HTML parsers
# turn into U+FFFD or drop) and that no reader can see: C0 controls but tab and line
# breaks, DEL and C1 controls.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

KIND_LABELS = {
    PassageKind.READER: "Highlight",
    PassageKind.MACHINE: "Policy area (accepted)",
    PassageKind.SUGGESTION: "Policy area (suggested)",
}


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


def details(summary: Summary) -> str:
    """Author, date and source on one line: the handout's byline."""
    meta = summary.metadata
    parts = [
        meta.author,
        meta.date.strftime("%-d %B %Y") if meta.date else "",
        meta.source,
    ]
    return " · ".join(p for p in parts if p)


def count(number: int, noun: str) -> str:
    """`1 note`, `2 notes`: exports are read by people, not parsed."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def generated_line(summary: Summary) -> str:
    return (
        f"Annotated summary generated {summary.generated.strftime('%Y-%m-%d %H:%M UTC')}"
        f" · {count(len(summary.passages), 'passage')} · {count(len(summary.notes), 'note')}"
    )


def percent(share: float) -> str:
    return f"{share:.1f}%"


def caption(passage: Passage) -> str:
    """What kind of highlight a passage is, its colour's meaning, who made it and when."""
    parts = [KIND_LABELS[passage.kind]]
    if passage.kind is PassageKind.READER:
        parts.append(passage.color_label)
        if passage.area_label:
            parts.append(passage.area_label)
    if passage.author:
        parts.append(passage.author)
    if passage.kind is not PassageKind.SUGGESTION:
        parts.append(passage.annotation.created.strftime("%Y-%m-%d"))
    if passage.terms:
        parts.append("terms: " + ", ".join(passage.terms))
    if not passage.placed:
        parts.append("not found in the current text")
    return " · ".join(parts)


def tint(color: str, strength: float) -> str:
    """`color` mixed with white: a highlight background text stays readable on, in print too."""
    channels = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - (255 - c) * strength):02x}" for c in channels)


def passage_tint(passage: Passage) -> str:
    """Suggestions paler than the highlights a reader chose or accepted."""
    return tint(passage.color, 0.18 if passage.kind is PassageKind.SUGGESTION else 0.38)
