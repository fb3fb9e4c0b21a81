"""A PostgreSQL cluster for the store's contract tests (tests/store/test_contract.py).

The same session fixture as tests/server/conftest.py's, over the shared
tests/postgres_cluster.py; both sets of tests run in the `postgres` xdist group.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.postgres_cluster import Cluster, ClusterError, start_cluster


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """A running throwaway cluster; PostgreSQL missing or failing FAILS the tests using it."""
    try:
        cluster = start_cluster()
    except ClusterError as exc:
        pytest.fail(f"PostgreSQL could not start for the store's contract tests: {exc}")
    try:
        yield cluster
    finally:
        cluster.stop()
