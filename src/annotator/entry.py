"""The `annotator` command's entry point: Ctrl+C at any moment ends quietly.

The command line's own handler (`annotator.cli.main`) turns an interrupt during a command
into exit status 130; this wrapper covers the moments before it exists, while Python
imports the command-line modules (a fraction of a second, longer on a busy machine), so
no interrupt ever prints a traceback. Nothing is written before the command runs.

An interrupt can also land inside a callback of Python's import system, where it cannot
be raised: Python would print it as an ignored exception, with a traceback, and go on
importing. `_interrupt_later` raises it again in the main thread instead, where the
handlers above end the command quietly.
"""

from __future__ import annotations

import sys

EXIT_INTERRUPTED = 130


def _interrupt_later(unraisable: sys.UnraisableHookArgs) -> None:
    """`sys.unraisablehook` while the command runs: an interrupt Python could not raise
    where it arrived is raised again in the main thread a moment after this hook has
    returned (by a timer thread: raised while the hook runs, it would only be ignored
    again); anything else is reported as Python reports it."""
    if issubclass(unraisable.exc_type, KeyboardInterrupt):
        import _thread
        import threading

        timer = threading.Timer(0.05, _thread.interrupt_main)
        timer.daemon = True
        timer.start()
    else:
        sys.__unraisablehook__(unraisable)


def main() -> int:
    previous, sys.unraisablehook = sys.unraisablehook, _interrupt_later
    try:
        from annotator.cli import main as run

        return run()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    finally:
        sys.unraisablehook = previous
