"""Opening an address in the worker's own browser (the one place the UI does it)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

UrlOpener = Callable[[str], object]


def open_in_browser(url: str) -> bool:
    """Open `url` in the system's default browser; False if none would open it."""
    return QDesktopServices.openUrl(QUrl(url))
