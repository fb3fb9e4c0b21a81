"""What an importer is: a record the registry can pick by content or by name.

An importer gets the file's **bytes**, not text: an EPUB is a ZIP archive and an HTML
page declares (or misdeclares) its own charset, so decoding belongs to each format, not
to the registry (`importers/registry.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from annotator.core.document import Document
from annotator.errors import ImportRejected

Progress = Callable[[float], None]
"""`progress(fraction)`: 0.0-1.0 of the work done so far."""

Cancelled = Callable[[], bool]
"""`cancelled()`: True once the reader asked to stop; the importer then raises."""

Reader = Callable[[bytes, str, Progress, Cancelled], Document]
HeadReader = Callable[[bytes, str, int], Document | None]
"""`read_head(data, name, size)`: the document's first blocks, about `size` characters,
exactly as `read` makes them from the whole; None when there is no such beginning."""


class ImportCancelled(ImportRejected):
    """The reader stopped an import; nothing was produced and nothing was stored."""


def no_progress(_fraction: float) -> None:
    """The progress callback of a caller that shows none (the CLI, tests)."""


def never_cancelled() -> bool:
    return False


def check_cancelled(cancelled: Cancelled, name: str) -> None:
    if cancelled():
        raise ImportCancelled(f"The import of {name} was cancelled.")


@dataclass(frozen=True, slots=True)
class Importer:
    """One format: how to recognise it and how to read it.

    `sniff(head)` looks at the first bytes only (`HEAD_BYTES`) and says whether they
    are this format whatever the file is called; text formats that cannot be told apart
    by content (plain text, Markdown) never claim a file and are picked by suffix.
    """

    label: str
    suffixes: tuple[str, ...]
    mime_types: tuple[str, ...]
    sniff: Callable[[bytes], bool]
    read: Reader
    read_head: HeadReader | None = None
    slow_above: int = 2 * 1024 * 1024
    """Bytes above which reading may take over ~0.3 s: a window imports such a file off
    its GUI thread (text: ~20 MB/s; a web page's extractors: ~1 MB/s or slower)."""


HEAD_BYTES = 4096


def claims_nothing(_head: bytes) -> bool:
    return False
