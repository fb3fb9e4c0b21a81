"""Issue 13 item 6: a note whose area the taxonomy no longer has is exported, labelled."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from annotator.bundled import taxonomy_text
from tests.cli.cli_process import run_annotator


def _taxonomy_without_climate(folder: Path) -> Path:
    """The bundled taxonomy with the climate area removed, as a reader might edit it."""
    bundled = taxonomy_text()
    head, *areas = bundled.split("[[areas]]")
    kept = [a for a in areas if 'id = "climate"' not in a]
    assert len(kept) == len(areas) - 1
    path = folder / "no-climate.toml"
    path.write_text("[[areas]]".join([head, *kept]), encoding="utf-8")
    return path


def _text(path: Path) -> str:
    if path.suffix == ".pdf":
        text = " ".join(page.extract_text() for page in PdfReader(path).pages)
        return " ".join(text.split())
    return path.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("fmt", ["md", "html", "pdf", "csv", "jsonld"])
def test_a_note_in_a_removed_area_is_exported(
    annotator_home: Path, imported: str, tmp_path: Path, fmt: str
) -> None:
    done = run_annotator(annotator_home, "highlight", imported, "--quote", "climate",
                         "--area", "climate", "--note", "Marsupial remark")
    assert done.returncode == 0, done.stderr
    taxonomy = _taxonomy_without_climate(tmp_path)
    target = tmp_path / f"summary.{fmt}"
    done = run_annotator(annotator_home, "export", imported, "-o", target,
                         "--taxonomy", taxonomy)
    assert done.returncode == 0, done.stderr
    text = _text(target)
    assert "Marsupial remark" in text
    if fmt == "jsonld":
        items = json.loads(text)["first"]["items"]
        [noted] = [i for i in items if "Marsupial remark" in json.dumps(i)]
        assert '"classifying"' in json.dumps(noted) and '"climate"' in json.dumps(noted)
    else:
        assert "Unknown area" in text and "climate" in text
