"""What every exporter shares: options, progress and cancel, and the atomic write.

An export either replaces the target completely or leaves it as it was: the file is
written to a temporary file in the target's folder (same file system, so the rename is
atomic), flushed to disk, then renamed over the target. A failure or a cancel removes
the temporary file and re-raises, so no half-written file and no stray temp file remain.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO, Protocol

from annotator.core.summary import Summary, SummaryOptions
from annotator.errors import ExportError
from annotator.exporters.wording import ENGLISH, Wording

ProgressCallback = Callable[[int, int], None]
"""Called with (done, total) work units; the GUI maps it onto a progress bar."""

CancelCheck = Callable[[], bool]
"""Returns True once the user asked to stop (e.g. `threading.Event().is_set`)."""


class ExportCancelled(ExportError):
    """The user stopped an export; the target file was left untouched."""


class PageSize(StrEnum):
    A4 = "a4"
    LETTER = "letter"


class NoteLayout(StrEnum):
    """Where a PDF or a printout puts the reader's notes (`exporters/pdf.py`)."""

    END = "end"  # numbered at the end, "All notes"; the text carries the numbers
    MARGIN = "margin"  # cards in the outer margin beside the full text
    NONE = "none"  # left out


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """What to include (the summary's options) and how to lay it out."""

    summary: SummaryOptions = field(default_factory=SummaryOptions)
    page_size: PageSize = PageSize.A4
    notes: NoteLayout = NoteLayout.END  # PDF only
    wording: Wording = ENGLISH  # headings and labels in the window's language


class Renderer(Protocol):
    def __call__(
        self, summary: Summary, stream: BinaryIO, ticker: Ticker, options: ExportOptions
    ) -> None: ...


class Ticker:
    """Progress reports and cancel checks, throttled so 10,000 passages stay cheap."""

    def __init__(
        self, progress: ProgressCallback | None = None, cancel: CancelCheck | None = None
    ) -> None:
        self._progress = progress
        self._cancel = cancel
        self.total = 0
        self.done = 0
        self._reported = -1
        self._every = 1

    def start(self, total: int) -> None:
        """Declare the work units; reports about one percent at a time."""
        self.total = max(total, 1)
        self.done = 0
        self._every = max(1, self.total // 100)
        self._report()

    def step(self, units: int = 1) -> str:
        """Count `units` done. Returns "" so a template can call it as `{{ tick() }}`."""
        self.done += units
        if self.done - self._reported >= self._every:
            self._report()
        return ""

    def check(self) -> None:
        if self._cancel is not None and self._cancel():
            raise ExportCancelled("The export was cancelled; no file was written.")

    def finish(self) -> None:
        self.done = self.total
        self._report()

    def _report(self) -> None:
        self.check()
        self._reported = self.done
        if self._progress is not None:
            self._progress(min(self.done, self.total), self.total)


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); Windows cannot open folders, and needn't."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# Temp names stay this many bytes under NAME_MAX (255 on every common file system) even
# when the target's own name is 255 bytes long: the name is cut, the pid and random parts
# are not.
_TEMP_NAME_BYTES = 200
_TEMP_SUFFIX = ".part"


def _temp_prefix(name: str) -> str:
    """`.NAME.` with NAME cut (by characters) to fit `_TEMP_NAME_BYTES` once encoded."""
    while len(os.fsencode(name)) > _TEMP_NAME_BYTES:
        name = name[:-1]
    return f".{name}."


def _is_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def _remove_stale_parts(directory: Path, prefix: str) -> None:
    """Remove temp files an earlier export to the same name left when it was killed.

    A temp name carries its writer's pid (`.NAME.PID-RANDOM.part`); one whose process is
    gone is debris. A live writer's file (a concurrent export) is left alone.
    """
    if os.name != "posix":
        return
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(_TEMP_SUFFIX)):
            continue
        pid, dash, _random = name[len(prefix) : -len(_TEMP_SUFFIX)].partition("-")
        if dash and pid.isdigit() and not _is_alive(int(pid)):
            with suppress(OSError):
                Path(entry.path).unlink()


def _write_directly(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Write into an existing character device (`/dev/null`, a terminal), never replace it."""
    try:
        fd = os.open(path, os.O_WRONLY)
        with os.fdopen(fd, "wb") as stream:
            write(stream)
    except OSError as exc:
        raise ExportError(f"{path}: cannot be written ({exc.strerror or exc})") from None


def write_atomically(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Run `write` on a temp file beside `path`, then rename it over `path`.

    On any failure (including `ExportCancelled`) `path` keeps its old content and the
    temp file is removed. OS errors become an `ExportError` that names the file.

    Only a new path or a regular file is replaced this way; a symlink's target is what
    gets replaced (the link stays). A character device such as `/dev/null` is written
    into directly, since renaming over it would turn the device into a plain file;
    folders, FIFOs, sockets and block devices are refused.
    """
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = stat.S_IFREG | 0o644
    except (OSError, ValueError) as exc:
        raise ExportError(f"{path}: cannot write there ({_reason(exc)})") from None
    if stat.S_ISCHR(mode):
        _write_directly(path, write)
        return
    if not stat.S_ISREG(mode):
        what = "a folder" if stat.S_ISDIR(mode) else "not a regular file"
        raise ExportError(f"{path}: that is {what}; give a file name to export to")
    directory = path.parent
    prefix = _temp_prefix(path.name)
    _remove_stale_parts(directory, prefix)
    try:
        fd, temp_name = tempfile.mkstemp(
            prefix=f"{prefix}{os.getpid()}-", suffix=_TEMP_SUFFIX, dir=directory
        )
    except (OSError, ValueError) as exc:
        raise ExportError(f"{path}: cannot write there ({_reason(exc)})") from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        temp.chmod(stat.S_IMODE(mode))
        temp.replace(path)
    except BaseException as exc:
        with suppress(OSError):
            temp.unlink()
        if isinstance(exc, OSError):
            raise ExportError(f"{path}: cannot be written ({_reason(exc)})") from None
        raise
    with suppress(OSError):
        _fsync_directory(directory)


def _reason(exc: Exception) -> str:
    return (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
