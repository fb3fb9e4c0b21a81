"""The library and annotation commands end to end, through `annotator.cli.main`."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from annotator.cli import main
from annotator.store import default_path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    code, out, err = _run(capsys, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_import_highlight_list_search(
    capsys: pytest.CaptureFixture[str], sample_path: Path
) -> None:
    imported = _json(capsys, "import", str(sample_path))
    assert imported["title"].startswith("Stakes have never been higher")
    doc = imported["id"]
    assert _json(capsys, "import", str(sample_path))["id"] == doc, "deduplicated"

    made = _json(
        capsys,
        "highlight",
        doc[:6],
        "--quote",
        "China",
        "--occurrence",
        "2",
        "--color",
        "green",
        "--note",
        "a **marsupial** note",
        "--tag",
        "t1",
        "--tag",
        "t2",
        "--area",
        "climate",
    )
    code, out, _ = _run(capsys, "highlight", doc[:6], "--quote", "climate")
    assert code == 0 and len(out.strip()) == 36

    [listed] = _json(capsys, "documents")
    assert listed == {
        "id": doc,
        "title": imported["title"],
        "author": "Wang Huiyao",
        "date": "2024-05-22",
        "annotations": 2,
        "problem": None,
    }

    collection = _json(capsys, "annotations", doc[:8])
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection"
    items = collection["first"]["items"]
    assert len(items) == 2
    item = next(i for i in items if i["id"] == f"urn:uuid:{made['id']}")
    selectors = {s["type"]: s for s in item["target"]["selector"]}
    assert selectors["TextQuoteSelector"]["exact"] == "China"
    text = sample_path.read_text(encoding="utf-8")
    assert (
        selectors["TextPositionSelector"]["end"] - selectors["TextPositionSelector"]["start"] == 5
    )
    purposes = sorted(b["purpose"] for b in item["body"])
    assert purposes == ["classifying", "commenting", "tagging", "tagging"]
    assert item["creator"]["name"] and item["created"].endswith("Z")
    assert "China" in text

    hits = _json(capsys, "search", "marsupial")
    assert [(h["document"], h["kind"], h["annotation"]) for h in hits] == [
        (doc, "note", made["id"])
    ]


def test_revise_reports_counts(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    first = tmp_path / "v1.txt"
    first.write_text("Alpha beta gamma.\n\nDelta epsilon zeta.\n\nEta theta iota.\n")
    doc = _json(capsys, "import", str(first))["id"]
    for quote in ("Alpha", "epsilon", "iota"):
        _json(capsys, "highlight", doc, "--quote", quote)
    second = tmp_path / "v2.txt"
    second.write_text("Alpha beta gamma.\n\nSomething else.\n\nMore. Eta theta iota.\n")
    result = _json(capsys, "import", str(second), "--revise", doc[:5])
    assert result["id"] == doc
    assert (result["kept"], result["moved"], result["unplaced"]) == (1, 1, 1)
    assert _json(capsys, "documents")[0]["annotations"] == 3
    code, out, _ = _run(capsys, "documents")
    assert code == 0 and "          3 annotations\n" in out


def test_one_annotation_is_counted_in_the_singular(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = tmp_path / "one.txt"
    text.write_text("Alpha beta gamma.\n")
    doc = _json(capsys, "import", str(text))["id"]
    _json(capsys, "highlight", doc, "--quote", "beta")
    code, out, _ = _run(capsys, "documents")
    assert code == 0 and "          1 annotation\n" in out and "(s)" not in out


def test_identity_and_info(capsys: pytest.CaptureFixture[str], annotator_home: Path) -> None:
    first = _json(capsys, "identity")
    assert first["name"]
    renamed = _json(capsys, "identity", "--name", "  Ada   Reader ")
    assert renamed == {"id": first["id"], "name": "Ada Reader"}
    info = _json(capsys, "info")
    assert info["database"] == str(default_path())
    assert Path(info["data_dir"]).is_relative_to(annotator_home)
    assert Path(info["state_dir"]).is_relative_to(annotator_home)
    assert set(info) == {"version", "database", "data_dir", "config_dir", "state_dir"}


@pytest.mark.parametrize(
    "args",
    [
        ("highlight", "nope", "--quote", "x"),
        ("annotations", "ffff"),
        ("import", "/no/such/file.txt"),
        ("import", "SAMPLE", "--revise", "0000"),
        ("highlight", "DOC", "--quote", "China", "--color", "mauve"),
        ("highlight", "DOC", "--quote", "not in the text at all"),
        ("identity", "--name", "   "),
        ("highlight", "DOC", "--quote", "China", "--area", "nosuch"),
        ("highlight", "DOC", "--quote"),
        ("documents", "--frobnicate"),
        ("export", "DOC", "-o", "x.md", "--page-size", "a3"),
    ],
)
def test_errors_are_one_line_exit_2_and_change_nothing(
    capsys: pytest.CaptureFixture[str], sample_path: Path, args: tuple[str, ...]
) -> None:
    doc = _json(capsys, "import", str(sample_path))["id"]
    _json(capsys, "identity")
    before = _dump()
    resolved = [str(sample_path) if a == "SAMPLE" else doc if a == "DOC" else a for a in args]
    code, out, err = _run(capsys, *resolved)
    assert code == 2
    assert out == ""
    assert err.startswith("annotator: ") and err.count("\n") == 1
    assert _dump() == before


def test_empty_library_and_no_hits_say_so(
    capsys: pytest.CaptureFixture[str], sample_path: Path
) -> None:
    code, out, _ = _run(capsys, "documents")
    assert code == 0 and "The library is empty" in out
    assert _json(capsys, "documents") == []
    _json(capsys, "import", str(sample_path))
    code, out, _ = _run(capsys, "search", "marsupial")
    assert code == 0 and out == "No matches for 'marsupial'.\n"
    assert _json(capsys, "search", "marsupial") == []


def test_corrupt_database_is_named_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    path = default_path()
    path.write_bytes(b"\x89PNG\r\n\x1a\nnot a database")
    code, out, err = _run(capsys, "documents")
    assert code == 2 and out == ""
    assert str(path) in err and err.count("\n") == 1
    assert list(path.parent.glob("annotator.db.corrupt-*"))


def _dump() -> list[str]:
    conn = sqlite3.connect(default_path())
    lines = list(conn.iterdump())
    conn.close()
    return lines
