"""Shared fixtures: every test gets its own ANNOTATOR_HOME, and Qt runs offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

from tests.shared_folder import SHARED

if TYPE_CHECKING:
    from tests.people import Person
    from tests.postgres_cluster import Cluster

# `make test` (and so CI) replays the same derandomised examples (HYPOTHESIS_PROFILE=ci),
# so a landing is judged on the code, not on a lucky draw; a bare pytest run, or
# HYPOTHESIS_PROFILE=default, explores new ones, and keeps any failure in .hypothesis/.
settings.register_profile("ci", derandomize=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RESOURCES = Path(__file__).resolve().parents[1] / "src" / "annotator" / "resources"
SAMPLE = RESOURCES / "samples" / "us-china-cooperation.txt"


@pytest.fixture(autouse=True)
def annotator_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """No test may touch the real user's data, settings or state, nor the library
    database a developer chose for their own use (docs/library-database.md)."""
    home = tmp_path / "annotator-home"
    monkeypatch.setenv("ANNOTATOR_HOME", str(home))
    monkeypatch.delenv("ANNOTATOR_DATABASE_URL", raising=False)
    yield home


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture
def corpus() -> Path:
    """The team's shared test corpus (read-only).

    A checkout without it fails the tests that need it: CI must never pass by skipping them.
    """
    path = SHARED / "corpus"
    if not path.is_dir():
        pytest.fail(f"the shared test corpus is missing: expected it at {path}")
    return path


@pytest.fixture
def teacher(tmp_path: Path) -> Iterator[Person]:
    """A teacher with a library of their own (sharing tests)."""
    from tests.people import Person

    person = Person(tmp_path / "teacher.db", "Ms Teacher")
    yield person
    person.store.close()


@pytest.fixture
def student(tmp_path: Path) -> Iterator[Person]:
    """A student called Li with a library of their own (sharing tests)."""
    from tests.people import Person

    person = Person(tmp_path / "student.db", "Li")
    yield person
    person.store.close()


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """A throwaway PostgreSQL cluster (tests/postgres_cluster.py), one per pytest worker,
    for the tests whose subject is PostgreSQL (tests/server, tests/store/test_contract.py:
    both in the `postgres` xdist group, so one worker starts it). A cluster that cannot
    start FAILS those tests, never skips them."""
    from tests.postgres_cluster import ClusterError, start_cluster

    try:
        cluster = start_cluster()
    except ClusterError as exc:
        pytest.fail(f"PostgreSQL could not start: {exc}")
    try:
        yield cluster
    finally:
        cluster.stop()
