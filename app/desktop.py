"""The windowed entry point: `footprint-gui`, the frozen `Footprint` app, start at login.

It runs the same commands as `footprint`. A windowed program has no console on Windows
(`sys.stderr` is None) and none that the worker sees anywhere when started from a menu, so
the desktop app's start-up problems are shown in a window by the commands themselves
(`app.commands.gui` and `app.cli.main`), whichever way the app was started.

On Linux one problem comes before any window can exist: Qt's X11 plugin (xcb) needs system
libraries that a minimal desktop may lack (libxcb-cursor0 since Qt 6.5), and without them Qt
aborts with a message only a terminal shows. `missing_x11_libraries` finds them first, so
the worker is told which packages to install, in a dialog of the desktop's own when there is
no terminal.
"""

from __future__ import annotations

import ctypes
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from app.cli import build_parser, opens_a_window
from app.cli import main as run_command

EXIT_MISSING_LIBRARIES = 2

# The libraries the xcb plugin of the PySide6 wheels links against that are not part of
# every desktop, with the Debian/Ubuntu package of each. Source: "Qt for X11 Requirements",
# https://doc.qt.io/qt-6/linux-requirements.html (xcb-cursor is needed from Qt 6.5), and
# `ldd PySide6/Qt/plugins/platforms/libqxcb.so` of PySide6-Essentials 6.11.
X11_LIBRARIES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}
# Dialog programs of the common desktops, tried in this order; none needs Qt.
_DIALOGS: tuple[tuple[str, ...], ...] = (
    ("zenity", "--error", "--no-markup", "--title=Footprint", "--text"),
    ("kdialog", "--title", "Footprint", "--error"),
    ("notify-send", "--urgency=critical", "Footprint cannot start"),
    ("xmessage", "-center"),
)


def uses_x11(platform: str, environ: Mapping[str, str]) -> bool:
    """True when Qt will draw through X11 (its xcb plugin): Linux, not Wayland, not offscreen."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.startswith("xcb")
    on_wayland = environ.get("XDG_SESSION_TYPE") == "wayland" and environ.get("WAYLAND_DISPLAY")
    return not on_wayland


def _loads(soname: str) -> bool:
    """True if the dynamic loader finds `soname` (the frozen app's own folder first)."""
    bundled = Path(getattr(sys, "_MEIPASS", "")) / soname
    for candidate in ((str(bundled),) if bundled.is_file() else ()) + (soname,):
        try:
            ctypes.CDLL(candidate)
            return True
        except OSError:
            continue
    return False


def missing_x11_libraries(loads: Callable[[str], bool] | None = None) -> list[str]:
    """The Debian/Ubuntu packages whose libraries Qt's X11 plugin needs and cannot load."""
    loader = loads or _loads
    return [package for soname, package in X11_LIBRARIES.items() if not loader(soname)]


def missing_libraries_message(packages: Sequence[str]) -> str:
    """The sentence that says what to install, with the command for Debian and Ubuntu."""
    return (
        "Footprint cannot open its window: this computer lacks system libraries that Qt "
        f"needs to draw on X11 ({', '.join(packages)}). On Debian, Ubuntu or Mint install "
        f"them with:  sudo apt install {' '.join(packages)}  (on Fedora: sudo dnf install "
        "xcb-util-cursor xcb-util-wm xcb-util-keysyms xcb-util-image xcb-util-renderutil "
        "libxkbcommon-x11), then start Footprint again."
    )


def tell_without_qt(message: str) -> None:
    """Print `message`; with no terminal to read it, show it with the desktop's own dialog."""
    if sys.stderr is not None:
        print(f"footprint: {message}", file=sys.stderr)
        if sys.stderr.isatty():
            return
    for dialog in _DIALOGS:
        if shutil.which(dialog[0]):
            subprocess.run([*dialog, message], check=False, timeout=600)
            return


def _opens_a_window(argv: list[str]) -> bool:
    quiet = io.StringIO()
    try:
        with redirect_stdout(quiet), redirect_stderr(quiet):
            args, _unknown = build_parser().parse_known_args(argv)
    except SystemExit:  # --help, --version, a mistake: the command itself says so
        return False
    return opens_a_window(args.command or "gui", args)


def main(argv: Sequence[str] | None = None) -> int:
    """Run `footprint` with these arguments (default: the program's own)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if uses_x11(sys.platform, os.environ) and _opens_a_window(arguments):
        if missing := missing_x11_libraries():
            tell_without_qt(missing_libraries_message(missing))
            return EXIT_MISSING_LIBRARIES
    return run_command(arguments)


if __name__ == "__main__":
    raise SystemExit(main())
