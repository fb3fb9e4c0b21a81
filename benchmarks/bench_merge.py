"""merge_30x500: a teacher merges 30 hand-ins of 500 annotations each into the library.

Thirty `.annot` bundles of the sample article, each one student's layer of 500
annotations (a third with notes, a fifth with tags), are written once. Timed: reading and
validating all 30 (safe ZIP, strict JSON, hashes, fields), merging them and storing the
15,000 annotations in one transaction, on a fresh copy of a library that has the
document. The floor is `json.loads` of the same files: every member of every bundle read
from its ZIP and every JSON member parsed, the least any reader of these files does.
Seconds are the best of 3; peak memory is tracemalloc's peak of Python allocations.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
import uuid
import zipfile
from datetime import timedelta
from pathlib import Path

from annotator.core.annotation import Annotation, quote_context, utc_now
from annotator.exchange.bundle import Author, Bundle, write_bundle
from annotator.importers import import_path
from annotator.services.identity import Identity
from annotator.services.library import Library
from annotator.services.sharing import Sharing
from annotator.store import Store
from benchmarks.common import SAMPLE, Figure, best_of, peak_mb

STUDENTS = 30
PER_STUDENT = 500


def _hand_ins(folder: Path) -> list[Path]:
    document = import_path(SAMPLE)
    text = document.text
    words = [i for i in range(1, len(text) - 12) if text[i - 1] == " "]
    paths = []
    now = utc_now()
    for s in range(STUDENTS):
        author = Author(str(uuid.uuid4()), f"Student {s}")
        annotations = []
        for i in range(PER_STUDENT):
            start = words[(s * 37 + i * 11) % len(words)]
            end = start + 6 + i % 20
            exact, prefix, suffix = quote_context(text, start, min(end, len(text)))
            annotations.append(Annotation(
                document.content_hash, start, start + len(exact), exact, prefix, suffix,
                note=f"Answer {i} of student {s}: *because* it matters." if i % 3 == 0 else "",
                tags=("evidence", "follow up") if i % 5 == 0 else (),
                author_id=author.id, author_name=author.name,
                created=now, modified=now + timedelta(seconds=i),
            ))
        path = folder / f"student-{s:02d}.annot"
        write_bundle(Bundle(document, tuple(annotations), authors=(author,)), path)
        paths.append(path)
    return paths


def _json_floor(paths: list[Path]) -> None:
    for path in paths:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                data = archive.read(name)
                if name.endswith((".json", ".jsonld")):
                    json.loads(data)


def run() -> list[Figure]:
    folder = Path(tempfile.mkdtemp(prefix="bench-merge-"))
    try:
        paths = _hand_ins(folder)
        base = folder / "base.db"
        with Store.open(base) as store:
            Library(store).add(import_path(SAMPLE))
            Identity(store).reader()
        merges, floors = [], []
        for run_number in range(3):
            copy = folder / f"run-{run_number}.db"
            shutil.copy(base, copy)
            with Store.open(copy) as store:  # opening the library is not the merge's cost
                sharing = Sharing(store, Identity(store).reader())
                floors.append(best_of(lambda: _json_floor(paths), 1))
                start = time.perf_counter()
                report = sharing.merge(paths)
                merges.append(time.perf_counter() - start)
            assert report.added == STUDENTS * PER_STUDENT, report.added
        copy = folder / "peak.db"
        shutil.copy(base, copy)
        with Store.open(copy) as store:
            sharing = Sharing(store, Identity(store).reader())
            peak = peak_mb(lambda: sharing.merge(paths))
        return [
            Figure("merge_30x500", min(merges), "s", "json.loads of the same files",
                   min(floors), 10.0),
            Figure("merge_30x500_peak", peak, "MB", "json.loads peak memory",
                   peak_mb(lambda: _json_floor(paths)), None),
        ]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
