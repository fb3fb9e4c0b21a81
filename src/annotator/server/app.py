"""The group library over HTTP: the W3C Web Annotation Protocol, plus Zotero-style sync.

Routes (every one needs `Authorization: Bearer TOKEN`; a token names one member of one
group, and another group's URL answers 403):

- `GET  /whoami`: the token's member, role and group.
- `GET  /groups/{g}/`: the group's version and settings; `PUT /groups/{g}/settings`
  (teacher): `{"answers_hidden_until": ISO time or null}`.
- `GET  /groups/{g}/documents/`: the shared documents; `PUT .../documents/{hash}/bundle`
  shares one (an `.annot` without annotations), `GET` fetches it.
- `GET|POST /groups/{g}/documents/{hash}/`: the document's annotation container (an
  `ldp:BasicContainer` and `AnnotationCollection`), and creating an annotation in it.
- `GET|PUT|DELETE /groups/{g}/annotations/{uuid}`: one annotation as JSON-LD with an
  `ETag`; PUT and DELETE need `If-Match` and are the owner's only (403 otherwise).
- `PUT /groups/{g}/annotations/{uuid}/hide` (teacher): `{"hidden": true|false}`.
- `GET /groups/{g}/changes?since=N`: changes and tombstones after N, with
  `Last-Modified-Version`, in pages (`"more": true`: ask again from `version`); `POST`
  the same URL with `If-Unmodified-Since-Version` pushes a batch, 412 when stale.
- `GET /groups/{g}/events`: server-sent events, "the group is at version N".

An annotation's `id` here is its URL, as the protocol asks; the client's `urn:uuid:` id
stays in `canonical`, which is what clients (and the sync) key on. The service is
stateless: any number of processes can serve one database (`docs/group-server.md`).
"""

from __future__ import annotations

import re
import tempfile
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from annotator.errors import BundleRejected
from annotator.exchange import layers
from annotator.exchange.bundle import read_bundle
from annotator.exchange.layers import moment
from annotator.server import bodies
from annotator.server.db import engine_for
from annotator.server.events import Broadcaster
from annotator.server.library import (
    Entry,
    Forbidden,
    GroupLibrary,
    Missing,
    Refused,
    Stale,
    Stored,
    parse,
    parse_device,
)
from annotator.server.members import Member, authenticate

JSONLD = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'
LDP = "http://www.w3.org/ns/ldp.jsonld"
CONTAINER_LINKS = ('<http://www.w3.org/ns/ldp#BasicContainer>; rel="type", '
                   '<http://www.w3.org/TR/annotation-protocol/>; '
                   'rel="http://www.w3.org/ns/ldp#constrainedBy"')
BUNDLE_TYPE = "application/vnd.annotator.annot+zip"
MAX_PUSH_ITEMS = 500
_HASH = re.compile(r"[0-9a-f]{64}")
_ANNOTATION_URL = re.compile(r"https?://.*/annotations/([0-9a-fA-F-]{36})")
_ETAG = re.compile(r'\s*(?:W/)?"(\d{1,18})"\s*')


class Unauthorised(Refused):
    status = 401


class PreconditionRequired(Refused):
    status = 428


Handler = Callable[[Request], Awaitable[Response]]


class Service:
    """One process's state: the engine, the library rules and the notification fan-out."""

    def __init__(self, engine: Engine, conninfo: str) -> None:
        self.engine = engine
        self.library = GroupLibrary(engine)
        self.events = Broadcaster(conninfo)

    async def member(self, request: Request) -> Member:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Unauthorised("Send the member's token: Authorization: Bearer TOKEN.")

        def lookup() -> Member | None:
            with self.engine.connect() as conn:
                return authenticate(conn, token.strip())

        member = await run_in_threadpool(lookup)
        if member is None:
            raise Unauthorised("This token is unknown or has expired.")
        group = request.path_params.get("group")
        if group is not None and group != member.group:
            raise Forbidden("This token belongs to another group.")
        return member


