"""Entry script for the frozen build: the same `main` as the `annotator` console script."""

import sys

from annotator.entry import main

sys.exit(main())
