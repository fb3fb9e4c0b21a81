"""The CLI tests' shared fixture: a library holding the sample, built by the real command."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.cli_process import import_sample


@pytest.fixture
def imported(annotator_home: Path, sample_path: Path) -> str:
    """The sample imported into the test's library with one noted highlight; its id."""
    return import_sample(annotator_home, sample_path)
