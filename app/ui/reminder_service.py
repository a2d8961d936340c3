"""Re-check reminders: asks for a fresh overview every hour and after a clock jump, and
announces what fell due.

No long timer is ever armed (QTimer cannot wait more than about 24.8 days): the hourly
request recomputes what is due from the stored audits, so quarterly intervals need no
re-arming, and a one-minute heartbeat notices sleep/resume or a clock change.

The service never reads the database itself: its owner (the main window) reads the overview
once per refresh and hands it to `consider`, so the banner, the table and the reminders always
show the same data.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from app.audit.reminders import AnnouncementLog, ClockJumpDetector, DueEntry
from app.clock import Clock
from app.footprint import DashboardView
from app.ui.notifiers import Notifier

HOUR_MS = 60 * 60 * 1000
HEARTBEAT_MS = 60 * 1000


class ReminderService(QObject):
    """Signals:
    check_requested: time to look again (hourly, or after a clock jump); the owner reads the
        overview and calls `consider` with it.
    due_changed(list): every overview considered, with all due or drifted (not snoozed)
        platforms.
    announced(list): the entries just announced to the worker.
    """

    check_requested = Signal()
    due_changed = Signal(list)
    announced = Signal(list)

    def __init__(
        self,
        *,
        clock: Clock,
        notifiers: Sequence[Notifier],
        monotonic: Callable[[], float] = time.monotonic,
        enabled: Callable[[], bool] = lambda: True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._notifiers = list(notifiers)
        self._enabled = enabled
        self._log = AnnouncementLog()
        self._started = False
        self._jumps = ClockJumpDetector(clock.now, monotonic)
        self.hourly = QTimer(self)
        self.hourly.setInterval(HOUR_MS)
        self.hourly.timeout.connect(self.check_requested)
        self.heartbeat = QTimer(self)
        self.heartbeat.setInterval(HEARTBEAT_MS)
        self.heartbeat.timeout.connect(self.heartbeat_tick)

    def start(self, view: DashboardView) -> None:
        """Announce what is due in `view` (the overview just read), then start the hourly and
        heartbeat timers. Before this, `consider` only updates the banner."""
        self._started = True
        self.hourly.start()
        self.heartbeat.start()
        self.consider(view)

    def set_notifiers(self, notifiers: Sequence[Notifier]) -> None:
        """Replace the ways of telling the worker (tests use a fake tray)."""
        self._notifiers = list(notifiers)

    def heartbeat_tick(self) -> None:
        """Ask for a check at once if the wall clock jumped (sleep, resume, clock change)."""
        if self._jumps.jumped():
            self.check_requested.emit()

    def consider(self, view: DashboardView) -> list[DueEntry]:
        """Show what is due in `view`; announce what was not announced in the last day."""
        if view.profile is None:
            return []
        # Before the first audit every platform is "never checked": that is a welcome on the
        # overview, not a reminder to nag about.
        entries = [] if view.first_audit_pending else list(view.attention)
        self.due_changed.emit(entries)
        if not self._started or not self._enabled():
            return []
        fresh = self._log.to_announce(entries, self._clock.now())
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
