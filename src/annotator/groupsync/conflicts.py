"""The reader's notes changed on two of their devices, and what choosing a text does.

A sync that finds the reader's own annotation changed both here and on another device
keeps this device's copy (with a revision above both, so it wins everywhere at the next
sync) and files the other copy in the group's conflict list (`groups.json`, see
sync.py). Each entry is shown as an `exchange.merge.Conflict`, the same value a merge of
bundles reports, with `kept` the library's copy as it is now and `other` the other
device's.

Resolving one is an ordinary edit of the reader's own annotation through `Annotating`,
so it is one undo step (`Change`) and a pending change that the next sync sends:
- keeping this device's text changes nothing in the library;
- keeping the other device's takes its note, colour, tags, area and deletion;
- a text of the reader's own (a combination of both) becomes the note.
Either way the entry leaves the list, as the change's effect (`ConflictEntries`). An undo
writes the earlier text back as a newer revision (`Annotating.apply`), which syncs like
any edit, and puts the entry back on the list, so the reader can choose again; a redo
takes it off again.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from annotator.errors import AnnotatorError, NotFound
from annotator.exchange import layers
from annotator.exchange.merge import Conflict, Reason
from annotator.groupsync import config
from annotator.groupsync.config import GroupLink
from annotator.groupsync.sync import parsed
from annotator.services.annotating import Annotating, check_note
from annotator.services.changes import Change
from annotator.services.identity import Reader
from annotator.store.api import Store

RESOLVED = "Resolve conflict"


@dataclass(frozen=True, slots=True)
class DeviceConflict:
    group: str
    conflict: Conflict  # kept: this device's copy now; other: the other device's
    detected: datetime | None
    device: str = ""  # this device's name
    other_device: str | None = None  # None: pushed by a version that names no device


class DeviceConflicts:
    """List the conflicts of every joined group, and resolve one."""

    def __init__(self, store: Store, reader: Reader) -> None:
        self._store = store
        self._reader = reader

    def listed(self) -> list[DeviceConflict]:
        """One entry per annotation in conflict (the latest other copy), oldest first.
        An entry whose annotation is no longer in the library is left out."""
        latest: dict[tuple[str, str], dict[str, Any]] = {}
        links = config.load()
        for name, link in sorted(links.items()):
            for record in link.conflicts:
                latest[(name, str(record["id"]))] = record
        with self._store.transaction(write=False) as repo:
            stored = repo.annotations_by_id([i for _, i in latest])
        found = []
        for (group, annotation_id), record in latest.items():
            mine = stored.get(annotation_id)
            if mine is None:
                continue
            other = parsed(record["other"], mine.document_id)
            named = record.get("other_device")
            found.append(DeviceConflict(group, Conflict(annotation_id, mine, other,
                                                        Reason.OTHER_DEVICE),
                                        _moment(record.get("detected")),
                                        links[group].device_name,
                                        named if isinstance(named, str) and named else None))
        return found

    def resolve(self, found: DeviceConflict, *, other: bool = False,
                note: str | None = None) -> Change:
        """Keep this device's copy (the default), the other device's (`other`), or the
        reader's own `note`: the change to undo, which also takes the entry off the list."""
        if other and note is not None:
            raise AnnotatorError("Keep one text: the other device's or the one written.")
        if other or note is not None:
            change = _chosen(self._store, self._reader, found.conflict, other, note)
        else:
            change = Change(RESOLVED, found.conflict.kept.document_id)
        link = config.load().get(found.group)
        records = tuple(c for c in (link.conflicts if link else ())
                        if c.get("id") == found.conflict.id)
        change = replace(change, effects=(ConflictEntries(found.group, records, False),))
        change.apply(Annotating(self._store, self._reader))
        return change


@dataclass(frozen=True, slots=True)
class ConflictEntries:
    """A resolution's effect on the conflict list: `records` (every entry of one note in
    one group, as the reader saw them) leave it, or with `listed` come back. Entries a
    sync files meanwhile are kept either way."""

    group: str
    records: tuple[dict[str, Any], ...]
    listed: bool

    def apply(self) -> None:
        try:
            config.update(self._write)
        except OSError as exc:
            raise AnnotatorError(f"The group settings cannot be written ({exc}).") from None

    def _write(self, links: dict[str, GroupLink]) -> None:
        link = links.get(self.group)
        if link is None:
            return  # the group was left: no list to change
        others = [c for c in link.conflicts if c not in self.records]
        # Put back before the rest: an entry a sync filed since is newer, and the list
        # shows the newest other copy of each note (`DeviceConflicts.listed`).
        link.conflicts = [*self.records, *others] if self.listed else others

    def inverse(self) -> ConflictEntries:
        return replace(self, listed=not self.listed)


def _chosen(store: Store, reader: Reader, conflict: Conflict, other: bool,
            note: str | None) -> Change:
    """The chosen text written over the library's copy as the reader's next edit (the
    change, not applied yet)."""
    with store.transaction(write=False) as repo:
        mine = repo.annotations_by_id([conflict.id]).get(conflict.id)
    if mine is None:
        raise NotFound("This note is no longer in your library.")
    if mine.author_id != reader.id:
        raise AnnotatorError("Only your own notes can be resolved here.")
    if note is not None:
        after = mine.edited(note=check_note(note), deleted=False)
    else:
        theirs = conflict.other
        after = mine.edited(note=theirs.note, color=theirs.color, tags=theirs.tags,
                            area=theirs.area, deleted=theirs.deleted)
    return Change(RESOLVED, mine.document_id, (mine,), (after,))


def _moment(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return layers.moment(value, "the group settings", "detected")
    except AnnotatorError:
        return None
