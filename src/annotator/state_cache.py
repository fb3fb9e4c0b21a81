"""Results worth keeping between launches, pickled under `state_dir()/cache`.

Each entry is named by a key that covers everything its value depends on (the caller
hashes inputs and code into it), so an entry is either right or never found. A missing,
unreadable or foreign entry, or no usable state folder, only means computing the value
again; writing is atomic (a temporary file, then a rename), so two processes starting
at once never read half an entry.
"""

from __future__ import annotations

import contextlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeGuard, TypeVar

from annotator import paths
from annotator.errors import FolderError

_T = TypeVar("_T")


def remembered(name: str, make: Callable[[], _T], accept: Callable[[object], TypeGuard[_T]],
               keep: int | None = None) -> _T:
    """The value stored as `name` if `accept` recognises it, else `make()`, stored.

    `keep`: how many entries sharing `name`'s prefix (up to its first "-") to keep, the
    most recently used; by default all.
    """
    try:
        folder = paths.state_dir() / "cache"
    except FolderError:
        return make()
    entry = folder / f"{name}.pickle"
    try:
        found: object = pickle.loads(entry.read_bytes())
    except Exception:  # missing, unreadable, written by another version: make it again
        found = None
    if accept(found):
        if keep is not None:
            with contextlib.suppress(OSError):
                os.utime(entry)  # recently used: kept
        return found
    value = make()
    with contextlib.suppress(OSError):
        write_atomically(entry, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
        if keep is not None:
            prefix = name.split("-", 1)[0]
            entries = sorted(folder.glob(f"{prefix}-*.pickle"),
                             key=lambda p: p.stat().st_mtime_ns)
            for old in entries[:-keep]:
                old.unlink(missing_ok=True)
    return value


def write_atomically(path: Path, *parts: bytes | memoryview) -> None:
    """Write `parts` to `path` through a temporary file renamed over it, so a process
    reading it at the same moment finds the old file or the new, never half of one.
    Raises OSError; a cache's caller ignores it (the entry is made again next time)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    with partial.open("wb") as out:
        for part in parts:
            out.write(part)
    partial.replace(path)