def _json(value: Any, status: int = 200, headers: dict[str, str] | None = None,
          media_type: str = "application/json") -> JSONResponse:
    return JSONResponse(value, status, headers, media_type)


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def _annotation_url(request: Request, group: str, annotation_id: uuid.UUID) -> str:
    return f"{_base(request)}/groups/{group}/annotations/{annotation_id}"


def resource(request: Request, member: Member, stored: Stored) -> dict[str, Any]:
    """A stored annotation as the protocol shows it: its URL as `id`, ours as `canonical`.
    The name of the device that pushed it is for its owner's other devices only: a host
    name often says whose machine it is."""
    body = dict(stored.body)
    if stored.owner != member.id:
        body.pop(layers.X_DEVICE, None)
    body["canonical"] = body.get("id")
    body["id"] = _annotation_url(request, member.group, stored.id)
    return body


def _entry(request: Request, member: Member, entry: Entry) -> dict[str, Any]:
    stored = entry.stored
    return {
        "id": str(stored.id),
        "document": stored.document,
        "version": stored.version,
        "deleted": stored.deleted,
        "hidden": stored.hidden,
        "annotation": None if entry.withheld else resource(request, member, stored),
    }


def _normalised_id(body: dict[str, Any], wanted: str | None) -> None:
    """Put the client's own id in `body["id"]`: a `canonical` urn:uuid, the URL, or new."""
    for key in ("canonical", "id"):
        value = body.get(key)
        if isinstance(value, str):
            found = _ANNOTATION_URL.fullmatch(value)
            if found:
                value = f"urn:uuid:{found.group(1).lower()}"
            if value.startswith("urn:uuid:"):
                body["id"] = value
                break
    else:
        body["id"] = f"urn:uuid:{wanted or uuid.uuid4()}"
    body.pop("canonical", None)
    if wanted is not None and body["id"].lower() != f"urn:uuid:{wanted}":
        raise Refused("The annotation's id is not the one in the URL.")


