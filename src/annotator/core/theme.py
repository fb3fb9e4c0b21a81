"""Themes as data: the colours of the page and the interface, read from TOML files.

A theme is a file in `src/annotator/resources/themes/` (or the reader's config folder),
never code: a name (with optional translations such as `name_zh_CN`), whether it is dark, and a
`[palette]` of named #rrggbb colours. The GUI maps these names onto Qt's palette roles
(`gui/theme.py`); this module only parses and checks them, so a broken file is reported
with its name and the problem before anything is drawn.

The contrast helpers follow WCAG 2.x (relative luminance, contrast ratio), and the
colour-vision simulation follows Machado, Oliveira and Fernandes (2009) at full
severity, which is what the tests use to keep highlights legible and distinguishable.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from annotator.errors import AnnotatorError

# Every theme names these colours; they are the roles the window and the page draw with.
ROLES: tuple[str, ...] = (
    "window", "window_text", "base", "alternate_base", "text", "button", "button_text",
    "highlight", "highlighted_text", "placeholder_text", "link", "tooltip_base",
    "tooltip_text", "mid", "dark", "light",
)
_HEX = re.compile(r"#[0-9a-fA-F]{6}")
_NAME_KEY = re.compile(r"name(?:_([a-z]{2}(?:_[A-Z]{2})?))?")
MAX_THEME_BYTES = 64 * 1024


class ThemeError(AnnotatorError):
    """A theme file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class Theme:
    id: str
    name: str
    dark: bool
    palette: dict[str, str]
    names: dict[str, str] = field(default_factory=dict)  # language code -> name

    def display_name(self, language: str) -> str:
        return self.names.get(language, self.name)


def parse_theme(theme_id: str, text: str, source: str) -> Theme:
    """A Theme from TOML `text`; `source` (a file name) labels every error."""
    import tomllib

    if len(text.encode("utf-8")) > MAX_THEME_BYTES:
        raise ThemeError(f"{source}: a theme file is at most {MAX_THEME_BYTES // 1024} KB")
    try:
        data = tomllib.loads(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as exc:
        raise ThemeError(f"{source}: {exc}") from None
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ThemeError(f"{source}: 'name' must be the theme's name, as text")
    dark = data.get("dark", False)
    if not isinstance(dark, bool):
        raise ThemeError(f"{source}: 'dark' must be true or false")
    palette = data.get("palette")
    if not isinstance(palette, dict):
        raise ThemeError(f"{source}: a [palette] table of colours is missing")
    colours: dict[str, str] = {}
    for role in ROLES:
        value = palette.get(role)
        if not isinstance(value, str) or not _HEX.fullmatch(value):
            raise ThemeError(f"{source}: palette colour '{role}' must be #rrggbb, "
                             f"not {value!r}")
        colours[role] = value.lower()
    unknown = sorted(set(palette) - set(ROLES))
    if unknown:
        raise ThemeError(f"{source}: unknown palette colour '{unknown[0]}' "
                         f"(known: {', '.join(ROLES)})")
    names = {}
    for key, value in data.items():
        match = _NAME_KEY.fullmatch(key)
        if match and match.group(1) and isinstance(value, str):
            names[match.group(1)] = value
    return Theme(theme_id, name.strip(), dark, colours, names)


def rgb(hex_colour: str) -> tuple[float, float, float]:
    """#rrggbb as three channels in 0..1."""
    value = int(hex_colour.lstrip("#"), 16)
    return ((value >> 16) / 255, ((value >> 8) & 0xFF) / 255, (value & 0xFF) / 255)


def to_hex(channels: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(min(1.0, max(0.0, c)) * 255):02x}" for c in channels)


def mix(a: str, b: str, amount: float) -> str:
    """`amount` of `b` over `a` (0 gives `a`), as a painter blends a translucent fill."""
    (ar, ag, ab), (br, bg, bb) = rgb(a), rgb(b)
    return to_hex((ar + (br - ar) * amount, ag + (bg - ag) * amount, ab + (bb - ab) * amount))


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    r, g, b = (_linear(c) for c in rgb(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio, 1 (none) to 21 (black on white)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# Machado et al. (2009), severity 1.0, applied to linear RGB.
_CVD = {
    "protanopia": ((0.152286, 1.052583, -0.204868),
                   (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968),
                     (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
}


def simulate(hex_colour: str, deficiency: str) -> str:
    """How `hex_colour` looks to a reader with `deficiency` (protanopia, deuteranopia)."""
    linear = [_linear(c) for c in rgb(hex_colour)]
    mixed = [sum(m * c for m, c in zip(row, linear, strict=True)) for row in _CVD[deficiency]]

    def encode(c: float) -> float:
        c = min(1.0, max(0.0, c))
        return c * 12.92 if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055

    return to_hex((encode(mixed[0]), encode(mixed[1]), encode(mixed[2])))


def _lab(hex_colour: str) -> tuple[float, float, float]:
    r, g, b = (_linear(c) for c in rgb(hex_colour))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def difference(a: str, b: str) -> float:
    """CIE76 colour difference (ΔE*ab): about 2.3 is just noticeable, 10+ is clearly apart."""
    return math.dist(_lab(a), _lab(b))


SYSTEM = "system"


def choose(preference: str, system_is_dark: bool, themes: dict[str, Theme]) -> Theme:
    """The theme to use: the reader's choice when it exists, else light or dark as the
    system is (the first dark theme when there is no "dark")."""
    if preference in themes:
        return themes[preference]
    if system_is_dark:
        dark = themes.get("dark") or next((t for t in themes.values() if t.dark), None)
        if dark is not None:
            return dark
    return themes.get("light") or next(iter(themes.values()))
