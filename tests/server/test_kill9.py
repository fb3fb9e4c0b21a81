"""kill -9 of the service in the middle of a push: nothing acknowledged is lost, and
nothing is applied twice when the client pushes again after the restart."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.core.annotation import Annotation, quote_context
from annotator.services.library import Library
from tests.server.classroom import Classroom, annotations, cli, library, reader_of

pytestmark = pytest.mark.timeout(600)
NOTES = 3000  # 30 batches: the kill lands while some are acknowledged and some are not


def _offline_day(home: Path, doc_ref: str) -> None:
    """NOTES new notes in `home`'s library, as a day of reading offline leaves them."""
    with library(home) as store:
        reader = reader_of(home, store)
        stored = Library(store).document(doc_ref)
        text = stored.document.text
        made = []
        for i in range(NOTES):
            start = (i * 7) % (len(text) - 20)
            exact, prefix, suffix = quote_context(text, start, start + 12)
            made.append(Annotation(stored.id, start, start + 12, exact, prefix, suffix,
                                   note=f"note {i}", author_id=reader.id,
                                   author_name=reader.name))
        with store.transaction() as repo:
            repo.insert_annotations(made)


def test_kill9_mid_push(classroom: Classroom, sample_path: Path) -> None:
    teacher, _doc, text_hash = classroom.shared_sample(sample_path)
    ana = classroom.join("Ana")
    classroom.sync(ana)
    _offline_day(ana, cli(ana, "documents")[0]["id"])

    database = classroom.database
    count = "SELECT count(*) FROM annotations WHERE owner_id = %s"
    sync = subprocess.Popen(
        [sys.executable, "-m", "annotator", "sync", "--json"],
        env={**os.environ, "ANNOTATOR_HOME": str(ana)}, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
    )
    # The cluster's superuser sees past row-level security: it watches the push arrive.
    with database.cluster.connect(database.name) as watcher:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            stored = watcher.execute(count, (classroom.members["Ana"],)).fetchone()[0]
            if stored > 0 or sync.poll() is not None:
                break
            time.sleep(0.005)
    assert classroom.server is not None
    classroom.server.kill()
    out, err = sync.communicate(timeout=120)
    assert sync.returncode == 2, (out, err)
    assert "Cannot reach the group server" in err

    acknowledged = set(json.loads((ana / "config" / "groups.json").read_text())[
        "groups"]["civics"]["synced"])
    with database.cluster.connect(database.name) as conn:
        at_kill = conn.execute(count, (classroom.members["Ana"],)).fetchone()[0]
    assert 0 < at_kill < NOTES, "the kill landed mid-push"
    assert len(acknowledged) <= at_kill

    classroom.server.start()
    report = classroom.sync(ana)
    assert report["pushed"] + len(acknowledged) >= NOTES - at_kill
    with database.cluster.connect(database.name) as conn:
        rows = conn.execute(
            "SELECT id::text, revision, version FROM annotations WHERE owner_id = %s",
            (classroom.members["Ana"],)).fetchall()
    ids = {r[0] for r in rows}
    assert len(rows) == len(ids) == NOTES
    assert acknowledged <= ids, "an acknowledged note was lost"
    assert {r[1] for r in rows} == {1}, "no note was written twice"
    assert len({r[2] for r in rows}) == NOTES // 100, "each batch was applied exactly once"
    assert classroom.sync(ana)["pushed"] == 0
    classroom.sync(teacher)
    assert len(annotations(teacher, text_hash)) == NOTES
