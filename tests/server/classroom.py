"""A class around a real group server: members are CLI processes, each in its own home."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.annotation import Annotation
from annotator.services.annotating import Annotating
from annotator.services.identity import IDENTITY_FILE, Identity, Reader
from annotator.store import Store
from tests.cli.cli_process import assert_one_line_error, run_annotator
from tests.postgres_cluster import SERVICE
from tests.server.conftest import GroupDatabase
from tests.server.group_server import GroupServer, add_member

GROUP = "civics"


def cli(home: Path, *args: str | Path) -> Any:
    """`annotator ARGS --json` in `home`: its JSON, or the test fails with its stderr."""
    done = run_annotator(home, *args, "--json", timeout=120)
    assert done.returncode == 0, (args, done.stderr)
    return json.loads(done.stdout)


def cli_refused(home: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    done = run_annotator(home, *args, timeout=120)
    assert_one_line_error(done)
    return done


@contextmanager
def library(home: Path) -> Iterator[Store]:
    """`home`'s library, with `home` as ANNOTATOR_HOME meanwhile: the reader's identity
    lives in that home's settings, not in the database."""
    saved = os.environ.get("ANNOTATOR_HOME")
    os.environ["ANNOTATOR_HOME"] = str(home)
    try:
        with Store.open(home / "data" / "annotator.db") as store:
            yield store
    finally:
        if saved is None:
            del os.environ["ANNOTATOR_HOME"]
        else:
            os.environ["ANNOTATOR_HOME"] = saved


def reader_of(home: Path, store: Store) -> Reader:
    """The reader whose device is `home` (identity lives in its configuration folder)."""
    return Identity(store, home / "config" / IDENTITY_FILE).reader()


def annotations(home: Path, content_hash: str, *, tombstones: bool = False) -> list[Annotation]:
    """What `home`'s library holds for the group document with this text hash."""
    with library(home) as store, store.transaction(write=False) as repo:
        found = repo.document_by_hash(content_hash)
        assert found is not None, f"{home.name} does not have the document"
        live = repo.annotations(found[0])
        return live + (repo.tombstones(found[0]) if tombstones else [])


def edit_note(home: Path, annotation_id: str, note: str) -> None:
    """The reader at `home` edits a note, as the window would."""
    with library(home) as store:
        Annotating(store, reader_of(home, store)).edit([annotation_id], note=note)


def delete(home: Path, annotation_id: str) -> None:
    with library(home) as store:
        Annotating(store, reader_of(home, store)).delete([annotation_id])


@dataclass
class Classroom:
    database: GroupDatabase
    root: Path
    server: GroupServer | None = None
    tokens: dict[str, str] = field(default_factory=dict)
    members: dict[str, str] = field(default_factory=dict)

    def start(self) -> Classroom:
        done = run_annotator(self.root, "server", "init", "--database",
                             self.database.owner_url, "--service-role", SERVICE)
        assert done.returncode == 0, done.stderr
        self.server = GroupServer(self.database.service_url, self.root / "server.log").start()
        return self

    @property
    def url(self) -> str:
        assert self.server is not None
        return self.server.url

    def add(self, name: str, role: str = "student", group: str = GROUP, *extra: str) -> str:
        added = add_member(self.database.owner_url, self.root / "admin", group, name, role,
                           *extra)
        self.tokens[name], self.members[name] = added["token"], added["member"]
        return added["token"]

    def join(self, name: str, role: str = "student", home: Path | None = None) -> Path:
        """A member's device: a new home that joined the group with their token."""
        if name not in self.tokens:
            self.add(name, role)
        home = home or self.root / name
        joined = cli(home, "group", "join", f"{self.url}/groups/{GROUP}", "--token",
                     self.tokens[name])
        assert joined["name"] == name and joined["group"] == GROUP
        return home

    def shared_sample(self, sample: Path) -> tuple[Path, str, str]:
        """The teacher's device, having imported `sample` and shared it: (home, id, hash)."""
        teacher = self.join("Ms Li", "teacher")
        doc: str = cli(teacher, "import", sample)["id"]
        content_hash: str = cli(teacher, "group", "share", doc)["document"]
        return teacher, doc, content_hash

    def sync(self, home: Path) -> dict[str, Any]:
        result: dict[str, Any] = cli(home, "sync")
        return result
