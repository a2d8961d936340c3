"""Playwright's sync driver on the calling thread, started and stopped in one place.

Both automated reading (`engine.py`) and the stranger's browser (`app/stranger/browser.py`) run
Playwright on a worker thread. Its sync API runs its own event loop, but some of its clean-up
asks asyncio for "the current loop", which only the main thread has by default: a worker
thread gets an idle loop of its own for the driver's lifetime, closed again on stop.
"""

from __future__ import annotations

import asyncio

from playwright.sync_api import Playwright, sync_playwright


class PlaywrightRuntime:
    """One Playwright driver for one thread; `start` is idempotent, `stop` safe to repeat."""

    def __init__(self) -> None:
        self._playwright: Playwright | None = None
        self._own_loop: asyncio.AbstractEventLoop | None = None

    @property
    def started(self) -> bool:
        """Whether the driver is running."""
        return self._playwright is not None

    def start(self) -> Playwright:
        """The running driver, started on this thread if it is not yet."""
        if self._playwright is None:
            self._own_loop = ensure_thread_event_loop()
            self._playwright = sync_playwright().start()
        return self._playwright

    def stop(self) -> None:
        """Stop the driver and close the event loop made for it, if any."""
        if self._playwright is not None:
            self._playwright.stop()
            self._playwright = None
        if self._own_loop is not None:
            asyncio.set_event_loop(None)
            self._own_loop.close()
            self._own_loop = None


def ensure_thread_event_loop() -> asyncio.AbstractEventLoop | None:
    """Give a worker thread an (idle) event loop of its own; returns it if one was made."""
    try:
        asyncio.get_event_loop_policy().get_event_loop()
    except RuntimeError:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        return loop
    return None
