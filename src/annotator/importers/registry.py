"""One table of importers, shared by the CLI, File ▸ Open/Import and drag and drop.

The registry picks an importer by sniffing the file's first bytes first (a saved web
page called `article.txt` is still HTML) and by its suffix second; a file that no
importer claims and whose suffix is unknown is read as plain text.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.document import Document
from annotator.errors import ImportRejected
from annotator.importers import epub, html, markdown, plaintext
from annotator.importers.base import (
    HEAD_BYTES,
    Cancelled,
    Importer,
    Progress,
    never_cancelled,
    no_progress,
)
from annotator.importers.decoding import MAX_BYTES, read_file, too_large

IMPORTERS: tuple[Importer, ...] = (
    epub.IMPORTER, html.IMPORTER, plaintext.IMPORTER, markdown.IMPORTER,
)


def supported_suffixes() -> list[str]:
    return sorted(suffix for importer in IMPORTERS for suffix in importer.suffixes)


def pick(data: bytes, name: str) -> Importer:
    """The importer for these bytes: the first that recognises them, else by suffix."""
    head = data[:HEAD_BYTES]
    for importer in IMPORTERS:
        if importer.sniff(head):
            return importer
    suffix = Path(name).suffix.lower()
    for importer in IMPORTERS:
        if suffix in importer.suffixes:
            return importer
    return plaintext.IMPORTER


def import_bytes(
    data: bytes,
    name: str,
    progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
) -> Document:
    """Parse file contents; `name` (a file name) breaks ties and labels errors."""
    if len(data) > MAX_BYTES:
        raise too_large(name, len(data))
    document = pick(data, name).read(data, name, progress, cancelled)
    if not document.text.strip():
        raise ImportRejected(f"{name} has no readable text.")
    return document


def import_path(
    path: Path,
    progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
) -> Document:
    return import_bytes(read_file(path), path.name, progress, cancelled)
