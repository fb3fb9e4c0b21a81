"""Issue 13 item 3 with real processes: kill -9 during backup rotation, and a library
damaged after CLI work restores to that work."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.store import describe_backup, list_backups, newest_good_backup, restore_backup

from .conftest import integrity

LOOP = Path(__file__).with_name("backup_loop.py")


@pytest.mark.slow
def test_kill9_during_backup_rotation_leaves_a_good_backup(
    database: tuple[Path, str],
) -> None:
    path, _ = database
    rng = random.Random(13)
    for _ in range(10):
        child = subprocess.Popen(
            [sys.executable, str(LOOP), str(path)], stdout=subprocess.PIPE, text=True
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.02, 0.3))
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
        child.stdout.close()

        newest = newest_good_backup(path)
        assert newest is not None and newest == list_backups(path)[0]
        assert describe_backup(newest).documents == 1
        assert integrity(path) == "ok"


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ANNOTATOR_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "annotator", *args], capture_output=True, text=True, env=env,
        check=False,
    )


def test_a_damaged_library_restores_the_latest_cli_work(
    tmp_path: Path, sample_path: Path
) -> None:
    home = tmp_path / "home"
    assert _cli(home, "import", str(sample_path)).returncode == 0
    doc_id = json.loads(_cli(home, "documents", "--json").stdout)[0]["id"]
    for quote in ("climate change", "peace"):
        done = _cli(home, "highlight", doc_id, "--quote", quote)
        assert done.returncode == 0, done.stderr
    database = home / "data" / "annotator.db"
    conn = sqlite3.connect(database)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    database.write_bytes(database.read_bytes()[:8192])

    done = _cli(home, "documents")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "1 document, 2 annotations" in done.stderr, done.stderr
    moved = [p for p in database.parent.glob("annotator.db.corrupt-*") if p.name[-1] == "Z"]
    assert len(moved) == 1, "the damaged file is kept"

    backup = newest_good_backup(database)
    assert backup is not None
    restore_backup(backup, database)
    listing = json.loads(_cli(home, "documents", "--json").stdout)
    assert listing[0]["annotations"] == 2
