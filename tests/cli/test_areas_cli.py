"""`annotator areas`: the JSON contract and one-line errors with exit status 2."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from annotator import __version__
from annotator.cli import main


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_areas_json_contract(capsys: pytest.CaptureFixture[str], sample_path: Path) -> None:
    code, out, err = run_cli(capsys, "areas", str(sample_path), "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["document"] == {
        "title": "Stakes have never been higher for US-China cooperation to get into gear",
        "author": "Wang Huiyao",
        "date": "2024-05-22",
        "source": "SCMP",
    }
    assert [a["id"] for a in data["areas"]] == [
        "peace-security", "climate", "ai-governance", "multilateral-reform", "people-exchange"
    ]
    assert all(len(a["color"]) == 7 and a["color"].startswith("#") for a in data["areas"])
    assert data["spans"]
    for span in data["spans"]:
        assert data["text"][span["start"] : span["end"]] == span["exact"]
        assert span["terms"]
        assert span["area"] in {a["id"] for a in data["areas"]}


def test_areas_readable_listing(capsys: pytest.CaptureFixture[str], sample_path: Path) -> None:
    code, out, _ = run_cli(capsys, "areas", str(sample_path))
    assert code == 0
    assert out.startswith("Stakes have never been higher")
    assert "Wang Huiyao · 2024-05-22 · SCMP" in out
    assert "Climate (#009e73):" in out and "terms: " in out
    assert re.search(r"\): \d+ passages\n", out)  # several areas have several passages
    assert "(s)" not in out


def test_areas_with_custom_taxonomy(
    capsys: pytest.CaptureFixture[str], sample_path: Path, tmp_path: Path
) -> None:
    taxonomy = tmp_path / "t.toml"
    taxonomy.write_text('version = 1\n[[areas]]\nid = "cars"\nlabel = "Cars"\n'
                        'color = "#111111"\ndescription = "d"\nterms = ["car"]\n')
    code, out, _ = run_cli(capsys, "areas", str(sample_path), "--taxonomy", str(taxonomy),
                           "--json")
    assert code == 0
    assert [a["id"] for a in json.loads(out)["areas"]] == ["cars"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00", "looks like a PNG image"),
        (b"bad \xff byte", "not valid UTF-8"),
    ],
)
def test_bad_files_give_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(content)
    code, out, err = run_cli(capsys, "areas", str(path), "--json")
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_missing_file_and_bad_taxonomy(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sample_path: Path
) -> None:
    code, _, err = run_cli(capsys, "areas", str(tmp_path / "gone.txt"))
    assert code == 2 and "does not exist" in err
    broken = tmp_path / "broken.toml"
    broken.write_text("version = [\n")
    code, _, err = run_cli(capsys, "areas", str(sample_path), "--taxonomy", str(broken))
    assert code == 2 and "broken.toml, line" in err


def test_console_script_version_and_usage_errors() -> None:
    done = subprocess.run([sys.executable, "-m", "annotator", "--version"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout.strip() == f"annotator {__version__}"
    done = subprocess.run([sys.executable, "-m", "annotator", "areas"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2 and "the following arguments are required" in done.stderr
