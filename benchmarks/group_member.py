"""One member's process in `bench_group_sync`: join, write 200 notes, push, then pull.

Run by the benchmark as `python -m benchmarks.group_member URL GROUP TOKEN FOLDER INDEX`
with its own ANNOTATOR_HOME. It waits at two barriers (files the benchmark creates), so
all members push at once and all pull at once, and writes its timings as JSON.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from annotator.core.annotation import Annotation, quote_context
from annotator.groupsync import sync as group_sync
from annotator.groupsync.client import GroupClient
from annotator.services.library_services import Services

NOTES = 200
push_seconds: list[float] = []


class TimedClient(GroupClient):
    """The sync's own HTTP client, with each push request's round trip recorded."""

    def push(self, since: int, items: list[dict[str, Any]]) -> dict[str, Any]:
        start = time.perf_counter()
        try:
            return super().push(since, items)
        finally:
            push_seconds.append(time.perf_counter() - start)


def _wait_for(path: Path) -> None:
    while not path.exists():
        time.sleep(0.02)


def main(url: str, group: str, token: str, folder: Path, index: int) -> None:
    group_sync.GroupClient = TimedClient  # type: ignore[misc]
    with Services.open() as services:
        groups = group_sync.GroupSync(services.store, services.reader)
        groups.join(f"{url}/groups/{group}", token)
        groups.sync()
        reader = services.identity.reader()
        [summary] = services.library.documents()
        stored = services.library.document(summary.id)
        text = stored.document.text
        notes = []
        for i in range(NOTES):
            start = (index * 53 + i * 17) % (len(text) - 30)
            exact, prefix, suffix = quote_context(text, start, start + 10 + i % 15)
            notes.append(Annotation(stored.id, start, start + len(exact), exact, prefix,
                                    suffix, note=f"member {index} note {i}",
                                    author_id=reader.id, author_name=reader.name))
        with services.store.transaction() as repo:
            repo.insert_annotations(notes)
        (folder / f"ready-{index}").touch()
        _wait_for(folder / "push")
        start = time.perf_counter()
        pushed = groups.sync().pushed
        pushing = time.perf_counter() - start
        (folder / f"pushed-{index}").touch()
        _wait_for(folder / "pull")
        start = time.perf_counter()
        groups.sync()
        pulling = time.perf_counter() - start
        held = len(services.annotations(summary.id))
    (folder / f"result-{index}.json").write_text(json.dumps({
        "pushed": pushed, "push_requests": push_seconds, "push_sync": pushing,
        "pull_sync": pulling, "held": held,
    }))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], Path(sys.argv[4]), int(sys.argv[5]))
