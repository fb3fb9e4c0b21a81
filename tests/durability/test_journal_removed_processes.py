"""Issue 13 item 5 with real processes: the WAL or SHM removed while a writer works.

A writer process commits highlights one at a time; between two of them the test
removes the library's -wal (and -shm), then runs a CLI command on the library, as a
user would. The writer must name the real cause, not a full disk; every write it
acknowledged must be in the library afterwards; nothing is moved aside as corrupt.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.importers import import_path
from annotator.services.library import Library
from annotator.store import Store
from tests.cli.cli_process import assert_one_line_error, run_annotator
from tests.durability.conftest import integrity

PACED_WRITER = Path(__file__).with_name("paced_writer.py")


class PacedWriter:
    def __init__(self, database: Path, doc_id: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(PACED_WRITER), str(database), doc_id],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        assert self._line() == "ready"

    def _line(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def write(self) -> str:
        assert self.process.stdin is not None
        self.process.stdin.write("w\n")
        self.process.stdin.flush()
        return self._line()

    def finish(self) -> int:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.close()
        code = self.process.wait(timeout=60)
        self.process.stdout.close()
        return code


@pytest.mark.parametrize("removed", [("-wal",), ("-shm",), ("-wal", "-shm")])
def test_journal_removed_under_a_writer_process_keeps_every_acknowledged_write(
    tmp_path: Path, sample_path: Path, removed: tuple[str, ...]
) -> None:
    home = tmp_path / "home"
    path = home / "data" / "annotator.db"
    with Store.open(path) as store:
        doc_id = Library(store).add(import_path(sample_path))
    writer = PacedWriter(path, doc_id)
    acknowledged = [writer.write() for _ in range(30)]
    assert all(len(a) == 36 for a in acknowledged), acknowledged

    for suffix in removed:
        Path(f"{path}{suffix}").unlink()
    # A command run meanwhile either reads the library or names the real cause in one
    # line; it never blames the disk, moves the library aside or starts an empty one.
    listing = run_annotator(home, "documents", "--json")
    if listing.returncode != 0:
        assert_one_line_error(listing)
        assert "write-ahead log was removed" in listing.stderr, listing.stderr
        assert "disk" not in listing.stderr
    else:
        assert [d["id"] for d in json.loads(listing.stdout)] == [doc_id]

    refused = writer.write()
    assert refused.startswith("error "), refused
    assert "write-ahead log was removed" in refused and "disk" not in refused, refused
    retried = [writer.write() for _ in range(3)]
    assert all(len(a) == 36 for a in retried), retried
    acknowledged += retried
    assert writer.finish() == 0

    assert integrity(path) == "ok"
    assert not list(path.parent.glob("*.corrupt-*")), "nothing was moved aside as damaged"
    annotations = run_annotator(home, "annotations", doc_id, "--json")
    assert annotations.returncode == 0, annotations.stderr
    stored = {item["id"].removeprefix("urn:uuid:")
              for item in json.loads(annotations.stdout)["first"]["items"]}
    assert set(acknowledged) <= stored
