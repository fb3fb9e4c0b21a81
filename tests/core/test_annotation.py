"""Annotation values: colours that are always valid wherever they are written."""

from __future__ import annotations

from annotator.core.annotation import READER_COLORS, color_hex


def test_reader_colour_hex_never_passes_an_invalid_colour_through() -> None:
    assert color_hex("green") == "#8ff0a4"
    assert color_hex("#ABCDEF") == "#abcdef"
    assert color_hex("climate") == READER_COLORS[0].hex
    assert color_hex("red; } body { display:none") == READER_COLORS[0].hex
