"""The group library's rules: who may write what, versions, tombstones, hides, visibility.

No HTTP here (`app.py` maps the errors below to status codes). Every operation runs in
a `member_transaction`, so row-level security checks each statement a second time.

Writes follow Zotero's sync: each write transaction takes the next group version, a
push names the version its client last pulled (`If-Unmodified-Since-Version`), and is
refused whole with `Stale` when an annotation it carries changed on the server after
that version. The check is per annotation rather than per group: only an owner's own
annotations can change, so a push goes stale only when the same member wrote from
another device, and thirty students pushing at once do not refuse each other's pushes.
Between two copies of one annotation, the sharing merge's order decides
(`exchange.merge.order`: revision, then time, then content), so a repeated push after a
lost answer changes nothing and is not applied twice.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, text, update

from annotator.core.annotation import Annotation, Motivation, changed, utc_now
from annotator.errors import AnnotatorError, BundleRejected
from annotator.exchange import layers
from annotator.exchange.merge import order
from annotator.server import schema
from annotator.server.db import member_transaction
from annotator.server.members import Member

A, D, G, H = (schema.annotation_table, schema.document_table, schema.group_table,
              schema.hide_table)
CHANNEL = "annotator_groups"
PAGE = 1000  # annotations per page of changes: a pull of a whole term stays responsive
HASH_IRI = "urn:annotator:sha256:"


class Refused(AnnotatorError):
    """A request the group library refuses; `status` is the HTTP status that says why."""

    status = 400


class Forbidden(Refused):
    status = 403


class Missing(Refused):
    status = 404


class Clash(Refused):
    status = 409


class Gone(Refused):
    status = 410


class Stale(Refused):
    """The client's copy is older than the server's: pull, merge, retry."""

    status = 412

    def __init__(self, message: str, version: int) -> None:
        super().__init__(message)
        self.version = version


@dataclass(frozen=True, slots=True)
class Stored:
    """One annotation as the server holds it, with its moderation state."""

    id: uuid.UUID
    document: str
    owner: uuid.UUID
    motivation: str
    body: dict[str, Any]
    revision: int
    deleted: bool
    version: int
    hidden: bool


@dataclass(frozen=True, slots=True)
class Entry:
    """What one member may know of a stored annotation: all of it, or that it is hidden."""

    stored: Stored
    withheld: bool  # hidden by a moderator: the member sees the id, not the content


@dataclass(frozen=True, slots=True)
class Changes:
    version: int
    entries: tuple[Entry, ...]
    documents: tuple[dict[str, Any], ...]
    answers_hidden_until: datetime | None
    more: bool  # a page: pull again from `version`


@dataclass
class PushResult:
    version: int
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: dict[str, tuple[int, str]] = field(default_factory=dict)


def document_iri(content_hash: str) -> str:
    return HASH_IRI + content_hash


def target_document(annotation_body: dict[str, Any]) -> str:
    """The content hash of the document a W3C item targets, or `Refused`."""
    for target in layers.as_list(annotation_body.get("target")):
        if isinstance(target, dict) and "selector" in target:
            source = target.get("source")
            if isinstance(source, str) and source.startswith(HASH_IRI):
                return source[len(HASH_IRI):]
    raise Refused(f"The annotation's target source must be a group document ({HASH_IRI}…).")


def canonical(annotation: Annotation, content_hash: str, device: str | None = None
              ) -> dict[str, Any]:
    """The body the server keeps: our own JSON-LD item, rebuilt from the parsed value,
    with the name of the device that pushed it when the client gave one (so the owner's
    other device can say where a conflicting text came from)."""
    body = layers.item(annotation, document_iri(content_hash), {})
    if device:
        body[layers.X_DEVICE] = device
    return {"@context": layers.CONTEXT, **body}


def parse(body: dict[str, Any], member: Member, where: str) -> Annotation:
    """An Annotation from a request's W3C item, or `Refused` saying what is wrong."""
    try:
        return layers.annotation(
            body, document_id=target_document(body),
            default_creator=(str(member.id), member.name), area_ids={}, where=where,
        )
    except BundleRejected as exc:
        raise Refused(str(exc)) from None


def _content(body: dict[str, Any]) -> dict[str, Any]:
    """A stored body less the device that pushed it: the same state offered again from
    another device (after a restore from backup, say) is unchanged, not a clash."""
    return {k: v for k, v in body.items() if k != layers.X_DEVICE}


