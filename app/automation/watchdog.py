"""Ending a browser that a page holds: past the look's time limit, or when Stop is pressed.

A page script that never yields (a busy loop) holds the page's main thread, and every
Playwright call that needs the page (`evaluate`, a click, closing the context) then waits
for ever: the thread that made the call cannot check Cancel, and Playwright's objects may
not be used from another thread. So a second thread watches the clock and the Cancel flag
and, when the look overruns or Stop has gone unanswered for `STOP_GRACE`, ends the browser's
process (its id comes from the browser itself, `SystemInfo.getProcessInfo`). The call that
was waiting then fails at once, and the look says why. Only the stranger's browser is
watched: it is a throwaway one, with nothing to lose.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections.abc import Callable
from enum import Enum
from types import TracebackType

log = logging.getLogger(__name__)
STOP_GRACE = 1.0  # seconds a look has to notice Stop by itself before its browser is ended
_TICK = 0.1
# SIGKILL on macOS and Linux; on Windows os.kill with any other signal is TerminateProcess.
_KILL = getattr(signal, "SIGKILL", signal.SIGTERM)


class Fired(Enum):
    """Why the watchdog ended the browser."""

    TIME = "the look's time limit passed"
    STOP = "the worker pressed Stop"


class Watchdog:
    """Watches one look from another thread; use as a context manager around it."""

    def __init__(self, pid: int | None, *, seconds: float, cancelled: Callable[[], bool]) -> None:
        self._pid = pid
        self._deadline = time.monotonic() + seconds
        self._cancelled = cancelled
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="look-watchdog", daemon=True)
        self.fired: Fired | None = None

    def __enter__(self) -> Watchdog:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._done.set()
        self._thread.join()

    def _watch(self) -> None:
        stop_seen: float | None = None
        while not self._done.wait(_TICK):
            now = time.monotonic()
            if stop_seen is None and self._cancelled():
                stop_seen = now
            if stop_seen is not None and now - stop_seen >= STOP_GRACE:
                self._end(Fired.STOP)
                return
            if now >= self._deadline:
                self._end(Fired.TIME)
                return

    def _end(self, why: Fired) -> None:
        if self._done.is_set():
            return  # the look ended meanwhile: its browser is fine
        self.fired = why
        log.warning("ending the stranger's browser: %s", why.value)
        if self._pid is None:
            return
        try:
            os.kill(self._pid, _KILL)
        except OSError:
            pass  # already gone
