"""Child process for the concurrent first-start test.

Usage: python first_start.py window|cli GO_FILE DELAY_MS
Imports everything first, prints "ready", then waits for GO_FILE to appear and DELAY_MS
more, so that both children reach `Store.open()` within a chosen offset of each other:
`window` opens the library as the window does (ReaderSession), `cli` runs
`annotator documents`. Prints "ok" or the error on one line.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from annotator.cli import main as cli_main
from annotator.errors import AnnotatorError
from annotator.services.reader_session import ReaderSession


def main(role: str, go: Path, delay_ms: float) -> int:
    print("ready", flush=True)
    deadline = time.monotonic() + 30
    while not go.exists():
        if time.monotonic() > deadline:
            print("never started", flush=True)
            return 1
        time.sleep(0.0002)
    time.sleep(delay_ms / 1000)
    if role == "cli":
        return cli_main(["documents"])
    try:
        ReaderSession.open().close()
    except AnnotatorError as exc:
        print(f"error {exc}", flush=True)
        return 2
    print("ok", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2]), float(sys.argv[3])))
