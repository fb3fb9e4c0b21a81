"""Run every benchmark module, print the table, write benchmarks/results.json."""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
from pathlib import Path

import benchmarks
from benchmarks.common import Figure


def main(selected: list[str]) -> int:
    figures: list[Figure] = []
    for info in sorted(pkgutil.iter_modules(benchmarks.__path__), key=lambda i: i.name):
        if not info.name.startswith("bench_"):
            continue
        if selected and not any(s in info.name for s in selected):
            continue
        module = importlib.import_module(f"benchmarks.{info.name}")
        print(f"# {info.name}", file=sys.stderr, flush=True)
        figures.extend(module.run())
    print(f"{'name':28} {'value':>12} {'unit':6} {'floor':>12} {'ratio':>7} {'budget':>7}")
    for f in figures:
        budget = f"{f.budget:g}" if f.budget is not None else "report"
        print(
            f"{f.name:28} {f.value:12.4f} {f.unit:6} {f.floor_value:12.4f} "
            f"{f.ratio:7.2f} {budget:>7}  ({f.floor})"
        )
    out = Path(__file__).with_name("results.json")
    out.write_text(json.dumps([f.as_json() for f in figures], indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
