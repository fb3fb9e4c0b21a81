"""Every export format: golden files, W3C conformance, payload safety, atomic writes."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from annotator.core.filters import AnnotationFilter
from annotator.core.summary import Summary, SummaryOptions
from annotator.exporters import (
    FORMATS,
    ExportCancelled,
    ExportOptions,
    PageSize,
    export_format,
    render_bytes,
    write_export,
)
from annotator.exporters.base import write_atomically
from annotator.services.exporting import export_document
from annotator.services.reading import Reading
from tests.exporters.conftest import DOC_ID, _at, fixed_annotations, summary_of
from tests.exporters.w3c_suite import must_failures

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden"
TEXT_FORMATS = ["md", "html", "jsonld", "csv"]

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<IMG SRC=x OnErRoR=alert(1)>",
    '<a href="JaVaScRiPt:alert(1)">click</a>',
    "[x](javascript:alert(1))",
    "[x](JAVASCRIPT:alert(1))",
    "[x](  javascript:alert(1))",
    "![x](http://tracker/p.gif)",
    "[d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<style>body{background:url(http://tracker/x)}</style>",
    "<iframe src=http://evil/></iframe>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "</blockquote>\n\n# heading\n\n<script>alert(2)</script>",
]


def _golden(name: str, data: bytes) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    assert path.exists(), f"missing golden file {path}; run with UPDATE_GOLDEN=1"
    assert data == path.read_bytes(), f"{name} differs from its golden file"


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_golden(fmt: str, sample_summary: Summary) -> None:
    _golden(f"sample.{fmt}", render_bytes(sample_summary, export_format(fmt)))


def test_golden_pdf_text(sample_summary: Summary, tmp_path: Path) -> None:
    pdf = tmp_path / "sample.pdf"
    pdf.write_bytes(render_bytes(sample_summary, export_format("pdf")))
    _golden("sample.pdf.txt", _pdftotext(pdf).encode("utf-8"))


def test_registry_lists_every_format() -> None:
    assert [f.name for f in FORMATS] == ["md", "html", "pdf", "jsonld", "csv"]
    assert export_format(".HTML").suffix == ".html"
    with pytest.raises(Exception, match="unknown export format"):
        export_format("docx")


def test_summary_organisation(sample_reading: Reading) -> None:
    summary = summary_of(sample_reading, SummaryOptions())
    ids = {p.id for p in summary.passages}
    assert "00000000-0000-4000-8000-000000000005" not in ids  # deleted
    assert all(p.kind.value != "suggestion" for p in summary.passages)
    assert [s.label for s in summary.sections][-1] == "Other highlights"
    assert [p.start for p in summary.passages] == sorted(p.start for p in summary.passages)
    with_suggestions = summary_of(sample_reading, SummaryOptions(suggestions=True))
    rejected = sample_reading.spans_of("ai-governance")[0]
    assert not any(
        (p.area, p.start, p.end) == ("ai-governance", rejected.start, rejected.end)
        for p in with_suggestions.passages
    )
    only = summary_of(sample_reading, SummaryOptions(AnnotationFilter(
        areas=frozenset({"climate"}), authors=frozenset({"Ada Teacher"}))))
    assert {p.area for p in only.passages} == {"climate"}
    assert [o.area for o in only.overview] == ["climate"]
    assert 0 < only.overview[0].share < 100


def test_jsonld_passes_w3c_musts(corpus: Path, sample_summary: Summary) -> None:
    suite = corpus / "w3c-annotation" / "test-suite"
    document = json.loads(render_bytes(sample_summary, export_format("jsonld")))
    assert must_failures(suite, "collections/collectionMusts.test", document) == []
    page = {"@context": document["@context"], **document["first"]}
    assert must_failures(suite, "collections/pages/pageMusts.test", page) == []
    items = page["items"]
    assert len(items) == len(sample_summary.passages)
    for item in items:
        annotation = {"@context": document["@context"], **item}
        assert must_failures(suite, "annotations/annotationMusts.test", annotation) == []
    noted = next(i for i in items if i["motivation"] == "commenting")
    purposes = {b["purpose"] for b in noted["body"]}
    assert purposes == {"commenting", "tagging", "classifying"}
    types = {s["type"] for s in noted["target"]["selector"]}
    assert types == {"TextQuoteSelector", "TextPositionSelector"}


def test_w3c_validator_catches_a_bad_annotation(corpus: Path, sample_summary: Summary) -> None:
    suite = corpus / "w3c-annotation" / "test-suite"
    document = json.loads(render_bytes(sample_summary, export_format("jsonld")))
    bad = {"@context": document["@context"], **document["first"]["items"][0]}
    del bad["target"]
    assert must_failures(suite, "annotations/annotationMusts.test", bad)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend((tag, k, v or "") for k, v in attrs)


def _hostile(reading: Reading) -> Summary:
    text = reading.document.text
    annotations = [
        _at(reading, phrase, n, note=payload, tags=(payload,), author_name=payload,
            color="yellow" if n % 2 else "red;background:url(http://tracker/c)")
        for n, (phrase, payload) in enumerate(
            zip([w for w in dict.fromkeys(text.split()) if len(w) > 6][: len(PAYLOADS)],
                PAYLOADS, strict=True), start=10)
    ]
    reading = Reading(
        reading.document.__class__(
            text, reading.document.blocks,
            reading.document.metadata.__class__(title=PAYLOADS[0] + PAYLOADS[1],
                                                author=PAYLOADS[3]),
        ),
        reading.taxonomy, reading.spans,
    )
    return summary_of(reading, SummaryOptions(full_text=True, suggestions=True), annotations)


def test_html_neutralises_payloads(sample_reading: Reading) -> None:
    page = render_bytes(_hostile(sample_reading), export_format("html")).decode()
    collector = _Collector()
    collector.feed(page)
    assert "<script" not in page.lower()
    assert not {"script", "iframe", "img", "object", "embed", "svg", "animate", "noscript"} \
        & set(collector.tags) - {"svg"} or collector.tags.count("svg") == 1
    assert collector.tags.count("style") == 1  # ours, in <head>
    for tag, name, value in collector.attrs:
        assert not name.startswith("on"), (tag, name)
        assert "javascript:" not in value.lower().replace(" ", ""), (tag, name, value)
        assert not value.lower().startswith("data:"), (tag, name, value)
        if name == "src":
            pytest.fail(f"remote load: <{tag} src={value}>")
        if name == "href":
            assert value.startswith(("http://", "https://", "mailto:")), value
        if name == "style":
            assert "url(" not in value, value


def test_markdown_keeps_notes_in_their_quote(sample_reading: Reading) -> None:
    text = render_bytes(_hostile(sample_reading), export_format("md")).decode()
    lines = text.splitlines()
    assert lines[0] == "# " + r'\<script\>alert(1)\</script\>\<img src\=x onerror\="alert(1)"\>'
    for number, line in enumerate(lines[1:], start=1):
        if line.startswith("#"):
            assert line.startswith("## "), line  # only our own section headings
            assert "script" not in line and "heading" not in line, line
        if not line.startswith("## "):
            assert not line.lstrip("> ").startswith(("#", "<")), (number, line)
    # The multi-line payload stays inside its note's quote, line by line.
    assert "> \\</blockquote\\>\n>\n> \\# heading\n>\n> \\<script\\>" in text
    assert "<" not in text.replace("\\<", "")
    assert "](" not in text.replace("\\](", "")


def test_csv_bom_and_formula_cells(sample_reading: Reading) -> None:
    reading = sample_reading
    annotations = [
        _at(reading, "climate", 20, note="=HYPERLINK(\"http://evil\",\"x\")", tags=("+1",),
            author_name="@admin"),
        _at(reading, "methane", 21, note="-2+3", author_name="\tTab"),
        _at(reading, "Gaza", 22, note="safe note, with comma"),
    ]
    data = render_bytes(summary_of(reading, SummaryOptions(), annotations),
                        export_format("csv"))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:9] == ["quote", "note", "tags", "area", "colour", "author", "created",
                           "modified", "start"]
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    notes = {row[1] for row in rows[1:]}
    assert "'=HYPERLINK(\"http://evil\",\"x\")" in notes and "'-2+3" in notes


def _pdftotext(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is missing: `make test` installs it")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


@pytest.mark.parametrize("size", list(PageSize))
def test_pdf_text_and_safety(size: PageSize, sample_summary: Summary, tmp_path: Path) -> None:
    path = write_export(sample_summary, export_format("pdf"), tmp_path / "out.pdf",
                        ExportOptions(page_size=size))
    text = _pdftotext(path)
    first_page = text.split("\f")[0]
    assert "Stakes have never been higher" in first_page
    assert "Legend" in first_page and "Peace & security" in first_page
    assert "Yellow: Important" in first_page
    assert "Concrete example of technical cooperation." in text
    pages = len(PdfReader(path).pages)
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text
    raw = path.read_bytes()
    assert b"/JavaScript" not in raw and b"/Launch" not in raw and b"/JS" not in raw
    width = float(PdfReader(path).pages[0].mediabox.width)
    assert round(width) == (595 if size is PageSize.A4 else 612)


def test_pdf_with_payloads_has_no_actions(sample_reading: Reading, tmp_path: Path) -> None:
    path = write_export(_hostile(sample_reading), export_format("pdf"), tmp_path / "h.pdf")
    raw = path.read_bytes()
    assert b"/JavaScript" not in raw and b"/Launch" not in raw
    for page in PdfReader(path).pages:
        for annot in page.get("/Annots") or []:
            uri = str(annot.get_object().get("/A", {}).get("/URI", ""))
            assert uri.startswith(("http", "mailto")) or not uri, uri


@pytest.mark.parametrize("fmt", [f.name for f in FORMATS])
def test_failed_or_cancelled_export_leaves_old_file(
    fmt: str, sample_summary: Summary, tmp_path: Path
) -> None:
    target = tmp_path / f"out.{fmt}"
    target.write_text("earlier export")
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))

    with pytest.raises(ExportCancelled):
        write_export(sample_summary, export_format(fmt), target, progress=progress,
                     cancel=lambda: len(calls) >= 1)
    assert target.read_text() == "earlier export"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]
    write_export(sample_summary, export_format(fmt), target, progress=progress)
    assert target.read_bytes() != b"earlier export"
    assert calls[-1][0] == calls[-1][1]
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_atomic_write_on_error(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("keep me")

    def broken(stream: io.BufferedWriter) -> None:
        stream.write(b"half")
        raise RuntimeError("renderer bug")

    with pytest.raises(RuntimeError):
        write_atomically(target, broken)  # type: ignore[arg-type]
    assert target.read_text() == "keep me"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


def test_export_document_from_core_objects(sample_reading: Reading, tmp_path: Path) -> None:
    path = export_document(
        sample_reading.document, fixed_annotations(sample_reading), "md", tmp_path / "a.md",
        taxonomy=sample_reading.taxonomy, document_id=DOC_ID,
    )
    assert path.read_text(encoding="utf-8").startswith("# Stakes have never been higher")


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.fail("chromium is missing: `make test` installs it")
    return found


@pytest.mark.slow
@pytest.mark.parametrize("width", [1200, 390])
def test_html_in_headless_chromium(width: int, sample_summary: Summary, tmp_path: Path) -> None:
    chromium = _chromium()
    page = write_export(sample_summary, export_format("html"), tmp_path / "summary.html")
    shot = tmp_path / f"summary-{width}.png"
    subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update", "--no-first-run",
         f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}",
         f"--window-size={width},2000", page.as_uri()],
        check=True, capture_output=True, timeout=90,
    )
    assert shot.stat().st_size > 10_000
    keep = os.environ.get("EXPORT_SCREENSHOTS")
    if keep:
        shutil.copy(shot, Path(keep) / shot.name)


def test_summary_building_reports_progress_and_honours_cancel(
    sample_reading: Reading, tmp_path: Path
) -> None:
    target = tmp_path / "out.md"
    calls: list[tuple[int, int]] = []
    options = ExportOptions(SummaryOptions(full_text=True, suggestions=True))

    def export(cancel: bool) -> Path:
        return export_document(
            sample_reading.document, fixed_annotations(sample_reading), "md", target, options,
            lambda done, total: calls.append((done, total)), lambda: cancel and bool(calls),
            taxonomy=sample_reading.taxonomy, spans=sample_reading.spans, document_id=DOC_ID,
        )

    with pytest.raises(ExportCancelled):
        export(cancel=True)
    assert calls == [(0, 1000)] and not target.exists()  # stopped while summarising
    calls.clear()
    export(cancel=False)
    done = [d for d, _ in calls]
    assert done == sorted(done) and done[-1] == calls[-1][1] == 1000
    assert any(0 < d <= 100 for d in done)  # the summary's first tenth


def _pdf_pages(path: Path) -> list[str]:
    """Each page's text on one line (pdftotext per page), so wrapping cannot split a phrase."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is missing: `make test` installs it")
    pages = []
    for n in range(1, len(PdfReader(path).pages) + 1):
        text = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(path), "-"],
                              check=True, capture_output=True, text=True).stdout
        # NFKC spells out the ligatures (ﬁ, ﬀ) the PDF's text uses.
        pages.append(" ".join(unicodedata.normalize("NFKC", text).split()))
    return pages


