"""Finding an installed Chrome, Edge or Chromium. Footprint never downloads a browser.

Playwright's own browser builds are not used: every launch names an executable found here,
so a missing browser is reported to the worker instead of fetched from the internet.
"""

from __future__ import annotations

import os
import platform
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

NO_BROWSER = (
    "No Chrome, Edge or Chromium browser was found on this computer, so Footprint cannot read "
    "your settings for you: install Google Chrome or Microsoft Edge (or choose a browser "
    "below) — checking by hand works without one."
)


@dataclass(frozen=True)
class BrowserChoice:
    """An installed browser Footprint can start, and how to name it to the worker."""

    name: str
    executable: Path

    def describe(self) -> str:
        """'Google Chrome (/usr/bin/google-chrome)': the name and the program."""
        return f"{self.name} ({self.executable})"


_LINUX_COMMANDS = (
    ("Google Chrome", ("google-chrome-stable", "google-chrome")),
    ("Microsoft Edge", ("microsoft-edge-stable", "microsoft-edge")),
    ("Chromium", ("chromium", "chromium-browser")),
)
_MAC_APPS = (
    ("Google Chrome", "Google Chrome.app/Contents/MacOS/Google Chrome"),
    ("Microsoft Edge", "Microsoft Edge.app/Contents/MacOS/Microsoft Edge"),
    ("Chromium", "Chromium.app/Contents/MacOS/Chromium"),
)
_WINDOWS_PROGRAMS = (
    ("Google Chrome", ("Google", "Chrome", "Application", "chrome.exe")),
    ("Microsoft Edge", ("Microsoft", "Edge", "Application", "msedge.exe")),
    ("Chromium", ("Chromium", "Application", "chrome.exe")),
)


def find_browser(
    configured: str | None = None,
    *,
    system: str | None = None,
    which: Callable[[str], str | None] = shutil.which,
    environ: dict[str, str] | None = None,
) -> BrowserChoice | None:
    """The browser set in Settings if it exists, else the first installed one, else None."""
    if configured:
        path = Path(configured).expanduser()
        return BrowserChoice("The browser you chose", path) if path.is_file() else None
    system = system or platform.system()
    env = os.environ if environ is None else environ
    for name, path in _candidates(system, which, env):
        if path.is_file():
            return BrowserChoice(name, path)
    return None


def missing_message(configured: str | None) -> str:
    """Why no browser can be used: the chosen one is missing, or none is installed."""
    if configured:
        return (
            f"The browser chosen for Footprint ({configured}) was not found. Choose another, "
            "or clear the choice to use an installed Chrome, Edge or Chromium."
        )
    return NO_BROWSER


def _candidates(
    system: str, which: Callable[[str], str | None], env: os._Environ[str] | dict[str, str]
) -> list[tuple[str, Path]]:
    if system == "Windows":
        folders = [env.get(k) for k in ("PROGRAMFILES", "PROGRAMFILES(X86)", "LOCALAPPDATA")]
        return [(n, Path(f).joinpath(*p)) for n, p in _WINDOWS_PROGRAMS for f in folders if f]
    if system == "Darwin":
        apps = [Path("/Applications"), Path.home() / "Applications"]
        return [(n, root / p) for n, p in _MAC_APPS for root in apps]
    found = [(n, Path(hit)) for n, cmds in _LINUX_COMMANDS for c in cmds if (hit := which(c))]
    return found + [
        ("Google Chrome", Path("/opt/google/chrome/chrome")),
        ("Microsoft Edge", Path("/opt/microsoft/msedge/msedge")),
    ]
