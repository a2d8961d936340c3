"""The watch while Footprint is open: every quarter of an hour, the looks that are due.

Off until the worker turns the watch on (nothing is due while it is off). The plan is read and
each look kept on the UI thread (all database access is there); only the signed-out browser
runs as a `Job`, exactly as "See what a stranger sees" does. A look is kept the moment it
finishes, so closing Footprint mid-run loses nothing that was seen; the rest stay due.

After the looks, the signed-in re-reads that are due run as a second job, one platform at a
time on its saved browser profile, never signing in; each is kept on the UI thread as it
finishes (`RereadFinished`). They use the same saved browser profiles as the worker's own
"Read my settings", so none starts while that window is open (`pause_rereads`); a re-read job
that fails is kept as a failed look of each platform it had still to read, so the watch's
back-off spaces the next tries instead of one every quarter of an hour.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QDialog

from app.audit.watch import LookOutcome, PlatformWatch
from app.footprint import Footprint
from app.ui.browser_choice import browser_path
from app.ui.jobs import Job, JobRunner
from app.ui.notifiers import Notifier

if TYPE_CHECKING:  # the watch's and the stranger's services load at the first run (issue 24)
    from app.checklists.model import Platform
    from app.footprint.look_values import (
        LookFinished,
        OutsideConfig,
        RereadFinished,
        WatchedLook,
        WatchPlan,
        WatchRun,
    )
    from app.footprint.read_values import AutomationConfig

log = logging.getLogger(__name__)
EVERY_MS = 15 * 60 * 1000  # how often to ask whether a look is due (a read, no page loads)


class WatchRunner(QObject):
    """Starts the due looks as a background job and keeps what they find.

    Signals:
        ran(object): a `WatchRun`, after a run that looked at something.
    """

    ran = Signal(object)

    def __init__(
        self,
        footprint: Footprint,
        jobs: JobRunner,
        config_for: Callable[[], OutsideConfig | None] | None = None,
        parent: QObject | None = None,
        reread_config_for: Callable[[], AutomationConfig | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._footprint = footprint
        self._jobs = jobs
        # The browser automated reading uses (chosen, or found), signed out; None: none.
        self._config_for = config_for or (lambda: footprint.outside_config(browser_path()))
        # The reader's browser on the platforms' saved profiles, for the signed-in re-reads.
        self._reread_config_for = reread_config_for or (
            lambda: footprint.reading_config(browser_path())
        )
        self._job: Job | None = None
        self._plan: WatchPlan | None = None
        self._looks: list[WatchedLook] = []
        self._rereading: list[tuple[PlatformWatch, Platform]] = []  # a re-read job's platforms
        self._rereads_paused = 0  # windows open that read the saved profiles themselves
        self._timer = QTimer(self)
        self._timer.setInterval(EVERY_MS)
        self._timer.timeout.connect(self.run_now)

    def start(self) -> None:
        """Ask every quarter of an hour from now on."""
        self._timer.start()

    @property
    def is_looking(self) -> bool:
        """A run is in progress."""
        return self._job is not None

    @property
    def is_rereading(self) -> bool:
        """A signed-in re-read (a hidden browser on a saved profile) is in progress."""
        return self._job is not None and bool(self._rereading)

    def pause_rereads(self) -> None:
        """Start no signed-in re-read until `resume_rereads`: the worker's own read uses the
        same saved profiles. A re-read running now is stopped (what finished is kept)."""
        self._rereads_paused += 1
        if self.is_rereading and self._job is not None:
            self._job.cancel()

    def resume_rereads(self) -> None:
        """The window that paused the re-reads has closed; due ones start at the next turn."""
        self._rereads_paused = max(self._rereads_paused - 1, 0)

    def run_now(self) -> bool:
        """Start the looks that are due, if any and none is running; True if a run started."""
        if self._job is not None:
            return False
        # Here, not at the top: the window opens ~60 ms sooner without the watch's services.
        from app.ui.job_events import LookEvents

        watch_plan, terms = self._footprint.watch_plan()
        config = self._config_for() if watch_plan.requests else None
        if config is None:
            return self._reread_now()
        self._plan, self._looks = watch_plan, []
        events = LookEvents()
        events.look_finished.connect(self._look_finished)
        self._start(Job.of(self._footprint.look_for_watch(config, watch_plan, terms), events),
                    self._ended)  # fmt: skip
        return True

    def _start(self, job: Job, ended: Callable[..., None]) -> None:
        """Run `job`; `ended(stopped=…)` once it finishes, is cancelled or fails."""
        job.finished.connect(lambda _result: ended(stopped=False))
        job.cancelled.connect(lambda: ended(stopped=True))
        job.failed.connect(lambda _sentence: ended(stopped=True))
        self._job = job
        self._jobs.start(job)

    def stop(self) -> None:
        """Stop a run in progress; what was seen is already kept."""
        self._timer.stop()
        if self._job is not None:
            self._job.cancel()

    def _look_finished(self, event: LookFinished) -> None:
        if self._plan is None or self._job is None:
            return
        look = self._footprint.keep_watched_look(self._plan, event.view)
        self._looks.append(look)
        if look.outcome is LookOutcome.OFFLINE:
            self._job.cancel()  # the others would only fail the same way

    def _ended(self, *, stopped: bool) -> None:
        watch_plan, self._plan, self._job = self._plan, None, None
        if watch_plan is None:
            return
        run = self._footprint.finish_watch(watch_plan, self._looks, stopped=stopped)
        self.ran.emit(run)
        if not stopped and self._timer.isActive():
            self._reread_now()

    # -- the signed-in re-reads -------------------------------------------------------------
    def _reread_now(self) -> bool:
        """Start the signed-in re-reads that are due, if any; True if they started."""
        if self._rereads_paused:
            return False
        due = self._footprint.signed_in_watch_due()
        config = self._reread_config_for() if due else None
        if config is None:
            return False
        from app.ui.job_events import RereadEvents  # as LookEvents in run_now

        self._looks, self._rereading = [], due
        events = RereadEvents()
        events.reread_finished.connect(self._reread_finished)
        job = Job.of(self._footprint.reread_for_watch(config, due), events)
        job.failed.connect(self._reread_failed)  # before `_start`'s: kept before `ran`
        self._start(job, self._reread_ended)
        return True

    def _reread_finished(self, event: RereadFinished) -> None:
        if self._job is None:
            return
        self._looks.append(self._footprint.keep_signed_in_look(event))

    def _reread_failed(self, sentence: str) -> None:
        """Keep the platforms not yet re-read as failed looks, so their back-off applies."""
        log.warning("The watch's signed-in re-reads failed: %s", sentence)
        kept = {look.platform_id for look in self._looks}
        for watch, platform in self._rereading:
            if platform.id not in kept:
                look = self._footprint.keep_failed_reread(watch, platform, sentence)
                self._looks.append(look)

    def _reread_ended(self, *, stopped: bool) -> None:
        from app.footprint.look_values import WatchRun  # as LookEvents in run_now

        self._job, self._rereading = None, []
        self.ran.emit(WatchRun(True, tuple(self._looks), stopped=stopped))


def pause_rereads_while_open(
    watch: WatchRunner | None, window: QDialog, refresh: Callable[..., object]
) -> WatchRunner | None:
    """No signed-in re-read starts while `window` is open: it reads the saved profiles too.
    A re-read running now is stopped; `refresh` is called once it has let go. `watch`."""
    if watch is not None:
        watch.pause_rereads()
        watch.ran.connect(refresh)
        window.finished.connect(lambda _code: watch.resume_rereads())
    return watch


def announce_drift(run: WatchRun | None, notifiers: Sequence[Notifier]) -> None:
    """Announce the drift a run saw, naming platform, change and time, by the first notifier
    that can (a run with nothing changed stays quiet)."""
    changes = [look.line() for look in run.looks if look.drift] if run else []
    if not changes:
        return
    title = "Footprint: the watch saw a setting slide back"
    for notifier in notifiers:
        if notifier.notify(title, "\n".join(changes)):
            break
