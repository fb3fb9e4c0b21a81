"""The group summary: by area then passage, each member's notes together, hot spots first."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from annotator.core.annotation import Annotation, Motivation
from annotator.core.document import Document
from annotator.core.group_summary import build_group_summary, compare
from annotator.errors import ExportError
from annotator.exporters.group import write_group
from annotator.importers import import_path
from annotator.services.reading import active_taxonomy

NAMES = {"li": "Li (from bundle)", "sam": "=Sam (from bundle)", "me": "Me"}


def _on(doc: Document, quote: str, author: str, n: int, **fields: object) -> Annotation:
    start = doc.text.index(quote)
    return Annotation("doc", start, start + len(quote), quote, author_id=author,
                      author_name=author, id=f"id-{n}", **fields)  # type: ignore[arg-type]


@pytest.fixture
def marks(sample_path: Path) -> tuple[Document, list[Annotation]]:
    doc = import_path(sample_path)
    found = [
        _on(doc, "climate", "li", 1, note="warming", area="climate"),
        _on(doc, "climate", "sam", 2, note="<script>x</script>", area="climate"),
        _on(doc, "climate", "me", 3, area="climate"),
        _on(doc, "cooperation", "li", 4, note="why?"),
        _on(doc, "cooperation", "sam", 5, note="answer", motivation=Motivation.REPLYING,
            reply_to="id-4"),
        _on(doc, "China", "me", 6, note="context", area="peace-security"),
    ]
    return doc, found


def test_hot_spots_first_then_areas_with_members_side_by_side(
    marks: tuple[Document, list[Annotation]],
) -> None:
    doc, found = marks
    summary = build_group_summary(doc, found, active_taxonomy(), NAMES)
    assert [(m.name, m.marks, m.notes) for m in summary.members] == [
        ("=Sam (from bundle)", 1, 1), ("Li (from bundle)", 2, 2), ("Me", 2, 1)
    ]
    [hot] = summary.hot_spots
    assert (hot.exact, hot.weight, hot.area) == ("climate", 3, "climate")
    assert [e.member.name for e in hot.by_member] == [m.name for m in summary.members]
    labels = [s.label for s in summary.sections]
    assert labels[-1] == "Other highlights" and len(labels) == 3
    [other] = summary.sections[-1].passages
    assert other.exact == "cooperation" and other.weight == 1, "a reply is not a mark"


def test_every_format_is_written_and_inert(
    marks: tuple[Document, list[Annotation]], tmp_path: Path
) -> None:
    doc, found = marks
    summary = build_group_summary(doc, found, active_taxonomy(), NAMES)
    md = write_group(summary, "md", tmp_path / "g.md").read_text(encoding="utf-8")
    assert md.index("## Members") < md.index("## Hot spots") < md.index("## Climate")
    assert "- **Li (from bundle)**: warming" in md and "<script>" not in md
    assert "| Me | 2 | 1 |" in md
    page = write_group(summary, "html", tmp_path / "g.html").read_text(encoding="utf-8")
    assert "<script" not in page and "<th>Li (from bundle)</th>" in page
    write_group(summary, "csv", tmp_path / "g.csv")
    with (tmp_path / "g.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["member"] for r in rows if r["section"] == "Hot spots"] == [
        "'=Sam (from bundle)", "Li (from bundle)", "Me"
    ]
    assert len(rows) == 3 + 3 + 1 + 1
    with pytest.raises(ExportError, match="md, html, csv"):
        write_group(summary, "pdf", tmp_path / "g.pdf")
    assert not (tmp_path / "g.pdf").exists()


def test_compare_lists_the_passages_both_members_marked(
    marks: tuple[Document, list[Annotation]],
) -> None:
    doc, found = marks
    summary = build_group_summary(doc, found, active_taxonomy(), NAMES)
    [side] = compare(summary, "li", "sam")
    assert (side.passage.exact, side.left.notes, side.right.notes) == (
        "climate", ("warming",), ("<script>x</script>",))
    assert compare(summary, "li", "li") == []
    assert [s.passage.exact for s in compare(summary, "me", "li")] == ["climate"]
