"""Re-importing a changed version of a document, whatever its format, re-anchors its
annotations through `annotator import --revise` (issue 10 item 5), with real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.importers.epub_factory import book

FIRST = ["The harbour council met on Monday to discuss the new sea wall.",
         "Fishermen asked for a longer season and better prices at the market.",
         "The mayor promised an answer before the summer holidays began."]
SECOND = ["The harbour council met on Monday to discuss the new sea wall.",
          "A new paragraph about the weather arrived in the second edition.",
          "Fishermen asked for a longer season and better prices at the market.",
          "The mayor promised an answer before the autumn."]


def as_html(paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = f"<!DOCTYPE html><html><body><article><h1>Harbour</h1>{body}</article></body>"
    return (page + "</html>").encode()


def as_markdown(paragraphs: list[str]) -> bytes:
    return ("# Harbour\n\n" + "\n\n".join(paragraphs)).encode()


def as_epub(paragraphs: list[str]) -> bytes:
    return book({"a.xhtml": "<h1>Harbour</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs)})


def cli(home: Path, *args: str) -> dict[str, object]:
    env = {**os.environ, "ANNOTATOR_HOME": str(home)}
    done = subprocess.run([sys.executable, "-m", "annotator", *args, "--json"], env=env,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert isinstance(result, dict)
    return result


@pytest.mark.parametrize(("suffix", "render"),
                         [(".html", as_html), (".md", as_markdown), (".epub", as_epub)])
def test_revise_reanchors_annotations_for_every_format(
        tmp_path: Path, suffix: str, render: Callable[[list[str]], bytes]) -> None:
    home = tmp_path / "home"
    old, new = tmp_path / f"v1{suffix}", tmp_path / f"v2{suffix}"
    old.write_bytes(render(FIRST))
    new.write_bytes(render(SECOND))
    doc = str(cli(home, "import", str(old))["id"])
    cli(home, "highlight", doc, "--quote", "longer season and better prices")
    cli(home, "highlight", doc, "--quote", "before the summer holidays began")
    result = cli(home, "import", str(new), "--revise", doc)
    assert result["id"] == doc
    assert (result["kept"], result["moved"], result["unplaced"]) in ((1, 0, 1), (0, 1, 1))
