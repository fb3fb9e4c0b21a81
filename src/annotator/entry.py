"""The `annotator` command's entry point: Ctrl+C at any moment ends quietly.

The command line's own handler (`annotator.cli.main`) turns an interrupt during a command
into exit status 130; this wrapper covers the moments before it exists, while Python
imports the command-line modules (a fraction of a second, longer on a busy machine), so
no interrupt ever prints a traceback. Nothing is written before the command runs.
"""

from __future__ import annotations

EXIT_INTERRUPTED = 130


def main() -> int:
    try:
        from annotator.cli import main as run

        return run()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
