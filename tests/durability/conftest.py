"""Durability tests run real child processes against one database file, serially."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from annotator.importers import import_path
from annotator.services.library import Library
from annotator.store import Store

WRITER = Path(__file__).with_name("writer.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.xdist_group("durability"))


@pytest.fixture
def database(tmp_path: Path, sample_path: Path) -> tuple[Path, str]:
    """A database holding the sample document: (path, document id)."""
    path = tmp_path / "annotator.db"
    with Store.open(path) as store:
        doc_id = Library(store).add(import_path(sample_path))
    return path, doc_id


class Writer:
    """A writer child whose printed lines are collected as they arrive."""

    def __init__(self, database: Path, doc_id: str, count: int, fsize: int | None = None):
        args = [sys.executable, str(WRITER), str(database), doc_id, str(count)]
        if fsize:
            args.append(str(fsize))
        self.process = subprocess.Popen(
            args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        self.lines: list[str] = []
        self.stderr = ""
        self.ready = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            line = line.strip()
            if line == "ready":
                self.ready.set()
            else:
                self.lines.append(line)
        self.ready.set()

    def finish(self, timeout: float = 60) -> int:
        """Wait for the child, then close its pipes (an open pipe is a ResourceWarning)."""
        code = self.process.wait(timeout)
        self._reader.join(timeout)
        _, self.stderr = self.process.communicate()
        return code

    @property
    def ids(self) -> list[str]:
        return [line for line in self.lines if len(line) == 36]


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def stored_ids(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT id FROM annotations WHERE deleted = 0")}
    finally:
        conn.close()
