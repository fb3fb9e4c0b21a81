"""`annotator areas` and `annotator import` read every format through the registry, and
refuse devices in one line (real processes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.cli_process import assert_one_line_error, run_annotator


def test_areas_of_a_saved_web_page_is_its_article_not_its_markup(
        annotator_home: Path, corpus: Path) -> None:
    page = corpus / "html-articles" / "nytimes-1" / "source.html"
    done = run_annotator(annotator_home, "areas", page, "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["document"]["title"] == "United States to Lift Sudan Sanctions"
    assert result["document"]["author"] == "Jeffrey Gettleman"
    assert "<div" not in result["text"] and "<script" not in result["text"]
    assert "Sudan" in result["text"]
    assert result["spans"]  # detection runs on the article like on the sample


def test_import_of_an_epub_prints_its_id_and_title(annotator_home: Path, corpus: Path) -> None:
    book = corpus / "epub" / "epub3-alice-in-wonderland.epub"
    done = run_annotator(annotator_home, "import", book, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["title"] == "Alice's Adventures in Wonderland"


@pytest.mark.timeout(60)
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_are_refused_in_one_line(annotator_home: Path, device: str) -> None:
    for command in ("import", "areas"):
        done = run_annotator(annotator_home, command, device, timeout=30)
        assert_one_line_error(done)
        assert "is a device" in done.stderr
