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


@dataclass(frozen=True)
class TextPreference:
    """A short text the worker typed, remembered in the window settings (never in the database)."""

    key: str
    default: str
    label: str

    def get(self) -> str:
        """The remembered text, or the default."""
        value = QSettings().value(self.key, self.default)
        return value if isinstance(value, str) else self.default

    def set(self, value: str) -> None:
        """Keep `value`; an emptied field forgets it rather than keeping a blank."""
        text = value.strip()
        if text:
            QSettings().setValue(self.key, text)
        else:
            QSettings().remove(self.key)


REMINDERS = BoolPreference("reminders/enabled", True, "Remind me when a re-check is due")
KEEP_IN_TRAY = BoolPreference(
    "reminders/keep_in_tray", False, "Keep Footprint in the tray when its window is closed"
)
START_AT_LOGIN = BoolPreference(
    "reminders/start_at_login", False, "Start Footprint minimised when I log in"
)
ALL = (REMINDERS, KEEP_IN_TRAY, START_AT_LOGIN)  # the Settings window's check boxes

# Typed in the "Search yourself" window (the profile has no town, and the database is not the
# place for a UI convenience); kept in the window settings, so "Delete all my data" removes it.
SEARCH_TOWN = TextPreference("self_search/town", "", "Your town, for searches of your name")
