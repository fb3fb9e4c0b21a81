"""Server tests run against a real PostgreSQL cluster, one per pytest worker.

Every test under tests/server is put in one `xdist_group`, so `-n 2 --dist loadgroup`
sends them all to the same worker and only one cluster starts. A cluster that cannot
start fails the tests that need it (`pytest.fail`), never skips them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.postgres_cluster import OWNER, SERVICE, Cluster, ClusterError, start_cluster


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(__file__).parent in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.xdist_group("postgres"))


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    try:
        cluster = start_cluster()
    except ClusterError as exc:
        pytest.fail(f"PostgreSQL could not start for the server tests: {exc}")
    try:
        yield cluster
    finally:
        cluster.stop()


@dataclass(frozen=True)
class GroupDatabase:
    """A fresh database: the owner's URL (for init and add-member) and the service's."""

    cluster: Cluster
    name: str

    @property
    def owner_url(self) -> str:
        return self.cluster.url(self.name, OWNER)

    @property
    def service_url(self) -> str:
        return self.cluster.url(self.name, SERVICE)


@pytest.fixture
def group_database(pg_cluster: Cluster) -> GroupDatabase:
    return GroupDatabase(pg_cluster, pg_cluster.new_database())
