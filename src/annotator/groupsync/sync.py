"""Join, share and sync: the local library stays the reader's, the group is merged in.

A sync pushes the reader's own annotations that changed since they were last
acknowledged (in batches, each carrying the version last pulled as
`If-Unmodified-Since-Version`), then pulls everything after that version. A 412 means
the reader wrote the same annotation from another device: pull, merge, push again.

Merging follows the sharing issue (`exchange/merge.py`) for other members' copies: the
newer wins, tombstones travel, a missing annotation is never a deletion. The reader's
own annotations are the one difference: a copy of one of them from the server was
written by the reader on another device (the server lets nobody else write it), so it
is taken when this device has not changed that annotation since the last sync, the way
Zotero reconciles against the last synced state. When both devices changed it, this
device's text stays and goes up with the next revision, and the other text is kept in the
group's conflict list (`groups.json`), so nothing is lost and the reader can choose.

A teacher's hide arrives as an id without content: the local copy becomes a tombstone,
and comes back when the hide is lifted. Answers hidden until a date arrive once the date
has passed or the teacher lifts it: the first pull after that starts again from version
0 (merging is idempotent).
"""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from annotator.core import w3c
from annotator.core.annotation import Annotation, changed, new_id, utc_now
from annotator.errors import AnnotatorError, BundleRejected
from annotator.exchange import layers
from annotator.exchange.bundle import Bundle, read_bundle, write_bundle
from annotator.exchange.merge import merge, order
from annotator.groupsync import config
from annotator.groupsync.client import (
    GroupClient,
    NotAGroupServer,
    Offline,
    Refused,
    StalePush,
    host,
)
from annotator.groupsync.config import GroupLink
from annotator.services.identity import Identity, Reader
from annotator.services.library import Library
from annotator.store.api import Repository, Store

BATCH = 100
MAX_ROUNDS = 5


@dataclass(frozen=True, slots=True)
class SyncReport:
    group: str
    pushed: int
    pulled: int
    conflicts: int
    version: int
    conflicted: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GroupStatus:
    link: GroupLink
    waiting: int  # the reader's changes not yet acknowledged by the server
    conflicts: tuple[dict[str, Any], ...]


class JoinFailed(AnnotatorError):
    """Joining failed for a reason the reader can fix; `kind` names it for the window,
    which says it in the reader's language: "token", "group", "refused", "dns",
    "timeout", "tls", "not-annotator"."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def _join_failure(exc: AnnotatorError, url: str) -> JoinFailed:
    where = host(url)
    if isinstance(exc, Offline):
        message = {
            "dns": f"{where} cannot be found: check the address and your connection.",
            "timeout": f"The server at {url} did not answer in time: check your connection "
                       "and try again.",
            "tls": f"No secure connection to {where} could be made: check the address "
                   "(http:// or https://), or ask whoever runs the server about its "
                   "certificate.",
        }.get(exc.reason, f"Cannot reach a group server at {url}: nothing answers there; "
                          "check the address, or the server may be down.")
        return JoinFailed(exc.reason if exc.reason in ("dns", "timeout", "tls")
                          else "refused", message)
    if isinstance(exc, Refused) and exc.status in (401, 403):
        return JoinFailed("token", "The server did not accept this token: it is wrong or "
                                   "has expired. Ask your teacher for a new one.")
    return JoinFailed("not-annotator", f"{url} is not an Annotator group server: check "
                                       "the address.")


@dataclass(frozen=True, slots=True)
class Joined:
    group: str
    member: str
    name: str
    role: str
    url: str


def _key(a: Annotation) -> list[Any]:
    """An annotation's state as it travels (JSON times are whole seconds)."""
    return [a.revision, w3c.timestamp(a.modified), a.deleted]


def _content(a: Annotation) -> Any:
    """What merge orders copies by after revision and time: their content."""
    return order(a)[2]


def _server_root(url: str) -> tuple[str, str | None]:
    """(the server's root URL, the group the URL names if it names one)."""
    url = url.strip().rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise AnnotatorError(f"{url[:80]!r} is not a group URL (http:// or https://).")
    root, marker, rest = url.partition("/groups/")
    return root, (rest.split("/")[0] or None) if marker else None


