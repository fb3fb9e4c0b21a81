"""Issue 13 item 19: a filter that would select nothing is an error, not an empty file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.cli_process import assert_one_line_error, run_annotator


@pytest.mark.parametrize(
    ("option", "value", "says"),
    [
        ("--colors", "nope", "unknown colour nope"),
        ("--colors", "", "no colour given"),
        ("--tags", "", "no tag given"),
        ("--tags", "nosuch", "unknown tag nosuch (known: none)"),
        ("--areas", "", "no policy area given"),
        ("--areas", ",", "no policy area given"),
        ("--authors", "Nobody", "unknown author Nobody"),
    ],
)
def test_empty_or_unknown_filters_are_refused(
    annotator_home: Path, imported: str, tmp_path: Path, option: str, value: str, says: str
) -> None:
    target = tmp_path / "out.csv"
    done = run_annotator(annotator_home, "export", imported, "-o", target, option, value)
    assert_one_line_error(done)
    assert says in done.stderr
    assert not target.exists()


def test_known_filters_still_export(annotator_home: Path, imported: str, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    done = run_annotator(annotator_home, "export", imported, "-o", target,
                         "--colors", "yellow,#123456", "--areas", "climate")
    assert done.returncode == 0, done.stderr
    done = run_annotator(annotator_home, "export", imported, "-o", target, "--colors", "yellow")
    assert done.returncode == 0, done.stderr
    assert "kept" in target.read_text(encoding="utf-8-sig")
