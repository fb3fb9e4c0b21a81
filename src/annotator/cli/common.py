"""What every CLI module shares: the command signature, exit codes, JSON printing."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

Command = Callable[[argparse.Namespace], int]

EXIT_OK = 0
EXIT_USAGE = 2


def print_json(value: Any) -> None:
    """One JSON value on stdout, UTF-8, nothing else: scripts parse it."""
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