class GroupSync:
    def __init__(self, store: Store, reader: Reader) -> None:
        self._store = store
        self._reader = reader

    # --- join and share -----------------------------------------------------------

    def join(self, url: str, token: str, device: str = "") -> Joined:
        """Check the token with the server, then keep the link in per-user settings.

        The library's reader becomes the member: the server accepts annotations only in
        the member's name, and two devices of one member must own the same annotations.
        `device` names this device in what it pushes; the host name (kept as "", so a
        renamed machine follows) when it is empty or that name. Joining again with the
        same token renames the device.
        """
        device = config.device_name(device)
        device = "" if device == config.device_name() else device
        root, named = _server_root(url)
        try:
            with GroupClient(root, named or "", token.strip()) as client:
                me = client.whoami()
        except (Offline, NotAGroupServer) as exc:
            raise _join_failure(exc, root) from None
        except Refused as exc:
            if exc.status not in (401, 403, 404):
                raise
            raise _join_failure(exc, root) from None
        if named is not None and named != me["group"]:
            raise JoinFailed("group", f"This token is for group {me['group']}, not {named}: "
                                      "check the address your teacher gave.")
        links = config.load()
        for other in links.values():
            if other.member != me["member"] and other.group != me["group"]:
                raise AnnotatorError(
                    f"This library already syncs with group {other.group} as another member; "
                    "use a separate ANNOTATOR_HOME for each member identity."
                )
        self._adopt(me["member"], me["name"])
        previous = links.get(me["group"])
        link = GroupLink(root, me["group"], token.strip(), me["member"], me["name"], me["role"],
                         device=device)
        if previous is not None and previous.member == link.member:
            link = previous
            link.url, link.token, link.device = root, token.strip(), device
        links[link.group] = link
        config.save(links)
        return Joined(link.group, link.member, link.name, link.role, root)

    def _adopt(self, member: str, name: str) -> None:
        """Make the member the local reader; the reader's annotations become theirs."""
        old = self._reader.id
        documents = [d.id for d in Library(self._store).documents()] if old != member else []
        self._reader = Identity(self._store).become(member, name)
        with self._store.transaction() as repo:
            for doc_id in documents:
                mine = [a for a in (*repo.annotations(doc_id), *repo.tombstones(doc_id))
                        if a.author_id == old]
                repo.save_annotations(changed(a, author_id=member, author_name=name)
                                      for a in mine)

    def share(self, doc_ref: str, group: str | None = None) -> tuple[GroupLink, str, str, bool]:
        """Share a library document with the group: (link, hash, title, newly shared)."""
        links = config.load()
        link = config.chosen(links, group)
        stored = Library(self._store).document(doc_ref)
        document = stored.document
        with tempfile.TemporaryDirectory(prefix="annotator-share-") as folder:
            path = write_bundle(Bundle(document=document), Path(folder) / "shared.annot")
            data = path.read_bytes()
        with GroupClient(link.url, link.group, link.token) as client:
            created = client.share(document.content_hash, data)
        link.documents[document.content_hash] = stored.id

        def record(now: dict[str, GroupLink]) -> None:
            if link.group in now:
                now[link.group].documents[document.content_hash] = stored.id

        config.update(record)
        return link, document.content_hash, document.metadata.title or "Untitled", created

    def status(self, group: str | None = None) -> GroupStatus:
        """Where the reader stands with a group, without the network: what waits to be
        sent and the conflicts kept (what a status indicator shows)."""
        link = config.chosen(config.load(), group)
        waiting = len(_Run(self._store, link).pending())
        return GroupStatus(link, waiting, tuple(link.conflicts))

    # --- moderation (the teacher's) -------------------------------------------------

    def hide(self, annotation_id: str, hidden: bool, group: str | None = None) -> int:
        """Hide an annotation from the students (or show it again); the group's version."""
        link = config.chosen(config.load(), group)
        try:
            wanted = str(uuid.UUID(annotation_id.strip()))
        except ValueError:
            raise AnnotatorError(f"{annotation_id[:60]!r} is not an annotation id.") from None
        with GroupClient(link.url, link.group, link.token) as client:
            return int(client.hide(wanted, hidden)["version"])

    def hide_answers_until(self, when: str, group: str | None = None) -> str | None:
        """Students see each other's answers only from `when` (ISO 8601), or now ("none")."""
        link = config.chosen(config.load(), group)
        until = None if when.strip().lower() == "none" else _when(when).isoformat()
        with GroupClient(link.url, link.group, link.token) as client:
            result = client.hide_answers_until(until)
        shown: str | None = result.get("answers_hidden_until")
        return shown

    # --- sync ---------------------------------------------------------------------

    def sync(self, group: str | None = None) -> SyncReport:
        links = config.load()
        link = config.chosen(links, group)
        if link.member != self._reader.id:
            raise AnnotatorError(f"This library's reader is not {link.name} of {link.group}: "
                                 "join the group again.")
        run = _Run(self._store, link)
        try:
            with GroupClient(link.url, link.group, link.token) as client:
                run.push(client)
                run.pull(client)
        finally:  # what was acknowledged stays acknowledged
            config.save_after_sync(links, {link.group: run.filed})
        return SyncReport(link.group, run.pushed, run.pulled, len(run.conflicted),
                          link.version, tuple(run.conflicted))