def parse_device(body: dict[str, Any], where: str) -> str | None:
    """The device name a pushed item carries (None from older clients), or `Refused`."""
    try:
        return layers.device(body, where)
    except BundleRejected as exc:
        raise Refused(str(exc)) from None


def _stored_annotation(row: Stored) -> Annotation:
    return layers.annotation(row.body, document_id=row.document, default_creator=None,
                             area_ids={}, where="the stored annotation")


def _tombstone(annotation: Annotation) -> Annotation:
    return annotation.edited(deleted=True, note="", tags=())


@dataclass
class _Rows:
    """The annotations a push writes, column by column, ready before the group's lock.

    Bodies are JSON text already: nothing but PostgreSQL runs while the lock is held.
    """

    names: list[str] = field(default_factory=list)  # the ids as the client sent them
    ids: list[uuid.UUID] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    motivations: list[str] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)
    revisions: list[int] = field(default_factory=list)
    modified: list[datetime] = field(default_factory=list)
    deleted: list[bool] = field(default_factory=list)
    new: list[bool] = field(default_factory=list)

    def add(self, a: Annotation, body: dict[str, Any], new: bool) -> None:
        self.names.append(a.id)
        self.ids.append(uuid.UUID(a.id))
        self.documents.append(a.document_id)
        self.motivations.append(a.motivation.value)
        self.bodies.append(json.dumps(body, ensure_ascii=False))
        self.revisions.append(a.revision)
        self.modified.append(a.modified)
        self.deleted.append(a.deleted)
        self.new.append(new)


def _lock_key(member: uuid.UUID) -> int:
    """The member's advisory lock: a bigint from their id (a clash only makes two members
    queue behind each other, never lets one member's pushes run side by side)."""
    return int.from_bytes(member.bytes[:8], "big", signed=True)


_MEMBER_LOCK = text("SELECT pg_advisory_xact_lock(:key)")
# One round trip: the next version, the group's row lock until commit, and the
# notification PostgreSQL sends on commit.
_TAKE_VERSION = ("UPDATE groups SET version = version + 1 WHERE id = :group "
                 "RETURNING version, pg_notify(:channel, :name || ' ' || version)")
_NEXT_VERSION = text(_TAKE_VERSION)
# A push's whole write in one statement, so the group's lock is held for one statement
# and the commit. A new id another member took meanwhile is skipped (ON CONFLICT), and
# row-level security lets an update see only the member's own rows: neither comes back
# as written.
_WRITE = text(f"""
WITH v AS ({_TAKE_VERSION}), incoming AS (
  SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:documents AS text[]),
                       CAST(:motivations AS text[]), CAST(:bodies AS text[]),
                       CAST(:revisions AS integer[]), CAST(:modified AS timestamptz[]),
                       CAST(:deleted AS boolean[]), CAST(:new AS boolean[]))
    AS n(id, document_hash, motivation, body, revision, modified, deleted, new)
), inserted AS (
  INSERT INTO annotations (group_id, id, document_hash, owner_id, motivation, body,
                           revision, modified, deleted, version)
  SELECT :group, n.id, n.document_hash, :owner, n.motivation, CAST(n.body AS jsonb),
         n.revision, n.modified, n.deleted, v.version
  FROM v, incoming n WHERE n.new
  ON CONFLICT (group_id, id) DO NOTHING
  RETURNING id
), updated AS (
  UPDATE annotations a
  SET document_hash = n.document_hash, motivation = n.motivation,
      body = CAST(n.body AS jsonb), revision = n.revision, modified = n.modified,
      deleted = n.deleted, version = v.version
  FROM v, incoming n
  WHERE NOT n.new AND a.group_id = :group AND a.id = n.id
  RETURNING a.id
)
SELECT v.version, ARRAY(SELECT id FROM inserted UNION ALL SELECT id FROM updated) AS written
FROM v
""")


