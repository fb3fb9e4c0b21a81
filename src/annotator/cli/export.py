"""`annotator export DOC --format FORMAT -o PATH`: write an annotated summary."""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.cli.common import EXIT_OK, Command, open_services
from annotator.core.filters import AnnotationFilter
from annotator.core.summary import SummaryOptions
from annotator.errors import ExportError
from annotator.exporters import (
    FORMATS,
    ExportFormat,
    ExportOptions,
    NoteLayout,
    PageSize,
    export_format,
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> dict[str, Command]:
    parser = subparsers.add_parser(
        "export", help="write a document's annotated summary (Markdown, HTML, PDF, JSON-LD, CSV)"
    )
    parser.add_argument("doc", metavar="DOC", help="a document id or an unambiguous prefix")
    parser.add_argument(
        "--format", "-f", choices=[f.name for f in FORMATS],
        help="output format (default: from the output file's ending)",
    )
    parser.add_argument("-o", "--output", type=Path, required=True, help="the file to write")
    for name, what in (("areas", "policy area ids"), ("authors", "author ids or names"),
                       ("colors", "reader colours (yellow, ... or #rrggbb)"), ("tags", "tags")):
        parser.add_argument(
            f"--{name}", nargs="+", action="extend", metavar=name[:-1].upper(),
            help=f"include only these {what} (space- or comma-separated)",
        )
    parser.add_argument("--full-text", action="store_true", help="append the highlighted text")
    suggestions = parser.add_mutually_exclusive_group()
    suggestions.add_argument(
        "--suggestions", action="store_const", const=True, default=None,
        help="include machine suggestions not yet accepted (rejected ones never are); "
             "the default until you file a highlight under an area",
    )
    suggestions.add_argument(
        "--no-suggestions", dest="suggestions", action="store_const", const=False,
        help="leave them out even before you have filed anything under an area",
    )
    parser.add_argument("--page-size", choices=[p.value for p in PageSize], default="a4",
                        help="paper size of a PDF (default a4)")
    parser.add_argument(
        "--notes", choices=[n.value for n in NoteLayout], default=NoteLayout.END.value,
        help="where a PDF puts the notes: numbered at the end (default), as cards in the "
             "margin beside the full text (which margin includes; a note with no room there "
             "goes to the end), or none",
    )
    parser.add_argument("--taxonomy", type=Path, help="a policy-area TOML file to use instead")
    parser.add_argument(
        "--answers", action="store_true",
        help="grading material: each student's answer to each question (csv, html, md)",
    )
    parser.add_argument(
        "--group", action="store_true",
        help="a study group's summary: each member's notes per passage, hot spots first "
             "(md, html, csv)",
    )
    return {"export": run}


def _selection(values: list[str] | None) -> frozenset[str] | None:
    if not values:
        return None
    return frozenset(v.strip() for value in values for v in value.split(",") if v.strip())


def options_from(args: argparse.Namespace, fmt: ExportFormat) -> ExportOptions:
    wanted = AnnotationFilter(
        areas=_selection(args.areas), authors=_selection(args.authors),
        colors=_selection(args.colors), tags=_selection(args.tags),
    )
    notes = NoteLayout(args.notes)
    # A PDF's margin cards sit beside the full text: choosing them includes it, as in the
    # export dialog. Other formats have no margin and ignore --notes.
    full_text = args.full_text or (notes is NoteLayout.MARGIN and fmt.name == "pdf")
    summary = SummaryOptions(wanted, full_text=full_text, suggestions=args.suggestions)
    return ExportOptions(summary, PageSize(args.page_size), notes)


def run(args: argparse.Namespace) -> int:
    from annotator.services.reading import active_taxonomy

    if args.answers or args.group:
        from annotator.cli.sharing import run_export_sheet

        return run_export_sheet(args)
    output: Path = args.output
    if args.format:
        fmt = export_format(args.format)
    elif output.suffix:
        fmt = export_format(output.suffix)
    else:
        raise ExportError(f"{output}: give --format, or a file name ending in .md, .html, ...")
    taxonomy = active_taxonomy(args.taxonomy)
    with open_services() as services:
        written = services.export(args.doc, fmt, output, options_from(args, fmt), taxonomy=taxonomy)
    print(written)
    return EXIT_OK
