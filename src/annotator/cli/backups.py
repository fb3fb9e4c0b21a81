"""`annotator restore`: list the library's backups and put a good one back.

Works when the library itself is damaged or gone: it never opens the library through
`Store.open()`, only reads the backups and replaces the file (`store.restore_backup`).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.cli.common import EXIT_OK, Command, UsageError, path_text, print_json


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


def _listing() -> list[dict[str, object]]:
    """Every backup, newest first, with what it holds and whether it verifies."""
    from annotator.store import default_path, list_backups

    return [_row(backup) for backup in list_backups(default_path())]


def _row(backup: Path) -> dict[str, object]:
    from annotator.errors import StoreError
    from annotator.store import describe_backup
    from annotator.store.sqlite import check_health

    row: dict[str, object] = {"path": path_text(backup), "good": False}
    try:
        problem = check_health(backup, full=True)
        if problem is None:
            info = describe_backup(backup)
            row.update(good=True, documents=info.documents, annotations=info.annotations,
                       taken=info.taken.isoformat(timespec="seconds"))
        else:
            row["problem"] = f"the backup {problem}"
    except StoreError as exc:
        row["problem"] = str(exc)
    return row


def _chosen(given: Path) -> Path:
    from annotator.store import default_path
    from annotator.store.backups import backups_dir

    candidate = given if given.exists() else backups_dir(default_path()) / given
    if not candidate.is_file():
        raise UsageError(f"no backup '{path_text(given)}' (see `annotator restore --list`)")
    return candidate


def run_restore(args: argparse.Namespace) -> int:
    from annotator.store import default_path, restore_backup

    rows = _listing()
    if args.list:
        if args.json:
            print_json(rows)
            return EXIT_OK
        if not rows:
            print(f"No backups of {path_text(default_path())} yet.")
        for row in rows:
            print(_line(row))
        return EXIT_OK
    if args.backup is not None:
        backup = _chosen(args.backup)
    else:
        good = [row for row in rows if row["good"]]
        if not good:
            raise UsageError(f"no good backup of {path_text(default_path())} to restore")
        backup = Path(str(good[0]["path"]))
    restored = next((r for r in rows if r["path"] == path_text(backup)), None) or _row(backup)
    kept = restore_backup(backup, default_path())
    result = {"restored": restored, "kept": path_text(kept) if kept else None}
    if args.json:
        print_json(result)
    else:
        print(f"Restored {_line(restored)}")
        if kept is not None:
            print(f"The library it replaced was kept as {path_text(kept)}")
    return EXIT_OK


def _line(row: dict[str, object]) -> str:
    if not row.get("good"):
        return f"{row['path']}  (unusable: {row.get('problem', 'not checked')})"
    return (
        f"{row['path']}  ({_count(row['documents'], 'document')}, "
        f"{_count(row['annotations'], 'annotation')}, taken {row['taken']})"
    )


def _count(n: object, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")