@pytest.mark.parametrize("size", list(PageSize))
def test_pdf_never_splits_a_passage_card(
    size: PageSize, sample_reading: Reading, tmp_path: Path
) -> None:
    """Cards with long notes: each card's quote, note and tags land on one page."""
    text = sample_reading.document.text
    words = text.split()
    phrases = [p for p in (" ".join(words[i:i + 9]) for i in range(40, len(words), 23))
               if p in text]
    filler = " ".join(["This is a long note that wraps over several lines of the card."] * 6)
    annotations = [
        _at(sample_reading, phrase, number, color=("pink", "yellow", "green")[number % 3],
            note=f"Card {number:02d} begins. {filler} Card {number:02d} ends.",
            tags=(f"card{number:02d}",), author_name="Ada Teacher")
        for number, phrase in enumerate(dict.fromkeys(phrases[:40]), start=10)
    ]
    assert len(annotations) >= 20
    path = write_export(summary_of(sample_reading, SummaryOptions(), annotations),
                        export_format("pdf"), tmp_path / "cards.pdf", ExportOptions(page_size=size))
    pages = _pdf_pages(path)
    assert len(pages) >= 4
    assert "Legend" in pages[0] and "Overview" in pages[0]
    for annotation in annotations:
        tag = "#" + annotation.tags[0]
        number = annotation.tags[0][4:]
        quote = " ".join(annotation.exact.split()[:6])
        with_card = [i for i, page in enumerate(pages) if tag in page]
        assert len(with_card) == 1, (tag, with_card)  # the tag line ends the card
        page = pages[with_card[0]]
        assert quote in page and f"Card {number} begins." in page, (tag, with_card)
        for text in pages:  # the note also shows, whole, under "All notes"
            assert text.count(f"Card {number} begins.") == text.count(f"Card {number} ends.")
    for index, page in enumerate(pages):
        assert f"Page {index + 1} of {len(pages)}" in page


