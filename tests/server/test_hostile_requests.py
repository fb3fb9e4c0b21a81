"""Oversized and hostile requests: each refused with its own status, the group untouched."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import httpx
import pytest

from annotator.server.bodies import MAX_ANNOTATION_BYTES, MAX_DEPTH, MAX_PUSH_BYTES
from tests.server.conftest import LiveGroup
from tests.server.test_protocol import w3c_note


def _version(g: LiveGroup) -> int:
    found: int = httpx.get(f"{g.url}/groups/civics/", headers=g.headers("Ana")).json()["version"]
    return found


def test_hostile_bodies_are_refused_and_change_nothing(live_group: LiveGroup) -> None:
    g = live_group
    before = _version(g)
    container = f"{g.url}/groups/civics/documents/{g.document}/"
    push = f"{g.url}/groups/civics/changes"
    since = {"If-Unmodified-Since-Version": str(before)}
    note = w3c_note(g.document, "x")
    twice = {**note, "id": "urn:uuid:5d1c2e3f-0a4b-4c6d-8e9f-a0b1c2d3e4f5"}

    def chunks() -> Iterator[bytes]:  # no Content-Length: the cap holds while streaming
        yield b'{"a": "'
        for _ in range(MAX_PUSH_BYTES // 65536 + 2):
            yield b"x" * 65536
        yield b'"}'

    cases: list[tuple[str, str, bytes | Iterator[bytes], dict[str, str], int]] = [
        ("POST", container, b"{" + b" " * MAX_ANNOTATION_BYTES + b"}", {}, 413),
        ("POST", push, chunks(), since, 413),
        ("POST", container, b"[" * 100_000 + b"]" * 100_000, {}, 400),
        ("POST", container, b'{"a": ' * (MAX_DEPTH + 1) + b"1" + b"}" * (MAX_DEPTH + 1), {},
         400),
        ("POST", container, b'{"type": "Annotation", "type": "x"}', {}, 400),
        ("POST", container, b'{"n": NaN}', {}, 400),
        ("POST", container, b'{"n": "\\ud800"}', {}, 400),
        ("POST", container, b'{"n": ' + b"9" * 5000 + b"}", {}, 400),
        ("POST", container, b"\xff\xfe{}", {}, 400),
        ("POST", container, b"[1, 2]", {}, 400),
        ("POST", container, b'{"type": "Annotation"}', {}, 400),
        ("POST", container, httpx.Request("POST", "/", json={
            **note, "body": {"type": "TextualBody", "value": "x" * 2_000_000}}).read(), {},
         413),
        ("POST", push, b'{"annotations": ' + b"[" + b"{}," * 600 + b"{}]}", since, 400),
        ("POST", push, httpx.Request("POST", "/", json={"annotations": [twice, twice]}).read(),
         since, 400),
        ("POST", push, b'{"annotations": []}', {}, 428),
        ("POST", push, b'{"annotations": []}', {"If-Unmodified-Since-Version": "x"}, 400),
        ("POST", f"{g.url}/groups/civics/documents/{'0' * 64}/", httpx.Request(
            "POST", "/", json=w3c_note("0" * 64, "unshared")).read(), {}, 404),
        ("GET", f"{g.url}/groups/civics/annotations/not-a-uuid", b"", {}, 404),
        ("GET", f"{g.url}/groups/civics/changes?since=-1", b"", {}, 400),
        ("PUT", f"{g.url}/groups/civics/documents/{g.document}/bundle", b"PK\x03\x04junk", {},
         400),
        ("PUT", f"{g.url}/groups/civics/documents/{'1' * 64}/bundle", g.bundle, {}, 400),
    ]
    for method, url, content, headers, status in cases:
        kind = {} if "bundle" in url else {"Content-Type": "application/ld+json"}
        answer = httpx.request(method, url, content=content,
                               headers=g.headers("Ana", **kind, **headers), timeout=60)
        assert answer.status_code == status, (method, url[-40:], answer.text[:200])
        if status != 404 or method != "GET":
            assert answer.json()["error"], "every refusal says why"
    wrong_type = httpx.post(container, content=b"{}", headers=g.headers(
        "Ana", **{"Content-Type": "text/plain"}))
    assert wrong_type.status_code == 415
    assert _version(g) == before, "nothing refused was written"


def test_the_event_stream_says_the_new_version(live_group: LiveGroup) -> None:
    g = live_group
    seen: list[int] = []
    opened = threading.Event()

    def listen() -> None:
        with httpx.stream("GET", f"{g.url}/groups/civics/events", headers=g.headers("Ben"),
                          timeout=30) as stream:
            for line in stream.iter_lines():
                if line.startswith("data: "):
                    seen.append(int(line[6:]))
                    opened.set()
                    if len(seen) == 2:
                        return

    listener = threading.Thread(target=listen, daemon=True)
    listener.start()
    assert opened.wait(30)
    made = httpx.post(f"{g.url}/groups/civics/documents/{g.document}/",
                      json=w3c_note(g.document, "live"), headers=g.headers("Ana"))
    listener.join(30)
    assert seen == [seen[0], seen[0] + 1]
    assert made.headers["etag"] == f'"{seen[1]}"'
    assert httpx.get(f"{g.url}/groups/other/events", headers=g.headers("Ben")).status_code == 403


@pytest.mark.parametrize("path", ["/whoami", "/groups/civics/events",
                                  "/groups/civics/documents/"])
def test_every_route_needs_a_token(live_group: LiveGroup, path: str) -> None:
    assert httpx.get(f"{live_group.url}{path}").status_code == 401
