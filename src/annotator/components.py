"""The third-party components Annotator runs on, with their versions and licences.

Read from the installed packages' own metadata, walking `annotator`'s runtime requirements,
so the About dialog lists what is really bundled (in a wheel install or the frozen build)
and cannot drift from `pyproject.toml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import metadata

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*")
_CLASSIFIER_PREFIX = "License :: OSI Approved :: "


@dataclass(frozen=True, slots=True)
class Component:
    name: str
    version: str
    licence: str


def _field(meta: metadata.PackageMetadata, key: str) -> str:
    return str(meta[key]) if key in meta else ""


def _licence(meta: metadata.PackageMetadata) -> str:
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    text = _field(meta, "License").strip()
    if text and "\n" not in text and len(text) <= 80:
        return text
    classifiers = [c.removeprefix(_CLASSIFIER_PREFIX) for c in meta.get_all("Classifier") or []
                   if c.startswith(_CLASSIFIER_PREFIX)]
    return ", ".join(classifiers) or "see the package"


def _runtime_requirements(meta: metadata.PackageMetadata) -> list[str]:
    names = []
    for requirement in meta.get_all("Requires-Dist") or []:
        requirement_text, _, marker = requirement.partition(";")
        if "extra ==" in marker:
            continue
        match = _NAME.match(requirement_text.strip())
        if match:
            names.append(match.group(0))
    return names


def bundled_components(root: str = "annotator") -> list[Component]:
    """Every installed package `root` needs at run time, sorted by name (root excluded)."""
    seen: dict[str, Component] = {}
    pending = [root]
    while pending:
        name = pending.pop()
        try:
            meta = metadata.metadata(name)
        except metadata.PackageNotFoundError:
            continue  # a requirement whose environment marker excluded it here
        key = meta["Name"].lower().replace("_", "-")
        if key in seen:
            continue
        seen[key] = Component(meta["Name"], meta["Version"], _licence(meta))
        pending.extend(_runtime_requirements(meta))
    seen.pop(root, None)
    return sorted(seen.values(), key=lambda c: c.name.lower())
