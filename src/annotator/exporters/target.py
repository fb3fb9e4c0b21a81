"""Where an export may write, decided before anything is rendered.

An export names a file chosen by the reader, and a slip (`-o ~/.local/share/Annotator/
annotator.db`, a symlink, a hard link) must never replace the library, its backups, the
settings or the window state: the caller names the folders and files it protects, and
a target inside one of those folders, or the same file as one of those files, is refused.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from annotator.errors import ExportError


def _real(path: Path) -> Path:
    """`path` made absolute with every symlink along it followed (missing parts kept)."""
    return Path(os.path.realpath(path))


def _is_inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _same_file(a: os.stat_result, path: Path) -> bool:
    try:
        b = path.stat()
    except (OSError, ValueError):
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def check_target(
    path: Path, *, folders: Iterable[tuple[str, Path]] = (), files: Iterable[Path] = ()
) -> None:
    """Raise ExportError when `path` lies in one of `folders` or is one of `files`.

    `folders` pairs a folder with what to call it ("Annotator's data folder"). Symlinks
    are followed, and an existing target is compared by inode too, so a link to the
    library is refused like the library itself.
    """
    real = _real(path)
    for what, folder in folders:
        if _is_inside(real, _real(folder)):
            raise ExportError(
                f"{path}: that is inside {what} ({folder}); export somewhere else"
            )
    try:
        existing = real.stat()
    except (OSError, ValueError):
        return
    for protected in files:
        if _same_file(existing, protected):
            raise ExportError(
                f"{path}: that is Annotator's library ({protected}); export somewhere else"
            )
