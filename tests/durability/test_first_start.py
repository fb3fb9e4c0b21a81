"""Issue 13 item 4: two processes starting on a fresh data folder at once.

The window and a CLI command start together on an empty `ANNOTATOR_HOME`, the CLI a few
milliseconds later each round so the rounds sweep across the moment the library file is
being created. Creating and migrating the library is serialised by a lock, so neither
sees the other's half-created file and calls it corrupt.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.store import Store

CHILD = Path(__file__).with_name("first_start.py")
ROUNDS = 20


def _start(role: str, home: Path, go: Path, delay_ms: float) -> subprocess.Popen[str]:
    env = {**os.environ, "ANNOTATOR_HOME": str(home)}
    process = subprocess.Popen(
        [sys.executable, str(CHILD), role, str(go), str(delay_ms)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    return process


@pytest.mark.slow
def test_concurrent_first_start_never_reports_corruption(tmp_path: Path) -> None:
    failures: list[str] = []
    for round_ in range(ROUNDS):
        home = tmp_path / f"home{round_}"
        go = tmp_path / f"go{round_}"
        children = [
            _start("window", home, go, 0),
            _start("cli", home, go, (round_ % 10) * 0.5),
        ]
        go.touch()
        for child in children:
            out, err = child.communicate(timeout=60)
            if child.returncode != 0 or "Traceback" in err:
                failures.append(f"round {round_}: exit {child.returncode}: {out} {err}")
        database = home / "data" / "annotator.db"
        assert not list(database.parent.glob("*.corrupt-*")), f"round {round_}: moved aside"
        with Store.open(database) as store, store.transaction(write=False) as repo:
            assert repo.document_summaries() == []
    assert failures == []


HALF_CREATOR = """
import sys, time
from pathlib import Path
from annotator.store.sqlite.lock import folder_lock

database, finished = Path(sys.argv[1]), Path(sys.argv[2])
with folder_lock(database.parent):
    database.write_bytes(finished.read_bytes()[:100])  # a header, half a page
    print("half", flush=True)
    time.sleep(0.5)
    database.write_bytes(finished.read_bytes())
"""


def test_a_library_being_created_is_waited_for_not_called_corrupt(tmp_path: Path) -> None:
    finished = tmp_path / "finished.db"
    with Store.open(finished):
        pass
    data = tmp_path / "data"
    data.mkdir()
    database = data / "annotator.db"
    creator = subprocess.Popen(
        [sys.executable, "-c", HALF_CREATOR, str(database), str(finished)],
        stdout=subprocess.PIPE, text=True,
    )
    assert creator.stdout is not None
    assert creator.stdout.readline().strip() == "half"

    with Store.open(database) as store, store.transaction(write=False) as repo:
        assert repo.document_summaries() == []

    assert creator.wait(10) == 0
    creator.stdout.close()
    assert not list(data.glob("*.corrupt-*"))


def test_an_empty_file_without_backups_is_a_first_start_not_a_corruption(
    tmp_path: Path,
) -> None:
    database = tmp_path / "annotator.db"
    database.touch()  # a first start killed before SQLite wrote a page
    with Store.open(database) as store, store.transaction(write=False) as repo:
        assert repo.document_summaries() == []
    assert not list(tmp_path.glob("*.corrupt-*"))
