"""Code points (ours) to UTF-16 units (Qt's) and back, at the boundary of the view.

Every offset in the app counts code points (Python `str` indices, W3C selectors); a
`QTextDocument` counts UTF-16 units. Each character outside the Basic Multilingual Plane
(emoji, rare CJK) takes two units in Qt, so without conversion every later highlight
would drift by one per such character. The map stores only the astral characters, so a
5 MB ASCII text costs nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Map:
    """Converts between code-point offsets of one text and Qt positions in the same text."""

    __slots__ = ("_astral", "_astral_qt")

    def __init__(self, text: str, utf16_length: int | None = None) -> None:
        """`utf16_length`, when known (a QTextDocument's characterCount() - 1), spares
        the scan of a text that has no astral characters: the lengths then agree."""
        plain = (text.isascii() or utf16_length == len(text)
                 # Encoding is a copy for a text without astral characters: 10 ms for
                 # 5 MB, where looking for them with the pattern below takes 16-30 ms.
                 or len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text))
        self._astral: list[int] = [] if plain else [m.start() for m in _ASTRAL.finditer(text)]
        # Where each astral character's first unit sits in Qt positions.
        self._astral_qt: list[int] = [a + k for k, a in enumerate(self._astral)]

    @property
    def identity(self) -> bool:
        """True when code points and UTF-16 units agree (no astral character)."""
        return not self._astral

    def to_qt(self, offset: int) -> int:
        """Qt position of code-point `offset`."""
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        """Code-point offset of Qt `position`; the middle of a surrogate pair rounds down."""
        if not self._astral_qt:
            return position
        return position - bisect_right(self._astral_qt, position - 1)
