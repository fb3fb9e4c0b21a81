"""The hostile corpus shares the CLI tests' library fixture."""

from tests.cli.conftest import imported

__all__ = ["imported"]
