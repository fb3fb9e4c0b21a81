"""Child process for the durability tests: writes highlights, printing each id after commit.

Usage: python writer.py DATABASE DOC_ID COUNT [FSIZE_LIMIT_BYTES]
Prints "ready" once the store is open, then one annotation id per committed highlight.
With a file-size limit, the process behaves as on a full disk and prints the error.
"""

from __future__ import annotations

import resource
import signal
import sys
from pathlib import Path

from annotator.errors import StoreError
from annotator.services.annotating import Annotating
from annotator.services.identity import Identity
from annotator.services.library import Library
from annotator.store import Store


def main(database: str, doc_ref: str, count: int, fsize_limit: int | None) -> int:
    store = Store.open(Path(database))
    library = Library(store)
    doc = library.document(doc_ref)
    annotating = Annotating(store, Identity(store).reader())
    length = len(doc.document.text)
    if fsize_limit:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (fsize_limit, fsize_limit))
    print("ready", flush=True)
    for i in range(count):
        start = (i * 7) % (length - 20)
        try:
            change = annotating.highlight(doc, start, start + 10, note=f"note {i} " * 50)
        except StoreError as exc:
            print(f"error {exc}", flush=True)
            return 3
        print(change.after[0].id, flush=True)
    return 0


if __name__ == "__main__":
    limit = int(sys.argv[4]) if len(sys.argv) > 4 else None
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), limit))
