"""A large user taxonomy (issue 13, item 13): `detect_taxonomy_100k_terms`.

`annotator areas --taxonomy BIG.toml SAMPLE` in a fresh process, the second time (the
compiled detector comes from `state/cache`, keyed by the file's hash): 100,000 terms in
five areas, a third of them wildcards, ~1.6 MB. The floor is the same command with a
taxonomy of the bundled size (2,000 terms), also the second time. Budget: ratio <= 2.
The Aho-Corasick matcher is a Rust object that cannot be stored, so it is rebuilt in
every process; the rest comes from the cache. Measured: 1.6 s against 1.2 s; before the
cache shared equal records (services/reading.py: _dump_shared) it was 6.1 s against 2.0 s.

Each run reads its own copy of the sample (a last line numbering the run): the passages
found in a document are kept too (services/reading.py: _detected), and reading the same
file again would time that cache instead of detection with the taxonomy. A reader with
a large taxonomy opens articles not read before; that is what is measured. With the
matcher built over only the spellings an article can hold (core/detection.py:
_Automaton.matcher_for): 0.80 s against 0.60 s (it was 1.25 s against 0.62 s).
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import SAMPLE, Figure

TERMS = 100_000
_SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "zi", "pa", "ber", "dan", "gor")


def taxonomy_text(terms: int) -> str:
    rng = random.Random(13)
    lines = ["version = 1"]
    per_area = terms // 5
    for area in range(5):
        words = []
        for i in range(per_area):
            word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
            words.append(f'"{word}{area}x{i}{"*" if i % 3 == 0 else ""}"')
        lines += ["[[areas]]", f'id = "area-{area}"', f'label = "Area {area}"',
                  f'color = "#2{area}4{area}6{area}"', 'description = "Generated."',
                  f"terms = [{', '.join(words)}]"]
    return "\n".join(lines) + "\n"


def _second_run_seconds(terms: int) -> float:
    folder = Path(tempfile.mkdtemp(prefix="bench-taxonomy-"))
    try:
        path = folder / "big.toml"
        path.write_text(taxonomy_text(terms), encoding="utf-8")
        env = {**os.environ, "ANNOTATOR_HOME": str(folder / "home")}
        times = []
        for run in range(3):  # the first run compiles and caches; keep the best later run
            document = folder / f"article-{run}.txt"
            document.write_text(f"{SAMPLE.read_text(encoding='utf-8')}\n\nRun {run}.\n",
                                encoding="utf-8")
            command = [sys.executable, "-m", "annotator", "areas", "--taxonomy", str(path),
                       str(document)]
            start = time.perf_counter()
            subprocess.run(command, env=env, check=True, capture_output=True)
            times.append(time.perf_counter() - start)
        return min(times[1:])
    finally:
        shutil.rmtree(folder)


def run() -> list[Figure]:
    return [Figure(
        "detect_taxonomy_100k_terms", _second_run_seconds(TERMS), "s",
        "the same command, 2,000 terms (second run)", _second_run_seconds(2_000), 2.0,
    )]
