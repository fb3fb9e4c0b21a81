"""HTTP to the group server (httpx, synchronous): one method per route the sync uses.

Errors become `AnnotatorError`s a reader can act on: `Offline` when the server cannot
be reached (the changes wait, nothing is lost), `StalePush` for a 412, and the server's
own one-line message for anything it refuses.
"""

from __future__ import annotations

from typing import Any

import httpx

from annotator import __version__
from annotator.errors import AnnotatorError

TIMEOUT = httpx.Timeout(120.0, connect=5.0)  # a page of a busy class's changes
BUNDLE_TYPE = "application/vnd.annotator.annot+zip"
JSONLD = "application/ld+json"


class Offline(AnnotatorError):
    """The server could not be reached or did not answer: try again later."""


class StalePush(AnnotatorError):
    """412: something pushed changed on the server since the version sent."""


class GroupClient:
    def __init__(self, url: str, group: str, token: str) -> None:
        self.url = url.rstrip("/")
        self.group = group
        self._http = httpx.Client(
            timeout=TIMEOUT,
            headers={"Authorization": f"Bearer {token}",
                     "User-Agent": f"Annotator/{__version__}"},
        )

    def __enter__(self) -> GroupClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self._http.close()

    def _send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        url = f"{self.url}{path}"
        try:
            response = self._http.request(method, url, **kwargs)
        except httpx.HTTPError as exc:
            raise Offline(f"Cannot reach the group server at {self.url} ({exc}); your changes "
                          "are kept and will be sent at the next sync.") from None
        if response.status_code == 412:
            raise StalePush(_message(response))
        if response.status_code in (502, 503, 504):
            raise Offline(f"The group server at {self.url} is unavailable "
                          f"({response.status_code}); your changes are kept.")
        if response.status_code >= 400:
            raise AnnotatorError(f"The group server refused: {_message(response)} "
                                 f"({response.status_code})")
        return response

    def _group(self, path: str) -> str:
        return f"/groups/{self.group}{path}"

    def whoami(self) -> dict[str, Any]:
        result: dict[str, Any] = self._send("GET", "/whoami").json()
        return result

    def share(self, content_hash: str, bundle: bytes) -> bool:
        response = self._send("PUT", self._group(f"/documents/{content_hash}/bundle"),
                              content=bundle, headers={"Content-Type": BUNDLE_TYPE})
        return response.status_code == 201

    def bundle(self, content_hash: str) -> bytes:
        return self._send("GET", self._group(f"/documents/{content_hash}/bundle")).content

    def hide(self, annotation_id: str, hidden: bool) -> dict[str, Any]:
        result: dict[str, Any] = self._send(
            "PUT", self._group(f"/annotations/{annotation_id}/hide"), json={"hidden": hidden},
        ).json()
        return result

    def hide_answers_until(self, until: str | None) -> dict[str, Any]:
        result: dict[str, Any] = self._send(
            "PUT", self._group("/settings"), json={"answers_hidden_until": until}).json()
        return result

    def changes(self, since: int) -> dict[str, Any]:
        result: dict[str, Any] = self._send(
            "GET", self._group("/changes"), params={"since": since}).json()
        return result

    def push(self, since: int, items: list[dict[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = self._send(
            "POST", self._group("/changes"), json={"annotations": items},
            headers={"If-Unmodified-Since-Version": str(since), "Content-Type": JSONLD},
        ).json()
        return result


def _message(response: httpx.Response) -> str:
    try:
        value = response.json()
    except ValueError:
        return response.reason_phrase
    error = value.get("error") if isinstance(value, dict) else None
    return str(error)[:300] if error else response.reason_phrase
