"""Ways to tell the worker something is due: the tray, a desktop notification, a banner.

`QSystemTrayIcon.supportsMessages()` says yes even where no tray is shown, so the tray is
used only when `isSystemTrayAvailable()`; a freedesktop notification over D-Bus is tried
next; the in-app banner always works.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from typing import Protocol

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon

log = logging.getLogger(__name__)


class Notifier(Protocol):
    def notify(self, title: str, message: str) -> bool:
        """Show the message; False if this channel could not."""
        ...


class TrayNotifier:
    def __init__(self, tray: QSystemTrayIcon) -> None:
        self._tray = tray

    def notify(self, title: str, message: str) -> bool:
        if not QSystemTrayIcon.isSystemTrayAvailable() or not self._tray.isVisible():
            return False
        self._tray.showMessage(title, message, QSystemTrayIcon.MessageIcon.Information, 15000)
        return True


class DesktopNotifier:
    """org.freedesktop.Notifications on the session bus (most Linux desktops)."""

    def notify(self, title: str, message: str) -> bool:
        from PySide6.QtDBus import QDBusConnection, QDBusInterface  # only when reminding

        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            return False
        interface = QDBusInterface(
            "org.freedesktop.Notifications",
            "/org/freedesktop/Notifications",
            "org.freedesktop.Notifications",
            bus,
        )
        if not interface.isValid():
            return False
        capabilities = interface.call("GetCapabilities")
        found = [] if capabilities.errorMessage() else capabilities.arguments()[:1]
        names = found[0] if found and isinstance(found[0], list) else []
        body = notification_body(message, [str(name) for name in names])
        # The stubs do not list this arity; the call is the Notify method's own signature.
        reply = interface.call(  # type: ignore[call-overload]
            "Notify", "Footprint", 0, "", title, body, [], {}, 15000
        )
        if reply.errorMessage():
            log.info("desktop notification refused: %s", reply.errorMessage())
            return False
        return True


def notification_body(message: str, capabilities: Sequence[str]) -> str:
    """The message as a notification server will show it: a server that reads markup in the
    body (`body-markup`) gets it escaped, so a platform named `<a href=...>` in a policy
    pack is shown as those characters, not as a link."""
    return html.escape(message, quote=False) if "body-markup" in capabilities else message


def tray_icon() -> QIcon:
    """The desktop theme's Footprint icon where one is installed, otherwise the one we ship."""
    from app.ui.app_icon import THEME_NAME, app_icon

    return QIcon.fromTheme(THEME_NAME, app_icon())
