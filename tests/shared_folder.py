"""Where the team's shared test material (`shared/corpus`, read-only) is.

Beside the checkout (`../shared`) as on the project machines; a clone made elsewhere (a
temporary folder, say) finds it through ANNOTATOR_SHARED or the project machines' fixed
place, /work/shared. Tests that need it fail when none of these holds it.
"""

from __future__ import annotations

import os
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parents[1]


def _find() -> Path:
    candidates = [Path(p) for p in [os.environ.get("ANNOTATOR_SHARED", "")] if p]
    candidates += [_CHECKOUT.parent / "shared", Path("/work/shared")]
    return next((c for c in candidates if (c / "corpus").is_dir()), candidates[-2])


SHARED = _find()
