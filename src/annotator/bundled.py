"""Bundled files (the `annotator.resources` data package).

Read through importlib.resources so an installed wheel works like a checkout.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

SAMPLE_NAME = "us-china-cooperation.txt"


def resource(relative: str) -> Traversable:
    return files("annotator.resources").joinpath(relative)


def sample_bytes() -> bytes:
    return resource(f"samples/{SAMPLE_NAME}").read_bytes()


def taxonomy_text() -> str:
    return resource("taxonomies/policy-areas.toml").read_text(encoding="utf-8")
