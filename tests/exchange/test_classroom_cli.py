"""Teacher, three students and a study group, end to end through `annotator` subprocesses.

Each person has their own ANNOTATOR_HOME. The teacher hands out the sample with two
questions; the students import it, answer (one skips a question), add notes and hand in
only their own layer; the teacher merges the hand-ins and exports the grading CSV; one
student merges the others' hand-ins as a study group. Then a bundle -> import -> bundle
round trip loses nothing, and a hostile bundle leaves the library as it was.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from annotator.exchange.bundle import read_bundle

# Dozens of CLI processes, each starting Python: two minutes on a loaded 2-core machine.
pytestmark = pytest.mark.timeout(600)


def run(home: Path, *args: str | Path, ok: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ANNOTATOR_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "annotator", *map(str, args)],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    if ok:
        assert done.returncode == 0, done.stderr
    return done


def data(home: Path, *args: str | Path) -> Any:
    return json.loads(run(home, *args, "--json").stdout)


def dump(home: Path) -> str:
    conn = sqlite3.connect(home / "data" / "annotator.db")
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def test_classroom_and_study_group(tmp_path: Path, sample_path: Path) -> None:
    teacher = tmp_path / "teacher"
    run(teacher, "identity", "--name", "Ms Teacher")
    doc = data(teacher, "import", sample_path)["id"]
    q1 = data(teacher, "highlight", doc, "--quote", "cooperation", "--note", "Why now?",
              "--question")["id"]
    q2 = data(teacher, "highlight", doc, "--quote", "climate", "--note", "What is at stake?",
              "--question")["id"]
    data(teacher, "highlight", doc, "--quote", "China", "--note", "context for everyone")
    handout = data(teacher, "bundle", doc, "-o", tmp_path / "handout.annot")
    assert [x["annotations"] for x in handout["layers"]] == [3]

    answers = {"Li": {q1: "Elections.", q2: "Emissions."}, "Sam": {q1: "Trade."},
               "Ana": {q1: "Security.", q2: "Food."}}
    hand_ins = []
    for name, given in answers.items():
        home = tmp_path / name
        run(home, "identity", "--name", name)
        imported = data(home, "import", tmp_path / "handout.annot")
        assert imported["added"] == 3
        assert imported["layers"] == [{"author": "Ms Teacher (from bundle)",
                                       "author_id": handout["layers"][0]["author_id"],
                                       "annotations": 3}]
        for question, text in given.items():
            assert len(data(home, "reply", question, "--note", text)["id"]) == 36
        data(home, "highlight", imported["id"], "--quote", "Blinken", "--note", f"{name} noted")
        hand_in = tmp_path / f"{name}.annot"
        written = data(home, "bundle", imported["id"], "-o", hand_in, "--hand-in")
        assert [x["author"] for x in written["layers"]] == [name]
        hand_ins.append(hand_in)

    collected = data(teacher, "merge", *hand_ins)
    assert collected["documents"] == [doc]
    assert (collected["added"], collected["updated"], collected["conflicts"]) == (8, 0, [])
    run(teacher, "export", doc, "--answers", "--format", "csv", "-o", tmp_path / "grades.csv")
    with (tmp_path / "grades.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 6, "one row per student and question"
    table = {(r["question"], r["student"]): (r["answered"], r["answer"]) for r in rows}
    assert table[("1", "Li (from bundle)")] == ("yes", "Elections.")
    assert table[("2", "Sam (from bundle)")] == ("no", "")
    assert table[("2", "Ana (from bundle)")] == ("yes", "Food.")
    again = data(teacher, "merge", *hand_ins)
    assert (again["added"], again["updated"], again["unchanged"]) == (0, 0, 8)

    group = data(tmp_path / "Li", "merge", hand_ins[1], hand_ins[2])
    assert (group["added"], group["conflicts"]) == (5, [])
    assert {x["author"] for x in group["layers"]} == {"Sam (from bundle)", "Ana (from bundle)"}
    [listed] = data(tmp_path / "Li", "documents")
    assert listed["annotations"] == 3 + 3 + 5
    run(tmp_path / "Li", "export", listed["id"], "--group", "-o", tmp_path / "group.csv")
    with (tmp_path / "group.csv").open(encoding="utf-8-sig", newline="") as handle:
        hot = [r for r in csv.DictReader(handle) if r["section"] == "Hot spots"]
    assert {(r["passage"], r["members"]) for r in hot} == {("Blinken", "3")}
    assert {r["member"] for r in hot} == {"Li", "Sam (from bundle)", "Ana (from bundle)"}


def test_bundle_import_bundle_round_trip_loses_nothing(tmp_path: Path, sample_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    doc = data(first, "import", sample_path)["id"]
    data(first, "highlight", doc, "--quote", "cooperation", "--note", "**why**", "--tag", "t",
         "--color", "#123abc", "--question")
    gone = data(first, "highlight", doc, "--quote", "climate", "--note", "to delete")["id"]
    data(first, "highlight", doc, "--quote", "China", "--area", "peace-security")
    before_delete = data(first, "annotations", doc)
    assert len(before_delete["first"]["items"]) == 3
    from annotator.services.annotating import Annotating
    from annotator.services.identity import Identity
    from annotator.store import Store

    with Store.open(first / "data" / "annotator.db") as store:
        Annotating(store, Identity(store).reader()).delete([gone])
    data(first, "bundle", doc, "-o", tmp_path / "one.annot", "--layers", "all")
    imported = data(second, "import", tmp_path / "one.annot")
    data(second, "bundle", imported["id"], "-o", tmp_path / "two.annot", "--layers", "all")

    one, two = read_bundle(tmp_path / "one.annot"), read_bundle(tmp_path / "two.annot")
    assert (one.document, one.original, one.areas) == (two.document, two.original, two.areas)
    assert sorted(one.records, key=lambda a: a.id) == sorted(two.records, key=lambda a: a.id)
    assert len(one.annotations) == 2 and len(one.tombstones) == 1


def test_errors_are_one_line_exit_2_and_leave_the_library(
    tmp_path: Path, sample_path: Path
) -> None:
    home = tmp_path / "home"
    doc = data(home, "import", sample_path)["id"]
    run(home, "identity")  # the local reader is made on first use; make it before comparing
    hostile = tmp_path / "hostile.annot"
    hostile.write_bytes(b"PK\x05\x06" + bytes(18))
    (tmp_path / "notes.jsonld").write_text('{"type": "AnnotationCollection", "a": 1, "a": 2}')
    before = dump(home)
    for args in (
        ("import", hostile), ("merge", hostile), ("merge", tmp_path / "notes.jsonld"),
        ("merge", tmp_path / "missing.annot"), ("reply", "no-such-id", "--note", "x"),
        ("bundle", doc, "-o", tmp_path / "x.annot", "--layers", "some"),
        ("bundle", doc, "-o", tmp_path / "x.annot", "--author", "Nobody"),
        ("export", doc, "--answers", "--format", "csv", "-o", tmp_path / "a.csv"),
    ):
        done = run(home, *args, ok=False)
        assert done.returncode == 2, (args, done.stderr)
        assert done.stderr.count("\n") == 1 and done.stderr.startswith("annotator: "), done.stderr
        assert done.stdout == ""
    assert dump(home) == before
    assert not (tmp_path / "x.annot").exists() and not (tmp_path / "a.csv").exists()
