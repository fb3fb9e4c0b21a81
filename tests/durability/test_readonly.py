"""T07 / issue 13 item 9: a read-only library opens for reading, search and export.

Writes get one clear line; the library is never taken for corruption, nothing is
written into its folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def _unshare_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    done = subprocess.run(["unshare", "-m", "true"], capture_output=True, check=False)
    return done.returncode == 0


pytestmark = pytest.mark.skipif(
    not _unshare_works(), reason="needs `unshare -m` (root) for a read-only bind mount"
)


def _cli(home: Path, *args: str, read_only: Path | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "annotator", *args]
    if read_only is not None:
        # chmod does not stop root: remount the data folder read-only in a private namespace
        mount = (
            f'mount --bind "{read_only}" "{read_only}" && '
            f'mount -o remount,ro,bind "{read_only}" "{read_only}" && exec "$@"'
        )
        command = ["unshare", "-m", "sh", "-c", mount, "sh", *command]
    env = {**os.environ, "ANNOTATOR_HOME": str(home)}
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False)


def test_read_only_data_folder(tmp_path: Path, sample_path: Path) -> None:
    home = tmp_path / "home"
    assert _cli(home, "import", str(sample_path)).returncode == 0
    doc_id = json.loads(_cli(home, "documents", "--json").stdout)[0]["id"]
    assert _cli(home, "highlight", doc_id, "--quote", "climate change").returncode == 0
    data = home / "data"
    database = data / "annotator.db"
    before = hashlib.sha256(database.read_bytes()).hexdigest()

    listing = _cli(home, "documents", "--json", read_only=data)
    assert listing.returncode == 0, listing.stderr
    assert json.loads(listing.stdout)[0]["annotations"] == 1
    found = _cli(home, "search", "climate", read_only=data)
    assert found.returncode == 0 and found.stdout.strip(), found.stderr
    exported = tmp_path / "summary.md"
    done = _cli(home, "export", doc_id, "-o", str(exported), read_only=data)
    assert done.returncode == 0, done.stderr
    assert "climate change" in exported.read_text(encoding="utf-8")

    done = _cli(home, "highlight", doc_id, "--quote", "peace", read_only=data)
    assert done.returncode == 2, done.stderr
    assert "read-only" in done.stderr and "Earlier data is intact" in done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr

    assert sorted(p.name for p in data.iterdir()) == ["annotator.db", "backups"]
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before
    listing = _cli(home, "documents", "--json")
    assert listing.returncode == 0
    assert json.loads(listing.stdout)[0]["annotations"] == 1


def test_read_only_home_without_a_library(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    done = _cli(home, "documents", read_only=home)
    assert done.returncode == 2, done.stderr
    assert "read-only" in done.stderr and str(home / "data") in done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert list(home.iterdir()) == []
