"""Command line: subcommands over the services, no logic of their own.

Each module in this package registers its subcommands; `main` dispatches, and turns every
`AnnotatorError` into one line on stderr and exit status 2. `annotator FILE` (no
subcommand) opens FILE in the window; `annotator` alone opens the last or sample document.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from annotator import __version__
from annotator.cli import annotate, areas, export, library
from annotator.cli.common import EXIT_USAGE, Command
from annotator.errors import AnnotatorError

MODULES = (areas, library, annotate, export)


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, Command]]:
    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Read and annotate articles offline, with their policy areas highlighted.",
        epilog="Run `annotator FILE` to open FILE in the window, or `annotator` alone.",
    )
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands: dict[str, Command] = {}
    for module in MODULES:
        commands.update(module.register(subparsers))
    return parser, commands


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser, commands = build_parser()
    if not args_list or (args_list[0] not in commands and not args_list[0].startswith("-")):
        if args_list and _looks_like_command(args_list[0]):
            print(f"annotator: unknown command '{args_list[0]}' (commands: "
                  f"{', '.join(sorted(commands))}; or give a file to open)", file=sys.stderr)
            return EXIT_USAGE
        return _open_window(args_list)
    args = parser.parse_args(args_list)
    try:
        return commands[args.command](args)
    except AnnotatorError as exc:
        print(f"annotator: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return 0


def _looks_like_command(word: str) -> bool:
    """A bare word that names no file (`frobnicate`) is a mistyped command, not a file."""
    return not Path(word).exists() and "." not in word and "/" not in word and "\\" not in word


def _open_window(args_list: list[str]) -> int:
    if len(args_list) > 1:
        print("annotator: give one file to open, or a command (see --help)", file=sys.stderr)
        return EXIT_USAGE
    from annotator.app import run_gui  # Qt is imported only when a window is wanted

    return run_gui(args_list[0] if args_list else None)
