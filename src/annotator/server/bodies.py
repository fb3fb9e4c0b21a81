"""Request bodies from untrusted clients: capped in size and depth, strict JSON only.

The cap is checked on the declared `Content-Length` and again while the body streams in,
so a lying or chunked client cannot make the service buffer more than the cap. Nesting
is measured before parsing (brackets outside strings), so a deeply nested body is refused
with a 400 rather than spending the parser's recursion. The JSON itself goes through
`exchange.strict_json`: no duplicate keys, no NaN, no lone surrogates, no huge integers.
"""

from __future__ import annotations

import re
from typing import Any

from starlette.requests import Request

from annotator.errors import BundleRejected
from annotator.exchange import strict_json
from annotator.server.library import Refused

MAX_ANNOTATION_BYTES = 1024 * 1024  # one annotation: a long note and its quote
MAX_PUSH_BYTES = 8 * 1024 * 1024  # a batch of annotations (the client sends 100 at most)
MAX_DOCUMENT_BYTES = 40 * 1024 * 1024  # a shared document's .annot
MAX_DEPTH = 16  # our deepest item: body > item > target > selector list > selector
JSON_TYPES = ("application/ld+json", "application/json")
_STRINGS = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS = re.compile(rb"[\[\]{}]")


class TooLarge(Refused):
    status = 413


class WrongType(Refused):
    status = 415


def depth(data: bytes) -> int:
    """The deepest nesting of arrays and objects in JSON text `data`."""
    deepest = level = 0
    for bracket in _BRACKETS.finditer(_STRINGS.sub(b'""', data)):
        level += 1 if bracket.group() in (b"[", b"{") else -1
        deepest = max(deepest, level)
    return deepest


async def read_body(request: Request, cap: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > cap):
        raise TooLarge(f"The request body is larger than {cap:,} bytes.")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > cap:
            raise TooLarge(f"The request body is larger than {cap:,} bytes.")
        chunks.append(chunk)
    return b"".join(chunks)


async def read_json(request: Request, cap: int) -> dict[str, Any]:
    """The request's JSON object, or `Refused` (400, 413 or 415) saying what is wrong."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in JSON_TYPES:
        raise WrongType(f"Send JSON-LD ({JSON_TYPES[0]}), not {kind[:60] or 'no type'}.")
    data = await read_body(request, cap)
    if depth(data) > MAX_DEPTH:
        raise Refused(f"The request body is nested more than {MAX_DEPTH} levels deep.")
    try:
        value = strict_json.loads(data, "The request body", cap)
    except BundleRejected as exc:
        raise Refused(str(exc)) from None
    if not isinstance(value, dict):
        raise Refused("The request body is not a JSON object.")
    return value
