"""The windowed entry point: `footprint-gui`, the frozen `Footprint` app, start at login.

It runs the same commands as `footprint`. A windowed program has no console on Windows
(`sys.stderr` is None) and none that the worker sees anywhere when started from a menu, so
the desktop app's start-up problems are shown in a window by the commands themselves
(`app.commands.gui` and `app.cli.main`), whichever way the app was started.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from app.cli import main as run_command


def main(argv: Sequence[str] | None = None) -> int:
    """Run `footprint` with these arguments (default: the program's own)."""
    return run_command(list(sys.argv[1:] if argv is None else argv))


if __name__ == "__main__":
    raise SystemExit(main())
