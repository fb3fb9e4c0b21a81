"""One Annotator per data folder: a QLockFile in the state folder.

Two windows writing the same library would race on every note, so a second start is
told clearly that Annotator is already open and leaves without opening the database
(reliability plan T11). The lock records the owner's PID; when that process no longer
exists (a crash, kill -9) the next start takes the lock over. Age alone never makes a
lock stale (`setStaleLockTime(0)`): a window may stay open for weeks.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QLockFile
from PySide6.QtWidgets import QMessageBox, QWidget

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


def already_open_box(parent: QWidget | None = None) -> QMessageBox:
    tr = QCoreApplication.translate
    box = QMessageBox(QMessageBox.Icon.Information, tr("InstanceLock", "Annotator"),
                      tr("InstanceLock", "Annotator is already open."),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("already-open-dialog")
    box.setInformativeText(tr(
        "InstanceLock",
        "Switch to the open window to keep reading. Only one Annotator can use your "
        "library at a time, so your notes are never written twice."))
    return box


def tell_already_open() -> None:
    """Say so on stderr (for launchers and logs) and in a dialog, then return."""
    print("Annotator is already open; this second start exits without touching "
          "the library.", file=sys.stderr)
    already_open_box().exec()
