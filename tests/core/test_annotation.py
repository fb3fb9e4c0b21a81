"""Annotation values: colours that are always valid wherever they are written."""

from __future__ import annotations

import uuid

from annotator.core.annotation import READER_COLORS, color_hex, new_id


def test_reader_colour_hex_never_passes_an_invalid_colour_through() -> None:
    assert color_hex("green") == "#8ff0a4"
    assert color_hex("#ABCDEF") == "#abcdef"
    assert color_hex("climate") == READER_COLORS[0].hex
    assert color_hex("red; } body { display:none") == READER_COLORS[0].hex


def test_new_ids_are_random_version_4_uuids_in_canonical_form() -> None:
    ids = [new_id() for _ in range(2000)]
    assert len(set(ids)) == len(ids)
    for text in ids:
        parsed = uuid.UUID(text)
        assert parsed.version == 4 and parsed.variant == uuid.RFC_4122
        assert str(parsed) == text  # lower-case hex, dashes where uuid puts them
    # every random digit takes every value: no bit is stuck beyond version and variant
    for position in (0, 9, 15, 35):
        assert len({text[position] for text in ids}) == 16
    assert {text[19] for text in ids} == set("89ab")
