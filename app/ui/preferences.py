"""UI preferences, each declared once with its type, default and label; kept in QSettings."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings


@dataclass(frozen=True)
class BoolPreference:
    """An on/off preference: its QSettings key, default, and label in Settings."""

    key: str
    default: bool
    label: str

    def get(self) -> bool:
        """The saved value, or the default if none was saved."""
        value = QSettings().value(self.key, self.default)
        return value in (True, "true", "1", 1)

    def set(self, value: bool) -> None:
        """Save the value."""
        QSettings().setValue(self.key, bool(value))


REMINDERS = BoolPreference("reminders/enabled", True, "Remind me when a re-check is due")
KEEP_IN_TRAY = BoolPreference(
    "reminders/keep_in_tray", False, "Keep Footprint in the tray when its window is closed"
)
START_AT_LOGIN = BoolPreference(
    "reminders/start_at_login", False, "Start Footprint minimised when I log in"
)
ALL = (REMINDERS, KEEP_IN_TRAY, START_AT_LOGIN)
