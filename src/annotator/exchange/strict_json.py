"""JSON from untrusted files: refuse what Python's `json` would silently accept.

`json.loads` keeps the last of duplicate keys, accepts `NaN` and `Infinity`, and returns
lone surrogates (`"\\ud800"`) that later fail deep inside SQLite's binding; deep nesting
raises `RecursionError` and a 5000-digit integer a bare `ValueError`. Each becomes one
`BundleRejected` naming the file, before any value reaches the merge.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

from annotator.errors import BundleRejected

MAX_JSON_BYTES = 64 * 1024 * 1024
MAX_INT_DIGITS = 20
# A `\uD800`..`\uDFFF` escape: the only way a lone surrogate gets into decoded JSON text
# (strict UTF-8 decoding refuses encoded surrogates).
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


class _Refused(ValueError):
    pass


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        duplicate = next(k for k, n in Counter(k for k, _ in pairs).items() if n > 1)
        raise _Refused(f"the key {duplicate!r} appears twice in one object")
    return result


def _constant(name: str) -> Any:
    raise _Refused(f"{name} is not a JSON number")


def _integer(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        raise _Refused(f"an integer of {len(digits)} digits is too long")
    return int(digits)


def _check_strings(value: Any) -> None:
    """Raise on a lone surrogate anywhere in `value` (keys included)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                raise _Refused("a string holds a lone surrogate (invalid Unicode)") from None
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def loads(data: bytes, name: str, max_bytes: int = MAX_JSON_BYTES) -> Any:
    """The JSON value in `data` (UTF-8), or `BundleRejected` saying what is wrong with `name`."""
    if len(data) > max_bytes:
        raise BundleRejected(f"{name} is larger than {max_bytes // (1024 * 1024)} MB.")
    try:
        text = data.decode("utf-8")
        value = json.loads(
            text, object_pairs_hook=_pairs, parse_constant=_constant, parse_int=_integer
        )
        if _SURROGATE_ESCAPE.search(data):
            _check_strings(value)
    except UnicodeDecodeError as exc:
        raise BundleRejected(f"{name} is not valid UTF-8 (byte {exc.start}).") from None
    except RecursionError:
        raise BundleRejected(f"{name} is nested too deeply to be read.") from None
    except ValueError as exc:  # JSONDecodeError and _Refused
        raise BundleRejected(f"{name} is not valid JSON: {exc}.") from None
    return value
