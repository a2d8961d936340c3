"""Playwright's sync driver on the calling thread, started and stopped in one place.

Both automated reading (`engine.py`) and the stranger's browser (`app/stranger/browser.py`) run
Playwright on a worker thread. Its sync API runs its own event loop, but some of its clean-up
asks asyncio for "the current loop", which only the main thread has by default: a worker
thread gets an idle loop of its own for the driver's lifetime, closed again on stop.

A thread can run only one sync driver (a second `sync_playwright().start()` on it fails), so
the runtimes of one thread share it: the first to start starts it, the last to stop stops it.
Starting the driver is a Node.js process of its own (about half a second of CPU); a user of a
thread that already has one — the command line's watch after its signed-out looks, say —
gets it at no cost instead of a crash.
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
                own_loop = ensure_thread_event_loop()
                driver = _Driver(sync_playwright().start(), own_loop)
                _this_thread.driver = driver
            driver.users += 1
            self._driver = driver
        return self._driver.playwright

    def stop(self) -> None:
        """Let go of the driver; the last runtime of the thread stops it and closes the
        event loop made for it, if any."""
        driver, self._driver = self._driver, None
        if driver is None:
            return
        driver.users -= 1
        if driver.users > 0:
            return
        _this_thread.driver = None
        driver.playwright.stop()
        if driver.own_loop is not None:
            asyncio.set_event_loop(None)
            driver.own_loop.close()


def ensure_thread_event_loop() -> asyncio.AbstractEventLoop | None:
    """Give a worker thread an (idle) event loop of its own; returns it if one was made."""
    try:
        asyncio.get_event_loop_policy().get_event_loop()
    except RuntimeError:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        return loop
    return None
