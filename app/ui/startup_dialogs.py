"""What the desktop app says in a window when it cannot start, and the damage notice.

A desktop app launched from a menu or an icon has nowhere else to say it: without these,
a busy or unreadable database would look like an app that simply does not open.
Every text here is shown as plain text: it carries paths and messages from outside.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.ui.app_icon import app_icon

TITLE = "Footprint could not start"


def application() -> QApplication:
    """The QApplication, created if there is none yet (a dialog needs one)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    created = QApplication(sys.argv[:1])  # the program's name, which the window system uses
    created.setWindowIcon(app_icon())
    return created


def plain_message_box(
    icon: QMessageBox.Icon, title: str, text: str, parent: QWidget | None = None
) -> QMessageBox:
    """A message box that shows `text` exactly as written, never as HTML."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def ask_retry(message: str) -> bool:
    """Say why Footprint cannot start; True if the worker chose Retry (else Quit)."""
    application()
    box = plain_message_box(QMessageBox.Icon.Critical, TITLE, message)
    retry = box.addButton("&Retry", QMessageBox.ButtonRole.AcceptRole)
    quit_button = box.addButton("&Quit", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(retry)
    box.setEscapeButton(quit_button)
    box.exec()
    return box.clickedButton() is retry


def show_startup_error(message: str) -> None:
    """Say why Footprint cannot start, where retrying would not help."""
    application()
    box = plain_message_box(QMessageBox.Icon.Critical, TITLE, message)
    box.addButton("&Quit", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def show_damage_notice(notice: str, parent: QWidget | None = None) -> None:
    """The damaged-database notice; closing it is the worker's acknowledgement."""
    box = plain_message_box(
        QMessageBox.Icon.Warning, "Footprint's database was damaged", notice, parent
    )
    box.addButton("I have &read this", QMessageBox.ButtonRole.AcceptRole)
    box.exec()
