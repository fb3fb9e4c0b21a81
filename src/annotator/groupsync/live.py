"""Live updates: the group server's events, "group G is at version N", heard on a thread.

The server turns PostgreSQL's `LISTEN/NOTIFY` into server-sent events at
`/groups/{g}/events` (server/events.py): the group's version when a client connects, then
each new one, and a comment every 15 seconds to keep proxies from closing the stream.
An event carries no content, so hearing one is only a reason to pull; a missed one
costs a delay until the next periodic sync, never a change.

Plain streaming HTTP with httpx, the library the sync client already uses, on a daemon
thread per joined group, so the window (or any caller) never waits on the network. A
lost connection is tried again after 1, 2, 4... seconds, up to a minute, with jitter so
a class whose server restarts does not come back all at once. `stop()` shuts the socket
down, which wakes the blocked read at once, and joins the thread.
"""

from __future__ import annotations

import contextlib
import random
import socket
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import httpx

from annotator import __version__
from annotator.groupsync.config import GroupLink

FIRST_RETRY_S = 1.0
LAST_RETRY_S = 60.0
# The server speaks every 15 s (a keepalive comment); silence for longer means the
# connection died without closing (a laptop's network went away).
TIMEOUT = httpx.Timeout(45.0, connect=5.0)
STOP_WAIT_S = 6.0  # a connect in progress gives up after 5 s


@dataclass(frozen=True, slots=True)
class Heard:
    """One event: `group` is at `version`. `back`: the first event of a connection made
    after one was lost or refused, so the server is reachable again."""

    group: str
    version: int
    back: bool = False


Listener = Callable[[Heard], None]
"""Called on the listening thread: it must hand over quickly (queue it, emit a signal)."""


def versions(lines: Iterable[str]) -> Iterator[int]:
    """The versions announced by a stream of server-sent event lines (other events and
    comments are skipped, as the SSE format says an unknown event must be)."""
    event, data = "", list[str]()
    for line in lines:
        if not line:
            value = "\n".join(data).strip()
            if event == "version" and value.isdigit():
                yield int(value)
            event, data = "", []
            continue
        if line.startswith(":"):
            continue
        name, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if name == "event":
            event = value
        elif name == "data":
            data.append(value)


class GroupEvents:
    """One group's event stream, heard on a thread of its own until `stop()`."""

    def __init__(self, link: GroupLink, heard: Listener, *,
                 first_retry: float = FIRST_RETRY_S, last_retry: float = LAST_RETRY_S) -> None:
        self.group = link.group
        self._url = f"{link.group_url}/events"
        self._headers = {"Authorization": f"Bearer {link.token}",
                         "Accept": "text/event-stream",
                         "User-Agent": f"Annotator/{__version__}"}
        self._heard = heard
        self._first_retry = first_retry
        self._last_retry = last_retry
        self._stopping = threading.Event()
        self._lock = threading.Lock()  # stop() vs. a socket being opened or an event heard
        self._socket: socket.socket | None = None
        self._lost = False
        self._thread = threading.Thread(target=self._run, name=f"group-events-{link.group}",
                                        daemon=True)

    def start(self) -> GroupEvents:
        self._thread.start()
        return self

    def stop(self, timeout: float = STOP_WAIT_S) -> bool:
        """Stop listening; True once the thread has ended. No event is delivered after
        this returns, even by a thread still finishing a connect."""
        with self._lock:
            self._stopping.set()
            if self._socket is not None:
                with contextlib.suppress(OSError):
                    self._socket.shutdown(socket.SHUT_RDWR)
        if self._thread.is_alive():
            self._thread.join(timeout)
        return not self._thread.is_alive()

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        delay = self._first_retry
        with httpx.Client(timeout=TIMEOUT, headers=self._headers) as http:
            while not self._stopping.is_set():
                try:
                    if self._listen(http):
                        delay = self._first_retry
                except (httpx.HTTPError, OSError):
                    pass  # offline, refused, cut: quietly try again later
                self._lost = True
                if self._stopping.wait(delay * random.uniform(0.8, 1.2)):
                    return
                delay = min(delay * 2, self._last_retry)

    def _listen(self, http: httpx.Client) -> bool:
        """Hear one connection's events until it ends; True if the server accepted it."""
        with http.stream("GET", self._url) as response:
            if response.status_code != 200:
                return False  # a revoked token or a proxy's error page: wait and retry
            stream = response.extensions.get("network_stream")
            with self._lock:
                if self._stopping.is_set():
                    return True
                self._socket = stream.get_extra_info("socket") if stream else None
            try:
                for version in versions(response.iter_lines()):
                    with self._lock:
                        if self._stopping.is_set():
                            return True
                        self._heard(Heard(self.group, version, self._lost))
                    self._lost = False
            finally:
                with self._lock:
                    self._socket = None
        return True


class Listening:
    """The event streams of every joined group, stopped together."""

    def __init__(self, streams: list[GroupEvents]) -> None:
        self.streams = streams

    @property
    def groups(self) -> set[str]:
        return {s.group for s in self.streams}

    def stop(self) -> bool:
        """Stop every stream; True once all their threads have ended."""
        for stream in self.streams:
            stream.stop(0)
        return all([stream.stop() for stream in self.streams])


def listen(links: Iterable[GroupLink], heard: Listener) -> Listening:
    """Start hearing every group in `links`; `heard` is called on their threads."""
    return Listening([GroupEvents(link, heard).start() for link in links])
