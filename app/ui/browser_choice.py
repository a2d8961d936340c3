"""The browser the worker chose for Footprint ("Choose browser…"), kept in the window settings.

Automated reading, the stranger's view and the watch all use it; without a choice the facade
looks for an installed Chrome, Edge or Chromium.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

BROWSER_PATH_KEY = "automation/browser_path"  # set by "Choose browser…" (or Settings)


def browser_path() -> str | None:
    """The browser program chosen, or None to use an installed one."""
    value = QSettings().value(BROWSER_PATH_KEY, "")
    return str(value) if value else None
