"""See what a stranger sees, as plain Python: what the background job runs and tells the UI.

`look_as_stranger` starts a browser of its own for exactly one run, loads each of the
worker's public profile addresses in a fresh, signed-out, throwaway context (no persistent
profile, no cookies, nothing shared with automated reading's signed-in profiles), judges what
each page shows (`view.judge`) and closes it all again, on the calling thread.
Progress goes out as small event values through `send`; Cancel comes in through `cancelled`.
No Qt here, and Playwright is imported only when a run starts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.stranger.look_config import (
    STRANGER_ARGS,
    OutsideConfig,
    OutsideTimeouts,
    StrangerRequest,
)
from app.stranger.view import StrangerView, WorkerTerms

log = logging.getLogger(__name__)
Send = Callable[[object], None]


@dataclass(frozen=True)
class LookStarted:
    """Progress: the look at one platform began (`index` counts from 0 of `total`)."""

    platform_id: str
    index: int
    total: int


@dataclass(frozen=True)
class LookFinished:
    """Progress: one platform was looked at; its view, findings or obstacle."""

    view: StrangerView


class LookCancelled(Exception):
    """The worker pressed Cancel; what was seen so far was already sent."""


def look_as_stranger(
    config: OutsideConfig,
    requests: Sequence[StrangerRequest],
    terms: WorkerTerms,
    *,
    send: Send,
    cancelled: Callable[[], bool],
) -> list[StrangerView]:
    """Look at every address in order with one browser, then close it.

    Raises:
        LookCancelled: the worker pressed Cancel.
        app.automation.engine.BrowserUnavailable: the browser could not be started.
    """
    from app.automation.page import Cancelled
    from app.stranger.browser import StrangerBrowser

    views: list[StrangerView] = []
    browser = StrangerBrowser(config, cancelled)
    try:
        browser.start()
        for index, request in enumerate(requests):
            if cancelled():
                raise Cancelled
            send(LookStarted(request.platform_id, index, len(requests)))
            view = browser.look(request, terms)
            views.append(view)
            send(LookFinished(view))
    except Cancelled:
        raise LookCancelled from None
    finally:
        try:
            browser.close()
        except Exception:  # a browser that will not close must not hide the run's outcome
            log.exception("closing the stranger's browser failed")
    return views


__all__ = [
    "STRANGER_ARGS",
    "LookCancelled",
    "LookFinished",
    "LookStarted",
    "OutsideConfig",
    "OutsideTimeouts",
    "Send",
    "StrangerRequest",
    "look_as_stranger",
]
