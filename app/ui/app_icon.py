"""Footprint's own icon, for windows, dialogs and the tray."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from app.resources import shipped

# The name a Linux desktop may know the icon by (resources/footprint.desktop uses it).
THEME_NAME = "footprint"


def app_icon() -> QIcon:
    """The icon from resources/icons/footprint.svg; an empty icon if the file is missing."""
    return QIcon(str(shipped().icon("svg")))
