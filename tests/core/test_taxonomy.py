"""The taxonomy is data: validated, located errors, user copy overrides the bundle."""

from __future__ import annotations

import colorsys
import itertools
import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator import paths
from annotator.core.detection import Detector
from annotator.core.taxonomy import load_taxonomy, parse_taxonomy
from annotator.errors import TaxonomyError
from annotator.importers.plaintext import parse as parse_plain
from annotator.services.reading import active_taxonomy, bundled_taxonomy

REQUIRED = {"peace-security", "climate", "ai-governance", "multilateral-reform", "people-exchange"}

GOOD = """version = 2
[[areas]]
id = "oceans"
label = "Oceans"
color = "#123456"
description = "Seas."
terms = ["ocean", "sea"]
"""


def test_bundled_taxonomy_has_the_five_areas_with_all_fields() -> None:
    taxonomy = bundled_taxonomy()
    assert taxonomy.version >= 1
    assert set(taxonomy.ids) >= REQUIRED
    for area in taxonomy.areas:
        assert area.label and area.description and area.terms
        assert area.color.startswith("#") and len(area.color) == 7


def _luminance(hex_color: str) -> float:
    r, g, b = (int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_bundled_colours_are_distinct_in_hue_and_mid_luminance() -> None:
    colors = [a.color for a in bundled_taxonomy().areas]
    assert len(set(colors)) == len(colors)
    hues = sorted(colorsys.rgb_to_hsv(*(int(c[i : i + 2], 16) / 255 for i in (1, 3, 5)))[0]
                  for c in colors)
    gaps = [b - a for a, b in itertools.pairwise(hues)]
    assert min(gaps) > 0.03
    # mid luminance: the full colour shows as an underline on white and on a dark page
    assert all(0.15 < _luminance(c) < 0.7 for c in colors)


def test_user_copy_overrides_bundled(tmp_path: Path) -> None:
    paths.user_taxonomy_path().write_text(GOOD, encoding="utf-8")
    assert active_taxonomy().ids == ["oceans"]


def test_an_edited_user_copy_is_read_again_and_a_removed_one_falls_back(
    tmp_path: Path,
) -> None:
    """The active taxonomy is kept between highlights by the file's stat, so an edit
    (here: a longer file, as an editor's save) or a removal must still be seen."""
    user_copy = paths.user_taxonomy_path()
    user_copy.write_text(GOOD, encoding="utf-8")
    assert active_taxonomy().ids == ["oceans"]
    assert active_taxonomy() is active_taxonomy(), "kept while the file is unchanged"
    user_copy.write_text(GOOD.replace("oceans", "coastal-waters"), encoding="utf-8")
    assert active_taxonomy().ids == ["coastal-waters"]
    user_copy.unlink()
    assert active_taxonomy().ids == bundled_taxonomy().ids


def test_explicit_override_wins_over_user_copy(tmp_path: Path) -> None:
    paths.user_taxonomy_path().write_text(GOOD, encoding="utf-8")
    explicit = tmp_path / "mine.toml"
    explicit.write_text(GOOD.replace("oceans", "rivers"), encoding="utf-8")
    assert active_taxonomy(explicit).ids == ["rivers"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("version = 1\n[[areas]\nid = 'x'", r"line 2: "),
        (GOOD.replace('color = "#123456"', 'color = "blue"'), r"line 5: .*'blue' is not #rrggbb"),
        (GOOD.replace('label = "Oceans"\n', ""), r"line 3: area 'oceans': `label` is missing"),
        (
            GOOD.replace('terms = ["ocean", "sea"]', "terms = []"),
            r"line 3: .*`terms` must be a list",
        ),
        (GOOD.replace("version = 2", "version = 'x'"), r"line 1: `version` must be"),
        (GOOD + GOOD.replace("version = 2", ""), r"line 3: area id 'oceans' is defined twice"),
        (GOOD.replace('id = "oceans"', 'id = "Oceans Area"'), r"`id` must be lower-case"),
        ("version = 1\n", r"at least one \[\[areas\]\]"),
    ],
)
def test_malformed_taxonomy_names_file_line_and_problem(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TaxonomyError, match=rf"broken\.toml, {message}" if "line" in message
                       else message):
        load_taxonomy(path)


def test_missing_taxonomy_file(tmp_path: Path) -> None:
    with pytest.raises(TaxonomyError, match="does not exist"):
        load_taxonomy(tmp_path / "none.toml")


def test_parse_taxonomy_accepts_minimal_area() -> None:
    taxonomy = parse_taxonomy(GOOD, "inline")
    area = taxonomy.area("oceans")
    assert area is not None and area.terms == ("ocean", "sea")
    assert taxonomy.area("nope") is None



# --- issue 13, item 8: wrong shapes get a schema error with file, line and problem ------

WRONG_SHAPES = {
    "areas-number": ("version = 1\nareas = 5\n", 2, "at least one [[areas]]"),
    "areas-string": ('version = 1\nareas = "climate"\n', 2, "at least one [[areas]]"),
    "areas-numbers": ("version = 1\nareas = [1, 2]\n", 2, "area 1 must be a table"),
    "areas-strings": ('version = 1\nareas = ["climate"]\n', 2, "area 1 must be a table"),
    "areas-nested-lists": ("version = 1\nareas = [[1], [2]]\n", 2, "area 1 must be a table"),
    "version-bool": ("version = true\n" + GOOD.split("\n", 1)[1], 1, "`version`"),
    "term-only-star": (GOOD.replace('["ocean", "sea"]', '["ocean", "*"]'), 3,
                       "'*' has no letter or digit"),
    "weak-only-stars": (GOOD + 'weak = ["**"]\n', 3, "'**' has no letter or digit"),
    "deep-nesting": ("version = 1\nx = " + "[" * 5000 + "]" * 5000 + "\n", None,
                     "nested too deeply"),
    "deep-tables": ("version = 1\nx = " + "{a = " * 5000 + "1" + "}" * 5000 + "\n", None,
                    "nested too deeply"),
}


