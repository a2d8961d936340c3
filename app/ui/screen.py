"""Windows that open within the screen they are on, at any scaling (200 % included)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

SCREEN_SHARE = 0.95  # leave a margin for the window frame and the taskbar


def available_area(widget: QWidget) -> QRect:
    """The part of the widget's screen that windows may use (without the taskbar)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(widget: QWidget, wanted: QSize) -> None:
    """Resize to `wanted`, or smaller where the screen is smaller; content then scrolls."""
    area = available_area(widget)
    width = min(wanted.width(), int(area.width() * SCREEN_SHARE))
    height = min(wanted.height(), int(area.height() * SCREEN_SHARE))
    widget.resize(max(width, 1), max(height, 1))


def keep_on_screen(widget: QWidget) -> None:
    """Shrink and move a window restored from last time so all of it is on a screen now."""
    area = available_area(widget)
    frame = widget.frameGeometry()
    fit_to_screen(widget, widget.size())
    x = min(max(frame.x(), area.x()), area.right() - widget.width())
    y = min(max(frame.y(), area.y()), area.bottom() - widget.height())
    widget.move(max(x, area.x()), max(y, area.y()))
