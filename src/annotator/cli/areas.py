"""`annotator areas FILE`: the passages of FILE about each policy area."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from annotator.cli.common import EXIT_OK, Command, print_json
from annotator.cli.output import count
from annotator.core.detection import SentenceEvidence
from annotator.services.reading import Reading, active_taxonomy, explain, open_path


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> dict[str, Command]:
    parser = subparsers.add_parser(
        "areas", help="list the passages of a file about each policy area"
    )
    parser.add_argument("file", type=Path, help="a .txt or .md file")
    parser.add_argument("--taxonomy", type=Path, help="a policy-area TOML file to use instead")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--explain", action="store_true",
        help="for each sentence, the evidence per area and its weights",
    )
    return {"areas": run}


def as_json(reading: Reading) -> dict[str, Any]:
    text = reading.document.text
    return {
        "document": reading.document.metadata.as_json(),
        "text": text,
        "areas": [
            {"id": a.id, "label": a.label, "color": a.color} for a in reading.taxonomy.areas
        ],
        "spans": [
            {
                "area": s.area,
                "start": s.start,
                "end": s.end,
                "exact": text[s.start : s.end],
                "terms": list(s.terms),
                "reasons": list(s.reasons),
            }
            for s in reading.spans
        ],
    }


def explained_json(text: str, sentences: list[SentenceEvidence]) -> list[dict[str, Any]]:
    return [
        {
            "start": s.start,
            "end": s.end,
            "exact": text[s.start : s.end],
            "evidence": [
                {
                    "area": e.area,
                    "score": e.score,
                    "counted": e.counted,
                    "weights": [[word, weight] for word, weight in e.weights],
                    "reasons": list(e.reasons),
                }
                for e in s.evidence
            ],
        }
        for s in sentences
    ]


def print_explained(reading: Reading, sentences: list[SentenceEvidence]) -> None:
    text = reading.document.text
    labels = {a.id: a.label for a in reading.taxonomy.areas}
    print("\nEvidence per sentence (+ highlighted, - not):")
    for sentence in sentences:
        print(f"  [{sentence.start}-{sentence.end}] {_excerpt(text, sentence.start, sentence.end)}")
        for e in sentence.evidence:
            weights = ", ".join(f"{word} {weight:+.1f}" for word, weight in e.weights)
            mark = "+" if e.counted else "-"
            print(f"    {mark} {labels.get(e.area, e.area)} {e.score:.1f}: {weights or 'no terms'}")
            for reason in e.reasons:
                print(f"        {reason}")


def _excerpt(text: str, start: int, end: int) -> str:
    excerpt = " ".join(text[start:end].split())
    return excerpt if len(excerpt) <= 110 else excerpt[:107] + "..."


def run(args: argparse.Namespace) -> int:
    reading = open_path(args.file, active_taxonomy(args.taxonomy))
    sentences = explain(reading) if args.explain else []
    if args.json:
        data = as_json(reading)
        if args.explain:
            data["explain"] = explained_json(reading.document.text, sentences)
        print_json(data)
        return EXIT_OK
    meta = reading.document.metadata
    print(meta.title)
    details = [meta.author, meta.date.isoformat() if meta.date else "", meta.source]
    if any(details):
        print(" · ".join(d for d in details if d))
    text = reading.document.text
    for area in reading.taxonomy.areas:
        spans = reading.spans_of(area.id)
        print(f"\n{area.label} ({area.color}): {count(len(spans), 'passage')}")
        for span in spans:
            print(f"  [{span.start}-{span.end}] {_excerpt(text, span.start, span.end)}")
            print(f"      terms: {', '.join(span.terms)}")
            if span.reasons:
                print(f"      because: {'; '.join(span.reasons)}")
    if args.explain:
        print_explained(reading, sentences)
    return EXIT_OK
