"""Issue 13 item 9: odd folders end in one clear line, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env}
    return subprocess.run(
        [sys.executable, "-m", "annotator", *args], capture_output=True, text=True,
        env=full, check=False, timeout=120,
    )


def _one_clear_line(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    for word in words:
        assert word in done.stderr, done.stderr


@pytest.mark.parametrize(
    ("folder", "args"),
    [("data", ["documents"]), ("state", ["info"]), ("config", ["info"]), ("state", [])],
    ids=["data-documents", "state-info", "config-info", "state-window"],
)
def test_a_folder_that_is_a_file(tmp_path: Path, folder: str, args: list[str]) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / folder).write_text("not a folder")
    done = _run(args, {"ANNOTATOR_HOME": str(home)})
    _one_clear_line(done, str(home / folder), "is a file")
    assert (home / folder).read_text() == "not a folder"


UNKNOWN_USER = """
import contextlib, io, os, shutil, sys, tempfile
import annotator.cli
# The same command once as root, in a folder of its own, so every module it loads (ours
# and Python's, imported lazily) is loaded while their folders are readable: a clone
# made with `mktemp -d` is readable by root alone.
warm = tempfile.mkdtemp()
os.environ["ANNOTATOR_HOME"] = warm
with contextlib.redirect_stdout(io.StringIO()):
    assert annotator.cli.main(["documents"]) == 0
shutil.rmtree(warm)
os.environ.pop("HOME", None)
os.environ.pop("ANNOTATOR_HOME", None)
os.setgid(54321)
os.setuid(54321)  # no passwd entry: expanduser("~") has nowhere to go
sys.exit(annotator.cli.main(["documents"]))
"""


@pytest.mark.skipif(os.geteuid() != 0, reason="becoming an unknown user needs root")
def test_an_unknown_user_without_home(tmp_path: Path) -> None:
    tmp_path.chmod(0o777)
    done = subprocess.run(
        [sys.executable, "-c", UNKNOWN_USER], capture_output=True, text=True,
        cwd=tmp_path, check=False, timeout=120,
    )
    _one_clear_line(done, "not an absolute path", "ANNOTATOR_HOME")
    assert list(tmp_path.iterdir()) == [], "nothing is created under the current folder"
