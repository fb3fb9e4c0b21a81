"""One table of importers, shared by the CLI and the window's Open dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from annotator.core.document import Document, normalise
from annotator.errors import ImportRejected
from annotator.importers import markdown, plaintext
from annotator.importers.decoding import decode_text, read_file

Parser = Callable[[str, str], Document]

_PARSERS: dict[str, Parser] = {
    ".txt": plaintext.parse,
    ".text": plaintext.parse,
    ".md": markdown.parse,
    ".markdown": markdown.parse,
}


def supported_suffixes() -> list[str]:
    return sorted(_PARSERS)


def import_bytes(data: bytes, name: str) -> Document:
    """Parse file contents; `name` (a file name) picks the parser and labels errors."""
    suffix = Path(name).suffix.lower()
    parser = _PARSERS.get(suffix, plaintext.parse)
    text = normalise(decode_text(data, name))
    document = parser(text, Path(name).stem)
    if not document.text.strip():
        raise ImportRejected(f"{name} has no readable text.")
    return document


def import_path(path: Path) -> Document:
    return import_bytes(read_file(path), path.name)
