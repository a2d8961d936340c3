"""Telling screen readers what just changed, where the focus does not move to say it.

Qt 6.8 added an announcement event that reaches AT-SPI as ``object:announcement`` (Orca 45
and later speak it; NVDA and VoiceOver read Qt's announcements too). Older PySide6 builds
lack it; there, the page's own accessible name and description (set after focus moves) are
what a screen reader reads, so this module does nothing rather than fail.
"""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QLabel, QWidget


def announce(widget: QWidget, message: str, *, urgent: bool = False) -> None:
    """Ask screen readers to say `message`, as coming from `widget`; `urgent` interrupts what
    they are saying (only for something the worker must not miss)."""
    event_type = getattr(QtGui, "QAccessibleAnnouncementEvent", None)
    if event_type is None or not message.strip():
        return
    event = event_type(widget, message)
    politeness = QAccessible.AnnouncementPoliteness
    event.setPoliteness(politeness.Assertive if urgent else politeness.Polite)
    send(event)


def send(event: QAccessibleEvent) -> None:
    """Hand `event` to the platform's accessibility bridge (replaced in tests, which cannot
    observe AT-SPI)."""
    QAccessible.updateAccessibility(event)


def show_status(label: QLabel, text: str) -> None:
    """Show a status message in `label` and announce it: a changed label alone is silent."""
    label.setText(text)
    announce(label, text)
