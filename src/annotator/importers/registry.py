"""One table of importers, shared by the CLI, File ▸ Open/Import and drag and drop.

The registry picks an importer by sniffing the file's first bytes first (a saved web
page called `article.txt` is still HTML) and by its suffix second; a file that no
importer claims and whose suffix is unknown is read as plain text.

The EPUB and web-page readers (zipfile, the HTML extractors: ~15 ms to import) are
imported when a file of theirs is read: a window opening a text file, or the sample,
paints without them (benchmarks/README.md, "Start-up"). Recognising their files needs
only the few bytes tests below.
"""

from __future__ import annotations

import importlib
import os
import stat
from pathlib import Path

from annotator.core.document import Document
from annotator.errors import ImportRejected
from annotator.importers import markdown, plaintext
from annotator.importers.base import (
    HEAD_BYTES,
    Cancelled,
    Importer,
    Progress,
    Reader,
    never_cancelled,
    no_progress,
)
from annotator.importers.decoding import MAX_BYTES, read_file, too_large


def _read_with(module: str) -> Reader:
    """The `read` of `annotator.importers.<module>`, imported on the first file it reads."""

    def read(data: bytes, name: str, progress: Progress, cancelled: Cancelled) -> Document:
        reader: Reader = importlib.import_module(f"annotator.importers.{module}").read
        return reader(data, name, progress, cancelled)

    return read


def is_epub(head: bytes) -> bool:
    return head.startswith(b"PK\x03\x04") and (
        head[30:58] == b"mimetypeapplication/epub+zip" or b"META-INF/container.xml" in head)


def is_html(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"<!doctype html"):
        return True
    window = start[:2048]
    return start.startswith(b"<") and (b"<html" in window or b"<head" in window
                                       or b"<body" in window)


EPUB = Importer("EPUB book", (".epub",), ("application/epub+zip",), is_epub,
                _read_with("epub"), slow_above=1024 * 1024)
HTML = Importer("web page", (".html", ".htm", ".xhtml"), ("text/html", "application/xhtml+xml"),
                is_html, _read_with("html"), slow_above=64 * 1024)
IMPORTERS: tuple[Importer, ...] = (EPUB, HTML, plaintext.IMPORTER, markdown.IMPORTER)


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
    if not document.text or document.text.isspace():
        raise ImportRejected(f"{name} has no readable text.")
    return document


def import_path(
    path: Path,
    progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
) -> Document:
    return import_bytes(read_file(path), path.name, progress, cancelled)


# How much of a long text a window parses before its first paint: a few screens.
HEAD_CHARS = 64_000


def import_head(path: Path, size: int = HEAD_CHARS) -> Document | None:
    """The first blocks of the document at `path`, exactly as `import_path` makes them,
    when its format can read a beginning alone (plain text) and the text is long; else
    None. Raises as `import_path` would for a file it refuses."""
    data = read_file(path)
    if len(data) > MAX_BYTES:
        raise too_large(path.name, len(data))
    read_head = pick(data, path.name).read_head
    return read_head(data, path.name, size) if read_head is not None else None


def slow_to_import(path: Path) -> bool:
    """Whether importing `path` may take over ~0.3 s (a window then does it off its GUI
    thread); False for anything `import_path` refuses at once (not a regular file, over
    MAX_BYTES). Only the first bytes are read, without blocking on a swapped-in FIFO."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return False
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return False
            head = handle.read(HEAD_BYTES)
    except OSError:
        return False
    return info.st_size > pick(head, path.name).slow_above
