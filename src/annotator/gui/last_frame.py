"""The window as the reader left it, painted as the next launch's first frame.

Building the live window takes imports, layout and text shaping that a bare Qt window
never pays for (benchmarks/README.md, "Start-up"). A returning reader's window opens as
they closed it, so closing keeps a picture of it (`MainWindow.closeEvent`, then
`app.remember_last_frame` once the settings are written), and the next launch paints
that picture first. The live window is then built behind it and shown once it has
opened the library and drawn the reader's marks (`MainWindow._rise`, `_reveal`), so the
picture never shows anything the live window would take back.

A picture is kept with a key of everything that decides what the window shows at start
and can be read without the window's modules: the versions, the platform, the pixel
ratio, the desktop's light or dark palette, the language environment, the settings and
state files, the reader's own taxonomy and themes, and the last document's file. A
picture whose key differs, whose size is not the window's, or that cannot be read is not
shown; what only the library knows (annotations another process added) is brought up to
date by the reveal.
"""

from __future__ import annotations

import contextlib
import os
import struct
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtWidgets import QWidget

from annotator import __version__, paths
from annotator.errors import FolderError

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

_MAGIC = b"ANNOTATOR-FRAME-1"
# width, height, bytes per line, QImage format, pixel ratio, key length, title length
_HEADER = struct.Struct("<IIIId II")
# Larger pictures (beyond a 4K screen at 2x) are not kept: reading them would cost more
# than the picture saves.
MAX_BYTES = 64 * 1024 * 1024
_LANGUAGE_ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
_TONE = "annotator-system-tone"  # the app's property `note_system_tone` sets


class Picture(NamedTuple):
    """A kept picture: its pixels (at `ratio` device pixels per logical pixel), and the
    window title it was taken under."""

    image: QImage
    ratio: float
    title: str

    def logical_size(self) -> tuple[int, int]:
        return (round(self.image.width() / self.ratio), round(self.image.height() / self.ratio))


def _picture_path() -> Path | None:
    try:
        return paths.state_dir() / "cache" / "last-frame.bin"
    except FolderError:
        return None


def _stamp(path: Path) -> str:
    """`path`'s contents if it is a settings file (Qt rewrites one whenever a value is
    set, even to what it was), else its modification time and size."""
    try:
        if path.suffix == ".ini":
            return f"{path}:{path.read_text(encoding='utf-8', errors='replace')}"
        found = path.stat()
    except OSError:
        return f"{path}:-"
    return f"{path}:{found.st_mtime_ns}:{found.st_size}"


def note_system_tone(app: QGuiApplication) -> None:
    """Remember the desktop's window colour before a theme replaces the palette: a
    picture taken in light mode must not open a desktop that has turned dark. (Asking
    Qt for the colour scheme itself builds every enum of the `Qt` namespace, ~18 ms.)"""
    app.setProperty(_TONE, app.palette().window().color().rgba())


def frame_key(last_document: Path | None) -> bytes:
    """What a picture showing `last_document` (None: the bundled sample) depends on
    besides the library and the screen (`PictureView` checks the size and pixel ratio)."""
    app = QGuiApplication.instance()
    tone = app.property(_TONE) if app is not None else None
    parts = [__version__, qVersion(), QGuiApplication.platformName(), repr(tone),
             *(os.environ.get(name, "") for name in _LANGUAGE_ENVIRONMENT)]
    try:
        config, state = paths.config_dir(), paths.state_dir()
    except FolderError:
        return b""
    for folder, _dirs, files in sorted(os.walk(config)):
        parts.extend(_stamp(Path(folder) / name) for name in sorted(files))
    parts.append(_stamp(state / "state.ini"))
    if last_document is not None:
        parts.append(_stamp(last_document))
    return "\n".join(parts).encode("utf-8", "surrogateescape")


def keep(picture: Picture, key: bytes) -> None:
    """Write `picture` with `key`, replacing the last (atomically, so a second launch
    never reads half of it); a picture that cannot be written is simply not kept."""
    from annotator.state_cache import write_atomically  # pickle: not before first paint

    path = _picture_path()
    image = picture.image
    size = image.sizeInBytes()
    if path is None or not key or image.isNull() or size > MAX_BYTES:
        return
    title = picture.title.encode("utf-8", "surrogateescape")
    header = _HEADER.pack(image.width(), image.height(), image.bytesPerLine(),
                          image.format().value, picture.ratio, len(key), len(title))
    with contextlib.suppress(OSError):
        write_atomically(path, _MAGIC + header + key + title,
                         memoryview(image.constBits())[:size])


def forget() -> None:
    """Remove the kept picture (the window it showed is gone or no longer like it)."""
    path = _picture_path()
    if path is not None:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


def kept(key: bytes) -> Picture | None:
    """The kept picture if `key` is the key it was kept with."""
    path = _picture_path()
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    start = len(_MAGIC) + _HEADER.size
    if not data.startswith(_MAGIC) or len(data) < start:
        return None
    width, height, per_line, form, ratio, key_length, title_length = _HEADER.unpack_from(
        data, len(_MAGIC))
    pixels = start + key_length + title_length
    if (width * height == 0 or per_line < width or len(data) != pixels + per_line * height
            or data[start:start + key_length] != key):
        return None
    try:  # read in place, then copied once into an image that owns its pixels
        image = QImage(memoryview(data)[pixels:], width, height, per_line,
                       QImage.Format(form))
    except ValueError:  # not a format this Qt knows
        return None
    image.setDevicePixelRatio(ratio)
    title = data[start + key_length:pixels].decode("utf-8", "surrogateescape")
    return Picture(image.copy(), ratio, title)


class PictureView(QWidget):
    """Paints a kept picture over the whole window; calls `painted` after its first
    paint. A window that did not open at the picture's size paints nothing (its
    background) rather than a picture that does not fit."""

    def __init__(self, picture: Picture, painted: Callable[[], None],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self._picture = picture
        self._painted: Callable[[], None] | None = painted

    def paintEvent(self, event: QPaintEvent) -> None:
        window = self.window()
        fits = (self.devicePixelRatioF() == self._picture.ratio
                and (window.width(), window.height()) == self._picture.logical_size())
        if fits:
            painter = QPainter(self)
            painter.drawImage(self.mapFrom(window, window.rect().topLeft()),
                              self._picture.image)
            painter.end()
        if self._painted is not None:
            painted, self._painted = self._painted, None
            painted()
