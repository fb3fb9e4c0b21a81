"""Refuse what is not text before any parser sees it.

Every importer starts here, so an empty file, a PNG renamed to .txt, invalid UTF-8 or a
file too large to read comfortably all get the same specific, user-facing message.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

from annotator.core.document import Document, normalise
from annotator.errors import ImportRejected
from annotator.importers.base import Cancelled, Progress, Reader

MAX_BYTES = 32 * 1024 * 1024
_OPENS = "Annotator opens plain text (.txt) and Markdown (.md) files."

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an EPUB/Office file)"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"MZ", "a Windows program"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x1f\x8b", "a gzip archive"),
)


def read_file(path: Path) -> bytes:
    """Read a file, translating every OS failure into a sentence a reader understands."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ImportRejected(f"{path} does not exist.") from None
    except OSError as exc:
        raise ImportRejected(f"{path} cannot be read: {exc.strerror or exc}.") from None
    if path.is_dir():
        raise ImportRejected(f"{path} is a folder, not a document.")
    if size > MAX_BYTES:
        raise ImportRejected(
            f"{path.name} is too large ({size / 1_048_576:.1f} MB); "
            f"the limit is {MAX_BYTES // 1_048_576} MB. Split it into smaller files."
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ImportRejected(f"{path} cannot be read: {exc.strerror or exc}.") from None


def decode_text(data: bytes, name: str) -> str:
    """Decode UTF-8 (or BOM-marked UTF-16) text; refuse binaries and invalid UTF-8."""
    if len(data) > MAX_BYTES:
        raise ImportRejected(
            f"{name} is too large ({len(data) / 1_048_576:.1f} MB); "
            f"the limit is {MAX_BYTES // 1_048_576} MB."
        )
    if not data.strip():
        raise ImportRejected(f"{name} is empty: there is no text to read.")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ImportRejected(
                f"{name} is not a text document: it looks like {what}. {_OPENS}"
            )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportRejected(f"{name} claims to be UTF-16 but is not valid UTF-16.") from None
    if b"\x00" in data[:8192]:
        raise ImportRejected(
            f"{name} is not a text document: it contains binary data. {_OPENS}"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRejected(
            f"{name} is not valid UTF-8 (bad byte at position {exc.start}); "
            "save it as UTF-8 and open it again."
        ) from None
    if not text.strip():
        raise ImportRejected(f"{name} is empty: there is no text to read.")
    return text


def text_reader(parse: Callable[[str, str], Document]) -> Reader:
    """An importer's `read` for a text format: decode, normalise, then `parse(text,
    fallback_title)` with the file's stem as the title of last resort."""

    def read(data: bytes, name: str, progress: Progress, cancelled: Cancelled) -> Document:
        return parse(normalise(decode_text(data, name)), Path(name).stem)

    return read
