"""Refuse what is not a document before any parser sees it.

Every path goes through `read_file`: only regular files are opened (a FIFO, a terminal
or `/dev/zero` would block or never end), without blocking, and never more than
`MAX_BYTES` are read. Text formats then go through `decode_text`, which decodes first
and judges second: a known binary format is recognised by its full signature, so text
that merely starts with the same letters (`MZ…`) is still text.
"""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Callable
from pathlib import Path

from annotator.core.document import Document, normalise
from annotator.errors import ImportRejected
from annotator.importers.base import Cancelled, HeadReader, Progress, Reader, check_cancelled

MAX_BYTES = 32 * 1024 * 1024
_CHUNK = 1024 * 1024
OPENS = (
    "Annotator opens plain text (.txt), Markdown (.md), web pages (.html) and EPUB books "
    "(.epub)."
)


def _pe(data: bytes) -> bool:
    """A DOS/Windows program: `MZ`, then at the offset stored at 0x3C, `PE\\0\\0`."""
    if len(data) < 0x40:
        return False
    offset = int.from_bytes(data[0x3C:0x40], "little")
    return data[offset : offset + 4] == b"PE\x00\x00"


def _prefix(signature: bytes) -> Callable[[bytes], bool]:
    return lambda data: data.startswith(signature)


def _pdf(data: bytes) -> bool:
    return (
        data.startswith(b"%PDF-") and data[5:6].isdigit() and data[6:7] == b"."
        and data[7:8].isdigit()
    )


