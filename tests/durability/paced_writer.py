"""Child process: one highlight per line read on stdin, printing its id after commit.

Usage: python paced_writer.py DATABASE DOC_ID
Prints "ready" once the store is open; then for each line on stdin writes a highlight
and prints its id, or "error MESSAGE" when the store refuses; ends at end of input.
The test decides when each write happens, so it can remove files between two of them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from annotator.errors import StoreError
from annotator.services.annotating import Annotating
from annotator.services.identity import Identity
from annotator.services.library import Library
from annotator.store import Store


def main(database: str, doc_ref: str) -> int:
    with Store.open(Path(database)) as store:
        doc = Library(store).document(doc_ref)
        annotating = Annotating(store, Identity(store).reader())
        print("ready", flush=True)
        for i, _ in enumerate(sys.stdin):
            try:
                change = annotating.highlight(doc, i, i + 10, note=f"note {i} " * 50)
            except StoreError as exc:
                print(f"error {exc}", flush=True)
                continue
            print(change.after[0].id, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
