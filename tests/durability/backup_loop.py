"""Child process for the backup-rotation kill test: backs up and rotates in a loop.

Usage: python backup_loop.py DATABASE
Prints "ready" once the store is open, then the name of each backup after it is in place.
"""

from __future__ import annotations

import sys
from pathlib import Path

from annotator.store import Store


def main(database: Path) -> int:
    with Store.open(database) as store:
        print("ready", flush=True)
        while True:
            print(store.backup(keep=2).name, flush=True)


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
