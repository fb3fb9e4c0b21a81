"""`annotator areas FILE`: the passages of FILE about each policy area."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from annotator.cli.common import EXIT_OK, Command, print_json
from annotator.services.reading import Reading, active_taxonomy, open_path


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> dict[str, Command]:
    parser = subparsers.add_parser(
        "areas", help="list the passages of a file about each policy area"
    )
    parser.add_argument("file", type=Path, help="a .txt or .md file")
    parser.add_argument("--taxonomy", type=Path, help="a policy-area TOML file to use instead")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
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
            }
            for s in reading.spans
        ],
    }


def run(args: argparse.Namespace) -> int:
    reading = open_path(args.file, active_taxonomy(args.taxonomy))
    if args.json:
        print_json(as_json(reading))
        return EXIT_OK
    meta = reading.document.metadata
    print(meta.title)
    details = [meta.author, meta.date.isoformat() if meta.date else "", meta.source]
    if any(details):
        print(" · ".join(d for d in details if d))
    text = reading.document.text
    for area in reading.taxonomy.areas:
        spans = reading.spans_of(area.id)
        print(f"\n{area.label} ({area.color}): {len(spans)} passage(s)")
        for span in spans:
            excerpt = " ".join(text[span.start : span.end].split())
            if len(excerpt) > 110:
                excerpt = excerpt[:107] + "..."
            print(f"  [{span.start}-{span.end}] {excerpt}")
            print(f"      terms: {', '.join(span.terms)}")
    return EXIT_OK
