"""What the app remembers between runs, in INI files under the app's own folders.

Preferences the reader chose (zoom) live in `paths.config_dir()`; what the app noticed
(window geometry, recent files, the last document and where the reader was in it) lives
in `paths.state_dir()`, as paths.py lays out. Both honour ANNOTATOR_HOME, so tests and
portable installs never touch a real profile. Values are stored as plain strings and
JSON so the files stay readable and portable between Qt versions.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from annotator import paths

MAX_RECENT = 10


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
        try:
            raw = json.loads(str(self.state.value("documents/recent", "[]")))
        except json.JSONDecodeError:
            return []
        return [Path(p) for p in raw if isinstance(p, str)] if isinstance(raw, list) else []

    def add_recent(self, path: Path) -> None:
        """Put `path` first, without duplicates, keeping the MAX_RECENT newest."""
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
