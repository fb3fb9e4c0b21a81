"""How far detection agrees with a careful reader: labelled documents and their scores.

Labelled sets (tests/data/detection-*.tsv) are documents, not loose sentences, because
carry-over from one sentence to the next is part of what is measured. A file holds one
sentence a line, `codes TAB sentence`; a blank line ends a paragraph, a line starting
with "## " starts a document, other lines starting with "#" are comments. Codes are the
short names in `CODES` (or full area ids), "-" for none.

A sentence counts as predicted for an area when a detected span of that area overlaps
it: the reader sees the highlight, whatever its exact ends.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.detection import AreaSpan
from annotator.core.document import (
    BlockKind,
    Document,
    DocumentBuilder,
    Metadata,
    collapse_spaces,
)

CODES = {
    "ps": "peace-security",
    "cl": "climate",
    "ai": "ai-governance",
    "mr": "multilateral-reform",
    "pe": "people-exchange",
}


@dataclass(frozen=True, slots=True)
class LabelledSentence:
    areas: frozenset[str]
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class LabelledDocument:
    title: str
    document: Document
    sentences: tuple[LabelledSentence, ...]


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Scores:
    per_area: dict[str, Counts] = field(default_factory=dict)
    errors: list[tuple[str, frozenset[str], frozenset[str]]] = field(default_factory=list)

    @property
    def micro(self) -> Counts:
        total = Counts()
        for counts in self.per_area.values():
            total.tp += counts.tp
            total.fp += counts.fp
            total.fn += counts.fn
        return total

    def table(self) -> str:
        lines = [f"{'area':22} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
        rows = [*sorted(self.per_area.items()), ("micro", self.micro)]
        for name, c in rows:
            lines.append(
                f"{name:22} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} "
                f"{c.tp:4d} {c.fp:4d} {c.fn:4d}"
            )
        return "\n".join(lines)


def _areas(codes: str, where: str) -> frozenset[str]:
    if codes.strip() == "-":
        return frozenset()
    areas = set()
    for code in codes.split(","):
        code = code.strip()
        if code not in CODES and code not in CODES.values():
            raise ValueError(f"{where}: unknown area code {code!r}")
        areas.add(CODES.get(code, code))
    return frozenset(areas)


def parse_labelled(text: str, source: str = "labelled") -> list[LabelledDocument]:
    """The labelled documents of a file's text; a malformed line names its number."""
    documents: list[LabelledDocument] = []
    title = ""
    paragraphs: list[list[tuple[frozenset[str], str]]] = [[]]

    def finish() -> None:
        runs = [p for p in paragraphs if p]
        if runs:
            documents.append(_build(title, runs))
        paragraphs[:] = [[]]

    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("## "):
            finish()
            title = line[3:].strip()
        elif line.startswith("#"):
            continue
        elif not line.strip():
            paragraphs.append([])
        else:
            codes, tab, sentence = line.partition("\t")
            if not tab or not sentence.strip():
                raise ValueError(f"{source}, line {number}: expected `codes<TAB>sentence`")
            paragraphs[-1].append((_areas(codes, f"{source}, line {number}"), sentence.strip()))
    finish()
    return documents


def _build(title: str, paragraphs: list[list[tuple[frozenset[str], str]]]) -> LabelledDocument:
    builder = DocumentBuilder()
    for paragraph in paragraphs:
        builder.add(BlockKind.PARAGRAPH, " ".join(collapse_spaces(s) for _, s in paragraph))
    document = builder.build(Metadata(title=title))
    sentences: list[LabelledSentence] = []
    for block, paragraph in zip(document.blocks, paragraphs, strict=True):
        offset = block.start
        for areas, sentence in paragraph:
            length = len(collapse_spaces(sentence))
            sentences.append(LabelledSentence(areas, offset, offset + length))
            offset += length + 1
    return LabelledDocument(title, document, tuple(sentences))


def load_labelled(path: Path) -> list[LabelledDocument]:
    return parse_labelled(path.read_text(encoding="utf-8"), str(path))


def score(
    documents: Iterable[LabelledDocument],
    detect: Callable[[Document], list[AreaSpan]],
    areas: Iterable[str] = CODES.values(),
) -> Scores:
    """Sentence-level precision, recall and F1 per area, and the sentences it got wrong."""
    scores = Scores({area: Counts() for area in areas})
    for labelled in documents:
        spans = detect(labelled.document)
        text = labelled.document.text
        for sentence in labelled.sentences:
            predicted = frozenset(
                s.area for s in spans if s.start < sentence.end and sentence.start < s.end
            )
            for area, counts in scores.per_area.items():
                if area in predicted and area in sentence.areas:
                    counts.tp += 1
                elif area in predicted:
                    counts.fp += 1
                elif area in sentence.areas:
                    counts.fn += 1
            if predicted != sentence.areas:
                scores.errors.append(
                    (text[sentence.start : sentence.end], sentence.areas, predicted)
                )
    return scores
