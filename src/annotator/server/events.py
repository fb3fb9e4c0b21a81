"""Live updates: PostgreSQL `LISTEN` in each service process, server-sent events to clients.

A notification carries only "group G is at version N" (`library.CHANNEL`), never
content: notifications bypass row-level security, are limited to 8,000 bytes, and are
lost when nobody listens. Each service process holds one listening connection and fans
the versions out to its connected clients of that group; a client then pulls
`changes?since=` as usual. A lost notification (a restart, a dropped connection) costs
only a delay until the client's next periodic sync: the pull is what makes sync correct.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

import psycopg

from annotator.server.library import CHANNEL

KEEPALIVE_SECONDS = 15.0
RETRY_SECONDS = 2.0
_log = logging.getLogger(__name__)


class Broadcaster:
    def __init__(self, conninfo: str) -> None:
        self._conninfo = conninfo
        self._listeners: dict[str, set[asyncio.Queue[int]]] = {}
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._task = asyncio.create_task(self._listen())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _listen(self) -> None:
        while True:
            try:
                conn = await psycopg.AsyncConnection.connect(self._conninfo, autocommit=True)
                async with conn:
                    await conn.execute(f"LISTEN {CHANNEL}")
                    async for note in conn.notifies():
                        self._deliver(note.payload)
            except psycopg.Error as exc:
                _log.warning("group notifications interrupted (%s); listening again", exc)
                await asyncio.sleep(RETRY_SECONDS)

    def _deliver(self, payload: str) -> None:
        group, _, version = payload.partition(" ")
        if not version.isdigit():
            return
        for queue in self._listeners.get(group, ()):
            queue.put_nowait(int(version))

    async def stream(self, group: str, version: int) -> AsyncIterator[bytes]:
        """Server-sent events for one client: the version now, then each new one."""
        queue: asyncio.Queue[int] = asyncio.Queue()
        self._listeners.setdefault(group, set()).add(queue)
        try:
            yield _event(version)
            while True:
                try:
                    latest = await asyncio.wait_for(queue.get(), KEEPALIVE_SECONDS)
                except TimeoutError:
                    yield b": keepalive\n\n"
                    continue
                while not queue.empty():  # a burst of writes is one pull
                    latest = max(latest, queue.get_nowait())
                yield _event(latest)
        finally:
            self._listeners[group].discard(queue)


def _event(version: int) -> bytes:
    return f"event: version\ndata: {version}\n\n".encode("ascii")
