"""`python -m annotator` runs the same entry point as the console script."""

from __future__ import annotations

import sys

from annotator.entry import main

sys.exit(main())