BINARY_SIGNATURES: tuple[tuple[Callable[[bytes], bool], str], ...] = (
    (_prefix(b"\x89PNG\r\n\x1a\n"), "a PNG image"),
    (_prefix(b"\xff\xd8\xff"), "a JPEG image"),
    (lambda d: d.startswith((b"GIF87a", b"GIF89a")), "a GIF image"),
    (lambda d: d[:4] == b"RIFF" and d[8:12] == b"WEBP", "a WebP image"),
    (_pdf, "a PDF document"),
    (lambda d: d.startswith((b"PK\x03\x04", b"PK\x05\x06")), "a ZIP archive"),
    (_prefix(b"\x7fELF"), "a program (ELF executable)"),
    (lambda d: d.startswith(b"MZ") and _pe(d), "a Windows program"),
    (lambda d: d[:4] in (b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe", b"\xca\xfe\xba\xbe"),
     "a program (Mach-O)"),
    (_prefix(b"SQLite format 3\x00"), "an SQLite database"),
    (_prefix(b"\x1f\x8b\x08"), "a gzip archive"),
    (lambda d: d[:3] == b"BZh" and d[3:4].isdigit() and d[4:10] == b"1AY&SY", "a bzip2 archive"),
    (_prefix(b"\xfd7zXZ\x00"), "an xz archive"),
    (_prefix(b"7z\xbc\xaf\x27\x1c"), "a 7-Zip archive"),
    (_prefix(b"\x00asm"), "a WebAssembly module"),
)


def binary_kind(data: bytes) -> str | None:
    """What binary format these bytes are, by full signature; None if none matches."""
    for matches, what in BINARY_SIGNATURES:
        if matches(data):
            return what
    return None


def too_large(name: str, size: int) -> ImportRejected:
    return ImportRejected(
        f"{name} is too large ({size / 1_048_576:.1f} MB); "
        f"the limit is {MAX_BYTES // 1_048_576} MB. Split it into smaller files."
    )


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _unreadable(path: Path, exc: OSError) -> ImportRejected:
    return ImportRejected(f"{path} cannot be read: {exc.strerror or exc}.")


def read_file(path: Path) -> bytes:
    """Read a regular file of at most MAX_BYTES, translating every OS failure into a
    sentence a reader understands. Never blocks on a pipe or reads a device forever."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ImportRejected(f"{path} does not exist.") from None
    except OSError as exc:
        raise _unreadable(path, exc) from None
    except ValueError:  # a NUL in the name: no file system has such a file
        raise ImportRejected(f"{str(path)!r} is not a file name: it holds a NUL character."
                             ) from None
    if stat.S_ISDIR(info.st_mode):
        raise ImportRejected(f"{path} is a folder, not a document.")
    if not stat.S_ISREG(info.st_mode):
        raise ImportRejected(f"{path} is {_kind_of(info.st_mode)}, not a document file.")
    if info.st_size > MAX_BYTES:
        raise too_large(path.name, info.st_size)
    try:
        # O_NONBLOCK: if the path was swapped for a FIFO since stat(), open() still
        # returns at once, and fstat() below refuses it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise _unreadable(path, exc) from None
    with os.fdopen(fd, "rb") as handle:
        opened = os.fstat(handle.fileno())
        if not stat.S_ISREG(opened.st_mode):
            raise ImportRejected(f"{path} changed while it was opened; try again.")
        chunks: list[bytes] = []
        total = 0
        # The whole file in one read (one buffer, no joining: 5 MB in ~3 ms, not ~20),
        # then in chunks if it grew meanwhile, never past MAX_BYTES.
        want = min(opened.st_size, MAX_BYTES) + 1
        try:
            while chunk := handle.read(want):
                total += len(chunk)
                if total > MAX_BYTES:
                    raise too_large(path.name, total)
                chunks.append(chunk)
                want = _CHUNK
        except OSError as exc:
            raise _unreadable(path, exc) from None
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark: every other byte of ASCII is NUL."""
    sample = data[:8192]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    encoding = None
    if odd > 0.4 * half and even < 0.05 * half:
        encoding = "utf-16-le"
    elif even > 0.4 * half and odd < 0.05 * half:
        encoding = "utf-16-be"
    if encoding is None or len(data) % 2:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return None if "\x00" in text else text


def decode_text(data: bytes, name: str) -> str:
    """Decode UTF-8 (or UTF-16) text; refuse binaries and invalid UTF-8, each by name."""
    if len(data) > MAX_BYTES:
        raise too_large(name, len(data))
    if not data or data.isspace():  # isspace: no copy of a 5 MB file, as strip() makes
        raise ImportRejected(f"{name} is empty: there is no text to read.")
    what = binary_kind(data)
    if what is not None:
        raise ImportRejected(f"{name} is not a text document: it looks like {what}. {OPENS}")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportRejected(f"{name} claims to be UTF-16 but is not valid UTF-16.") from None
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None:
            raise ImportRejected(
                f"{name} is not a text document: it contains binary data. {OPENS}"
            )
        return text
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRejected(
            f"{name} is not valid UTF-8 (bad byte at position {exc.start}); "
            "save it as UTF-8 and open it again."
        ) from None
    if not text or text.isspace():
        raise ImportRejected(f"{name} is empty: there is no text to read.")
    return text


def text_reader(parse: Callable[[str, str], Document]) -> Reader:
    """An importer's `read` for a text format: decode, normalise, then `parse(text,
    fallback_title)` with the file's stem as the title of last resort."""

    def read(data: bytes, name: str, progress: Progress, cancelled: Cancelled) -> Document:
        text = normalise(decode_text(data, name))
        check_cancelled(cancelled, name)
        progress(0.5)
        return parse(text, Path(name).stem)

    return read


def text_head_reader(parse_head: Callable[[str, str, str], Document | None]) -> HeadReader:
    """An importer's `read_head` for a text format: decode all (so a file the whole
    import would refuse is refused now), normalise only the first and last `size`
    characters, then `parse_head(beginning, end, fallback_title)`. None for a text under
    twice `size`: it is parsed whole as fast."""

    def read_head(data: bytes, name: str, size: int) -> Document | None:
        text = decode_text(data, name)
        if len(text) <= 2 * size:
            return None
        return parse_head(normalise(text[:size]), normalise(text[-size:]), Path(name).stem)

    return read_head
