"""The beginning of a long text, parsed alone (`import_head`), is exactly the beginning
of the whole: the same text, blocks, kinds and metadata. A window paints it first and
reads the rest after (`MainWindow.open_initial`)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import event, given, settings
from hypothesis import strategies as st

from annotator.core.document import Document, normalise
from annotator.importers import import_head, import_path
from annotator.importers.plaintext import parse, parse_head

WORD = st.text(alphabet=st.sampled_from("abcdefghij KLMN é中文.,:!?\"'■"), min_size=1,
               max_size=8)
LINE = st.lists(WORD, min_size=1, max_size=6).map(" ".join)
# A paragraph: one or two lines, with stray spaces and marks, and headings' short shape.
PARAGRAPH = st.lists(LINE, min_size=1, max_size=2).map(lambda lines: "\n".join(lines))
ENDINGS = st.sampled_from(["", "\n", "From SCMP, 2024-5-22", "From SCMP", "Short heading"])
OPENINGS = st.sampled_from(["", "Wang Huiyao: A title\nMay 22 , 2024By Wang Huiyao | Role\n",
                            "A short title\nBy Someone\n", "A title without a byline\n"])


def _assert_beginning(head: Document, whole: Document) -> None:
    assert whole.text.startswith(head.text)
    assert whole.blocks[: len(head.blocks)] == head.blocks
    assert head.metadata == whole.metadata
    assert len(head.blocks) < len(whole.blocks)


@settings(max_examples=200, deadline=None)
@given(opening=OPENINGS, paragraphs=st.lists(PARAGRAPH, min_size=8, max_size=60),
       ending=ENDINGS, separator=st.sampled_from(["\n\n", "\n \n", "\r\n\r\n", "\n\n\n"]),
       share=st.floats(min_value=0.05, max_value=0.45))
def test_a_head_is_the_beginning_of_the_whole(
    opening: str, paragraphs: list[str], ending: str, separator: str, share: float
) -> None:
    text = opening + separator.join([*paragraphs, ending])
    size = int(len(text) * share)
    whole = parse(normalise(text), "fallback")
    head = parse_head(normalise(text[:size]), normalise(text[-size:]), "fallback")
    event("head" if head is not None else "no head")
    if head is not None:
        _assert_beginning(head, whole)


def test_a_text_without_blank_lines_has_no_head() -> None:
    text = "\n".join(f"Line {n} of a text with one paragraph per line." for n in range(400))
    assert parse_head(text[:2000], text[-2000:], "t") is None


def test_the_source_line_at_the_end_dates_the_head_as_it_dates_the_whole(
    tmp_path: Path
) -> None:
    body = "\n\n".join(f"Paragraph {n} says something about climate and peace."
                       for n in range(4000))
    path = tmp_path / "long.txt"
    path.write_text(f"Ana Li: A long report\n\nBy Ana Li\n\n{body}\n\nFrom SCMP, 2024-5-22\n",
                    encoding="utf-8")
    head = import_head(path, 2000)
    whole = import_path(path)
    assert head is not None
    _assert_beginning(head, whole)
    assert head.block_text(head.blocks[1]) == "May 22, 2024 · By Ana Li"


def test_a_long_copy_of_the_sample_reads_its_head_like_the_whole(
    tmp_path: Path, sample_path: Path
) -> None:
    """The sample has a paragraph per line; blank lines between its paragraphs are
    how most saved texts look, and what a head needs."""
    sample = sample_path.read_text(encoding="utf-8").replace("\n", "\n\n")
    path = tmp_path / "sample-x40.txt"
    path.write_text(sample * 40, encoding="utf-8")
    head = import_head(path)
    whole = import_path(path)
    assert head is not None and 50_000 < len(head.text) <= 64_000
    _assert_beginning(head, whole)


def test_a_short_text_or_another_format_has_no_head(
    tmp_path: Path, sample_path: Path
) -> None:
    assert import_head(sample_path) is None  # short: read whole as fast
    markdown = tmp_path / "notes.md"
    markdown.write_text("# Notes\n\n" + "A paragraph of notes.\n\n" * 20_000, encoding="utf-8")
    assert import_head(markdown) is None
