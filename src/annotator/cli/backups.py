"""`annotator restore`: list the library's backups and put a good one back.

Works when the library itself is damaged or gone: it never opens the library, only
reads the backups and replaces the file (`services/recovery.py`).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.cli.common import (
    EXIT_OK,
    Command,
    UsageError,
    library_database,
    path_text,
    print_json,
)

if TYPE_CHECKING:
    from annotator.services.recovery import BackupStatus


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> dict[str, Command]:
    restore = subparsers.add_parser(
        "restore", help="put the newest good backup (or BACKUP) back as the library"
    )
    restore.add_argument(
        "backup", nargs="?", type=Path, metavar="BACKUP",
        help="a backup file, or its name in the backups folder (see --list)",
    )
    restore.add_argument(
        "--list", action="store_true", help="list the backups, newest first; restore nothing"
    )
    restore.add_argument("--json", action="store_true", help="print JSON")
    return {"restore": run_restore}


def run_restore(args: argparse.Namespace) -> int:
    from annotator.services import recovery

    library_database().refuse_file_only("`annotator restore`")
    listed = recovery.backups()
    if args.list:
        if args.json:
            print_json([_json(b) for b in listed])
            return EXIT_OK
        if not listed:
            print("No backups of the library yet.")
        for backup in listed:
            print(_line(backup))
        return EXIT_OK
    if args.backup is not None:
        chosen = recovery.find_backup(args.backup)
        restored = next((b for b in listed if b.path == chosen), None) or recovery.status(chosen)
    else:
        good = [b for b in listed if b.good]
        if not good:
            raise UsageError("there is no good backup of the library to restore")
        restored = good[0]
    kept = recovery.restore(restored.path)
    if args.json:
        print_json({"restored": _json(restored), "kept": path_text(kept) if kept else None})
    else:
        print(f"Restored {_line(restored)}")
        if kept is not None:
            print(f"The library it replaced was kept as {path_text(kept)}")
    return EXIT_OK


def _json(backup: BackupStatus) -> dict[str, object]:
    if not backup.good:
        return {"path": path_text(backup.path), "good": False, "problem": backup.problem}
    assert backup.taken is not None
    return {
        "path": path_text(backup.path), "good": True, "documents": backup.documents,
        "annotations": backup.annotations, "taken": backup.taken.isoformat(timespec="seconds"),
    }


def _line(backup: BackupStatus) -> str:
    shown = _json(backup)
    if not backup.good:
        return f"{shown['path']}  (unusable: {backup.problem})"
    return (
        f"{shown['path']}  ({_count(backup.documents, 'document')}, "
        f"{_count(backup.annotations, 'annotation')}, taken {shown['taken']})"
    )


def _count(n: int | None, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")
