"""group_sync_30x200: 30 member processes each push 200 notes at once, then all pull.

A throwaway PostgreSQL cluster (the tests' `tests/postgres_cluster.py`: the distribution's
binaries, fsync off) and the real service on a loopback port. Each member is its own
process with its own ANNOTATOR_HOME: it joins, fetches the shared document, writes 200
notes offline, and at the start signal syncs (two push requests of 100, then a pull);
when every member has pushed, all sync again to pull the others' notes. Reported: p50 and
p99 of the push requests' round trips, the seconds from the start signal until the last
member has pushed and pulled, and how many notes each member holds at the end (every one
must hold all 6,000). The floor is PostgreSQL itself: one `executemany` INSERT of the
same 6,000 JSON-LD bodies into a plain table, the least any server storing them does.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.postgres_cluster import OWNER, SERVICE, Cluster, start_cluster
from tests.server.group_server import GroupServer

from annotator.core.annotation import Annotation, new_id, quote_context
from annotator.exchange import layers
from annotator.groupsync.sync import GroupSync
from annotator.importers import import_path
from annotator.server.setup import add_member, init
from annotator.services.library_services import Services
from benchmarks.common import ROOT, SAMPLE, Figure

MEMBERS = 30
NOTES = 200
GROUP = "bench"


def _wait_for(folder: Path, prefix: str, count: int, members: list[subprocess.Popen[bytes]]
              ) -> None:
    deadline = time.monotonic() + 900
    while len(list(folder.glob(f"{prefix}-*"))) < count:
        failed = [i for i, m in enumerate(members) if m.poll() not in (None, 0)]
        if failed or time.monotonic() > deadline:
            log = folder / f"member-{failed[0] if failed else 0}.log"
            raise RuntimeError(f"a member failed before {prefix}: {log.read_text()[-1500:]}")
        time.sleep(0.05)


def _floor(cluster: Cluster, database: str) -> float:
    """Seconds for one executemany INSERT of 6,000 JSON-LD bodies into a plain table."""
    document = import_path(SAMPLE)
    exact, prefix, suffix = quote_context(document.text, 10, 20)
    note = Annotation(document.content_hash, 10, 20, exact, prefix, suffix, note="floor",
                      author_id=new_id(), author_name="Floor")
    body = json.dumps(layers.item(note, f"urn:annotator:sha256:{document.content_hash}", {}))
    with cluster.connect(database, OWNER) as conn:
        conn.execute("CREATE TABLE floor (id bigint, body jsonb)")
        start = time.perf_counter()
        with conn.cursor() as cursor, conn.transaction():
            cursor.executemany("INSERT INTO floor VALUES (%s, %s)",
                               [(i, body) for i in range(MEMBERS * NOTES)])
        return time.perf_counter() - start


def _share(url: str, token: str, home: Path) -> None:
    os.environ["ANNOTATOR_HOME"] = str(home)
    try:
        with Services.open() as services:
            doc = services.library.add(import_path(SAMPLE))
            groups = GroupSync(services.store, services.reader)
            groups.join(f"{url}/groups/{GROUP}", token)
            groups.share(doc)
    finally:
        del os.environ["ANNOTATOR_HOME"]


def run() -> list[Figure]:
    folder = Path(tempfile.mkdtemp(prefix="bench-group-"))
    cluster = start_cluster()
    server: GroupServer | None = None
    members: list[subprocess.Popen[bytes]] = []
    try:
        database = cluster.new_database()
        init(cluster.url(database, OWNER), SERVICE)
        server = GroupServer(cluster.url(database, SERVICE), folder / "server.log").start()
        teacher = add_member(cluster.url(database, OWNER), GROUP, "Teacher", "teacher")
        _share(server.url, teacher.token, folder / "teacher")
        for index in range(MEMBERS):
            member = add_member(cluster.url(database, OWNER), GROUP, f"Student {index}",
                                "student")
            env = {**os.environ, "ANNOTATOR_HOME": str(folder / f"member-{index}")}
            log = (folder / f"member-{index}.log").open("wb")
            members.append(subprocess.Popen(
                [sys.executable, "-m", "benchmarks.group_member", server.url, GROUP,
                 member.token, str(folder), str(index)],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
            ))
        _wait_for(folder, "ready", MEMBERS, members)
        start = time.perf_counter()
        (folder / "push").touch()
        _wait_for(folder, "pushed", MEMBERS, members)
        (folder / "pull").touch()
        _wait_for(folder, "result", MEMBERS, members)
        total = time.perf_counter() - start
        results = [json.loads((folder / f"result-{i}.json").read_text())
                   for i in range(MEMBERS)]
        latencies = sorted(s for r in results for s in r["push_requests"])
        held = {r["held"] for r in results}
        assert held == {MEMBERS * NOTES}, f"members hold {sorted(held)} notes, not 6,000"
        floor = _floor(cluster, database)
        p99 = latencies[min(len(latencies) - 1, round(0.99 * (len(latencies) - 1)))]
        return [
            Figure("group_sync_30x200", total, "s", "executemany INSERT of 6,000 bodies",
                   floor, None),
            Figure("group_sync_push_p50", statistics.median(latencies), "s",
                   "executemany INSERT of 200 bodies", floor / MEMBERS, None),
            Figure("group_sync_push_p99", p99, "s", "executemany INSERT of 200 bodies",
                   floor / MEMBERS, None),
            Figure("group_sync_held_each", min(held), "notes", "every member's 200 x 30",
                   MEMBERS * NOTES, None),
        ]
    finally:
        for member in members:
            if member.poll() is None:
                member.kill()
        if server is not None:
            server.stop()
        cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)