def test_pdf_pagination_keeps_headings_with_what_follows() -> None:
    from annotator.exporters.pdf import _Size, paginate

    def size(height: float, *, heading: bool = False, prose: bool = False,
             breaks: tuple[float, ...] = ()) -> _Size:
        return _Size(height, 10, heading, prose, breaks)

    body = 1000.0
    placed = paginate([size(700), size(100, heading=True), size(300)], body)
    assert [s[0][0] for s in placed] == [0, 1, 1]  # the heading moved on with its card
    placed = paginate([size(500), size(600)], body)
    assert placed[1] == [(1, 0.0, 0.0, 600)]  # a card that does not fit moves, whole
    tall = size(2500, breaks=tuple(float(b) for b in range(50, 2501, 50)))
    placed = paginate([size(300), tall], body)
    assert [s[0] for s in placed[1]] == [1, 2, 3]  # too tall: a fresh page, then split
    assert all(top in tall.breaks or top == 0 for _, _, top, _ in placed[1])
    placed = paginate([size(300), size(100, heading=True), tall], body)
    assert placed[1][0][0] == 1 and placed[2][0][:2] == (1, 100.0 + 10)  # under its heading
    prose = size(400, prose=True, breaks=(100.0, 200.0, 300.0, 400.0))
    placed = paginate([size(750), prose], body)
    assert placed[1] == [(0, 760.0, 0.0, 200.0), (1, 0.0, 200.0, 400)]  # cut between lines