class _Run:
    """One sync of one group: its counts, and the link it updates as it goes."""

    def __init__(self, store: Store, link: GroupLink) -> None:
        self._store = store
        self._link = link
        self._me = link.member
        self.pushed = self.pulled = 0
        self.conflicted: list[str] = []
        self.filed: list[dict[str, Any]] = []  # conflict list entries this run added

    # --- push ---------------------------------------------------------------------

    def pending(self) -> list[tuple[str, Annotation]]:
        """(document hash, annotation) of the reader's annotations not yet acknowledged."""
        found = []
        with self._store.transaction(write=False) as repo:
            for content_hash, doc_id in self._link.documents.items():
                for a in (*repo.annotations(doc_id), *repo.tombstones(doc_id)):
                    if a.author_id == self._me and self._link.synced.get(a.id) != _key(a):
                        found.append((content_hash, a))
        return found

    def push(self, client: GroupClient) -> None:
        for _ in range(MAX_ROUNDS):
            pending = self.pending()
            try:
                for start in range(0, len(pending), BATCH):
                    self._push_batch(client, pending[start : start + BATCH])
                return
            except StalePush:
                self.pull(client)  # then merge and push again
        raise AnnotatorError("The group kept changing while pushing; sync again shortly.")

    def _push_batch(self, client: GroupClient, batch: Sequence[tuple[str, Annotation]]) -> None:
        device = self._link.device_name
        items = [
            {"@context": layers.CONTEXT, **layers.item(a, _iri(content_hash), {}),
             layers.X_DEVICE: device}
            for content_hash, a in batch
        ]
        result = client.push(self._link.version, items)
        by_id = {a.id: a for _, a in batch}
        for annotation_id in (*result.get("successful", ()), *result.get("unchanged", ())):
            if annotation_id in by_id:
                self._link.synced[annotation_id] = _key(by_id[annotation_id])
        self.pushed += len(result.get("successful", ()))

    # --- pull ---------------------------------------------------------------------

    def pull(self, client: GroupClient) -> None:
        link = self._link
        held = link.answers_hidden_until  # other students' answers were held back
        since = link.version
        if held and utc_now() >= _when(held):
            since = 0  # the teacher's date has passed: fetch the answers held back
        self._pull_from(client, since)
        if held and since and link.answers_hidden_until is None:
            self._pull_from(client, 0)  # the teacher showed them early: fetch them now

    def _pull_from(self, client: GroupClient, since: int) -> None:
        link = self._link
        found = client.changes(since)
        if int(found["version"]) < since:
            # The server was restored from a backup: what it acknowledged after it is gone.
            # Pull everything, and offer every own annotation again (the same state comes
            # back as unchanged, a newer one is written).
            link.synced.clear()
            found = client.changes(0)
        while True:
            self._page(client, found)
            if not found.get("more"):
                return
            found = client.changes(link.version)

    def _page(self, client: GroupClient, found: dict[str, Any]) -> None:
        link = self._link
        for doc in found.get("documents", ()):
            self._document(client, str(doc["id"]))
        incoming: list[Annotation] = []
        devices: dict[str, str | None] = {}  # the device each copy came from, if named
        withheld: list[str] = []
        with self._store.transaction() as repo:
            for entry in found.get("changes", ()):
                content_hash = str(entry["document"])
                doc_id = link.documents.get(content_hash) or self._document(
                    client, content_hash, repo)
                item = entry.get("annotation")
                if item is None:
                    withheld.append(str(entry["id"]))
                else:
                    incoming.append(parsed(item, doc_id))
                    devices[incoming[-1].id] = _device(item)
            self._apply(repo, incoming, withheld, devices)
        until = found.get("answers_hidden_until")
        link.answers_hidden_until = until if until and utc_now() < _when(until) else None
        link.version = int(found["version"])

    def _document(self, client: GroupClient, content_hash: str,
                  repo: Repository | None = None) -> str:
        """The library id of a group document, fetched and added when new here."""
        known = self._link.documents.get(content_hash)
        if known is not None:
            return known
        data = client.bundle(content_hash)
        with tempfile.TemporaryDirectory(prefix="annotator-group-") as folder:
            path = Path(folder) / "document.annot"
            path.write_bytes(data)
            document = read_bundle(path).document
        if document.content_hash != content_hash:
            raise BundleRejected("The group server sent another document than it named.")
        if repo is None:
            with self._store.transaction() as own:
                return self._document_in(own, content_hash, document)
        return self._document_in(repo, content_hash, document)

    def _document_in(self, repo: Repository, content_hash: str, document: Any) -> str:
        known = repo.document_by_hash(content_hash)
        if known is None:
            doc_id = new_id()
            repo.insert_document(doc_id, document, None, utc_now())
        else:
            doc_id = known[0]
            if known[1]:
                repo.update_document(doc_id, deleted=False)
        self._link.documents[content_hash] = doc_id
        return doc_id

    def _apply(self, repo: Repository, incoming: Sequence[Annotation],
               withheld: Iterable[str], devices: dict[str, str | None]) -> None:
        link = self._link
        local = repo.annotations_by_id([a.id for a in incoming] + list(withheld))
        writes: list[tuple[Annotation | None, Annotation]] = []
        for annotation_id in withheld:
            mine = local.get(annotation_id)
            if annotation_id not in link.hidden:
                link.hidden.append(annotation_id)
            if mine is not None and mine.author_id != self._me and not mine.deleted:
                writes.append((mine, changed(mine, deleted=True)))
        others: list[Annotation] = []
        for copy in incoming:
            if copy.id in link.hidden:  # shown again by the teacher: the server's copy
                link.hidden.remove(copy.id)
                writes.append((local.get(copy.id), copy))
            elif copy.author_id == self._me:
                writes.extend(self._own(local.get(copy.id), copy, devices.get(copy.id)))
            else:
                others.append(copy)
        result = merge(local, others, self._me)
        writes.extend(result.changes)
        self.conflicted.extend(c.id for c in result.conflicts)
        repo.insert_annotations([new for old, new in writes if old is None])
        repo.save_annotations(new for old, new in writes if old is not None)
        self.pulled += len(writes)

    def _own(self, mine: Annotation | None, copy: Annotation, device: str | None,
             ) -> list[tuple[Annotation | None, Annotation]]:
        """The reader's annotation as another of their devices (`device`, when it said
        its name) left it on the server."""
        synced = self._link.synced
        if mine is None:
            synced[copy.id] = _key(copy)
            return [(None, copy)]
        if mine.revision == copy.revision and _content(mine) == _content(copy):
            synced[copy.id] = _key(mine)  # the same state: an acknowledgement was lost
            return []
        if synced.get(mine.id) == _key(mine):  # untouched here since the last sync
            if order(copy) > order(mine):
                synced[copy.id] = _key(copy)
                return [(mine, copy)]
            return []
        if synced.get(mine.id) == _key(copy):  # the server has what this device sent last
            return []
        if mine.id not in synced and order(mine) > order(copy):
            return []  # never acknowledged here (a restored server): this copy goes up next
        # Both devices changed it: keep this device's text above both revisions, and the
        # other text in the conflict list.
        entry: dict[str, Any] = {
            "id": mine.id, "detected": w3c.timestamp(utc_now()),
            "kept": layers.item(mine, _iri(""), {}), "other": layers.item(copy, _iri(""), {}),
        }
        if device is not None:
            entry["other_device"] = device
        self._link.conflicts.append(entry)
        self.filed.append(entry)
        self.conflicted.append(mine.id)
        return [(mine, changed(mine, revision=max(mine.revision, copy.revision) + 1,
                               modified=utc_now()))]


def _iri(content_hash: str) -> str:
    return f"urn:annotator:sha256:{content_hash}"


def _when(value: str) -> datetime:
    return layers.moment(value, "the group", "answers_hidden_until")


def _device(item: dict[str, Any]) -> str | None:
    """The device a server item came from; None when unnamed (an older client's push)
    or named in a way this version cannot show."""
    try:
        return layers.device(item, "the group server")
    except AnnotatorError:
        return None


def parsed(item: dict[str, Any], doc_id: str) -> Annotation:
    """A server item as an Annotation of library document `doc_id`."""
    body = dict(item)
    body["id"] = body.pop("canonical", body.get("id"))
    return layers.annotation(body, document_id=doc_id, default_creator=None, area_ids={},
                             where="the group server")
