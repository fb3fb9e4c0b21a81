"""What a window says about its groups, after a background sync or without one.

The window syncs on its own, on change and on a timer, so an unreachable server is a
state to show ("offline, 12 changes waiting"), never a failure to report: `sync_all`
turns `Offline` into that state and leaves the window only the drawing of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotator.groupsync import config

if TYPE_CHECKING:  # httpx comes with the `server` extra: a library in no group lacks it
    from annotator.groupsync.live import Heard
    from annotator.groupsync.sync import GroupSync


@dataclass(frozen=True, slots=True)
class GroupState:
    joined: bool  # False: no group joined, nothing to show
    waiting: int = 0  # the reader's changes the server has not acknowledged
    conflicts: int = 0  # both copies of a note kept after two devices changed it
    pulled: int = 0  # what this sync wrote into the library (the window reloads)
    offline: str = ""  # why the server could not be reached; "" when it answered


def joined() -> bool:
    """Whether the reader joined any group (read without loading the HTTP client)."""
    return bool(config.load())


def current(sync: GroupSync) -> GroupState:
    """The state without the network (at start, before the first sync)."""
    groups = sorted(config.load())
    if not groups:
        return GroupState(joined=False)
    statuses = [sync.status(group) for group in groups]
    return GroupState(True, sum(s.waiting for s in statuses),
                      sum(len(s.conflicts) for s in statuses))


def sync_all(sync: GroupSync) -> GroupState:
    """Sync every joined group; an unreachable server leaves the changes waiting."""
    from annotator.groupsync.client import Offline

    pulled = 0
    for group in sorted(config.load()):
        try:
            pulled += sync.sync(group).pulled
        except Offline as exc:
            state = current(sync)
            return GroupState(True, state.waiting, state.conflicts, pulled, str(exc))
    state = current(sync)
    return GroupState(state.joined, state.waiting, state.conflicts, pulled)


def worth_a_sync(heard: Heard) -> bool:
    """Whether an event from the server calls for a sync now: the group is at a version
    this library has not pulled, or the server is reachable again after it was not (the
    changes that waited can go). Decided when the event is handled, after any sync that
    ran meanwhile recorded its version, so a device's own push does not start another."""
    link = config.load().get(heard.group)
    return link is not None and (heard.back or heard.version > link.version)
