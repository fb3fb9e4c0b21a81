"""Policy areas are data: a versioned TOML file users can copy and edit.

Annotations store an area's `id`, never a row number, so an edited taxonomy keeps old
annotations meaningful. Every problem in a taxonomy file is reported with the file, the
line and what is wrong, because the person reading the message is the one who edited it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from annotator.errors import TaxonomyError

_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")
_WORD = re.compile(r"\w")
MAX_BYTES = 16 * 1024 * 1024  # 100,000 terms take 1.3 MB
BOM = "\ufeff"


@dataclass(frozen=True, slots=True)
class PolicyArea:
    id: str
    label: str
    color: str
    description: str
    terms: tuple[str, ...]
    weak: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    # context rules (core/detection.py): names that count only in company, the company
    # that makes them count, and words that argue against the area in a sentence
    venue: tuple[str, ...] = ()
    companions: tuple[str, ...] = ()
    negative: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Taxonomy:
    version: int
    areas: tuple[PolicyArea, ...]
    source: str = ""

    def area(self, area_id: str) -> PolicyArea | None:
        return next((a for a in self.areas if a.id == area_id), None)

    @property
    def ids(self) -> list[str]:
        return [a.id for a in self.areas]


def _line_of(text: str, needle: str) -> int:
    index = text.find(needle)
    return text.count("\n", 0, index) + 1 if index >= 0 else 1


def _strings(raw: object, where: str, fail: type[Exception] = TaxonomyError) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(t, str) and t.strip() for t in raw):
        raise fail(f"{where} must be a list of non-empty strings")
    terms = tuple(t.strip() for t in raw)
    for term in terms:
        if not _WORD.search(term.rstrip("*")):
            # `*` alone would be an empty pattern that matches everywhere
            raise fail(f"{where}: {term!r} has no letter or digit to match")
    return terms


class _ProblemError(Exception):
    """A validation failure not yet located in the file."""


def parse_taxonomy(text: str, source: str) -> Taxonomy:
    """Validate a taxonomy's text; `source` names it in error messages.

    The schema: `version`, a positive whole number; `areas`, a non-empty array of tables,
    each with `id`, `label`, `color` (#rrggbb), `description` and `terms` (and optional
    `weak` and `exclude`), all non-empty strings; every term holds a letter or digit.
    Anything else - areas as numbers, strings or nested arrays, nesting too deep for the
    parser, a term that is only `*` - is a `TaxonomyError` naming file, line and problem.
    A UTF-8 byte-order mark, as Windows editors write, is accepted.
    """
    import tomllib  # here, not at the top: a cached taxonomy never needs the parser

    text = text.removeprefix(BOM)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        located = _LINE.search(str(exc))
        line = located.group(1) if located else "?"
        problem = _LINE.sub("", str(exc)).strip()
        raise TaxonomyError(f"{source}, line {line}: {problem}") from None
    except RecursionError:
        raise TaxonomyError(f"{source}: arrays or tables are nested too deeply") from None

    def fail(needle: str, problem: str) -> TaxonomyError:
        return TaxonomyError(f"{source}, line {_line_of(text, needle)}: {problem}")

    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise fail("version", "`version` must be a positive whole number")
    raw_areas = data.get("areas")
    if not isinstance(raw_areas, list) or not raw_areas:
        raise fail("areas", "the file must define at least one [[areas]] table")
    areas: list[PolicyArea] = []
    seen: set[str] = set()
    for number, raw in enumerate(raw_areas, start=1):
        if not isinstance(raw, dict):
            raise fail("areas", f"area {number} must be a table ([[areas]] with keys), "
                                f"not {type(raw).__name__} {str(raw)[:40]!r}")
        area_id = raw.get("id")
        if not isinstance(area_id, str) or not _ID.match(area_id):
            raise fail(str(area_id) if area_id else "[[areas]]",
                       f"area {number}: `id` must be lower-case letters, digits and dashes")
        if area_id in seen:
            raise fail(f'"{area_id}"', f"area id {area_id!r} is defined twice")
        seen.add(area_id)
        for key in ("label", "color", "description"):
            if not isinstance(raw.get(key), str) or not raw[key].strip():
                raise fail(f'"{area_id}"', f"area {area_id!r}: `{key}` is missing or empty")
        if not _COLOR.match(raw["color"]):
            raise fail(raw["color"], f"area {area_id!r}: colour {raw['color']!r} is not #rrggbb")
        try:
            terms = _strings(raw.get("terms"), "`terms`", _ProblemError)
            if not terms:
                raise _ProblemError("`terms` must be a list of at least one term")
            weak = _strings(raw.get("weak", []), "`weak`", _ProblemError)
            exclude = _strings(raw.get("exclude", []), "`exclude`", _ProblemError)
            rules = tuple(
                _strings(raw.get(key, []), f"`{key}`", _ProblemError)
                for key in ("venue", "companions", "negative")
            )
        except _ProblemError as exc:
            raise fail(f'"{area_id}"', f"area {area_id!r}: {exc}") from None
        areas.append(
            PolicyArea(area_id, raw["label"].strip(), raw["color"].lower(),
                       raw["description"].strip(), terms, weak, exclude, *rules)
        )
    return Taxonomy(version, tuple(areas), source)


def read_taxonomy_text(path: Path) -> str:
    """The file's text (a BOM dropped), refusing what is not a regular file or too large."""
    if path.exists() and not path.is_file():  # a FIFO or device would block or never end
        raise TaxonomyError(f"{path}: not a regular file")
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise TaxonomyError(f"{path}: larger than {MAX_BYTES // (1024 * 1024)} MB")
        return data.decode("utf-8-sig")
    except FileNotFoundError:
        raise TaxonomyError(f"{path}: the taxonomy file does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TaxonomyError(f"{path}: cannot be read ({exc})") from None


def load_taxonomy(path: Path) -> Taxonomy:
    return parse_taxonomy(read_taxonomy_text(path), str(path))
