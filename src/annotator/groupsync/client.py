"""HTTP to the group server (httpx, synchronous): one method per route the sync uses.

Errors become `AnnotatorError`s a reader can act on: `Offline` when the server cannot
be reached (the changes wait, nothing is lost), `StalePush` for a 412, and the server's
own one-line message for anything it refuses.
"""

from __future__ import annotations

import socket
import ssl
from typing import Any
from urllib.parse import urlsplit

import httpx

from annotator import __version__
from annotator.errors import AnnotatorError

TIMEOUT = httpx.Timeout(120.0, connect=5.0)  # a page of a busy class's changes
BUNDLE_TYPE = "application/vnd.annotator.annot+zip"
JSONLD = "application/ld+json"


class Offline(AnnotatorError):
    """The server could not be reached or did not answer: try again later.

    `reason` says why, for a reader who is setting the address up (Group ▸ Join…):
    "refused" (nothing listens), "dns" (no such host), "timeout", "tls" (no secure
    connection: a refused certificate, or https to a plain HTTP port)."""

    def __init__(self, message: str, reason: str = "refused") -> None:
        super().__init__(message)
        self.reason = reason


class Refused(AnnotatorError):
    """The server answered with an error status (`status`)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def reason(exc: httpx.HTTPError) -> str:
    """Why a request did not reach the server ("refused", "dns", "timeout", "tls")."""
    if isinstance(exc, httpx.TimeoutException):
        return "timeout"
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLError):
            return "tls"
        if isinstance(seen, socket.gaierror):
            return "dns"
        seen = seen.__cause__ or seen.__context__
    text = str(exc)
    if "SSL" in text or "CERTIFICATE" in text:
        return "tls"
    if "Name or service not known" in text or "nodename nor servname" in text:
        return "dns"
    return "refused"


def host(url: str) -> str:
    return urlsplit(url).hostname or url


class NotAGroupServer(AnnotatorError):
    """Something answered at the address, but not an Annotator group server."""


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
                          "are kept and will be sent at the next sync.", reason(exc)) from None
        if response.status_code == 412:
            raise StalePush(_message(response))
        if response.status_code in (502, 503, 504):
            raise Offline(f"The group server at {self.url} is unavailable "
                          f"({response.status_code}); your changes are kept.")
        if response.status_code >= 400:
            raise Refused(f"The group server refused: {_message(response)} "
                          f"({response.status_code})", response.status_code)
        return response

    def _group(self, path: str) -> str:
        return f"/groups/{self.group}{path}"

    def whoami(self) -> dict[str, Any]:
        """Who the token names; `NotAGroupServer` when the answer is not ours."""
        response = self._send("GET", "/whoami")
        try:
            result = response.json()
        except ValueError:
            result = None
        if not isinstance(result, dict) or not {"group", "member", "name", "role"} <= set(
                result):
            raise NotAGroupServer(f"{self.url} is not an Annotator group server: check the "
                                  "address.")
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
