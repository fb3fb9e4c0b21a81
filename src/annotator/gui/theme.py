"""Applies a theme (`core/theme.py`, files in `src/annotator/resources/themes/`) to the whole app.

The theme becomes the application's QPalette under the Fusion style, which draws every
widget from the palette, so one call recolours the interface and the page: the reader
derives its muted and tinted colours from the palette and re-applies them on
`PaletteChange` (`gui/reader_view.py`). "Follow the system" tracks
`QStyleHints.colorScheme` while the app runs.
"""

from __future__ import annotations

import hashlib
import weakref
from pathlib import Path
from typing import TypeGuard

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from annotator import __version__, paths
from annotator.bundled import resource
from annotator.core import theme as theme_module
from annotator.core.theme import SYSTEM, Theme, ThemeError, choose, parse_theme
from annotator.state_cache import remembered

_ROLES: dict[str, QPalette.ColorRole] = {
    "window": QPalette.ColorRole.Window,
    "window_text": QPalette.ColorRole.WindowText,
    "base": QPalette.ColorRole.Base,
    "alternate_base": QPalette.ColorRole.AlternateBase,
    "text": QPalette.ColorRole.Text,
    "button": QPalette.ColorRole.Button,
    "button_text": QPalette.ColorRole.ButtonText,
    "highlight": QPalette.ColorRole.Highlight,
    "highlighted_text": QPalette.ColorRole.HighlightedText,
    "placeholder_text": QPalette.ColorRole.PlaceholderText,
    "link": QPalette.ColorRole.Link,
    "tooltip_base": QPalette.ColorRole.ToolTipBase,
    "tooltip_text": QPalette.ColorRole.ToolTipText,
    "mid": QPalette.ColorRole.Mid,
    "dark": QPalette.ColorRole.Dark,
    "light": QPalette.ColorRole.Light,
}


def available_themes() -> tuple[dict[str, Theme], list[str]]:
    """Bundled themes, then the reader's own (`<config>/themes/*.toml`, which may replace
    a bundled one by id), and one message per file that could not be read."""
    themes = dict(_bundled_themes())
    problems: list[str] = []
    folder = paths.config_dir() / "themes"
    if folder.is_dir():
        for path in sorted(folder.glob("*.toml")):
            try:
                themes[path.stem] = parse_theme(
                    path.stem, path.read_text(encoding="utf-8", errors="strict"), str(path))
            except (ThemeError, OSError, UnicodeDecodeError) as exc:
                problems.append(str(exc))
    return themes, problems


def _bundled_themes() -> dict[str, Theme]:
    """The bundled themes, parsed once per version of their files and of their parser.

    Importing tomllib alone costs ~4.5 ms before the first paint; the parsed themes are
    kept (`state_cache.py`) under a key made of every file's name and text and of the
    code that parses them, so an edited file or parser is read again.
    """
    files = [(entry.name, entry.read_text(encoding="utf-8"))
             for entry in sorted(resource("themes").iterdir(), key=lambda e: e.name)
             if entry.name.endswith(".toml")]
    digest = hashlib.sha256(__version__.encode())
    digest.update(Path(str(theme_module.__file__)).read_bytes())
    for name, text in files:
        digest.update(f"{name}\0{text}\0".encode())

    def parse() -> dict[str, Theme]:
        return {name.removesuffix(".toml"): parse_theme(name.removesuffix(".toml"), text, name)
                for name, text in files}

    return remembered(f"themes-{digest.hexdigest()[:32]}", parse, _are_themes, keep=4)


def _are_themes(value: object) -> TypeGuard[dict[str, Theme]]:
    return isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, Theme) for k, v in value.items())


def palette_of(theme: Theme) -> QPalette:
    palette = QPalette()
    for name, role in _ROLES.items():
        colour = QColor(theme.palette[name])
        palette.setColor(QPalette.ColorGroup.All, role, colour)
    disabled = QColor(theme.palette["placeholder_text"])
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() is Qt.ColorScheme.Dark


class ThemeManager(QObject):
    """Holds the current theme and re-applies it when the reader or the system changes it."""

    def __init__(self, app: QApplication, preference: str = SYSTEM, *,
                 fusion: bool = False) -> None:
        """`fusion`: the app was made with `app.FUSION_ARGUMENTS`, so it draws with Fusion
        already. Setting it here instead returns the style to Python, whose type and
        enums PySide then builds (~6 ms before the first paint)."""
        super().__init__(app)
        self.app = app
        self.themes, self.problems = available_themes()
        self.preference = preference
        self.current = choose(preference, system_is_dark(), self.themes)
        if not fusion:
            app.setStyle("Fusion")
        self._apply()
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_changed)

    def set_preference(self, preference: str) -> None:
        self.preference = preference
        self.current = choose(preference, system_is_dark(), self.themes)
        self._apply()

    def _system_changed(self) -> None:
        if self.preference == SYSTEM:
            self.set_preference(SYSTEM)

    def _apply(self) -> None:
        self.app.setPalette(palette_of(self.current))


# Each app's ThemeManager. Not `app.findChild(ThemeManager)`: that wraps every child of
# the app, its QStyle too, whose Python enums cost ~8 ms before the first paint.
_managers: weakref.WeakKeyDictionary[QApplication, ThemeManager] = weakref.WeakKeyDictionary()


def theme_manager(app: QApplication, preference: str, *, fusion: bool = False) -> ThemeManager:
    """The app's one ThemeManager, made on first use (app.py makes it before the window)."""
    existing = _managers.get(app)
    if existing is None or existing.parent() is not app:  # none yet, or let go of
        existing = _managers[app] = ThemeManager(app, preference, fusion=fusion)
    return existing
