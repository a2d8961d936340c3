"""The watch while Footprint is open: every quarter of an hour, the looks that are due.

Off until the worker turns the watch on (nothing is due while it is off). The plan is read and
each look kept on the UI thread (all database access is there); only the signed-out browser
runs as a `Job`, exactly as "See what a stranger sees" does. A look is kept the moment it
finishes, so closing Footprint mid-run loses nothing that was seen; the rest stay due.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from app.audit.watch import LookOutcome
from app.footprint import Footprint
from app.services.watch_runs import WatchedLook, WatchPlan
from app.stranger.look import (
    LookCancelled,
    LookFinished,
    OutsideConfig,
    look_as_stranger,
)
from app.stranger.view import WorkerTerms
from app.ui.jobs import Job, JobCancelled, JobContext, JobRunner

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
        config_for: Callable[[], OutsideConfig | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._footprint = footprint
        self._jobs = jobs
        self._config_for = config_for
        self._job: Job | None = None
        self._plan: WatchPlan | None = None
        self._looks: list[WatchedLook] = []
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

    def run_now(self) -> bool:
        """Start the looks that are due, if any and none is running; True if a run started."""
        if self._job is not None:
            return False
        watch_plan, terms = self._footprint.watch_plan()
        config = self._config_for() if watch_plan.requests else None
        if config is None:
            return False
        self._plan, self._looks = watch_plan, []
        job = Job(_looking(config, watch_plan, terms), name="watch")
        job.sent.connect(self._event)
        job.finished.connect(lambda _views: self._ended(stopped=False))
        job.cancelled.connect(lambda: self._ended(stopped=True))
        job.failed.connect(lambda _sentence: self._ended(stopped=True))
        self._job = job
        self._jobs.start(job)
        return True

    def stop(self) -> None:
        """Stop a run in progress; what was seen is already kept."""
        self._timer.stop()
        if self._job is not None:
            self._job.cancel()

    def _event(self, event: object) -> None:
        if not isinstance(event, LookFinished) or self._plan is None or self._job is None:
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


def _looking(
    config: OutsideConfig, watch_plan: WatchPlan, terms: WorkerTerms
) -> Callable[[JobContext], object]:
    """The job's work: one signed-out browser for the run, on the job's thread."""

    def work(context: JobContext) -> object:
        try:
            return look_as_stranger(config, watch_plan.requests, terms, send=context.send,
                                    cancelled=context.cancelled)  # fmt: skip
        except LookCancelled:
            raise JobCancelled from None

    return work
