"""The automation worker: one QThread that owns Playwright for its whole life.

Playwright's sync API objects belong to the thread that created them and refuse to run inside
an asyncio loop, so the engine is created, used and closed in the worker thread only; the UI
talks to it through queued signals, and Cancel is a thread-safe flag the engine polls.
Playwright is imported in that thread, on first use, never at app start.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from app.automation.config import readable_items
from app.automation.results import ReadResult, platform_problem
from app.checklists.model import Platform

if TYPE_CHECKING:  # importing engine at run time would import Playwright
    from app.automation.config import AutomationConfig
    from app.automation.engine import AutomationEngine

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReadRequest:
    """Read these items of a platform (all of its readable items when item_ids is None)."""

    platform: Platform
    item_ids: tuple[str, ...] | None = None


class AutomationWorker(QObject):
    """Runs in the worker thread. Emits, in order, for each platform:
    platform_started → (waiting)* → (item_started → item_read)* → platform_finished,
    and run_finished(cancelled) at the end of each request. browser_failed when the browser
    could not start; sign_in_forgotten after forget(); closed after shutdown()."""

    platform_started = Signal(str, int)  # platform id, items to read
    waiting = Signal(str, str)  # platform id, what the worker needs to do (sign in…)
    item_started = Signal(str, str, int, int)  # platform id, item id, index, total
    item_read = Signal(object)  # ReadResult
    platform_finished = Signal(str, str)  # platform id, one message if nothing was read
    run_finished = Signal(bool)  # cancelled
    browser_failed = Signal(str)
    sign_in_forgotten = Signal(str, bool)  # platform id, whether a profile existed
    closed = Signal()

    def __init__(self, config: AutomationConfig, cancel: threading.Event) -> None:
        super().__init__()
        self._config = config
        self._cancel = cancel
        self._engine: AutomationEngine | None = None

    def _get_engine(self) -> AutomationEngine:
        if self._engine is None:
            from app.automation.engine import AutomationEngine

            self._engine = AutomationEngine(self._config, self._cancel.is_set)
        return self._engine

    @Slot(object)
    def read(self, requests: list[ReadRequest]) -> None:
        from app.automation.engine import BrowserUnavailable
        from app.automation.page import Cancelled

        cancelled = False
        try:
            for request in requests:
                self._read_one(request)
        except Cancelled:
            cancelled = True
            self._get_engine().close_browsers()  # stop the browser promptly
        except BrowserUnavailable as error:
            self.browser_failed.emit(str(error))
        except Exception:  # a bug must end the run visibly, not leave the dialog waiting
            log.exception("automation run failed")
            self.browser_failed.emit(
                "Reading stopped because of a problem inside Footprint (details are in the log "
                "file). What was read so far is kept; check the rest by hand."
            )
        self.run_finished.emit(cancelled)

    def _read_one(self, request: ReadRequest) -> None:
        platform = request.platform
        total = len(readable_items(platform, request.item_ids))
        self.platform_started.emit(platform.id, total)
        reporter = _ReporterAdapter(self)
        results = self._get_engine().read_platform(platform, reporter, request.item_ids)
        self.platform_finished.emit(platform.id, platform_problem(results) or "")

    @Slot(str)
    def forget(self, platform_id: str) -> None:
        existed = self._get_engine().forget(platform_id)
        self.sign_in_forgotten.emit(platform_id, existed)

    @Slot()
    def shutdown(self) -> None:
        if self._engine is not None:
            try:
                self._engine.close()
            except Exception:
                log.exception("closing the browser failed")
            self._engine = None
        self.closed.emit()


class _ReporterAdapter:
    """The engine's Reporter protocol over the worker's signals."""

    def __init__(self, worker: AutomationWorker) -> None:
        self._worker = worker

    def waiting(self, platform_id: str, message: str) -> None:
        self._worker.waiting.emit(platform_id, message)

    def item_started(self, platform_id: str, item_id: str, index: int, total: int) -> None:
        self._worker.item_started.emit(platform_id, item_id, index, total)

    def item_read(self, result: ReadResult) -> None:
        self._worker.item_read.emit(result)


class _PythonThread(QThread):
    """A QThread whose event loop runs inside a Python frame.

    Without it, each queued slot call enters Python afresh from C++, and Python may give the
    thread a new thread state each time: thread-locals (asyncio's loop) and Playwright's
    greenlets from one call would be gone, or invalid, in the next.
    """

    def run(self) -> None:
        self.exec()


class AutomationRunner(QObject):
    """The UI thread's handle on the worker: starts its thread, forwards requests, cancels,
    and stops it. Connect to `worker`'s signals; they arrive in the UI thread."""

    _read_requested = Signal(object)
    _forget_requested = Signal(str)
    _shutdown_requested = Signal()

    def __init__(self, config: AutomationConfig, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._thread = _PythonThread()
        self._thread.setObjectName("automation")
        self.worker = AutomationWorker(config, self._cancel)
        self.worker.moveToThread(self._thread)
        self._read_requested.connect(self.worker.read)
        self._forget_requested.connect(self.worker.forget)
        self._shutdown_requested.connect(self.worker.shutdown)
        # Direct: quit() is thread-safe, and stop() blocks the UI thread's event loop.
        self.worker.closed.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._thread.start()

    def read(self, requests: list[ReadRequest]) -> None:
        self._cancel.clear()
        self._read_requested.emit(requests)

    def cancel(self) -> None:
        """Thread-safe: the engine notices within one poll interval and closes the browser."""
        self._cancel.set()

    def forget(self, platform_id: str) -> None:
        self._forget_requested.emit(platform_id)

    def stop(self, wait_ms: int = 15000) -> bool:
        """Cancel, close the browsers and end the thread; True if it ended in time."""
        if not self._thread.isRunning():
            return True
        self._cancel.set()
        self._shutdown_requested.emit()
        return self._thread.wait(wait_ms)
