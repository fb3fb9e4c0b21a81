"""Icons: the desktop theme's when it has them, else the bundled SVGs tinted to the palette.

Bundled toolbar SVGs draw with `currentColor`, replaced here by the palette's text colour
so they stay visible on light and dark themes. They are read as bytes through
importlib.resources, which works from a wheel as well as a checkout.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QSize
from PySide6.QtGui import QColor, QIcon, QImageReader, QPixmap

from annotator import bundled

_SIZES = (16, 24, 32, 48, 64)


def _svg_icon(data: bytes) -> QIcon:
    """Render the SVG at each size, so small icons stay crisp instead of scaled down.

    The image-format plugin does the rendering; importing PySide6.QtSvg instead would
    add ~40 ms before the first paint.
    """
    icon = QIcon()
    for size in _SIZES:
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        reader = QImageReader(buffer, QByteArray(b"svg"))
        reader.setScaledSize(QSize(size, size))
        image = reader.read()
        if not image.isNull():
            icon.addPixmap(QPixmap.fromImage(image))
    return icon


def bundled_icon(name: str, color: QColor | None = None) -> QIcon:
    """`resources/icons/<name>.svg`, with `currentColor` painted in `color`."""
    data = bundled.resource(f"icons/{name}.svg").read_bytes()
    if color is not None:
        data = data.replace(b"currentColor", color.name().encode())
    return _svg_icon(data)


def themed_icon(theme_name: str, fallback: str, color: QColor) -> QIcon:
    icon = QIcon.fromTheme(theme_name)
    return icon if not icon.isNull() else bundled_icon(fallback, color)


def app_icon() -> QIcon:
    return bundled_icon("annotator")