class GroupLibrary:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    # --- reading ------------------------------------------------------------------

    def _group(self, conn: Connection, member: Member) -> tuple[int, datetime | None]:
        row = conn.execute(
            select(G.c.version, G.c.answers_hidden_until).where(G.c.id == member.group_id)
        ).one()
        return int(row.version), row.answers_hidden_until

    def _rows(self, conn: Connection, member: Member, *where: Any) -> list[Stored]:
        hidden = (
            select(H.c.hidden)
            .where(H.c.group_id == A.c.group_id, H.c.annotation_id == A.c.id)
            .scalar_subquery()
        )
        statement = (
            select(A.c.id, A.c.document_hash, A.c.owner_id, A.c.motivation, A.c.body,
                   A.c.revision, A.c.deleted, A.c.version, hidden)
            .where(A.c.group_id == member.group_id, *where)
            .order_by(A.c.version, A.c.id)
        )
        return [Stored(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], bool(r[8]))
                for r in conn.execute(statement)]

    def _visible(
        self, member: Member, rows: Iterable[Stored], until: datetime | None
    ) -> list[Entry]:
        """What `member` may see: a moderator and an owner everything; others no hidden
        content, and no other student's answer before the teacher's date."""
        answers_hidden = until is not None and utc_now() < until
        seen = []
        for row in rows:
            if member.moderates or row.owner == member.id:
                seen.append(Entry(row, False))
            elif row.hidden:
                seen.append(Entry(row, True))
            elif not (answers_hidden and row.motivation == Motivation.REPLYING.value):
                seen.append(Entry(row, False))
        return seen

    def state(self, member: Member) -> tuple[int, datetime | None]:
        """(the group's version, the date before which answers are hidden)."""
        with member_transaction(self._engine, member.id) as conn:
            return self._group(conn, member)

    def changes(self, member: Member, since: int, limit: int = PAGE) -> Changes:
        """What was written after version `since` that `member` may see, tombstones too.

        At most about `limit` annotations: a page ends on a version boundary (a write is
        never split), and `more` says to ask again from the page's version.
        """
        with member_transaction(self._engine, member.id) as conn:
            # Read the version first: every write at or below it has committed, and
            # later ones are left for the next pull (see schema.py).
            latest, until = self._group(conn, member)
            cut = conn.scalar(
                select(A.c.version)
                .where(A.c.group_id == member.group_id, A.c.version > since,
                       A.c.version <= latest)
                .order_by(A.c.version).offset(limit).limit(1)
            )
            version = latest if cut is None else (cut - 1 if cut - 1 > since else cut)
            changed_ids = select(H.c.annotation_id).where(
                H.c.group_id == member.group_id, H.c.version > since, H.c.version <= version
            )
            rows = self._rows(
                conn, member,
                ((A.c.version > since) & (A.c.version <= version)) | A.c.id.in_(changed_ids),
            )
            docs = conn.execute(
                select(D.c.content_hash, D.c.title, D.c.version)
                .where(D.c.group_id == member.group_id, D.c.version > since,
                       D.c.version <= version)
                .order_by(D.c.version)
            )
            documents = tuple({"id": d[0], "title": d[1], "version": d[2]} for d in docs)
        entries = tuple(self._visible(member, rows, until))
        return Changes(version, entries, documents, until, version < latest)

    def container(self, member: Member, content_hash: str) -> tuple[int, list[Entry]]:
        """The live annotations of one group document `member` may see, and the version."""
        with member_transaction(self._engine, member.id) as conn:
            self._document(conn, member, content_hash)
            version, until = self._group(conn, member)
            rows = self._rows(conn, member, A.c.document_hash == content_hash, ~A.c.deleted)
        entries = self._visible(member, rows, until)
        return version, [e for e in entries if not e.withheld]

    def get(self, member: Member, annotation_id: uuid.UUID) -> Stored:
        with member_transaction(self._engine, member.id) as conn:
            _, until = self._group(conn, member)
            rows = self._rows(conn, member, A.c.id == annotation_id)
        entries = self._visible(member, rows, until)
        if not entries or entries[0].withheld:
            raise Missing(f"No annotation {annotation_id} in group {member.group}.")
        if entries[0].stored.deleted:
            raise Gone(f"Annotation {annotation_id} was deleted.")
        return entries[0].stored

    # --- documents ----------------------------------------------------------------

    def _document(self, conn: Connection, member: Member, content_hash: str) -> None:
        found = conn.scalar(select(D.c.version).where(
            D.c.group_id == member.group_id, D.c.content_hash == content_hash))
        if found is None:
            raise Missing(f"No document {content_hash[:80]} is shared in group {member.group}.")

    def documents(self, member: Member) -> list[dict[str, Any]]:
        with member_transaction(self._engine, member.id) as conn:
            rows = conn.execute(
                select(D.c.content_hash, D.c.title, D.c.version)
                .where(D.c.group_id == member.group_id).order_by(D.c.version)
            )
            return [{"id": r[0], "title": r[1], "version": r[2]} for r in rows]

    def document_bundle(self, member: Member, content_hash: str) -> bytes:
        with member_transaction(self._engine, member.id) as conn:
            data = conn.scalar(select(D.c.bundle).where(
                D.c.group_id == member.group_id, D.c.content_hash == content_hash))
        if data is None:
            raise Missing(f"No document {content_hash[:80]} is shared in group {member.group}.")
        return bytes(data)

    def share(self, member: Member, content_hash: str, title: str, bundle: bytes) -> bool:
        """Share a document (a `.annot` without annotations); False if it already was."""
        with member_transaction(self._engine, member.id) as conn:
            known = conn.scalar(select(D.c.version).where(
                D.c.group_id == member.group_id, D.c.content_hash == content_hash))
            if known is not None:
                return False
            version = self._next_version(conn, member)
            conn.execute(insert(D).values(
                group_id=member.group_id, content_hash=content_hash, title=title,
                bundle=bundle, shared_by=member.id, version=version))
        return True

    # --- writing ------------------------------------------------------------------

    def _next_version(self, conn: Connection, member: Member) -> int:
        """The group's next version, and the group's row lock until commit.

        Take it last: every writer of the group queues here, so whatever the
        transaction does after it is done thirty times in a row when thirty members push
        at once. The notification is sent in the same round trip; PostgreSQL delivers
        it on commit, and only then. It carries nothing but group and version.
        """
        row = conn.execute(_NEXT_VERSION, {"group": member.group_id, "channel": CHANNEL,
                                           "name": member.group}).one()
        return int(row.version)

    def _existing(self, conn: Connection, member: Member, ids: Sequence[str]) -> dict[str, Stored]:
        """The stored rows of these ids in the member's group, by id."""
        wanted = [uuid.UUID(i) for i in ids]
        if not wanted:
            return {}
        rows = self._rows(conn, member, A.c.id.in_(wanted))
        return {str(r.id): r for r in rows}

    def push(self, member: Member, since: int, incoming: Sequence[Annotation],
             devices: Mapping[str, str | None] | None = None) -> PushResult:
        """Write the member's annotations, all in one transaction and one version;
        `devices` names the device each came from, by id, when the client said.

        The member's own pushes queue on a lock of their own (two devices of one
        student), so the stale check and the write see the same rows: only their owner
        writes annotations (row-level security), and no one else holds that lock. All
        the checking and every JSON body is done before the group's version is taken,
        so the group's lock covers only the statements that write.
        """
        with member_transaction(self._engine, member.id) as conn:
            conn.execute(_MEMBER_LOCK, {"key": _lock_key(member.id)})
            current, _ = self._group(conn, member)
            existing = self._existing(conn, member, [a.id for a in incoming])
            stale = sorted(i for i, row in existing.items()
                           if row.version > since and row.owner == member.id)
            if stale:
                raise Stale(f"{len(stale)} of these annotations changed on the server after "
                            f"version {since}: pull, merge and push again.", current)
            shared = set(conn.scalars(select(D.c.content_hash).where(
                D.c.group_id == member.group_id)))
            result = PushResult(current)
            rows = _Rows()
            for a in incoming:
                problem = self._refusal(member, a, existing.get(a.id), shared)
                # The member's name as the group knows it, whatever the client called them.
                a = changed(a, author_name=member.name)
                known = existing.get(a.id)
                body = canonical(a, a.document_id, (devices or {}).get(a.id))
                if problem is not None:
                    result.failed[a.id] = problem
                elif known is not None and _content(body) == _content(known.body):
                    result.unchanged.append(a.id)
                elif known is not None and order(a) <= order(_stored_annotation(known)):
                    result.failed[a.id] = (409, "the server holds a newer copy")
                else:
                    rows.add(a, body, new=known is None)
            if rows.ids:
                result.version, written = self._write(conn, member, rows)
                for name, key in zip(rows.names, rows.ids, strict=True):
                    if key in written:
                        result.written.append(name)
                    else:  # a new id another member took meanwhile
                        result.failed[name] = (403, "this annotation belongs to another member")
        return result

    def _refusal(
        self, member: Member, a: Annotation, row: Stored | None, shared: set[str]
    ) -> tuple[int, str] | None:
        if a.author_id != str(member.id):
            return 403, "only its creator may write an annotation, as themselves"
        if row is not None and row.owner != member.id:
            return 403, "this annotation belongs to another member"
        if a.document_id not in shared:
            return 404, "its document is not shared in this group"
        return None

    def _write(self, conn: Connection, member: Member, rows: _Rows) -> tuple[int, set[uuid.UUID]]:
        """Take the group's next version and write `rows` at it: (version, ids written)."""
        found = conn.execute(_WRITE, {
            "group": member.group_id, "owner": member.id, "channel": CHANNEL,
            "name": member.group, "ids": rows.ids, "documents": rows.documents,
            "motivations": rows.motivations, "bodies": rows.bodies,
            "revisions": rows.revisions, "modified": rows.modified, "deleted": rows.deleted,
            "new": rows.new,
        }).one()
        return int(found.version), set(found.written)

    def _one(self, member: Member, annotation_id: str) -> Stored:
        with member_transaction(self._engine, member.id) as conn:
            return self._rows(conn, member, A.c.id == uuid.UUID(annotation_id))[0]

    def create(self, member: Member, content_hash: str, annotation: Annotation) -> Stored:
        """POST to a container: a new annotation, 409 if its id is taken."""
        if annotation.document_id != content_hash:
            raise Refused("The annotation targets another document than this container's.")
        with member_transaction(self._engine, member.id) as conn:
            self._document(conn, member, content_hash)
            if self._existing(conn, member, [annotation.id]):
                raise Clash(f"Annotation {annotation.id} exists: PUT it to change it.")
        result = self.push(member, 1 << 62, [annotation])
        self._raise_failure(result, annotation.id)
        return self._one(member, annotation.id)

    def replace(self, member: Member, annotation: Annotation, if_match: int) -> Stored:
        """PUT: the owner's new state, if they saw the current one (its ETag)."""
        with member_transaction(self._engine, member.id) as conn:
            row = self._existing(conn, member, [annotation.id]).get(annotation.id)
        current = self._current(member, row, if_match)
        if annotation.revision <= current.revision:
            # A W3C client knows no revisions: its PUT is the next edit.
            annotation = changed(annotation, revision=current.revision + 1)
        result = self.push(member, if_match, [annotation])
        self._raise_failure(result, annotation.id)
        return self._one(member, annotation.id)

    def delete(self, member: Member, annotation_id: str, if_match: int) -> int:
        """DELETE: a tombstone in the owner's name; the group's version after it."""
        with member_transaction(self._engine, member.id) as conn:
            row = self._existing(conn, member, [annotation_id]).get(annotation_id)
        current = self._current(member, row, if_match)
        result = self.push(member, if_match, [_tombstone(current)])
        self._raise_failure(result, annotation_id)
        return result.version

    def _current(self, member: Member, row: Stored | None, if_match: int) -> Annotation:
        if row is None:
            raise Missing("No such annotation in this group.")
        if row.owner != member.id:
            raise Forbidden("Only its creator may change or delete an annotation; a teacher "
                            "can hide it instead.")
        if row.deleted:
            raise Gone("This annotation was deleted.")
        if row.version != if_match:
            raise Stale("The annotation changed since you read it: GET it again.", row.version)
        return _stored_annotation(row)

    def _raise_failure(self, result: PushResult, annotation_id: str) -> None:
        failure = result.failed.get(annotation_id)
        if failure is not None:
            kind = {403: Forbidden, 404: Missing, 409: Clash}.get(failure[0], Refused)
            raise kind(f"Annotation {annotation_id}: {failure[1]}.")

    # --- moderation ---------------------------------------------------------------

    def hide(self, member: Member, annotation_id: uuid.UUID, hidden: bool) -> int:
        """A moderator hides (or shows again) an annotation: a record of its own."""
        if not member.moderates:
            raise Forbidden("Only the group's teacher can hide annotations.")
        with member_transaction(self._engine, member.id) as conn:
            if not self._rows(conn, member, A.c.id == annotation_id):
                raise Missing(f"No annotation {annotation_id} in group {member.group}.")
            version = self._next_version(conn, member)
            values = {"hidden": hidden, "moderator_id": member.id, "modified": utc_now(),
                      "version": version}
            done = conn.execute(update(H).where(
                H.c.group_id == member.group_id, H.c.annotation_id == annotation_id
            ).values(**values)).rowcount
            if not done:
                conn.execute(insert(H).values(
                    group_id=member.group_id, annotation_id=annotation_id, **values))
        return version

    def hide_answers_until(self, member: Member, until: datetime | None) -> None:
        if not member.moderates:
            raise Forbidden("Only the group's teacher can hide answers until a date.")
        with member_transaction(self._engine, member.id) as conn:
            conn.execute(update(G).where(G.c.id == member.group_id)
                         .values(answers_hidden_until=until))
            self._next_version(conn, member)
