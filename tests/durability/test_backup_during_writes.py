"""T10: a backup taken while another process writes is a sound, consistent snapshot."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from annotator.store import sqlite as store_sqlite
from tests.durability.conftest import Writer, integrity, stored_ids


@pytest.mark.slow
def test_backup_during_a_write_burst_opens_cleanly(
    database: tuple[Path, str], tmp_path: Path
) -> None:
    path, doc_id = database
    writer = Writer(path, doc_id, count=1_000_000)
    assert writer.ready.wait(30), "writer did not start"
    try:
        taken: list[tuple[Path, int]] = []
        for number in range(5):
            time.sleep(0.1)
            acknowledged = len(writer.ids)  # committed before the backup began
            target = tmp_path / f"backup-{number}.db"
            store_sqlite.backup_to(path, target)
            taken.append((target, acknowledged))
    finally:
        writer.process.kill()
        writer.finish()

    counts = []
    for target, acknowledged in taken:
        assert integrity(target) == "ok"
        assert store_sqlite.check_health(target, full=True) is None
        rows = len(stored_ids(target))
        assert rows >= acknowledged, "a backup lost writes committed before it started"
        counts.append(rows)
    assert counts == sorted(counts) and counts[-1] > counts[0], "the writer was not writing"
    assert not list(tmp_path.glob("*.tmp")), "a temporary backup file was left behind"
