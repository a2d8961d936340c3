"""Playwright's sync driver on the calling thread, started and stopped in one place.

Both automated reading (`engine.py`) and the stranger's browser (`app/stranger/browser.py`) run
Playwright on a worker thread. Its sync API runs its own event loop, but some of its clean-up
asks asyncio for "the current loop", which only the main thread has by default: a worker
thread gets an idle loop of its own for the driver's lifetime, closed again on stop.

A thread can run only one sync driver at a time (a second `sync_playwright().start()` on it
fails while the first runs), so runtimes whose lives overlap on one thread share it: the first
to start starts it, the last to stop stops it. Starting the driver is a Node.js process of its
own (about half a second of CPU). In the app each job's runtime has its thread to itself, so
this changes nothing there; the test suite runs many readers on one thread and shares it.
"""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass

from playwright.sync_api import Playwright, sync_playwright


@dataclass
class _Driver:
    """The thread's running driver and how many runtimes use it."""

    playwright: Playwright
    own_loop: asyncio.AbstractEventLoop | None
    owner: int  # the thread's ident: Playwright's sync objects belong to it
    users: int = 0


_this_thread = threading.local()  # .driver: the thread's _Driver, or None


class PlaywrightRuntime:
    """One user of its thread's Playwright driver; `start` is idempotent, `stop` safe to
    repeat. Start and stop on the same thread."""

    def __init__(self) -> None:
        self._driver: _Driver | None = None

    @property
    def started(self) -> bool:
        """Whether this runtime holds the driver."""
        return self._driver is not None

    def start(self) -> Playwright:
        """The thread's running driver, started on this thread if it is not yet."""
        if self._driver is None:
            driver: _Driver | None = getattr(_this_thread, "driver", None)
            if driver is None:
                driver = _start_driver()
                _this_thread.driver = driver
            driver.users += 1
            self._driver = driver
        return self._driver.playwright

    def stop(self) -> None:
        """Let go of the driver; the last runtime of the thread stops it and closes the
        event loop made for it, if any."""
        driver = self._driver
        if driver is None:
            return
        if driver.owner != threading.get_ident():
            # Stopping here would leave this thread believing it has no driver while its
            # owner's keeps running; say so instead of breaking both threads.
            raise RuntimeError("a Playwright runtime must be stopped on the thread that started it")
        self._driver = None
        driver.users -= 1
        if driver.users > 0:
            return
        _this_thread.driver = None  # this thread's: its owner is stopping it
        try:
            driver.playwright.stop()
        finally:
            if driver.own_loop is not None:
                asyncio.set_event_loop(None)
                driver.own_loop.close()


def _start_driver() -> _Driver:
    """Start a driver on this thread; if it cannot start, the event loop made for it is
    closed again rather than left behind as the thread's loop."""
    own_loop = ensure_thread_event_loop()
    try:
        playwright = sync_playwright().start()
    except BaseException:
        if own_loop is not None:
            asyncio.set_event_loop(None)
            own_loop.close()
        raise
    return _Driver(playwright, own_loop, threading.get_ident())


def ensure_thread_event_loop() -> asyncio.AbstractEventLoop | None:
    """Give a worker thread an (idle) event loop of its own; returns it if one was made."""
    try:
        asyncio.get_event_loop_policy().get_event_loop()
    except RuntimeError:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        return loop
    return None
