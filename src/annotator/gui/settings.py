"""What the app remembers between runs, in INI files under the app's own folders.

Preferences the reader chose (zoom, the page's type and measure) live in
`paths.config_dir()`; what the app noticed (window geometry, recent files, the last
document and where the reader was in it) lives in `paths.state_dir()`, as paths.py
lays out. Both honour ANNOTATOR_HOME, so tests and portable installs never touch a real
profile. Values are stored as plain strings and JSON so the files stay readable and
portable between Qt versions.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QByteArray, QSettings

from annotator import paths

MAX_RECENT = 10


class ReaderLook(NamedTuple):
    """How the page sets its text (View ▸ Reader Settings…); the defaults are the
    book typography of reading-experience.md: a serif at 12 pt, line height 1.5,
    about 70 characters a line. A NamedTuple, not a dataclass: it is read before the
    first paint, which pays for every class built at import (performance.md)."""

    family: str = ""  # "" is the default serif stack of `gui/reader_view.py`
    point_size: float = 12.0
    line_spacing: int = 150  # percent of the font's height
    measure: int = 70  # characters per line


# The ranges the settings dialog offers and a hand-edited settings file is held to.
POINT_SIZES = (8.0, 32.0)
LINE_SPACINGS = (100, 250)
MEASURES = (45, 120)


def _clamped(value: object, default: float, bounds: tuple[float, float]) -> float:
    try:
        number = float(str(value))
    except ValueError:
        return default
    return min(max(number, bounds[0]), bounds[1]) if number == number else default


class Settings:
    """Typed access to the app's preferences and remembered state."""

    def __init__(self) -> None:
        self.preferences = QSettings(
            str(paths.config_dir() / "settings.ini"), QSettings.Format.IniFormat
        )
        self.state = QSettings(str(paths.state_dir() / "state.ini"), QSettings.Format.IniFormat)

    # -- preferences ----------------------------------------------------------------

    @property
    def zoom(self) -> float:
        try:
            return float(str(self.preferences.value("reader/zoom", "1.0")))
        except ValueError:
            return 1.0

    @zoom.setter
    def zoom(self, value: float) -> None:
        self.preferences.setValue("reader/zoom", f"{value:g}")

    @property
    def reader_look(self) -> ReaderLook:
        """The page's type and measure; out-of-range or unreadable values fall back."""
        default = ReaderLook()
        value = self.preferences.value
        return ReaderLook(
            str(value("reader/font_family", "")),
            _clamped(value("reader/point_size", default.point_size), default.point_size,
                     POINT_SIZES),
            round(_clamped(value("reader/line_spacing", default.line_spacing),
                           default.line_spacing, LINE_SPACINGS)),
            round(_clamped(value("reader/measure", default.measure), default.measure,
                           MEASURES)),
        )

    @reader_look.setter
    def reader_look(self, look: ReaderLook) -> None:
        self.preferences.setValue("reader/font_family", look.family)
        self.preferences.setValue("reader/point_size", f"{look.point_size:g}")
        self.preferences.setValue("reader/line_spacing", str(look.line_spacing))
        self.preferences.setValue("reader/measure", str(look.measure))

    @property
    def language(self) -> str:
        """"system" (follow the desktop) or a language code such as "zh_CN"."""
        return str(self.preferences.value("ui/language", "system")) or "system"

    @language.setter
    def language(self, value: str) -> None:
        self.preferences.setValue("ui/language", value)

    @property
    def theme(self) -> str:
        """"system" (light or dark as the desktop is) or a theme id such as "sepia"."""
        return str(self.preferences.value("ui/theme", "system")) or "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self.preferences.setValue("ui/theme", value)

    # -- state ----------------------------------------------------------------------

    def _bytes(self, key: str) -> QByteArray:
        value = self.state.value(key)
        return value if isinstance(value, QByteArray) else QByteArray()

    @property
    def geometry(self) -> QByteArray:
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self.state.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self.state.setValue("window/state", value)

    @property
    def recent_files(self) -> list[Path]:
        import json  # not before the first paint (~2 ms): only the recent files need it

        try:
            raw = json.loads(str(self.state.value("documents/recent", "[]")))
        except json.JSONDecodeError:
            return []
        return [Path(p) for p in raw if isinstance(p, str)] if isinstance(raw, list) else []

    def add_recent(self, path: Path) -> None:
        """Put `path` first, without duplicates, keeping the MAX_RECENT newest."""
        import json

        resolved = path.resolve()
        recent = [resolved, *(p for p in self.recent_files if p != resolved)][:MAX_RECENT]
        self.state.setValue("documents/recent", json.dumps([str(p) for p in recent]))

    def clear_recent(self) -> None:
        self.state.setValue("documents/recent", "[]")

    @property
    def last_document(self) -> Path | None:
        value = str(self.state.value("documents/last", ""))
        return Path(value) if value else None

    @last_document.setter
    def last_document(self, value: Path | None) -> None:
        self.state.setValue("documents/last", str(value) if value else "")

    @property
    def last_position(self) -> int:
        try:
            return max(0, int(str(self.state.value("documents/position", "0"))))
        except ValueError:
            return 0

    @last_position.setter
    def last_position(self, value: int) -> None:
        self.state.setValue("documents/position", str(value))

    def sync(self) -> None:
        self.preferences.sync()
        self.state.sync()
