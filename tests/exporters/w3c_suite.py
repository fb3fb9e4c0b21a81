"""Run the MUST assertions of the W3C Web Annotation test suite over a document.

The suite's assertion schemas refer to shared definitions by file name
(`annotations.json#/definitions/...`); each definitions file is registered under that name
in a `referencing.Registry`, and every assertion is checked with a Draft 4 validator (with
a format checker, so `format: uri` is enforced), as the corpus PROVENANCE.md describes.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft4Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def _registry(suite: Path) -> Registry:
    resources = [
        (path.name, Resource.from_contents(_load(path), default_specification=DRAFT4))
        for path in sorted((suite / "definitions").glob("*.json"))
    ]
    return Registry().with_resources(resources)


def must_failures(suite: Path, manifest: str, document: Any) -> list[str]:
    """Error messages of the MUST assertions in `manifest` that `document` does not meet."""
    failures = []
    for relative in _load(suite / manifest)["assertions"]:
        schema = _load(suite / relative)
        if schema.get("assertionType") != "must":
            continue
        validator = Draft4Validator(
            schema, registry=_registry(suite), format_checker=Draft4Validator.FORMAT_CHECKER
        )
        valid = validator.is_valid(document)
        if valid != (schema.get("expectedResult", "valid") == "valid"):
            failures.append(f"{relative}: {schema.get('errorMessage', '')}")
    return failures
