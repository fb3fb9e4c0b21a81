"""A PostgreSQL cluster for the store's contract tests, started once per test session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.postgres_cluster import Cluster, ClusterError, running_cluster


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    """A running throwaway cluster; PostgreSQL missing or failing FAILS the tests using it."""
    try:
        with running_cluster() as cluster:
            yield cluster
    except ClusterError as exc:
        pytest.fail(f"PostgreSQL is needed for this test and could not start: {exc}")
