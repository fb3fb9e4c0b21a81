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

ProgressCallback = Callable[[int, int], None]
"""Called with (done, total) work units; the GUI maps it onto a progress bar."""

CancelCheck = Callable[[], bool]
"""Returns True once the user asked to stop (e.g. `threading.Event().is_set`)."""


class ExportCancelled(ExportError):
    """The user stopped an export; the target file was left untouched."""


class PageSize(StrEnum):
    A4 = "a4"
    LETTER = "letter"


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """What to include (the summary's options) and how to lay it out."""

    summary: SummaryOptions = field(default_factory=SummaryOptions)
    page_size: PageSize = PageSize.A4


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


def write_atomically(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Run `write` on a temp file beside `path`, then rename it over `path`.

    On any failure (including `ExportCancelled`) `path` keeps its old content and the
    temp file is removed. OS errors become an `ExportError` that names the file.
    """
    directory = path.parent
    try:
        mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o644
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=directory)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write there ({exc.strerror or exc})") from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        temp.chmod(mode)
        temp.replace(path)
    except BaseException as exc:
        with suppress(OSError):
            temp.unlink()
        if isinstance(exc, OSError):
            raise ExportError(f"{path}: cannot be written ({exc.strerror or exc})") from None
        raise
    with suppress(OSError):
        _fsync_directory(directory)
