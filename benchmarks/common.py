"""Helpers every benchmark shares: the Figure record, timing, and the benchmark text."""

from __future__ import annotations

import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "src" / "annotator" / "resources" / "samples" / "us-china-cooperation.txt"


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str
    floor: str
    floor_value: float
    budget: float | None = None

    @property
    def ratio(self) -> float:
        return self.value / self.floor_value if self.floor_value else float("inf")

    def as_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "value": round(self.value, 6),
            "unit": self.unit,
            "floor": self.floor,
            "floor_value": round(self.floor_value, 6),
            "ratio": round(self.ratio, 3),
            "budget": self.budget,
        }


def best_of(fn: Callable[[], object], repeat: int = 5) -> float:
    """Seconds for the fastest of `repeat` runs: the least disturbed by the machine."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def median_of(fn: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_mb(fn: Callable[[], object]) -> float:
    """Peak Python allocation (MB) while `fn` runs."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def prose_text(target_chars: int = 5_000_000) -> str:
    """~5 MB of English prose from files that ship on the machine, no downloads.

    The sample op-ed (policy-dense) is interleaved with the licence texts Debian ships in
    /usr/share/common-licenses and the prose docstrings of the Python standard library's
    `this`/`textwrap`-style modules, so detection sees both on-topic and off-topic text.
    """
    parts = [SAMPLE.read_text(encoding="utf-8")]
    licences = Path("/usr/share/common-licenses")
    if licences.is_dir():
        for path in sorted(licences.iterdir()):
            if path.is_file() and path.stat().st_size < 100_000:
                parts.append(path.read_text(encoding="utf-8", errors="replace"))
    unit = "\n\n".join(parts)
    paragraphs = [p.strip().replace("\n", " ") for p in unit.split("\n\n") if p.strip()]
    text = "\n\n".join(paragraphs)
    return (text + "\n\n") * (target_chars // (len(text) + 2) + 1)
