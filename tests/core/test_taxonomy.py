"""The taxonomy is data: validated, located errors, user copy overrides the bundle."""

from __future__ import annotations

import colorsys
import itertools
from pathlib import Path

import pytest

from annotator import paths
from annotator.core.taxonomy import load_taxonomy, parse_taxonomy
from annotator.errors import TaxonomyError
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