@pytest.mark.parametrize(("text", "line", "problem"), WRONG_SHAPES.values(),
                         ids=WRONG_SHAPES.keys())
def test_wrong_shapes_are_schema_errors(text: str, line: int | None, problem: str) -> None:
    with pytest.raises(TaxonomyError) as caught:
        parse_taxonomy(text, "mine.toml")
    message = str(caught.value)
    assert message.startswith("mine.toml")
    assert problem in message
    if line is not None:
        assert message.startswith(f"mine.toml, line {line}:"), message


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    assert load_taxonomy(path).ids == ["oceans"]
    assert parse_taxonomy("\ufeff" + GOOD, "s").ids == ["oceans"]


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    with pytest.raises(TaxonomyError, match="not a regular file"):
        load_taxonomy(fifo)


# --- fuzzing: only a Taxonomy (that compiles) or TaxonomyError -------------------------

_KEYS = st.sampled_from(["id", "label", "color", "description", "terms", "weak", "exclude",
                         "version", "areas", "x"])
_SCALARS = st.one_of(
    st.integers(-3, 3), st.booleans(), st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["*", "**", "ocean", "sea*", "#123456", "#12345G", "oceans", "", " ",
                     "Ocean-2", "a b", "\u00e9t\u00e9*"]),
    st.text(max_size=8),
)


def _render(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_render(v) for v in value) + "]"
    assert isinstance(value, dict)
    return "{" + ", ".join(f"{k} = {_render(v)}" for k, v in value.items()) + "}"


_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(_KEYS, inner, max_size=6)),
    max_leaves=25,
)
_AREA = st.fixed_dictionaries(
    {"id": st.sampled_from(["oceans", "Oceans", "", "a-1"]),
     "label": _SCALARS, "color": _SCALARS, "description": _SCALARS,
     "terms": st.one_of(st.lists(_SCALARS, max_size=4), _VALUES)},
    optional={"weak": _VALUES, "exclude": st.lists(_SCALARS, max_size=3)},
)


@st.composite
def _taxonomy_texts(draw: st.DrawFn) -> str:
    version = draw(st.one_of(st.integers(-1, 3), _SCALARS))
    lines = [f"version = {_render(version)}"]
    if draw(st.booleans()):
        lines.append(f"areas = {_render(draw(_VALUES))}")
    else:
        for area in draw(st.lists(_AREA, min_size=0, max_size=3)):
            lines.append("[[areas]]")
            lines.extend(f"{k} = {_render(v)}" for k, v in area.items())
    text = "\n".join(lines) + "\n"
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text


@settings(max_examples=300, deadline=None)
@given(st.one_of(_taxonomy_texts(), st.text(max_size=200)))
def test_fuzzed_taxonomies_load_or_raise_taxonomy_error(text: str) -> None:
    try:
        taxonomy = parse_taxonomy(text, "fuzz.toml")
    except TaxonomyError as exc:
        assert str(exc).startswith("fuzz.toml")
        return
    Detector(taxonomy)  # what loads also compiles: no empty pattern, no crash


# --- issue 13, item 13: a user's taxonomy is cached like the bundled one ---------------


def _many_terms(count: int, wildcard_every: int = 3) -> str:
    terms = ", ".join(
        f'"term{i}x{"*" if i % wildcard_every == 0 else ""}"' for i in range(count)
    )
    return GOOD.replace('["ocean", "sea"]', f'["ocean", "sea", {terms}]')


def test_a_user_taxonomy_is_cached_by_its_text_and_detects_the_same(tmp_path: Path) -> None:
    from annotator.services import reading

    path = paths.user_taxonomy_path()
    path.write_text(_many_terms(3000), encoding="utf-8")
    cache = paths.state_dir() / "cache"
    fresh = active_taxonomy()
    files = sorted(cache.iterdir())
    assert len(files) == 1, "the compiled user taxonomy is stored"

    reading._detectors.clear()  # as in a new process
    cached = reading._load_shared(files[0].read_bytes())
    assert isinstance(cached, Detector) and cached.taxonomy == fresh
    document = parse_plain("Oceans\n\nThe sea and term12xyz and term13x and the ocean.\n", "t")
    assert Detector(fresh).detect(document) == cached.detect(document)

    path.write_text(_many_terms(3001), encoding="utf-8")
    assert active_taxonomy() != fresh
    assert len(list(cache.iterdir())) == 2, "an edited file is a new key"


def test_no_usable_state_folder_still_loads_the_taxonomy(tmp_path: Path) -> None:
    from annotator.services import reading

    path = tmp_path / "mine.toml"
    path.write_text(GOOD, encoding="utf-8")
    home = Path(os.environ["ANNOTATOR_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    (home / "state").write_text("a file, not a folder")
    reading._detectors.clear()
    assert load_taxonomy(path).ids == ["oceans"]
