"""What every CLI module shares: the command signature, exit codes, JSON printing, and
`open_services`, the one way a command reaches the library (on the database that
`annotator --database URL` chose for this command, else the configured one)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from annotator.cli.output import escape_json

if TYPE_CHECKING:
    from annotator.services.library_database import LibraryDatabase
    from annotator.services.library_services import Services

Command = Callable[[argparse.Namespace], int]

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what a shell reports for Ctrl+C


class UsageError(Exception):
    """Arguments the command cannot take; `main` prints the message on one line."""


class OneLineParser(argparse.ArgumentParser):
    """Argument errors as the one line the README promises, not usage plus error."""

    def error(self, message: str) -> NoReturn:
        if message.endswith("expected one argument"):
            message += " (a value starting with a dash goes as --option=-value)"
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def path_text(path: Path) -> str:
    """`path` as text a database can hold: bytes that are not UTF-8 shown as `\\xNN`."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def print_json(value: Any) -> None:
    """One JSON value on stdout, UTF-8, nothing else: scripts parse it."""
    sys.stdout.write(escape_json(json.dumps(value, ensure_ascii=False, indent=2)))
    sys.stdout.write("\n")


# `annotator --database URL COMMAND`: set by `main` for the one command it runs.
DATABASE_OPTION: ContextVar[str | None] = ContextVar("database_option", default=None)


def library_database() -> LibraryDatabase:
    """The library's database for this command: --database, else as configured."""
    from annotator.services.library_database import chosen

    return chosen(DATABASE_OPTION.get())


@contextmanager
def open_services() -> Iterator[Services]:
    """The library's services over the chosen database, closed when the command ends.

    Imported on call: `annotator areas` and `--help` never pay for SQLAlchemy.
    """
    from annotator.services.library_services import Services

    with Services.open(database=library_database()) as services:
        yield services
