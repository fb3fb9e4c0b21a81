"""Icons: the desktop theme's when it has them, else the bundled SVGs tinted to the palette.

Bundled toolbar SVGs draw with `currentColor`, replaced here by the palette's text colour
so they stay visible on light and dark themes. They are read as bytes from the bundled
resources folder (`bundled.py`).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QIcon, QIconEngine, QImage, QPainter, QPixmap

from annotator import bundled

DISABLED_OPACITY = 0.38


class _SvgEngine(QIconEngine):
    """Renders the SVG at the size asked for, when it is first asked for.

    Each size is rendered from the vector source, so small icons stay crisp instead of
    scaled down; rendering lazily keeps ~20 toolbar and window icons off the first
    paint (eagerly at five sizes they cost ~20 ms). The image-format plugin does the
    rendering; importing PySide6.QtSvg instead would add ~40 ms before the first paint.
    """

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self.data = data
        self._pixmaps: dict[tuple[int, int, int, int], QPixmap] = {}

    def _render(self, size: QSize) -> QPixmap:
        """The SVG drawn at `size` by the image-format plugin, from bytes Qt wraps itself.

        Not through a QBuffer made here: Qt asks such a device for Python overrides
        (which needs the GIL) while it holds the image plugins' lock, and a PDF being
        typeset on a worker thread holds the GIL while it waits for that lock to draw an
        image: the window and the printout then waited for each other for ever.
        """
        side = max(1, min(size.width(), size.height()))
        image = QImage.fromData(_sized(self.data, side))  # the SVG plugin knows it
        return QPixmap.fromImage(image) if not image.isNull() else QPixmap()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        key = (size.width(), size.height(), mode.value, state.value)
        cached = self._pixmaps.get(key)
        if cached is not None:
            return cached
        pixmap = self._render(size)
        if mode is QIcon.Mode.Disabled and not pixmap.isNull():
            # Faded like the styles' generated disabled icons (asking the style for one
            # would build QStyle's Python enums before the first paint).
            faded = QPixmap(pixmap.size())
            faded.fill(QColor(0, 0, 0, 0))
            painter = QPainter(faded)
            painter.setOpacity(DISABLED_OPACITY)
            painter.drawPixmap(0, 0, pixmap)
            painter.end()
            pixmap = faded
        self._pixmaps[key] = pixmap
        return pixmap

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        pixmap = self.pixmap(QSize(round(size.width() * scale),
                                   round(size.height() * scale)), mode, state)
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode,
              state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        pixmap = self.pixmap(QSize(round(rect.width() * ratio),
                                   round(rect.height() * ratio)), mode, state)
        painter.drawPixmap(rect, pixmap)

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        side = min(size.width(), size.height())
        return QSize(side, side)

    def isNull(self) -> bool:
        return not self.data

    def clone(self) -> QIconEngine:
        twin = _SvgEngine(self.data)
        twin._pixmaps = dict(self._pixmaps)
        return twin

    def key(self) -> str:
        return "annotator-svg"


# The root element's own size, replaced by the size an icon is drawn at (`_sized`).
_ROOT_SIZE = re.compile(rb"\s(?:width|height)=\"[^\"]*\"")


def _sized(svg: bytes, side: int) -> bytes:
    """`svg` with its root's width and height set to `side`: the plugin draws the viewBox
    at that size, crisp at every scale, instead of scaling a bitmap of the default size."""
    start = svg.index(b"<svg")
    end = svg.index(b">", start)
    root = _ROOT_SIZE.sub(b"", svg[start:end])
    return svg[:start] + root + b' width="%d" height="%d"' % (side, side) + svg[end:]


def _svg_icon(data: bytes) -> QIcon:
    return QIcon(_SvgEngine(data))


def bundled_icon(name: str, color: QColor | None = None) -> QIcon:
    """`src/annotator/resources/icons/<name>.svg`, with `currentColor` painted in `color`."""
    data = bundled.resource(f"icons/{name}.svg").read_bytes()
    if color is not None:
        data = data.replace(b"currentColor", color.name().encode())
    return _svg_icon(data)


def themed_icon(theme_name: str, fallback: str, color: QColor) -> QIcon:
    icon = QIcon.fromTheme(theme_name)
    return icon if not icon.isNull() else bundled_icon(fallback, color)


def app_icon() -> QIcon:
    return bundled_icon("annotator")
