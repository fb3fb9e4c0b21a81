"""T04: SIGKILL during a migration leaves the old schema or the new one, never a mix."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.services.search import Search
from annotator.store import Store, head_revision

ROWS = 20_000
ITERATIONS = 8
NOW = "2026-01-02T03:04:05+00:00"
MIGRATE = "import sys; from pathlib import Path; from annotator.store import Store; " \
    "Store.open(Path(sys.argv[1])).close()"


def _revision_1_with_rows(path: Path) -> None:
    """Revision 0001 (before full-text search) holding enough notes that indexing them
    during the 0001 -> 0002 upgrade takes long enough to be interrupted."""
    Store.open(path, target_revision="0001").close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "INSERT INTO documents (id, content_hash, title, author, date, source, byline, text,"
            " blocks, source_path, added, last_opened, reading_position, deleted) VALUES"
            " ('d', 'h', 'T', '', NULL, '', '', 'Some text.', '[]', NULL, ?, NULL, 0, 0)",
            (NOW,),
        )
        conn.executemany(
            "INSERT INTO annotations (id, document_id, start, end, exact, prefix, suffix, color,"
            " note, area, author_id, author_name, origin, placement, created, modified, deleted)"
            " VALUES (?, 'd', 0, 4, 'Some', '', ' text', 'yellow', ?, NULL, 'a', 'A',"
            " 'reader', 'placed', ?, ?, 0)",
            ((f"id-{i}", f"note {i} about seaweed and kelp forests " * 8, NOW, NOW)
             for i in range(ROWS)),
        )
    conn.close()


def _state(path: Path) -> tuple[str, int, bool]:
    """(schema revision, annotation rows, whether the search tables exist)."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        rows = conn.execute("SELECT count(*) FROM annotations").fetchone()[0]
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()
    return revision, rows, "annotations_fts" in names


@pytest.mark.slow
def test_kill9_mid_migration(tmp_path: Path) -> None:
    template = tmp_path / "template.db"
    _revision_1_with_rows(template)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}

    started = time.perf_counter()
    timing = tmp_path / "timing" / "annotator.db"
    timing.parent.mkdir()
    shutil.copy(template, timing)
    subprocess.run([sys.executable, "-c", MIGRATE, str(timing)], env=env, check=True)
    duration = time.perf_counter() - started
    assert _state(timing) == (head_revision(), ROWS, True)

    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    for number in range(ITERATIONS):
        path = tmp_path / f"run-{number}" / "annotator.db"
        path.parent.mkdir()
        shutil.copy(template, path)
        child = subprocess.Popen([sys.executable, "-c", MIGRATE, str(path)], env=env)
        time.sleep(rng.uniform(0.2, 1.0) * duration)
        child.send_signal(signal.SIGKILL)
        child.wait()

        revision, rows, searchable = _state(path)
        assert rows == ROWS
        assert searchable == (revision != "0001"), "half a migration was committed"

        with Store.open(path) as store:  # the next start finishes the job
            assert len(Search(store).search("seaweed", limit=5)) == 5
        assert _state(path) == (head_revision(), ROWS, True)
