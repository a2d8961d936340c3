"""The windowed entry point: `footprint-gui`, the frozen `Footprint` app, start at login.

It runs the same commands as `footprint`, but a windowed program has no console on Windows
(`sys.stderr` is None) and none that the worker sees anywhere when started from a menu. So
when the desktop app cannot start, the sentence that `footprint` would print is also shown
in a message box.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from typing import TextIO

from app.cli import main as run_command
from app.commands.common import EXIT_ERROR


class _Tee(io.StringIO):
    """Keeps what is written, and passes it on to the real stream when there is one."""

    def __init__(self, stream: TextIO | None) -> None:
        super().__init__()
        self._stream = stream

    def write(self, text: str) -> int:
        if self._stream is not None:
            self._stream.write(text)
        return super().write(text)


def opens_a_window(argv: Sequence[str]) -> bool:
    """True for the desktop app itself (no command, `gui`, `demo`), not for other commands."""
    return not argv or (argv[0] in ("gui", "demo") and "--no-gui" not in argv)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not opens_a_window(arguments):
        return run_command(arguments)
    original = sys.stderr  # None in a windowed program on Windows
    errors = _Tee(original)
    sys.stderr = errors
    try:
        status = run_command(arguments)
    finally:
        sys.stderr = original
    if status == EXIT_ERROR and errors.getvalue().strip():
        show_error(errors.getvalue().strip())
    return status


def show_error(message: str) -> None:
    """A message box for a desktop app that could not start."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([])
    from app.ui.app_icon import app_icon

    app.setWindowIcon(app_icon())
    QMessageBox.critical(None, "Footprint could not start", message.removeprefix("footprint: "))


if __name__ == "__main__":
    raise SystemExit(main())
