"""Issue 11 item 4: `annotator export … --format pdf --notes margin|end|none`."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli.cli_process import run_annotator

NOTE = "Ask which summit this was."


def _pages(path: Path) -> list[str]:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is missing: `make test` installs it")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout.split("\f")


@pytest.fixture
def noted(annotator_home: Path, imported: str) -> str:
    done = run_annotator(annotator_home, "highlight", imported, "--quote",
                         "San Francisco vision", "--note", NOTE)
    assert done.returncode == 0, done.stderr
    return imported


def test_margin_notes_sit_beside_their_passage(
    annotator_home: Path, noted: str, tmp_path: Path
) -> None:
    target = tmp_path / "margin.pdf"  # no --full-text: the cards need it, so it is included
    done = run_annotator(annotator_home, "export", noted, "-o", target, "--notes", "margin")
    assert done.returncode == 0, done.stderr
    pages = _pages(target)

    def in_the_margin(page: str) -> bool:
        lines = page.splitlines()
        width = max((len(line) for line in lines), default=0)
        return any(NOTE in line and line.index(NOTE) > width * 0.6 for line in lines)

    # The note's card is in the right-hand column of the page holding its passage.
    assert [p for p in pages if in_the_margin(p) and "Francisco" in p]
    assert "All notes" not in "".join(pages)


def test_no_notes(annotator_home: Path, noted: str, tmp_path: Path) -> None:
    target = tmp_path / "none.pdf"
    done = run_annotator(annotator_home, "export", noted, "-o", target, "--full-text",
                         "--notes", "none")
    assert done.returncode == 0, done.stderr
    text = "".join(_pages(target))
    assert "Francisco" in text and NOTE not in text


def test_an_unknown_place_is_refused(annotator_home: Path, noted: str, tmp_path: Path) -> None:
    target = tmp_path / "bad.pdf"
    done = run_annotator(annotator_home, "export", noted, "-o", target, "--notes", "side")
    assert done.returncode == 2 and "--notes" in done.stderr
    assert not target.exists()


def test_other_formats_ignore_the_notes_place(
    annotator_home: Path, noted: str, tmp_path: Path
) -> None:
    target = tmp_path / "summary.md"
    done = run_annotator(annotator_home, "export", noted, "-o", target, "--notes", "margin")
    assert done.returncode == 0, done.stderr
    markdown = target.read_text("utf-8")
    assert NOTE in markdown and "## Full text" not in markdown  # margin includes it for PDF only
