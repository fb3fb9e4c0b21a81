"""Themes as data (issue 11 item 1): every bundled theme parses, keeps its text legible,
and keeps the policy-area colours apart for readers with protanopia or deuteranopia."""

from __future__ import annotations

import itertools
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.annotation import READER_COLORS
from annotator.core.theme import (
    ROLES,
    Theme,
    ThemeError,
    choose,
    contrast,
    difference,
    mix,
    parse_theme,
    simulate,
)

RESOURCES = Path(__file__).resolve().parents[2] / "src" / "annotator" / "resources"
THEMES = sorted((RESOURCES / "themes").glob("*.toml"))
AREA_COLOURS = [area["color"] for area in tomllib.loads(
    (RESOURCES / "taxonomies" / "policy-areas.toml").read_text("utf-8"))["areas"]]
SUGGESTION_TINT = 0.3  # the strongest soft fill a suggestion is drawn with


def _theme(path: Path) -> Theme:
    return parse_theme(path.stem, path.read_text("utf-8"), path.name)


def test_light_dark_and_sepia_ship() -> None:
    themes = {path.stem: _theme(path) for path in THEMES}
    assert {"light", "dark", "sepia"} <= set(themes)
    assert themes["dark"].dark and not themes["light"].dark
    assert themes["sepia"].display_name("zh_CN") != themes["sepia"].name


@pytest.mark.parametrize("path", THEMES, ids=lambda p: p.stem)
def test_text_is_legible_on_every_theme(path: Path) -> None:
    palette = _theme(path).palette
    assert contrast(palette["text"], palette["base"]) >= 7  # WCAG AAA body text
    assert contrast(palette["window_text"], palette["window"]) >= 7
    assert contrast(palette["placeholder_text"], palette["base"]) >= 4.5
    assert contrast(palette["highlighted_text"], palette["highlight"]) >= 3
    for colour in AREA_COLOURS:  # the page's text over a suggestion's soft fill
        assert contrast(palette["text"], mix(palette["base"], colour, SUGGESTION_TINT)) >= 7


@pytest.mark.parametrize("deficiency", ["protanopia", "deuteranopia"])
def test_area_colours_stay_apart_under_colour_blindness(deficiency: str) -> None:
    seen = [simulate(colour, deficiency) for colour in AREA_COLOURS]
    closest = min(difference(a, b) for a, b in itertools.combinations(seen, 2))
    assert closest >= 15, f"two areas look alike to a reader with {deficiency} (ΔE {closest:.1f})"


def test_reader_highlights_keep_black_text_legible() -> None:
    assert all(contrast("#000000", colour.hex) >= 7 for colour in READER_COLORS)


def test_the_colour_science_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert difference("#ff0000", "#ff0000") == 0
    # red and green, far apart for most readers, collapse for a reader with deuteranopia
    assert difference("#d00000", "#00a000") > 80
    assert difference(simulate("#d00000", "deuteranopia"),
                      simulate("#00a000", "deuteranopia")) < 40


def _valid(**overrides: str) -> str:
    lines = ['name = "Mine"', "dark = false", "[palette]"]
    grey = '"#808080"'
    lines += [f"{role} = {overrides.get(role, grey)}" for role in ROLES]
    return "\n".join(lines)


@pytest.mark.parametrize(("text", "problem"), [
    ("name = ", "mine.toml"),
    ('dark = false\n[palette]\nbase = "#ffffff"', "'name'"),
    ('name = "X"\ndark = "yes"\n[palette]', "'dark'"),
    ('name = "X"', "[palette]"),
    (_valid(base='"white"'), "'base' must be #rrggbb"),
    (_valid(text="12"), "'text' must be #rrggbb"),
    (_valid() + '\nshadow = "#000000"', "unknown palette colour 'shadow'"),
    ("x" * 70_000, "at most 64 KB"),
])
def test_a_broken_theme_says_which_file_and_what(text: str, problem: str) -> None:
    with pytest.raises(ThemeError) as caught:
        parse_theme("mine", text, "mine.toml")
    assert "mine.toml" in str(caught.value) and problem in str(caught.value)


def test_a_byte_order_mark_is_accepted() -> None:
    assert parse_theme("mine", "\ufeff" + _valid(), "mine.toml").name == "Mine"


@given(st.text(max_size=400))
def test_any_text_is_a_theme_or_a_theme_error(text: str) -> None:
    try:
        theme = parse_theme("fuzz", text, "fuzz.toml")
    except ThemeError:
        return
    assert set(theme.palette) == set(ROLES)


def test_choose_follows_the_reader_then_the_system() -> None:
    themes = {path.stem: _theme(path) for path in THEMES}
    assert choose("sepia", True, themes).id == "sepia"
    assert choose("system", True, themes).id == "dark"
    assert choose("system", False, themes).id == "light"
    assert choose("gone", False, themes).id == "light"  # a removed theme file
    only_sepia = {"sepia": themes["sepia"]}
    assert choose("system", True, only_sepia).id == "sepia"
