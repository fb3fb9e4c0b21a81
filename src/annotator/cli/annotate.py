"""`annotator highlight`, `annotations`, `search`: annotating from the command line."""

from __future__ import annotations

import argparse
import unicodedata

from annotator.cli.common import EXIT_OK, Command, UsageError, open_services, print_json


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> dict[str, Command]:
    hl = subparsers.add_parser("highlight", help="highlight a quote of a document")
    hl.add_argument("doc", metavar="DOC", help="a document id or unambiguous id prefix")
    hl.add_argument(
        "--quote", required=True,
        help="the exact text to highlight (one starting with a dash: --quote=-text)",
    )
    hl.add_argument(
        "--occurrence", type=int, default=1, metavar="N", help="which occurrence (from 1)"
    )
    hl.add_argument(
        "--color", default="yellow", help="yellow, green, blue, pink, orange, purple, or #rrggbb"
    )
    hl.add_argument("--note", default="", help="a note (Markdown)")
    hl.add_argument("--tag", action="append", default=[], help="a tag (repeatable)")
    hl.add_argument("--area", help="a policy-area id")
    hl.add_argument(
        "--question", action="store_true", help="a question to the class (students answer it)"
    )
    hl.add_argument("--json", action="store_true", help="print one JSON object")

    ann = subparsers.add_parser("annotations", help="a document's annotations")
    ann.add_argument("doc", metavar="DOC", help="a document id or unambiguous id prefix")
    ann.add_argument("--json", action="store_true", help="print a W3C AnnotationCollection")

    search = subparsers.add_parser("search", help="search every document's text and notes")
    search.add_argument("query", help="words to find (word* matches a prefix)")
    search.add_argument("--json", action="store_true", help="print one JSON list")
    return {"highlight": run_highlight, "annotations": run_annotations, "search": run_search}


def run_highlight(args: argparse.Namespace) -> int:
    from annotator.core.annotation import Motivation
    from annotator.services.reading import active_taxonomy

    taxonomy = active_taxonomy()
    if args.area is not None and args.area not in taxonomy.ids:
        # A typo would file the note under "Unknown area"; refuse it as `export --areas` does.
        raise UsageError(
            f"unknown policy area {args.area} (known: {', '.join(taxonomy.ids)})"
        )
    with open_services() as services:
        doc = services.library.document(args.doc)
        change = services.annotating.highlight_quote(
            doc,
            unicodedata.normalize("NFC", args.quote),  # as documents are (core/document.py)
            args.occurrence,
            color=args.color,
            note=args.note,
            tags=args.tag,
            area=args.area,
            motivation=Motivation.QUESTIONING if args.question else Motivation.HIGHLIGHTING,
        )
    # highlight_quote returns only after the transaction committed.
    annotation_id = change.after[0].id
    if args.json:
        print_json({"id": annotation_id})
    else:
        print(annotation_id)
    return EXIT_OK


def run_annotations(args: argparse.Namespace) -> int:
    from annotator.core import w3c
    from annotator.services.reading import active_taxonomy

    with open_services() as services:
        stored, annotations = services.library.load(args.doc)
    if args.json:
        labels = {area.id: area.label for area in active_taxonomy().areas}
        iri = w3c.document_iri(stored.document, stored.id)
        print_json(w3c.collection(annotations, stored.document, iri, area_labels=labels))
        return EXIT_OK
    for a in annotations:
        where = f"{a.start}-{a.end}" if a.placement.value == "placed" else "unplaced"
        quote = " ".join(a.exact.split())
        if len(quote) > 80:
            quote = quote[:77] + "..."
        extras = [a.color, *(f"#{t}" for t in a.tags), *([a.area] if a.area else [])]
        print(f"{a.id[:8]}  [{where}] {quote!r}  ({', '.join(extras)})")
        if a.note:
            print(f"          {' '.join(a.note.split())}")
    return EXIT_OK


def run_search(args: argparse.Namespace) -> int:
    with open_services() as services:
        hits = services.search.search(unicodedata.normalize("NFC", args.query))
    if args.json:
        print_json(
            [
                {
                    "document": h.document_id,
                    "kind": h.kind,
                    "annotation": h.annotation_id,
                    "snippet": h.snippet,
                    "marks": [list(m) for m in h.marks],
                    "offset": h.offset,
                }
                for h in hits
            ]
        )
        return EXIT_OK
    if not hits:
        print(f"No matches for '{args.query}'.")
    for h in hits:
        snippet = " ".join(h.snippet.split())
        print(f"{h.document_id[:8]}  {h.kind:4}  @{h.offset}  {snippet}")
    return EXIT_OK
