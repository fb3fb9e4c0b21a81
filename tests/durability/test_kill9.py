"""T01: SIGKILL during a burst of writes loses nothing that was acknowledged."""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from annotator.services.library import Library
from annotator.store import Store
from tests.durability.conftest import Writer, integrity, stored_ids

ITERATIONS = 12


@pytest.mark.slow
def test_kill9_burst_writes(database: tuple[Path, str]) -> None:
    path, doc_id = database
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    acknowledged: set[str] = set()
    for _ in range(ITERATIONS):
        writer = Writer(path, doc_id, count=1_000_000)
        assert writer.ready.wait(30), "writer did not start"
        time.sleep(rng.uniform(0.05, 0.3))
        os.kill(writer.process.pid, signal.SIGKILL)
        assert writer.finish() == -signal.SIGKILL
        acknowledged.update(writer.ids)

        missing = set(writer.ids) - stored_ids(path)
        assert not missing, f"acknowledged but lost: {sorted(missing)[:3]}"
        assert integrity(path) == "ok"

    assert len(acknowledged) > ITERATIONS, "the writers barely wrote anything"
    with Store.open(path) as store:  # the app reopens after all the kills
        assert len(Library(store).annotations(doc_id)) >= len(acknowledged)


@pytest.mark.slow
def test_two_writers_interleave_without_loss(database: tuple[Path, str]) -> None:
    path, doc_id = database
    writers = [Writer(path, doc_id, count=150) for _ in range(2)]
    codes = [w.finish(120) for w in writers]
    assert codes == [0, 0], [w.stderr for w in writers]
    ids = [i for w in writers for i in w.ids]
    assert len(ids) == 300
    assert set(ids) <= stored_ids(path)
    assert integrity(path) == "ok"


@pytest.mark.slow
def test_disk_full_is_a_clear_error_and_keeps_earlier_data(database: tuple[Path, str]) -> None:
    path, doc_id = database
    limit = path.stat().st_size + 64 * 1024
    writer = Writer(path, doc_id, count=100_000, fsize=limit)
    code = writer.finish(120)
    errors = [line for line in writer.lines if line.startswith("error ")]
    assert code == 3 and errors, writer.lines[-3:]
    assert "disk is full" in errors[0] and str(path) in errors[0]
    assert writer.ids, "some highlights fitted before the limit"
    assert set(writer.ids) <= stored_ids(path)
    assert integrity(path) == "ok"
