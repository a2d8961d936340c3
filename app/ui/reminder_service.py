"""Checks for due and drifted platforms at start-up, every hour, and after a clock jump.

No long timer is ever armed (QTimer cannot wait more than about 24.8 days): the hourly
check recomputes what is due from the stored audits, so quarterly intervals need no
re-arming, and a one-minute heartbeat notices sleep/resume or a clock change.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from app.audit.reminders import AnnouncementLog, ClockJumpDetector, DueEntry, due_entries
from app.footprint import Footprint
from app.ui.notifiers import Notifier

HOUR_MS = 60 * 60 * 1000
HEARTBEAT_MS = 60 * 1000


class ReminderService(QObject):
    """Signals:
    due_changed(list): every check, with all due or drifted (not snoozed) platforms.
    announced(list): the entries just announced to the worker.
    """

    due_changed = Signal(list)
    announced = Signal(list)

    def __init__(
        self,
        *,
        footprint: Footprint,
        notifiers: Sequence[Notifier],
        monotonic: Callable[[], float] = time.monotonic,
        enabled: Callable[[], bool] = lambda: True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._footprint = footprint
        self._notifiers = list(notifiers)
        self._enabled = enabled
        self._log = AnnouncementLog()
        self._jumps = ClockJumpDetector(footprint.clock.now, monotonic)
        self.hourly = QTimer(self)
        self.hourly.setInterval(HOUR_MS)
        self.hourly.timeout.connect(self.check_now)
        self.heartbeat = QTimer(self)
        self.heartbeat.setInterval(HEARTBEAT_MS)
        self.heartbeat.timeout.connect(self.heartbeat_tick)

    def start(self) -> None:
        self.check_now()
        self.hourly.start()
        self.heartbeat.start()

    def heartbeat_tick(self) -> None:
        if self._jumps.jumped():
            self.check_now()

    def check_now(self) -> list[DueEntry]:
        """Recompute what is due; announce what was not announced in the last day."""
        state = self._footprint.dashboard()
        if state.profile is None:
            return []
        entries = list(due_entries(state.overviews))
        self.due_changed.emit(entries)
        if not self._enabled():
            return []
        fresh = self._log.to_announce(entries, self._footprint.clock.now())
        if fresh:
            self._announce(fresh)
        return fresh

    def _announce(self, entries: list[DueEntry]) -> None:
        names = ", ".join(e.platform_name for e in entries)
        title = "Footprint: time to re-check your privacy settings"
        message = f"{names}: due a re-check or a setting drifted."
        for notifier in self._notifiers:
            if notifier.notify(title, message):
                break
        self.announced.emit(entries)
