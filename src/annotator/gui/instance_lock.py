"""One Annotator per data folder: a QLockFile in the state folder.

Two windows writing the same library would race on every note, so a second start hands
its file to the open window (`handoff.py`), or says Annotator is already open, and leaves
without opening the database (reliability plan T11). The lock records the owner's PID;
when that process no longer exists (a crash, kill -9) the next start takes it over.
Age alone never makes a lock stale (`setStaleLockTime(0)`): a window may stay open for weeks.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QLockFile

from annotator import paths

LOCK_NAME = "annotator.lock"


def lock_path() -> str:
    return str(paths.state_dir() / LOCK_NAME)


def acquire() -> QLockFile | None:
    """The held lock, or None when another live Annotator holds it."""
    lock = QLockFile(lock_path())
    lock.setStaleLockTime(0)
    # tryLock takes over a lock whose process no longer runs on this host; it never
    # steals one from a live instance (removeStaleLockFile would, so it is not used).
    return lock if lock.tryLock(0) else None


def tell_already_open() -> None:
    """One line on stderr when the open window did not take the hand-over; no dialog,
    so the terminal that started us is never blocked (issue 7, item 8)."""
    print("Annotator is already open but did not answer; switch to its window. This "
          "second start exits without touching the library.", file=sys.stderr)
