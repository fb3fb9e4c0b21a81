"""`annotator import`, `documents`, `identity`, `info`: the library from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator import __version__, paths
from annotator.cli.common import (
    EXIT_OK,
    Command,
    library_database,
    open_services,
    path_text,
    print_json,
)
from annotator.cli.output import count


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> dict[str, Command]:
    imp = subparsers.add_parser("import", help="add a file to the library; print its id")
    imp.add_argument(
        "file", type=Path, help="a .txt, .md, .html or .epub file, or a shared .annot bundle"
    )
    imp.add_argument(
        "--revise", metavar="DOC", help="the file is a new version of DOC: re-anchor its notes"
    )
    imp.add_argument("--json", action="store_true", help="print one JSON object")

    docs = subparsers.add_parser("documents", help="list the library")
    docs.add_argument("--json", action="store_true", help="print one JSON list")

    who = subparsers.add_parser("identity", help="show or set the reader's display name")
    who.add_argument("--name", help="the display name recorded on new annotations")
    who.add_argument("--json", action="store_true", help="print one JSON object")

    info = subparsers.add_parser("info", help="version and where the data lives")
    info.add_argument("--json", action="store_true", help="print one JSON object")
    return {
        "import": run_import,
        "documents": run_documents,
        "identity": run_identity,
        "info": run_info,
    }


def run_import(args: argparse.Namespace) -> int:
    from annotator.importers import import_path

    if args.file.suffix.lower() == ".annot":
        from annotator.cli.sharing import run_import_bundle

        return run_import_bundle(args)
    document = import_path(args.file)  # a bad file is refused before the store is opened
    with open_services() as services:
        library = services.library
        source = path_text(args.file.resolve())
        result: dict[str, object]
        if args.revise:
            revision = library.revise(args.revise, document, source)
            result = {
                "id": revision.document_id,
                "title": document.metadata.title,
                "kept": revision.kept,
                "moved": revision.moved,
                "unplaced": revision.unplaced,
            }
        else:
            result = {"id": library.add(document, source), "title": document.metadata.title}
    if args.json:
        print_json(result)
    elif args.revise:
        print(result["id"])
        print(f"kept {result['kept']}, moved {result['moved']}, unplaced {result['unplaced']}")
    else:
        print(result["id"])
    return EXIT_OK


def run_documents(args: argparse.Namespace) -> int:
    with open_services() as services:
        summaries = services.library.checked_documents()
    if args.json:
        print_json(
            [
                {
                    "id": s.id,
                    "title": s.title,
                    "author": s.author,
                    "date": s.date.isoformat() if s.date else None,
                    "annotations": s.annotations,
                    "problem": s.problem,
                }
                for s in summaries
            ]
        )
        return EXIT_OK
    if not summaries:
        print("The library is empty: add a file with `annotator import FILE`.")
    for s in summaries:
        when = s.date.isoformat() if s.date else ""
        details = " · ".join(d for d in (s.author, when) if d)
        print(f"{s.id[:8]}  {s.title or '(untitled)'}" + (f"  ({details})" if details else ""))
        print(f"          {count(s.annotations, 'annotation')}")
        if s.problem:
            print(f"          damaged: {s.problem}; see `annotator restore --list`")
    return EXIT_OK


def run_identity(args: argparse.Namespace) -> int:
    with open_services() as services:
        reader = services.rename(args.name) if args.name is not None else services.reader
    if args.json:
        print_json({"id": reader.id, "name": reader.name})
    else:
        print(f"{reader.name} ({reader.id})")
    return EXIT_OK


def run_info(args: argparse.Namespace) -> int:
    """Paths only: answers even when the database is damaged, so it never opens it."""
    info = {
        "version": __version__,
        "database": library_database().shown,
        "data_dir": str(paths.data_dir()),
        "config_dir": str(paths.config_dir()),
        "state_dir": str(paths.state_dir()),
    }
    if args.json:
        print_json(info)
    else:
        for key, value in info.items():
            print(f"{key}: {value}")
    return EXIT_OK
