"""Command line: subcommands over the services, no logic of their own.

Each module in this package registers its subcommands; `main` dispatches, and turns every
`AnnotatorError` into one line on stderr and exit status 2. `annotator FILE` (no
subcommand) opens FILE in the window; `annotator` alone opens the last or sample document.

Whatever the arguments, the command ends in success or in one line on stderr and exit
status 2 (130 after Ctrl+C): argument errors are one line, not usage plus error; an
argument whose bytes are not UTF-8 is a path when it names a file, and refused otherwise;
everything printed is cleaned of terminal escapes (`cli/output.py`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from annotator import __version__
from annotator.cli.common import (
    DATABASE_OPTION,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    Command,
    OneLineParser,
    UsageError,
)
from annotator.cli.output import clean_output
from annotator.errors import AnnotatorError

# The subcommands' names, known without importing their modules (`build_parser` does,
# and they bring the store): `annotator FILE` opens the window as soon as `annotator`
# alone. tests/cli/test_readme_synopsis.py keeps this equal to what the modules register.
COMMAND_NAMES = frozenset({
    "annotations", "areas", "bundle", "documents", "export", "group", "highlight",
    "identity", "import", "info", "merge", "reply", "restore", "search", "server", "sync",
})


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, Command]]:
    """Every subcommand's parser. The subcommands' modules are imported here, not with
    this package: they bring the store (SQLAlchemy, ~0.5 s), which `annotator` alone,
    opening the window, must not wait for before its first paint (performance.md,
    trap 2)."""
    from annotator.cli import annotate, areas, backups, export, group, library, server, sharing

    parser = OneLineParser(
        prog="annotator",
        description="Read and annotate articles offline, with their policy areas highlighted.",
        epilog="Run `annotator FILE` to open FILE in the window, or `annotator` alone.",
    )
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    parser.add_argument(
        "--database", metavar="URL",
        help="use the library in this PostgreSQL database (postgresql://user@host/db) "
             "instead of the SQLite file; goes before COMMAND (docs/library-database.md)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands: dict[str, Command] = {}
    for module in (areas, library, annotate, export, sharing, backups, server, group):
        commands.update(module.register(subparsers))
    return parser, commands


def main(argv: Sequence[str] | None = None) -> int:
    with clean_output():
        try:
            return _dispatch(list(sys.argv[1:] if argv is None else argv))
        except UsageError as exc:
            _say_error(exc)
            return EXIT_USAGE
        except KeyboardInterrupt:
            # Every write is one transaction and every export a temp file, so an
            # interrupted command has changed nothing: say so, without a traceback.
            print("annotator: interrupted; nothing was changed", file=sys.stderr)
            return EXIT_INTERRUPTED


def _dispatch(args_list: list[str]) -> int:
    if any("\x00" in arg for arg in args_list):
        # A real command line cannot carry one (execve ends a string there); a caller
        # passing argv in-process can, and no file name, note or id may hold it.
        raise UsageError("an argument holds a NUL character, which no argument may contain")
    database, args_list = _take_database(args_list)
    if not args_list or (args_list[0] not in COMMAND_NAMES and not args_list[0].startswith("-")):
        if args_list and _looks_like_command(args_list[0]):
            raise UsageError(f"unknown command '{args_list[0]}' (commands: "
                             f"{', '.join(sorted(COMMAND_NAMES))}; or give a file to open)")
        return _open_window(args_list, database)  # without the commands' modules: see COMMAND_NAMES
    parser, commands = build_parser()
    args = parser.parse_args(args_list)
    _refuse_undecodable(args)
    chosen = DATABASE_OPTION.set(database)
    try:
        return commands[args.command](args)
    except AnnotatorError as exc:
        _say_error(exc)
        return EXIT_USAGE
    except BrokenPipeError:
        return 0
    finally:
        DATABASE_OPTION.reset(chosen)


def _take_database(args_list: list[str]) -> tuple[str | None, list[str]]:
    """The global `--database URL` (or `--database=URL`) before the command, and the rest.

    Taken out before argparse, so it also reaches the window (`annotator --database URL
    [FILE]`), and so `annotator server … --database URL`, the group server's own option,
    stays the server's.
    """
    first, given, value = args_list[0].partition("=") if args_list else ("", "", "")
    if first != "--database":
        return None, args_list
    rest = args_list[1:]
    if not given and rest and not rest[0].startswith("-"):
        value, rest = rest[0], rest[1:]
    if not value.strip():
        raise UsageError("--database needs the library's PostgreSQL URL "
                         "(postgresql://user@host/db)")
    if not _is_text(value):
        raise UsageError(f"--database is not valid UTF-8 text: '{value}'")
    return value, rest


def _say_error(exc: Exception) -> None:
    """The error as the one line promised, even when it quotes a value with line breaks."""
    message = str(exc).replace("\r", "\\r").replace("\n", "\\n")
    print(f"annotator: {message}", file=sys.stderr)


def _is_text(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


POSITIONAL = frozenset({"doc", "query"})


def _refuse_undecodable(args: argparse.Namespace) -> None:
    """Refuse a text argument (a note, tag, id, name, query) that is not valid UTF-8.

    Python hands over such bytes as lone surrogates, which no database, JSON or export
    can hold. File-name arguments are `Path`s and keep their bytes (`os.fsencode`).
    """
    for name, value in vars(args).items():
        values = value if isinstance(value, list) else [value]
        for item in values:
            if isinstance(item, str) and not _is_text(item):
                shown = f"--{name.replace('_', '-')}" if name not in POSITIONAL else name.upper()
                raise UsageError(f"{shown} is not valid UTF-8 text: '{item}'")


def _looks_like_command(word: str) -> bool:
    """A bare word that names no file (`frobnicate`) is a mistyped command, not a file."""
    try:
        exists = Path(word).exists()
    except (OSError, ValueError):  # a NUL, or a name too long for the file system
        exists = False
    return not exists and "." not in word and "/" not in word and "\\" not in word


def _open_window(args_list: list[str], database: str | None) -> int:
    if len(args_list) > 1:
        print("annotator: give one file to open, or a command (see --help)", file=sys.stderr)
        return EXIT_USAGE
    from annotator.app import run_gui  # Qt is imported only when a window is wanted

    return run_gui(args_list[0] if args_list else None, database=database)
