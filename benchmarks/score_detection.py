"""Policy-area detection against a careful reader's labels: per-area P/R/F1 and micro.

`python -m benchmarks.score_detection [dev|test ...] [--errors]` scores the
labelled sets in tests/data (default: dev and test). `--errors` lists the sentences the
detector got wrong; use it on the dev set only, the test set is held apart (see
tests/data/README.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

from annotator.core.detection import Detector
from annotator.core.detection_scores import load_labelled, score
from annotator.services.reading import bundled_taxonomy

DATA = Path(__file__).parents[1] / "tests" / "data"
SETS = {
    "dev": DATA / "detection-dev.tsv",
    "test": DATA / "detection-test.tsv",
}


def main(arguments: list[str]) -> int:
    show_errors = "--errors" in arguments
    names = [a for a in arguments if not a.startswith("--")] or ["dev", "test"]
    unknown = [n for n in names if n not in SETS]
    if unknown:
        print(f"unknown set(s) {', '.join(unknown)}; choose from {', '.join(SETS)}",
              file=sys.stderr)
        return 2
    detector = Detector(bundled_taxonomy())
    for name in names:
        documents = load_labelled(SETS[name])
        result = score(documents, detector.detect)
        count = sum(len(d.sentences) for d in documents)
        print(f"\n{name}: {count} sentences in {len(documents)} documents ({SETS[name].name})")
        print(result.table())
        if show_errors:
            for sentence, expected, predicted in result.errors:
                print(f"  want {sorted(expected)} got {sorted(predicted)}: {sentence}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
