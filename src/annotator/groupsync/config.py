"""The groups a reader has joined, kept in per-user configuration (`groups.json`).

Not in the library database: a token is a credential, and a database may be copied,
shared or restored from a backup, while the last synced version and what was synced
describe this reader's relation to a server, not the library's content. The file is
written atomically and readable by its owner only.

A sync (on the network thread) holds the links it loaded for the whole run, while the
reader may resolve a conflict or undo a resolution on the GUI thread meanwhile. So the
conflict lists are changed only through `update`, under one lock, and a sync saves with
`save_after_sync`, which keeps the lists as they are on disk now plus the entries the
sync itself filed: neither write loses the other's.
"""

from __future__ import annotations

import json
import os
import socket
import tempfile
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from annotator import paths
from annotator.errors import AnnotatorError
from annotator.exchange.layers import MAX_DEVICE

FILE_NAME = "groups.json"
FORMAT = 1
_WRITING = threading.Lock()  # one read-modify-write of groups.json at a time


@dataclass
class GroupLink:
    """One joined group: where it is, who the reader is there, and how far they synced."""

    url: str  # the server's root, e.g. https://school.example/annotator
    group: str
    token: str
    member: str
    name: str
    role: str
    version: int = 0  # the group version of the last pull
    documents: dict[str, str] = field(default_factory=dict)  # content hash -> library id
    # Each of the reader's annotations as last acknowledged: [revision, modified, deleted].
    synced: dict[str, list[Any]] = field(default_factory=dict)
    hidden: list[str] = field(default_factory=list)  # others' annotations a teacher hid
    answers_hidden_until: str | None = None  # a future date seen at the last pull
    conflicts: list[dict[str, Any]] = field(default_factory=list)  # both copies, kept
    device: str = ""  # this device's name as the reader set it; "" is the host name

    @property
    def group_url(self) -> str:
        return f"{self.url}/groups/{self.group}"

    @property
    def device_name(self) -> str:
        """The name this device's pushes carry, so the reader's other device can say
        where a conflicting text came from."""
        return device_name(self.device)


def device_name(chosen: str = "") -> str:
    """A device's name: the one the reader chose, else the machine's host name, as one
    line that fits what the server keeps (exchange/layers.py `MAX_DEVICE`)."""
    name = " ".join((chosen.strip() or socket.gethostname()).split())
    name = "".join(c for c in name if c.isprintable())
    return name[:MAX_DEVICE].strip() or "?"


def _path() -> Path:
    return paths.config_dir() / FILE_NAME


def load() -> dict[str, GroupLink]:
    path = _path()
    if not path.exists():
        return {}
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
        return {name: GroupLink(**link) for name, link in value["groups"].items()}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise AnnotatorError(
            f"{path} cannot be read ({exc}): join the group again to rewrite it."
        ) from None


def save(links: dict[str, GroupLink]) -> None:
    path = _path()
    data = json.dumps({"format": FORMAT, "groups": {k: asdict(v) for k, v in links.items()}},
                      ensure_ascii=False, indent=1)
    handle, temporary = tempfile.mkstemp(prefix=".groups-", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            Path(temporary).chmod(0o600)
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def update(change: Callable[[dict[str, GroupLink]], None]) -> None:
    """Load, change and save the links as one step (see the module's docstring)."""
    with _WRITING:
        links = load()
        change(links)
        save(links)


def save_after_sync(links: dict[str, GroupLink], filed: dict[str, list[dict[str, Any]]]
                    ) -> None:
    """Save what a sync loaded and changed; each group's conflict list is the one on disk
    now (resolutions made meanwhile stay made) plus the entries the sync `filed`."""
    with _WRITING:
        current = load()
        for name, link in links.items():
            now = current.get(name)
            listed = now.conflicts if now is not None else link.conflicts
            link.conflicts = [*listed, *(c for c in filed.get(name, ()) if c not in listed)]
        save(links)


def chosen(links: dict[str, GroupLink], group: str | None) -> GroupLink:
    """The group a command means: the one named, or the only one joined."""
    if group is not None:
        if group not in links:
            raise AnnotatorError(f"You have not joined a group named {group!r}.")
        return links[group]
    if not links:
        raise AnnotatorError("Join a group first: annotator group join URL --token TOKEN.")
    if len(links) > 1:
        raise AnnotatorError(f"Name the group with --group ({', '.join(sorted(links))}).")
    return next(iter(links.values()))
