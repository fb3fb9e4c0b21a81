"""Server tests run against a real PostgreSQL cluster, one per pytest worker (`pg_cluster`,
tests/conftest.py).

Every test under tests/server is put in one `xdist_group`, so `-n 2 --dist loadgroup`
sends them all to the same worker and only one cluster starts. A cluster that cannot
start fails the tests that need it (`pytest.fail`), never skips them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.postgres_cluster import OWNER, SERVICE, Cluster

if TYPE_CHECKING:
    from tests.server.classroom import Classroom


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(__file__).parent in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.xdist_group("postgres"))


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


@dataclass
class LiveGroup:
    """A running service over an initialised database, with members made in-process."""

    database: GroupDatabase
    url: str
    document: str  # the content hash of the shared sample
    bundle: bytes
    tokens: dict[str, str]
    ids: dict[str, str]

    def headers(self, who: str, **extra: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[who]}", **extra}

    def member(self, name: str, role: str = "student", group: str = "civics") -> str:
        from annotator.server.setup import add_member

        made = add_member(self.database.owner_url, group, name, role)
        self.tokens[name], self.ids[name] = made.token, str(made.id)
        return made.token


@pytest.fixture
def live_group(group_database: GroupDatabase, tmp_path: Path, sample_path: Path
               ) -> Iterator[LiveGroup]:
    """civics: "Ms Li" (teacher), Ana, Ben, Cai; the sample shared by the teacher."""
    import httpx

    from annotator.exchange.bundle import Bundle, write_bundle
    from annotator.importers import import_path
    from annotator.server.setup import init
    from tests.server.group_server import GroupServer

    init(group_database.owner_url, SERVICE)
    document = import_path(sample_path)
    bundle = write_bundle(Bundle(document=document), tmp_path / "shared.annot").read_bytes()
    server = GroupServer(group_database.service_url, tmp_path / "server.log").start()
    group = LiveGroup(group_database, server.url, document.content_hash, bundle, {}, {})
    for name, role in (("Ms Li", "teacher"), ("Ana", "student"), ("Ben", "student"),
                       ("Cai", "student")):
        group.member(name, role)
    shared = httpx.put(f"{server.url}/groups/civics/documents/{group.document}/bundle",
                       content=bundle, headers=group.headers("Ms Li"))
    assert shared.status_code == 201, shared.text
    try:
        yield group
    finally:
        server.stop()


@pytest.fixture
def classroom(group_database: GroupDatabase, tmp_path: Path) -> Iterator[Classroom]:
    """A running service whose members join with the CLI, each in their own home."""
    from tests.server.classroom import Classroom

    room = Classroom(group_database, tmp_path).start()
    try:
        yield room
    finally:
        assert room.server is not None
        room.server.stop()
