"""`python -m annotator` and the `annotator` script: quiet on Ctrl+C from the first instant.

Importing the CLI (SQLAlchemy, Jinja, the exporters) takes a moment, and a Ctrl+C in it
used to print a traceback from deep inside the import system. Until `main` takes over
(it turns Ctrl+C into one line and exit 130 itself), an interrupt ends the process the
same way; nothing has been read or written yet.
"""

from __future__ import annotations

import signal
import sys
from types import FrameType


def _interrupted(signum: int, frame: FrameType | None) -> None:
    print("annotator: interrupted; nothing was changed", file=sys.stderr)
    raise SystemExit(130)


def run() -> int:
    previous = signal.signal(signal.SIGINT, _interrupted)
    from annotator.cli import main

    signal.signal(signal.SIGINT, previous or signal.default_int_handler)
    return main()


if __name__ == "__main__":
    sys.exit(run())
