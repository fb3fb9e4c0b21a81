"""`annotator bundle`, `merge`, `reply`, and the `.annot` side of `import` and `export`.

Thin: every command opens the library's services, asks `services.sharing`, and prints
the result (one JSON value with `--json`). Bad files are refused by the service before anything is
written, so an error leaves the library as it was.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from annotator.cli.common import EXIT_OK, Command, open_services, print_json
from annotator.exchange.merge import Conflict
from annotator.services.sharing import HAND_IN, Layer, parse_layers


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> dict[str, Command]:
    bundle = subparsers.add_parser(
        "bundle", help="write a document with chosen layers as a .annot file to share"
    )
    bundle.add_argument("doc", metavar="DOC", help="a document id or unambiguous id prefix")
    bundle.add_argument("-o", "--output", type=Path, required=True, help="the .annot to write")
    bundle.add_argument(
        "--layers", default="mine,areas",
        help="comma-separated: mine (your notes), areas (accepted policy areas), "
             "all (everyone's); default mine,areas",
    )
    bundle.add_argument(
        "--author", metavar="NAME",
        help="feedback for one reader: also carry your replies to NAME's notes",
    )
    bundle.add_argument(
        "--hand-in", action="store_true",
        help="a student's hand-in: your notes and answers only, and the text's hash "
             "instead of the text (the teacher has it)",
    )
    bundle.add_argument("--json", action="store_true", help="print one JSON object")

    merge = subparsers.add_parser(
        "merge", help="merge .annot bundles or W3C JSON-LD files into the library"
    )
    merge.add_argument("files", nargs="+", type=Path, metavar="FILE")
    merge.add_argument(
        "--into", metavar="DOC", help="the files annotate another version of DOC: re-anchor"
    )
    merge.add_argument("--json", action="store_true", help="print one JSON object")

    reply = subparsers.add_parser("reply", help="answer a question or reply to an annotation")
    reply.add_argument("annotation", metavar="ANNOTATION", help="the annotation's id")
    reply.add_argument("--note", required=True, help="the reply (Markdown)")
    reply.add_argument("--json", action="store_true", help="print one JSON object")
    return {"bundle": run_bundle, "merge": run_merge, "reply": run_reply}


def _layers(layers: tuple[Layer, ...]) -> list[dict[str, Any]]:
    return [{"author": x.author, "author_id": x.author_id, "annotations": x.annotations}
            for x in layers]


def _conflict(c: Conflict) -> dict[str, Any]:
    def copy(a: Any) -> dict[str, Any]:
        return {"author": a.author_name, "author_id": a.author_id, "note": a.note,
                "revision": a.revision, "modified": a.modified.isoformat(),
                "deleted": a.deleted}

    return {"id": c.id, "reason": c.reason.value, "kept": copy(c.kept), "other": copy(c.other)}


def run_bundle(args: argparse.Namespace) -> int:
    layers = HAND_IN if args.hand_in else parse_layers(args.layers)
    with open_services() as services:
        written = services.sharing.bundle(args.doc, args.output, layers, args.author,
                                          text=not args.hand_in)
    if args.json:
        print_json({"path": str(written.path), "document": written.document_id,
                    "layers": _layers(written.layers), "tombstones": written.tombstones})
    else:
        print(written.path)
    return EXIT_OK


def _merge(files: list[Path], into: str | None) -> dict[str, Any]:
    with open_services() as services:
        report = services.sharing.merge(files, into=into)
    result: dict[str, Any] = {
        "documents": list(report.documents), "added": report.added,
        "updated": report.updated, "unchanged": report.unchanged,
        "conflicts": [_conflict(c) for c in report.conflicts],
        "layers": _layers(report.layers),
    }
    if into:
        result.update(kept=report.kept, moved=report.moved, unplaced=report.unplaced)
    return result


def run_merge(args: argparse.Namespace) -> int:
    result = _merge(args.files, args.into)
    if args.json:
        print_json(result)
        return EXIT_OK
    for doc in result["documents"]:
        print(doc)
    print(f"added {result['added']}, updated {result['updated']}, "
          f"unchanged {result['unchanged']}, conflicts {len(result['conflicts'])}")
    return EXIT_OK


def run_import_bundle(args: argparse.Namespace) -> int:
    """`annotator import FILE.annot [--revise DOC] [--json]`: the document and its layers."""
    result = _merge([args.file], args.revise)
    [doc] = result["documents"]
    summary = {"id": doc, "added": result["added"], "layers": result["layers"]}
    if args.revise:
        summary.update(kept=result["kept"], moved=result["moved"], unplaced=result["unplaced"])
    if args.json:
        print_json(summary)
    else:
        print(doc)
    return EXIT_OK


def run_reply(args: argparse.Namespace) -> int:
    with open_services() as services:
        reply = services.sharing.reply(args.annotation, args.note).after[0]
    print_json({"id": reply.id}) if args.json else print(reply.id)
    return EXIT_OK


def run_export_sheet(args: argparse.Namespace) -> int:
    """`annotator export DOC --answers|--group --format csv|html|md -o PATH`."""
    output: Path = args.output
    fmt = args.format or output.suffix.lstrip(".").lower()
    with open_services() as services:
        if args.group:
            services.sharing.export_group(args.doc, fmt, output)
        else:
            services.sharing.export_answers(args.doc, fmt, output)
    print(output)
    return EXIT_OK
