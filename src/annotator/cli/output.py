"""What the CLI prints is text a terminal shows, never commands it obeys.

Titles, notes, tags and file names come from documents and from other people: a title
holding `ESC ] 0 ; ... BEL` would retitle the terminal, one holding `ESC [ 2 J` would
clear it. Everything printed passes through `clean`: escape sequences and control
characters go (newlines and tabs stay), and the surrogates Python uses for file-name
bytes that are not UTF-8 are shown as `\\xNN`, as Python's own `backslashreplace` does.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), other two-character ESC sequences.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b.?")
# C0 but tab and newline, DEL, C1, and the bidirectional overrides that reorder what
# is shown ("Trojan Source").
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SURROGATES = re.compile("[\ud800-\udfff]")


def _show_surrogate(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else "\ufffd"


def clean(text: str) -> str:
    """`text` safe to show on a terminal: no escapes, no controls, no lone surrogates."""
    text = _ESCAPES.sub("", text)
    text = _CONTROLS.sub("", text)
    return _SURROGATES.sub(_show_surrogate, text)


def escape_json(text: str) -> str:
    """JSON text with the characters `clean` would drop written as `\\uXXXX` escapes.

    `json.dumps` escapes C0 controls itself; C1, bidi overrides and surrogates it leaves
    raw with `ensure_ascii=False`. Escaped, the value is unchanged for a JSON reader.
    """
    pattern = "[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
    return re.sub(pattern, lambda m: f"\\u{ord(m.group()):04x}", text)


class _CleanStream:
    """A text stream that cleans what is written to it, then passes it on."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(clean(text))

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


@contextmanager
def clean_output() -> Iterator[None]:
    """Everything printed to stdout and stderr in the block goes through `clean`."""
    saved = sys.stdout, sys.stderr
    sys.stdout = _CleanStream(saved[0])
    sys.stderr = _CleanStream(saved[1])
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def count(number: int, noun: str) -> str:
    """"1 passage", "2 passages": the CLI speaks English, whose regular plurals add -s."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
