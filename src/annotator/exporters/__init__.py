"""Renderers of the one summary model: Markdown, HTML, PDF, JSON-LD, CSV.

The window and the CLI use only what is re-exported here.
"""

from annotator.exporters.base import (
    CancelCheck,
    ExportCancelled,
    ExportOptions,
    NoteLayout,
    PageSize,
    ProgressCallback,
)
from annotator.exporters.registry import (
    FORMATS,
    ExportFormat,
    export_format,
    render_bytes,
    write_export,
)

__all__ = [
    "FORMATS",
    "CancelCheck",
    "ExportCancelled",
    "ExportFormat",
    "ExportOptions",
    "NoteLayout",
    "PageSize",
    "ProgressCallback",
    "export_format",
    "render_bytes",
    "write_export",
]
