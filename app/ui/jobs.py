"""Background work for the windows: one small job type, used for everything slow.

A `Job` runs a plain function on its own thread — usually the facade's `Background` work
(`Job.of`). The function gets a `JobContext` to report progress, send values and notice
Cancel; a job given `JobEvents` delivers each value on the typed signal of its kind. The
job's signals arrive on the main thread, in the order they were sent, and end with exactly
one of `finished`, `failed` or `cancelled`.

Every exception ends the job visibly: an error the worker can act on (see `explain`) becomes
its own sentence, anything else a plain apology that points to the log, with the traceback in
the log. A `JobRunner` keeps jobs alive until they end, so a window can close while its job
winds down: it cancels and goes, and the UI thread never waits for a browser or a disk.

Modelled on vorta's `borg/jobs_manager.py` and picard's `util/thread.py` (`run_task`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from app.footprint.background import Background, Cancelled, Explain

log = logging.getLogger(__name__)
Work = Callable[["JobContext"], Any]
BUG_MESSAGE = (
    "Footprint stopped because of a problem inside Footprint itself. Nothing you did caused "
    "it; the details are in Footprint's log file."
)


JobCancelled = Cancelled  # raised inside a job's work on Cancel: the job ends `cancelled`


class JobEvents(QObject):
    """Typed signals from a job to its window, one per kind of event the work sends.

    A subclass declares one `Signal(EventType)` per kind and names it in `KINDS`; the job
    emits the matching signal for each value sent (from its own thread: the window receives
    it queued, in order with the job's other signals). A value of no declared kind is a
    mistake in Footprint and ends the job as one.
    """

    KINDS: ClassVar[dict[type, str]] = {}

    def deliver(self, value: object) -> None:
        """Emit the signal declared for `value`'s type (on the job's thread)."""
        name = self.KINDS.get(type(value))
        if name is None:
            raise TypeError(f"{type(self).__name__} has no signal for {type(value).__name__}")
        getattr(self, name).emit(value)


class JobContext:
    """What a job's work function may do: report progress, send values, notice Cancel.

    Thread-safe: it is used on the job's thread and its flag is set from the main thread.
    """

    def __init__(self, job: Job) -> None:
        self._job = job
        self._cancel = threading.Event()

    def progress(self, done: int, total: int) -> None:
        """Report `done` of `total` steps (total 0: unknown)."""
        self._job.progressed.emit(done, total)

    def send(self, value: object) -> None:
        """Send a value to the window: on its typed signal when the job has `events`."""
        if self._job.events is not None:
            self._job.events.deliver(value)
        else:
            self._job.sent.emit(value)

    def cancelled(self) -> bool:
        """Whether Cancel was pressed; long work polls this."""
        return self._cancel.is_set()

    def check_cancelled(self) -> None:
        """Raise JobCancelled if Cancel was pressed."""
        if self._cancel.is_set():
            raise JobCancelled

    def cancel(self) -> None:
        """Ask the job to stop; it does at its next check (from the main thread)."""
        self._cancel.set()


class _JobThread(QThread):
    """Runs the work inside a Python frame: Playwright's greenlets and asyncio's thread-locals
    need one Python thread state for the whole job."""

    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job

    def run(self) -> None:
        self._job._run_work()


class Job(QObject):
    """One piece of background work.

    Signals:
        progressed(int, int): done, total (total 0: unknown).
        sent(object): a value the work sent with `JobContext.send` (only for a job without
            `events`, whose typed signals carry each kind of value instead).
        finished(object): the work's return value.
        failed(str): a sentence for the worker (the traceback, if any, is in the log).
        cancelled(): the work stopped because Cancel was pressed.
        ended(): after any of the three above; the job may then be forgotten.
    """

    progressed = Signal(int, int)
    sent = Signal(object)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    ended = Signal()

    def __init__(
        self,
        work: Callable[[JobContext], Any],
        *,
        name: str,
        explain: Explain | None = None,
        events: JobEvents | None = None,
    ) -> None:
        super().__init__()  # no parent: Python (and the runner) decide how long it lives
        self.name = name
        self.events = events  # held here: it must outlive a window that closes mid-job
        self._work = work
        self._explain = explain or (lambda _error: None)
        self.context = JobContext(self)
        self._thread = _JobThread(self)
        self._thread.setObjectName(f"job: {name}")
        self._thread.finished.connect(self._thread_finished)
        self._started = False

    @classmethod
    def of(cls, background: Background[Any], events: JobEvents | None = None) -> Job:
        """A job (not started: connect its signals first) for the facade's background work."""
        return cls(background.work, name=background.name, explain=background.explain, events=events)

    def start(self) -> None:
        """Run the work on its own thread (once)."""
        if self._started:
            raise RuntimeError(f"job {self.name!r} was already started")
        self._started = True
        self._thread.start()

    def cancel(self) -> None:
        """Ask the work to stop; it ends with `cancelled` once it notices."""
        self.context.cancel()

    def is_running(self) -> bool:
        """Whether the work has started and not yet ended."""
        return self._started and not self._thread.isFinished()

    def wait(self, milliseconds: int) -> bool:
        """Block until the thread ends (only for shutting down); True if it did."""
        return self._thread.wait(milliseconds) if self._started else True

    def _run_work(self) -> None:  # on the job's thread
        try:
            result = self._work(self.context)
        except JobCancelled:
            self.cancelled.emit()
        except Exception as error:  # every failure must reach the worker, never vanish
            sentence = self._explain(error)
            if sentence is None:
                log.exception("job %r failed", self.name)
                sentence = BUG_MESSAGE
            else:
                log.info("job %r ended: %s", self.name, type(error).__name__)
            self.failed.emit(sentence)
        else:
            if self.context.cancelled():
                self.cancelled.emit()
            else:
                self.finished.emit(result)

    def _thread_finished(self) -> None:  # on the main thread, after the work's signals
        # QThread emits `finished` just before its thread really ends; wait for that moment,
        # so nothing deletes the thread object while its last instructions still run.
        self._thread.wait()
        self.ended.emit()


class JobRunner(QObject):
    """Starts jobs and keeps each alive until it ends, whoever started it.

    Windows receive the runner through their constructor; the main window owns the one the
    app uses. `shutdown` cancels what still runs and waits for it (at exit only).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running: set[Job] = set()

    def start(self, job: Job) -> Job:
        """Start `job`; the runner holds it until it has ended, whoever else lets go of it."""
        self._running.add(job)
        job.ended.connect(lambda: self._forget(job))
        job.start()
        return job

    def _forget(self, job: Job) -> None:
        # Let go on the next turn of the event loop, not inside the job's own signal: Python
        # frees the job (and its finished thread) when the last reference goes.
        QTimer.singleShot(0, lambda: self._running.discard(job))

    def shutdown(self, milliseconds: int = 20000) -> bool:
        """Cancel every job and wait for them to end; True if all ended in time."""
        jobs = list(self._running)
        for job in jobs:
            job.cancel()
        return all(job.wait(milliseconds) for job in jobs)
