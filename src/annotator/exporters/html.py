"""One self-contained HTML page: inline CSS, no JavaScript, no external requests.

The page comes from `src/annotator/resources/templates/summary.html` with autoescaping on, so every
title, quote, name and tag is escaped; notes are the only HTML that passes, after
markdown-it (raw HTML off) and nh3 (allowlist) in `notes.note_html`. A Content Security
Policy forbids scripts and remote loads besides, should anything ever slip through.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, partial
from typing import BinaryIO

from jinja2 import Environment, FunctionLoader, StrictUndefined
from markupsafe import Markup

from annotator import bundled
from annotator.core.document import BlockKind
from annotator.core.summary import Summary, TextBlock
from annotator.exporters.base import ExportOptions, Ticker
from annotator.exporters.notes import note_html
from annotator.exporters.text import (
    bar_length,
    caption,
    details,
    excerpt,
    generated_line,
    passage_tint,
    percent,
    tint,
    without_controls,
)

_BAR_WIDTH, _VALUE_WIDTH, _ROW = 290, 130, 40


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    color: str
    share: str
    passages: int
    y: int
    width: float


@dataclass(frozen=True, slots=True)
class Chart:
    """The coverage chart's geometry; the template only draws it."""

    bars: tuple[Bar, ...]
    bar_width: int = _BAR_WIDTH
    width: int = _BAR_WIDTH + _VALUE_WIDTH

    @property
    def height(self) -> int:
        return max(len(self.bars), 1) * _ROW + 4


def coverage_chart(summary: Summary) -> Chart:
    """One bar per area over a track that stands for the whole text (100 %).

    A share too small to see still gets a sliver, so "some" never reads as "none".
    """
    return Chart(tuple(
        Bar(o.label, o.color, percent(o.share), o.passages, i * _ROW,
            round(bar_length(o.share, _BAR_WIDTH), 1))
        for i, o in enumerate(summary.overview)
    ))


def block_tag(block: TextBlock) -> str:
    return "h3" if block.kind is BlockKind.HEADING else "p"


def _template_source(name: str) -> str:
    return bundled.resource(f"templates/{name}").read_text(encoding="utf-8")


@cache
def environment() -> Environment:
    return Environment(
        loader=FunctionLoader(_template_source),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=False,
        keep_trailing_newline=True,
    )


def render(summary: Summary, stream: BinaryIO, ticker: Ticker, options: ExportOptions) -> None:
    ticker.start(len(summary.passages) + len(summary.notes) + len(summary.full_text or ()))
    template = environment().get_template("summary.html")
    w = options.wording
    chunks = template.generate(
        summary=summary,
        w=w,
        title=w.title(summary),
        details=details(summary, w),
        generated=generated_line(summary, w),
        chart=coverage_chart(summary),
        caption=partial(caption, wording=w),
        excerpt=excerpt,
        note_html=lambda note: Markup(note_html(note)),  # sanitised by nh3
        block_tag=block_tag,
        tint=tint,
        passage_tint=passage_tint,
        tick=ticker.step,
    )
    for chunk in chunks:
        stream.write(without_controls(chunk).encode("utf-8"))
