"""Issue 7 item 15: the README's command synopsis lists every option each command takes."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from annotator.cli import COMMAND_NAMES, build_parser

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_option_is_in_the_readme_synopsis() -> None:
    text = README.read_text(encoding="utf-8")
    block = text.split("## Command line", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    lines = {m.group(1): m.group(0) for m in re.finditer(r"^annotator (\w+).*(?:\n +.*)*",
                                                         block, re.MULTILINE)}
    parser, commands = build_parser()
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    missing = []
    for name in commands:
        synopsis = lines.get(name, "")
        for action in subparsers.choices[name]._actions:
            options = [o for o in action.option_strings if o not in ("-h", "--help")]
            if options and not any(re.search(rf"{o}\b", synopsis) for o in options):
                missing.append(f"{name} {options[-1]}")
    assert missing == []


def test_the_commands_known_without_importing_them_are_the_registered_ones() -> None:
    """`annotator FILE` tells a file from a command by COMMAND_NAMES alone, so that the
    window opens without the commands' modules (and the store they bring)."""
    _parser, commands = build_parser()
    assert set(commands) == COMMAND_NAMES
