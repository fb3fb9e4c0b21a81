"""Issue 13 item 10: tampered rows are validated as they are read.

A document whose row (or one of whose annotations) was tampered with is reported by name
and skipped; the rest of the library keeps working. Nothing but `DamagedDocument` (one of
the app's StoreErrors) may escape, whatever text a column holds.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.cli import main
from annotator.importers import import_bytes
from annotator.services.annotating import Annotating
from annotator.services.identity import Identity
from annotator.services.library import Library
from annotator.store import Store
from annotator.store.repository import DamagedDocument

TEXT = b"Carbon pricing and climate adaptation shape the energy budget. " * 40


def _library(path: Path) -> tuple[str, str]:
    """(good document id, victim document id), each with two annotations."""
    with Store.open(path) as store:
        library = Library(store)
        ids = []
        for name in ("good.txt", "victim.txt"):
            doc_id = library.add(import_bytes(TEXT + name.encode(), name))
            doc = library.document(doc_id)
            annotating = Annotating(store, Identity(store).reader())
            annotating.highlight(doc, 0, 6, note="first")
            annotating.highlight(doc, 10, 16, note="second")
            ids.append(doc_id)
    return ids[0], ids[1]


def _tamper(path: Path, sql: str, doc_id: str, value: object) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute(sql, (value, doc_id))
        conn.commit()
    finally:
        conn.close()


DOC = "UPDATE documents SET {} = ? WHERE id = ?"
ANN = "UPDATE annotations SET {} = ? WHERE document_id = ?"
TAMPERINGS = {
    "blocks-not-json": (DOC.format("blocks"), "[[not json"),
    "blocks-unknown-kind": (DOC.format("blocks"), '[["sonnet", 0, 5, 0]]'),
    "blocks-wrong-shape": (DOC.format("blocks"), '{"a": 1}'),
    "date-not-iso": (DOC.format("date"), "yesterday"),
    "added-not-iso": (DOC.format("added"), "31/12/2020"),
    "annotation-created-not-iso": (ANN.format("created"), "last tuesday"),
    "annotation-unknown-origin": (ANN.format("origin"), "alien"),
    "annotation-unknown-motivation": (ANN.format("motivation"), "gossip"),
    "annotation-unknown-placement": (ANN.format("placement"), "floating"),
}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str, str]]:
    path = tmp_path_factory.mktemp("pristine") / "annotator.db"
    good, victim = _library(path)
    yield path, good, victim


def _copy(pristine: tuple[Path, str, str], tmp_path: Path) -> Path:
    source = sqlite3.connect(pristine[0])
    path = tmp_path / "annotator.db"
    target = sqlite3.connect(path)
    source.backup(target)
    source.close()
    target.close()
    return path


def _read_everything(store: Store, good: str, victim: str) -> list[str]:
    """Read the library as the app does; the problems reported, by message."""
    library = Library(store)
    summaries = library.documents()
    assert good in {s.id for s in summaries}
    assert "Carbon" in library.document(good).document.text
    with store.transaction(write=False) as repo:
        assert [a.note for a in repo.annotations(good)] == ["first", "second"]
    problems = [s.problem for s in summaries if s.problem]
    try:
        library.document(victim)
        with store.transaction(write=False) as repo:
            repo.annotations(victim)
    except DamagedDocument as exc:
        problems.append(str(exc))
    return problems


@pytest.mark.parametrize("tampering", TAMPERINGS.values(), ids=TAMPERINGS.keys())
def test_a_tampered_document_is_named_and_the_rest_works(
    pristine: tuple[Path, str, str], tmp_path: Path, tampering: tuple[str, str]
) -> None:
    _, good, victim = pristine
    path = _copy(pristine, tmp_path)
    _tamper(path, tampering[0], victim, tampering[1])
    with Store.open(path) as store:
        problems = _read_everything(store, good, victim)
    assert problems, "the damage is reported"
    assert any("victim" in p for p in problems), problems


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    column=st.sampled_from(
        [DOC.format(c) for c in ("blocks", "date", "added", "last_opened", "title", "text")]
        + [ANN.format(c) for c in ("created", "modified", "origin", "placement",
                                   "motivation", "start", "color")]
    ),
    value=st.one_of(
        st.text(max_size=40), st.integers(-(2**63), 2**63 - 1), st.floats(allow_nan=False),
        st.none(), st.binary(max_size=20),
    ),
)
def test_any_value_in_a_column_is_read_or_reported(
    pristine: tuple[Path, str, str], tmp_path_factory: pytest.TempPathFactory,
    column: str, value: object,
) -> None:
    _, good, victim = pristine
    path = _copy(pristine, tmp_path_factory.mktemp("fuzz"))
    try:
        _tamper(path, column, victim, value)
    except sqlite3.IntegrityError:
        return  # the schema itself refuses it (NOT NULL, CHECK)
    with Store.open(path, backup_period=3600) as store:
        _read_everything(store, good, victim)


def test_the_cli_lists_the_library_and_names_the_damaged_document(
    pristine: tuple[Path, str, str], tmp_path: Path
) -> None:
    _, good, victim = pristine
    home = tmp_path / "home"
    (home / "data").mkdir(parents=True)
    path = _copy(pristine, home / "data")
    _tamper(path, DOC.format("blocks"), victim, "[[not json")
    env = {**os.environ, "ANNOTATOR_HOME": str(home)}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "annotator", *args], capture_output=True,
                              text=True, env=env, check=False, timeout=120)

    listing = cli("documents")
    assert listing.returncode == 0 and good[:8] in listing.stdout, listing.stderr
    lines = listing.stdout.splitlines()
    damaged = [i for i, line in enumerate(lines) if line.strip().startswith("damaged: ")]
    assert len(damaged) == 1 and victim[:8] in lines[damaged[0] - 2], listing.stdout
    done = cli("annotations", victim)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "victim" in done.stderr and "damaged" in done.stderr
    assert done.stderr.count("\n") == 1
    assert cli("annotations", good).returncode == 0


@pytest.mark.parametrize("tampering", TAMPERINGS.values(), ids=TAMPERINGS.keys())
def test_documents_json_names_the_problem_of_a_tampered_document(
    pristine: tuple[Path, str, str], annotator_home: Path, tampering: tuple[str, str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, good, victim = pristine
    (annotator_home / "data").mkdir(parents=True)
    path = _copy(pristine, annotator_home / "data")
    _tamper(path, tampering[0], victim, tampering[1])
    assert main(["documents", "--json"]) == 0
    listed = {d["id"]: d for d in json.loads(capsys.readouterr().out)}
    assert listed.keys() == {good, victim}, "the damaged document is listed, not omitted"
    assert listed[good]["problem"] is None
    assert isinstance(listed[victim]["problem"], str) and listed[victim]["problem"]