def _uuid(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise Missing(f"{value[:60]!r} is not an annotation id.") from None


def _content_hash(value: str) -> str:
    if not _HASH.fullmatch(value):
        raise Missing(f"{value[:80]!r} is not a document's content hash.")
    return value


def _version_header(request: Request, *names: str) -> int:
    for name in names:
        raw = request.headers.get(name)
        if raw is None:
            continue
        found = _ETAG.fullmatch(raw) or re.fullmatch(r"\s*(\d{1,18})\s*", raw)
        if not found:
            raise Refused(f"{name}: {raw[:40]!r} is not a version this server gave.")
        return int(found.group(1))
    raise PreconditionRequired(f"Send {' or '.join(names)} with the version you last saw.")


def _annotation_response(request: Request, member: Member, stored: Stored,
                         status: int = 200) -> JSONResponse:
    headers = {"ETag": f'"{stored.version}"', "Allow": "GET, PUT, DELETE, HEAD, OPTIONS",
               "Link": '<http://www.w3.org/ns/oa#Annotation>; rel="type"',
               "Vary": "Authorization"}
    if status == 201:
        headers["Location"] = _annotation_url(request, member.group, stored.id)
    return _json(resource(request, member, stored), status, headers, JSONLD)


def build(service: Service) -> list[Route]:
    library = service.library

    async def whoami(request: Request) -> Response:
        member = await service.member(request)
        return _json({"member": str(member.id), "name": member.name,
                      "role": member.role.value, "group": member.group})

    async def group(request: Request) -> Response:
        member = await service.member(request)
        version, until = await run_in_threadpool(library.state, member)
        return _json({"group": member.group, "version": version,
                      "answers_hidden_until": until.isoformat() if until else None},
                     headers={"Last-Modified-Version": str(version)})

    async def settings(request: Request) -> Response:
        member = await service.member(request)
        value = await bodies.read_json(request, bodies.MAX_ANNOTATION_BYTES)
        raw = value.get("answers_hidden_until")
        try:
            until: datetime | None = (
                None if raw is None else moment(raw, "settings", "answers_hidden_until"))
        except BundleRejected as exc:
            raise Refused(str(exc)) from None
        await run_in_threadpool(library.hide_answers_until, member, until)
        return await group(request)

    async def documents(request: Request) -> Response:
        member = await service.member(request)
        return _json({"documents": await run_in_threadpool(library.documents, member)})

    async def bundle(request: Request) -> Response:
        member = await service.member(request)
        content_hash = _content_hash(request.path_params["doc"])
        if request.method == "GET":
            data = await run_in_threadpool(library.document_bundle, member, content_hash)
            return Response(data, media_type=BUNDLE_TYPE)
        data = await bodies.read_body(request, bodies.MAX_DOCUMENT_BYTES)
        title = await run_in_threadpool(_checked_bundle, data, content_hash)
        created = await run_in_threadpool(library.share, member, content_hash, title, data)
        return _json({"id": content_hash, "title": title}, 201 if created else 200)

    async def container(request: Request) -> Response:
        member = await service.member(request)
        content_hash = _content_hash(request.path_params["doc"])
        if request.method == "POST":
            body = await bodies.read_json(request, bodies.MAX_ANNOTATION_BYTES)
            _normalised_id(body, None)
            annotation = parse(body, member, "the new annotation")
            stored = await run_in_threadpool(library.create, member, content_hash, annotation)
            return _annotation_response(request, member, stored, 201)
        version, entries = await run_in_threadpool(library.container, member, content_hash)
        url = f"{_base(request)}/groups/{member.group}/documents/{content_hash}/"
        items = [resource(request, member, e.stored) for e in entries]
        page: dict[str, Any] = {"id": f"{url}?page=0", "type": "AnnotationPage",
                                "startIndex": 0, "items": items}
        collection = {
            "@context": ["http://www.w3.org/ns/anno.jsonld", LDP], "id": url,
            "type": ["BasicContainer", "AnnotationCollection"], "total": len(items),
            "first": page, "last": page["id"],
        }
        headers = {"ETag": f'"{version}"', "Link": CONTAINER_LINKS,
                   "Allow": "GET, POST, HEAD, OPTIONS", "Accept-Post": JSONLD,
                   "Vary": "Authorization"}
        return _json(collection, headers=headers, media_type=JSONLD)

    async def annotation(request: Request) -> Response:
        member = await service.member(request)
        annotation_id = _uuid(request.path_params["id"])
        if request.method == "GET":
            stored = await run_in_threadpool(library.get, member, annotation_id)
            return _annotation_response(request, member, stored)
        expected = _version_header(request, "if-match", "if-unmodified-since-version")
        if request.method == "DELETE":
            version = await run_in_threadpool(
                library.delete, member, str(annotation_id), expected)
            return Response(status_code=204, headers={"Last-Modified-Version": str(version)})
        body = await bodies.read_json(request, bodies.MAX_ANNOTATION_BYTES)
        _normalised_id(body, str(annotation_id))
        incoming = parse(body, member, "the annotation")
        stored = await run_in_threadpool(library.replace, member, incoming, expected)
        return _annotation_response(request, member, stored)

    async def hide(request: Request) -> Response:
        member = await service.member(request)
        annotation_id = _uuid(request.path_params["id"])
        value = await bodies.read_json(request, bodies.MAX_ANNOTATION_BYTES)
        hidden = value.get("hidden")
        if not isinstance(hidden, bool):
            raise Refused('Send {"hidden": true} or {"hidden": false}.')
        version = await run_in_threadpool(library.hide, member, annotation_id, hidden)
        return _json({"id": str(annotation_id), "hidden": hidden, "version": version},
                     headers={"Last-Modified-Version": str(version)})

    async def changes(request: Request) -> Response:
        member = await service.member(request)
        if request.method == "POST":
            return await push(request, member)
        raw = request.query_params.get("since", "0")
        if not raw.isdigit() or len(raw) > 18:
            raise Refused("since= is the version you last pulled, a whole number.")
        found = await run_in_threadpool(library.changes, member, int(raw))
        until = found.answers_hidden_until
        return _json({
            "version": found.version,
            "more": found.more,
            "answers_hidden_until": until.isoformat() if until else None,
            "documents": list(found.documents),
            "changes": [_entry(request, member, e) for e in found.entries],
        }, headers={"Last-Modified-Version": str(found.version)})

    async def push(request: Request, member: Member) -> Response:
        since = _version_header(request, "if-unmodified-since-version")
        value = await bodies.read_json(request, bodies.MAX_PUSH_BYTES)
        items = value.get("annotations")
        if not isinstance(items, list) or len(items) > MAX_PUSH_ITEMS:
            raise Refused(f'Send {{"annotations": [...]}} with at most {MAX_PUSH_ITEMS}.')
        incoming = []
        devices: dict[str, str | None] = {}
        for number, item in enumerate(items):
            if not isinstance(item, dict):
                raise Refused(f"Annotation {number} is not a JSON object.")
            _normalised_id(item, None)
            incoming.append(parse(item, member, f"annotation {number}"))
            devices[incoming[-1].id] = parse_device(item, f"annotation {number}")
        if len({a.id for a in incoming}) != len(incoming):
            raise Refused("The push holds one annotation twice.")
        result = await run_in_threadpool(library.push, member, since, incoming, devices)
        return _json({
            "version": result.version, "successful": result.written,
            "unchanged": result.unchanged,
            "failed": {k: {"code": c, "message": m} for k, (c, m) in result.failed.items()},
        }, headers={"Last-Modified-Version": str(result.version)})

    async def events(request: Request) -> Response:
        member = await service.member(request)
        version, _ = await run_in_threadpool(library.state, member)
        return StreamingResponse(
            service.events.stream(member.group, version), media_type="text/event-stream",
            headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
        )

    return [
        Route("/whoami", whoami),
        Route("/groups/{group}/", group),
        Route("/groups/{group}/settings", settings, methods=["PUT"]),
        Route("/groups/{group}/documents/", documents),
        Route("/groups/{group}/documents/{doc}/bundle", bundle, methods=["GET", "PUT"]),
        Route("/groups/{group}/documents/{doc}/", container, methods=["GET", "POST"]),
        Route("/groups/{group}/annotations/{id}", annotation,
              methods=["GET", "PUT", "DELETE"]),
        Route("/groups/{group}/annotations/{id}/hide", hide, methods=["PUT"]),
        Route("/groups/{group}/changes", changes, methods=["GET", "POST"]),
        Route("/groups/{group}/events", events),
    ]


def _checked_bundle(data: bytes, content_hash: str) -> str:
    """The title of a shared document's `.annot`, checked as a merge checks a bundle."""
    with tempfile.TemporaryDirectory(prefix="annotator-share-") as folder:
        path = Path(folder) / "shared.annot"
        path.write_bytes(data)
        try:
            document = read_bundle(path).document
        except BundleRejected as exc:
            raise Refused(str(exc)) from None
    if document.content_hash != content_hash:
        raise Refused("The document's text does not have the hash in the URL.")
    return document.metadata.title or "Untitled"


async def _refused(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Refused)
    headers = {"WWW-Authenticate": 'Bearer realm="annotator"'} if exc.status == 401 else {}
    if isinstance(exc, Stale):
        headers["Last-Modified-Version"] = str(exc.version)
    return _json({"error": str(exc)}, exc.status, headers)


async def _unavailable(request: Request, exc: Exception) -> Response:
    return _json({"error": "The group database is unavailable; try again shortly."}, 503,
                 {"Retry-After": "5"})


def create_app(database_url: str) -> Starlette:
    engine = engine_for(database_url)
    conninfo = make_url(database_url).set(drivername="postgresql").render_as_string(
        hide_password=False)
    service = Service(engine, conninfo)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await service.events.start()
        try:
            yield
        finally:
            await service.events.stop()
            engine.dispose()

    return Starlette(
        routes=build(service), lifespan=lifespan,
        exception_handlers={Refused: _refused, DBAPIError: _unavailable},
    )
