"""A lock on the data folder that serialises creating, checking and migrating the library.

Two processes starting on a fresh folder at once (the window and a CLI command) would
otherwise race: one sees the file the other has just created, before SQLite has written
its header, and takes it for a corrupt library (issue 13, item 4). The lock is an
advisory `flock` on the folder itself, so no lock file appears beside the library and a
read-only folder can be locked too; the kernel drops it when the holder dies, so a
`kill -9` never leaves a stale lock. Windows has no `flock`: there a lock file in the
folder is locked with `msvcrt`.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from annotator.errors import StoreError

WAIT_SECONDS = 120.0
_POLL_SECONDS = 0.02


@contextlib.contextmanager
def folder_lock(folder: Path, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the setup lock on `folder` for the block; wait up to `wait` seconds for it.

    Not re-entrant: a second `folder_lock` on the same folder in the same process waits
    for the first, so callers take it once, at the outermost level.
    """
    if sys.platform == "win32":
        with _windows_lock(folder, wait):
            yield
        return
    import fcntl

    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError as exc:
        raise StoreError(f"Cannot open the data folder {folder}: {exc.strerror or exc}") from exc
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise _busy(folder, wait) from None
                time.sleep(_POLL_SECONDS)
            except OSError:
                # A file system without locks (some network mounts): go on unlocked.
                break
        yield
    finally:
        os.close(fd)


if sys.platform == "win32":  # pragma: no cover

    @contextlib.contextmanager
    def _windows_lock(folder: Path, wait: float) -> Iterator[None]:
        import msvcrt

        try:
            handle = (folder / ".annotator.lock").open("a+b")
        except OSError:
            # A read-only folder: nothing can be created or migrated in it anyway.
            yield
            return
        try:
            deadline = time.monotonic() + wait
            while True:
                try:
                    msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise _busy(folder, wait) from None
                    time.sleep(_POLL_SECONDS)
            try:
                yield
            finally:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        finally:
            handle.close()


def _busy(folder: Path, wait: float) -> StoreError:
    return StoreError(
        f"Another Annotator has been setting up the library in {folder} for over "
        f"{wait:.0f} seconds; try again when it has finished."
    )


def hold_open(database: Path) -> int | None:
    """A shared `flock` on the library file, held while a process has the library open.

    Any number of processes share it (the window and CLI commands read and write at
    once through SQLite's own locks); only `restore` asks for it exclusively, so a
    backup is never put back under a process that would go on writing into the file it
    replaced. `flock` locks are apart from SQLite's `fcntl` record locks on the same
    file, so the two never interfere. None where there is nothing to hold (Windows, a
    file system without locks); `release` takes the returned descriptor.
    """
    return _flocked(database, exclusive=False)


def release(fd: int | None) -> None:
    if fd is not None:
        os.close(fd)


def in_use(database: Path) -> bool:
    """True while another process (or another open store here) has `database` open."""
    try:
        release(_flocked(database, exclusive=True))  # closing drops the probe's lock
    except BlockingIOError:
        return True
    return False


def _flocked(database: Path, *, exclusive: bool) -> int | None:
    """A descriptor of `database` holding a `flock`, None when nothing can be locked;
    an exclusive lock that another holder blocks raises `BlockingIOError`."""
    if sys.platform == "win32":
        return None
    import fcntl

    try:
        fd = os.open(database, os.O_RDONLY)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB if exclusive else fcntl.LOCK_SH)
    except BlockingIOError:
        os.close(fd)
        raise
    except OSError:
        os.close(fd)
        return None
    return fd
