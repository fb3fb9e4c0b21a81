"""Bundled files (the `annotator.resources` data package).

Found beside this module: a checkout, an installed wheel and the frozen build
(`packaging/annotator.spec` collects the folder as data) all keep them as plain files,
so a path serves every reader. importlib.resources would serve a zipped install as well,
which Annotator never is, and costs ~4 ms of imports before the window's first paint
(benchmarks/README.md, "Start-up").
"""

from __future__ import annotations

from pathlib import Path

SAMPLE_NAME = "us-china-cooperation.txt"


_RESOURCES = Path(__file__).resolve().parent / "resources"


def resource(relative: str) -> Path:
    return _RESOURCES / relative


def sample_bytes() -> bytes:
    return resource(f"samples/{SAMPLE_NAME}").read_bytes()


# Languages with a bundled taxonomy of their own (`policy-areas.<language>.toml`).
TAXONOMY_LANGUAGES = frozenset({"zh"})


def taxonomy_text(language: str = "") -> str:
    """The bundled taxonomy for a language ("zh"), or the English one by default."""
    name = (f"policy-areas.{language}.toml" if language in TAXONOMY_LANGUAGES
            else "policy-areas.toml")
    return resource(f"taxonomies/{name}").read_text(encoding="utf-8")
