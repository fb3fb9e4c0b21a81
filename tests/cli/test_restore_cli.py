"""Issue 13 item 3: `annotator restore` lists verified backups and puts one back.

Real processes throughout: the commands run as a user's shell runs them, and the
refusal is tested against a second process that really holds the library open.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.cli.cli_process import (
    assert_one_line_error,
    import_sample,
    run_annotator,
    run_json,
)

HOLDER = """
import sys
from pathlib import Path
from annotator.store import Store
store = Store.open(Path(sys.argv[1]))
print("ready", flush=True)
sys.stdin.readline()
store.close()
"""


def _damage(database: Path) -> None:
    conn = sqlite3.connect(database)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    database.write_bytes(database.read_bytes()[:8192])


def _listing(home: Path) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = run_json(home, "restore", "--list", "--json")
    return rows


def test_restore_brings_back_the_latest_work_and_keeps_the_damaged_file(
    tmp_path: Path, sample_path: Path
) -> None:
    home = tmp_path / "home"
    doc = import_sample(home, sample_path)
    assert run_annotator(home, "highlight", doc, "--quote", "climate").returncode == 0
    database = home / "data" / "annotator.db"
    _damage(database)
    assert run_annotator(home, "documents").returncode == 2  # moved aside as damaged

    rows = _listing(home)
    assert rows[0]["good"] and rows[0]["documents"] == 1 and rows[0]["annotations"] == 2
    assert [r["path"] for r in rows] == sorted((r["path"] for r in rows), reverse=True)
    human = run_annotator(home, "restore", "--list")
    assert human.stdout.splitlines()[0].endswith(
        f"(1 document, 2 annotations, taken {rows[0]['taken']})"
    ), human.stdout

    done = run_annotator(home, "restore")
    assert done.returncode == 0, done.stderr
    assert f"Restored {rows[0]['path']}" in done.stdout
    listing = json.loads(run_annotator(home, "documents", "--json").stdout)
    assert [d["annotations"] for d in listing] == [2]
    damaged = list(database.parent.glob("annotator.db.damaged-*"))
    assert damaged, "the damaged library is kept"


def test_a_chosen_backup_is_restored_and_the_sound_library_kept_aside(
    tmp_path: Path, sample_path: Path
) -> None:
    home = tmp_path / "home"
    import_sample(home, sample_path)
    oldest = _listing(home)[-1]
    assert oldest["documents"] == 0

    done = run_annotator(home, "restore", Path(str(oldest["path"])).name, "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["restored"]["path"] == oldest["path"]
    kept = Path(result["kept"])
    assert kept.name.startswith("annotator.db.replaced-") and kept.exists()
    assert json.loads(run_annotator(home, "documents", "--json").stdout) == []


def test_restore_is_refused_while_another_process_has_the_library_open(
    tmp_path: Path, sample_path: Path
) -> None:
    home = tmp_path / "home"
    import_sample(home, sample_path)
    database = home / "data" / "annotator.db"
    with subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(database)], stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, text=True, env={**os.environ, "ANNOTATOR_HOME": str(home)},
    ) as holder:
        assert holder.stdin is not None and holder.stdout is not None
        try:
            assert holder.stdout.readline().strip() == "ready"
            before = database.stat().st_ino
            done = run_annotator(home, "restore")
            assert_one_line_error(done)
            assert "open in another Annotator" in done.stderr
            assert database.stat().st_ino == before, "the library is untouched"
        finally:
            holder.stdin.write("\n")
            holder.stdin.flush()
            assert holder.wait(timeout=60) == 0
    assert run_annotator(home, "restore").returncode == 0  # once it closed, it restores


def test_nothing_to_restore_and_unknown_backups_are_one_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert_one_line_error(run_annotator(home, "restore"))
    assert_one_line_error(run_annotator(home, "restore", "no-such-backup.db"))
    not_a_backup = tmp_path / "notes.db"
    not_a_backup.write_bytes(b"hello")
    done = run_annotator(home, "restore", not_a_backup)
    assert_one_line_error(done)
    assert "not an SQLite database" in done.stderr
    assert run_annotator(home, "restore", "--list").stdout.startswith("No backups")