def test_pdf_card_taller_than_a_page_starts_a_page_and_splits_cleanly(
    sample_reading: Reading, tmp_path: Path
) -> None:
    filler = " ".join(["This long note wraps over several lines of its card."] * 6)
    huge = "\n\n".join(f"Paragraph {i:02d} of a very long note. {filler}" for i in range(30))
    annotations = [
        _at(sample_reading, "deepen cooperation within multilateral frameworks", 1,
            color="yellow", note="A short note.", tags=("short",)),
        _at(sample_reading, "San Francisco vision", 2, color="blue", note=huge, tags=("huge",)),
    ]
    path = write_export(summary_of(sample_reading, SummaryOptions(), annotations),
                        export_format("pdf"), tmp_path / "huge.pdf")
    pages = _pdf_pages(path)
    starts = [i for i, page in enumerate(pages) if "Paragraph 00 of" in page]
    ends = [i for i, page in enumerate(pages) if "#huge" in page]
    assert starts and ends and ends[0] > starts[0]  # it did split over pages
    card_page = pages[starts[0]]
    assert "#short" not in card_page  # a fresh page, not under the short card
    title = sample_reading.document.metadata.title
    text = " ".join(" ".join(page.replace(f"{title} Page {n} of {len(pages)}", "")  # footers
                             for n, page in enumerate(pages, 1)).split())
    for i in range(30):  # each line once: no line drawn on both sides of a cut
        assert text.count(f"Paragraph {i:02d} of") == 2, i  # the card and "All notes"
    assert text.count(filler.split(".")[0]) == 2 * 30 * 6
