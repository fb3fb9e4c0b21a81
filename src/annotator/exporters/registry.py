"""The export formats by name, shared by the CLI (`--format`) and the window's dialog.

A format's module is imported only when it renders, so listing formats (or exporting
Markdown from the CLI) never loads Qt, which only the PDF exporter needs.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, cast

from annotator.core.summary import Summary
from annotator.errors import ExportError
from annotator.exporters.base import (
    CancelCheck,
    ExportOptions,
    ProgressCallback,
    Renderer,
    Ticker,
    write_atomically,
)


@dataclass(frozen=True, slots=True)
class ExportFormat:
    name: str  # what `--format` takes
    label: str  # what the dialog lists (English; the GUI may translate)
    suffix: str  # the file name ending, with its dot
    mime: str
    module: str  # the module whose `render` writes this format

    @property
    def renderer(self) -> Renderer:
        return cast(Renderer, importlib.import_module(self.module).render)

    @property
    def needs_qt(self) -> bool:
        return self.name == "pdf"


FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("md", "Markdown", ".md", "text/markdown", "annotator.exporters.markdown"),
    ExportFormat("html", "Web page (HTML)", ".html", "text/html", "annotator.exporters.html"),
    ExportFormat("pdf", "PDF", ".pdf", "application/pdf", "annotator.exporters.pdf"),
    ExportFormat("jsonld", "W3C Web Annotation (JSON-LD)", ".jsonld", "application/ld+json",
                 "annotator.exporters.jsonld"),
    ExportFormat("csv", "Spreadsheet (CSV)", ".csv", "text/csv", "annotator.exporters.csv"),
)
FORMAT_BY_NAME = {f.name: f for f in FORMATS}


def export_format(name: str) -> ExportFormat:
    """The format called `name`; an ExportError listing the known ones otherwise."""
    try:
        return FORMAT_BY_NAME[name.lower().lstrip(".")]
    except KeyError:
        known = ", ".join(FORMAT_BY_NAME)
        raise ExportError(f"unknown export format {name!r} (choose one of {known})") from None


def render_bytes(summary: Summary, fmt: ExportFormat, options: ExportOptions | None = None,
                 ticker: Ticker | None = None) -> bytes:
    """The export in memory: for previews and tests."""
    from io import BytesIO

    buffer = BytesIO()
    fmt.renderer(summary, buffer, ticker or Ticker(), options or ExportOptions())
    return buffer.getvalue()


def write_export(
    summary: Summary,
    fmt: ExportFormat,
    path: Path,
    options: ExportOptions | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> Path:
    """Write `summary` as `fmt` to `path`, atomically; returns `path`.

    `progress(done, total)` is called about a hundred times; `cancel()` is polled as
    often, and when it returns True the export stops with `ExportCancelled` and `path`
    is left as it was. Safe to call from a worker thread (the PDF exporter included).
    """
    ticker = Ticker(progress, cancel)
    renderer = fmt.renderer
    options = options or ExportOptions()

    def write(stream: BinaryIO) -> None:
        renderer(summary, stream, ticker, options)
        ticker.finish()

    write_atomically(path, write)
    return path
