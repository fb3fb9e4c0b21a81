"""Issue 9 item 4: a first export shows the areas the text covers, marked as
suggestions, not an overview of zeros; once the reader files a highlight under an area
it leads with the reader's own, and --no-suggestions / --suggestions still decide."""

from __future__ import annotations

from pathlib import Path

from tests.cli.cli_process import run_annotator


def _overview(home: Path, doc: str, tmp_path: Path, *options: str) -> list[str]:
    target = tmp_path / "out.md"
    done = run_annotator(home, "export", doc, "-o", target, *options)
    assert done.returncode == 0, done.stderr
    text = target.read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.startswith("| Climate |")] + (
        ["suggested"] if "(suggested)" in text else [])


def test_the_default_export_shows_the_suggested_areas_until_the_reader_decides(
    tmp_path: Path, sample_path: Path
) -> None:
    home = tmp_path / "home"
    done = run_annotator(home, "import", sample_path)
    assert done.returncode == 0, done.stderr
    doc = done.stdout.strip()

    first = _overview(home, doc, tmp_path)
    assert not first[0].startswith("| Climate | 0 |") and "suggested" in first
    assert _overview(home, doc, tmp_path, "--no-suggestions")[0].startswith("| Climate | 0 |")

    filed = run_annotator(home, "highlight", doc, "--quote", "climate change", "--area",
                          "climate")
    assert filed.returncode == 0, filed.stderr
    decided = _overview(home, doc, tmp_path)
    assert decided == ["| Climate | 1 | " + decided[0].split("| ", 3)[3]], decided
    assert "suggested" in _overview(home, doc, tmp_path, "--suggestions")
