"""Running the real `annotator` command in a child process, as a user's shell would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any


def run_annotator(
    home: Path, *args: str | bytes | Path, input_bytes: bytes | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """`python -m annotator ARGS` with `ANNOTATOR_HOME=home`; bytes args pass through as is."""
    env = {**os.environ, "ANNOTATOR_HOME": str(home), "PYTHONUTF8": "0", "LC_ALL": "C.UTF-8"}
    argv: list[str | bytes | Path] = [sys.executable, "-m", "annotator", *args]
    done = subprocess.run(argv, capture_output=True, env=env, input=input_bytes,
                          timeout=timeout, check=False)
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )


def run_json(home: Path, *args: str | bytes | Path) -> Any:
    """The parsed stdout of a command that must succeed (give it `--json`)."""
    done = run_annotator(home, *args)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def assert_one_line_error(done: subprocess.CompletedProcess[str]) -> None:
    """The app's own refusal: exit 2, one line on stderr starting `annotator:`, no trace."""
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("annotator: "), done.stderr


def import_sample(home: Path, sample: Path) -> str:
    """The sample imported into `home`'s library with one noted highlight; its id."""
    done = run_annotator(home, "import", sample)
    assert done.returncode == 0, done.stderr
    doc = done.stdout.strip()
    done = run_annotator(home, "highlight", doc, "--quote", "China", "--note", "kept")
    assert done.returncode == 0, done.stderr
    return doc
