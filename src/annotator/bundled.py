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


# Languages with a bundled taxonomy of their own (`policy-areas.<language>.toml`).
TAXONOMY_LANGUAGES = frozenset({"zh"})


def taxonomy_text(language: str = "") -> str:
    """The bundled taxonomy for a language ("zh"), or the English one by default."""
    name = (f"policy-areas.{language}.toml" if language in TAXONOMY_LANGUAGES
            else "policy-areas.toml")
    return resource(f"taxonomies/{name}").read_text(encoding="utf-8")
