"""The W3C Web Annotation Protocol and the sync routes, spoken by a plain HTTP client."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from tests.server.conftest import LiveGroup

JSONLD = "application/ld+json"


def w3c_note(document: str, note: str, quote: str = "China", **extra: Any) -> dict[str, Any]:
    """An annotation as any W3C client writes it: no Annotator extensions, no id."""
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
        "motivation": "commenting",
        "body": {"type": "TextualBody", "value": note, "format": "text/plain"},
        "target": {"source": f"urn:annotator:sha256:{document}",
                   "selector": {"type": "TextQuoteSelector", "exact": quote}},
        **extra,
    }


def test_create_read_edit_delete_and_only_the_owner_writes(live_group: LiveGroup) -> None:
    g = live_group
    container = f"{g.url}/groups/civics/documents/{g.document}/"
    made = httpx.post(container, json=w3c_note(g.document, "Ana's note"),
                      headers=g.headers("Ana"))
    assert made.status_code == 201, made.text
    url, etag = made.headers["location"], made.headers["etag"]
    body = made.json()
    assert body["id"] == url and body["canonical"].startswith("urn:uuid:")
    assert body["creator"]["name"] == "Ana" and body["annotator:revision"] == 1

    seen = httpx.get(url, headers=g.headers("Ben"))
    assert (seen.status_code, seen.headers["etag"]) == (200, etag)
    assert seen.headers["content-type"].startswith(JSONLD)
    listed = httpx.get(container, headers=g.headers("Ben"))
    assert "BasicContainer" in listed.json()["type"] and listed.json()["total"] == 1
    assert "ldp#BasicContainer" in listed.headers["link"]

    edited = {**body, "body": {"type": "TextualBody", "value": "Ben's edit"}}
    for who, headers, status in (
        ("Ben", {"If-Match": etag}, 403), ("Ms Li", {"If-Match": etag}, 403),
        ("Ana", {}, 428), ("Ana", {"If-Match": '"1"'}, 412),
    ):
        answer = httpx.put(url, json=edited, headers=g.headers(who, **headers))
        assert answer.status_code == status, (who, answer.text)
    assert httpx.delete(url, headers=g.headers("Ben", **{"If-Match": etag})).status_code == 403
    assert httpx.get(url, headers=g.headers("Ana")).json()["body"]["value"] == "Ana's note"

    mine = httpx.put(url, json={**body, "body": {"type": "TextualBody", "value": "v2"}},
                     headers=g.headers("Ana", **{"If-Match": etag}))
    assert mine.status_code == 200 and mine.headers["etag"] != etag
    assert mine.json()["annotator:revision"] == 2
    gone = httpx.delete(url, headers=g.headers("Ana", **{"If-Match": mine.headers["etag"]}))
    assert gone.status_code == 204
    assert httpx.get(url, headers=g.headers("Ben")).status_code == 410
    changes = httpx.get(f"{g.url}/groups/civics/changes", params={"since": 0},
                        headers=g.headers("Ben")).json()
    [entry] = changes["changes"]
    assert entry["deleted"] is True and entry["annotation"]["annotator:deleted"] is True
    assert "body" not in entry["annotation"], "a tombstone carries no content"


def _push(g: LiveGroup, who: str, since: int, items: list[dict[str, Any]]) -> httpx.Response:
    return httpx.post(f"{g.url}/groups/civics/changes", json={"annotations": items},
                      headers=g.headers(who, **{"If-Unmodified-Since-Version": str(since)}))


def test_stale_pushes_get_412_and_repeats_change_nothing(live_group: LiveGroup) -> None:
    g = live_group
    note = w3c_note(g.document, "first", id="urn:uuid:0d3f8b7e-5b1c-4a55-9f00-1b2c3d4e5f60")
    first = _push(g, "Ana", 1, [note])
    assert first.status_code == 200 and first.json()["successful"] == [note["id"][9:]]
    version = int(first.headers["last-modified-version"])
    again = _push(g, "Ana", version, [note])
    assert again.json() == {"version": version, "successful": [],
                            "unchanged": [note["id"][9:]], "failed": {}}
    newer = {**note, "annotator:revision": 2, "body": {"type": "TextualBody", "value": "2"}}
    stale = _push(g, "Ana", version - 1, [newer])
    assert stale.status_code == 412
    assert stale.headers["last-modified-version"] == str(version)
    assert _push(g, "Ana", version, [newer]).json()["successful"] == [note["id"][9:]]
    # Another member cannot push over it, nor push in Ana's name.
    taken = _push(g, "Ben", version + 1, [{**newer, "annotator:revision": 3}])
    assert taken.json()["failed"][note["id"][9:]]["code"] == 403
    forged = w3c_note(g.document, "forged", creator={"id": f"urn:uuid:{g.ids['Ana']}"})
    assert next(iter(_push(g, "Ben", 0, [forged]).json()["failed"].values()))["code"] == 403
    assert httpx.get(f"{g.url}/groups/civics/", headers=g.headers("Ana")).json()[
        "version"] == version + 1


def test_hides_and_answers_hidden_until_a_date(live_group: LiveGroup) -> None:
    g = live_group
    container = f"{g.url}/groups/civics/documents/{g.document}/"
    question = httpx.post(container, json=w3c_note(g.document, "Why?", motivation="questioning"),
                          headers=g.headers("Ms Li")).json()
    later = (datetime.now(UTC) + timedelta(days=1)).isoformat()
    settings = httpx.put(f"{g.url}/groups/civics/settings",
                         json={"answers_hidden_until": later}, headers=g.headers("Ms Li"))
    assert settings.status_code == 200
    assert httpx.put(f"{g.url}/groups/civics/settings", json={"answers_hidden_until": None},
                     headers=g.headers("Ana")).status_code == 403
    answer = w3c_note(g.document, "Because.", motivation="replying")
    answer["target"] = [answer["target"], question["canonical"]]
    reply = httpx.post(container, json=answer, headers=g.headers("Ana")).json()

    def visible(who: str) -> set[str]:
        found = httpx.get(f"{g.url}/groups/civics/changes", params={"since": 0},
                          headers=g.headers(who)).json()
        return {c["annotation"]["body"]["value"] for c in found["changes"] if c["annotation"]}

    assert visible("Ben") == {"Why?"}
    assert visible("Ana") == visible("Ms Li") == {"Why?", "Because."}
    assert httpx.get(reply["id"], headers=g.headers("Ben")).status_code == 404
    httpx.put(f"{g.url}/groups/civics/settings", json={"answers_hidden_until": None},
              headers=g.headers("Ms Li"))
    assert visible("Ben") == {"Why?", "Because."}

    hide_url = f"{reply['id']}/hide"
    assert httpx.put(hide_url, json={"hidden": True}, headers=g.headers("Ben")).status_code == 403
    assert httpx.put(hide_url, json={"hidden": True},
                     headers=g.headers("Ms Li")).status_code == 200
    assert visible("Ben") == {"Why?"}
    assert httpx.get(reply["id"], headers=g.headers("Cai")).status_code == 404
    assert httpx.get(reply["id"], headers=g.headers("Ana")).status_code == 200
    # The hide is a record of its own: Ana's content and revision are untouched.
    assert httpx.get(reply["id"], headers=g.headers("Ana")).json()["annotator:revision"] == 1
    httpx.put(hide_url, json={"hidden": False}, headers=g.headers("Ms Li"))
    assert visible("Cai") == {"Why?", "Because."}


def test_changes_come_in_pages_that_never_split_a_write(live_group: LiveGroup) -> None:
    g = live_group
    version = 1  # the shared document
    for batch in range(3):
        notes = [w3c_note(g.document, f"{batch}-{i}") for i in range(400)]
        answer = _push(g, "Ana", version, notes)
        assert len(answer.json()["successful"]) == 400
        version = answer.json()["version"]
    pages, since, more = [], 0, True
    while more:
        page = httpx.get(f"{g.url}/groups/civics/changes", params={"since": since},
                         headers=g.headers("Ben")).json()
        pages.append({c["version"] for c in page["changes"]})
        since, more = page["version"], page["more"]
    assert [len(p) for p in pages] == [2, 1], "1,000 a page, cut between two pushes"
    assert since == version
