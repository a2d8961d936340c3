"""Windows that open within the screen they are on, at any scaling (200 % included).

A window is placed by its frame (title bar and borders included), never by its inside: a
window restored from last time is clamped so its whole frame lies on the available part of
the screen (without the taskbar), however many times it is closed and opened again.
"""

from __future__ import annotations

from collections.abc import Sequence

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


def clamp_rect(frame: QRect, area: QRect) -> QRect:
    """`frame` made no larger than `area` and moved (not shrunk further) to lie inside it."""
    width, height = min(frame.width(), area.width()), min(frame.height(), area.height())
    x = min(max(frame.x(), area.x()), area.x() + area.width() - width)
    y = min(max(frame.y(), area.y()), area.y() + area.height() - height)
    return QRect(x, y, width, height)


def _margins(widget: QWidget) -> tuple[int, int, int, int]:
    """The frame's width on each side (left, top, right, bottom); zeros before it is shown."""
    frame, inside = widget.frameGeometry(), widget.geometry()
    return (
        inside.x() - frame.x(),
        inside.y() - frame.y(),
        frame.right() - inside.right(),
        frame.bottom() - inside.bottom(),
    )


def frame_record(widget: QWidget) -> list[int]:
    """What to remember of a window's place: its frame (x, y, width, height) and the frame's
    margins, so the inside can be placed again before the window system draws a frame."""
    frame = widget.frameGeometry()
    return [frame.x(), frame.y(), frame.width(), frame.height(), *_margins(widget)]


def place_frame(widget: QWidget, frame: QRect, margins: Sequence[int]) -> None:
    """Put the window's frame at `frame`, clamped to the available area."""
    left, top, right, bottom = margins
    target = clamp_rect(frame, available_area(widget))
    widget.setGeometry(target.adjusted(left, top, -right, -bottom))


def restore_frame(widget: QWidget, record: object, default: QSize) -> None:
    """Place a window as `frame_record` remembered it, on the screen as it is now; a missing
    or unreadable record gives `default` (fitted to the screen)."""
    numbers = _numbers(record)
    if numbers is None:
        fit_to_screen(widget, default)
        return
    x, y, width, height, *margins = numbers
    place_frame(widget, QRect(x, y, width, height), margins)


def _numbers(record: object) -> list[int] | None:
    """The eight integers of a frame record (QSettings may give them back as strings)."""
    if not isinstance(record, list | tuple) or len(record) != 8:
        return None
    try:
        numbers = [int(value) for value in record]
    except (TypeError, ValueError):
        return None
    return numbers if numbers[2] > 0 and numbers[3] > 0 and min(numbers[4:]) >= 0 else None


def keep_on_screen(widget: QWidget) -> None:
    """Move (and shrink, if need be) a shown window so its whole frame is on the screen."""
    frame = widget.frameGeometry()
    if clamp_rect(frame, available_area(widget)) != frame:
        place_frame(widget, frame, _margins(widget))
