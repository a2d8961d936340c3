"""See what a stranger sees, as plain Python: what the background job runs and tells the UI.

`look_as_stranger` starts a browser of its own for exactly one run, loads each of the
worker's public profile addresses in a fresh, signed-out, throwaway context (no persistent
profile, no cookies, nothing shared with automated reading's signed-in profiles), judges what
each page shows (`stranger_view.judge`) and closes it all again, on the calling thread.
Progress goes out as small event values through `send`; Cancel comes in through `cancelled`.
No Qt here, and Playwright is imported only when a run starts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from app.automation.browsers import BrowserChoice
from app.automation.stranger_view import StrangerView, WorkerTerms
from app.automation.urls import UrlMap
from app.clock import Clock, SystemClock

log = logging.getLogger(__name__)
Send = Callable[[object], None]
# A stranger's browser: no first-run prompts, no sync, and none of the browser's own
# background calls home, so the only requests are the profile pages themselves.
STRANGER_ARGS = (
    "--no-first-run", "--no-default-browser-check", "--disable-sync",
    "--disable-background-networking", "--disable-component-update",
)  # fmt: skip


@dataclass(frozen=True)
class StrangerRequest:
    """One public profile to look at, with the platform's words for its screens."""

    platform_id: str
    platform_name: str
    address: str
    consent: tuple[str, ...] = ()  # a cookie notice's most private choice, as locators
    error_texts: tuple[str, ...] = ()
    rate_limit_texts: tuple[str, ...] = ()


@dataclass(frozen=True)
class OutsideTimeouts:
    """Seconds to wait; tests shorten them. Generous: a loaded two-core machine is slow."""

    page: float = 20.0  # load the page at all
    settle: float = 0.5  # unchanged this long (and nothing loading) counts as shown
    busy: float = 6.0  # a page that keeps changing is read after this long anyway
    poll: float = 0.1


@dataclass(frozen=True)
class OutsideConfig:
    """Everything a stranger's browser needs, passed from the UI thread to the job."""

    browser: BrowserChoice
    urls: UrlMap = field(default_factory=UrlMap.from_env)
    timeouts: OutsideTimeouts = field(default_factory=OutsideTimeouts)
    # Headless: there is nothing for the worker to do in a stranger's browser, and no window
    # to close by mistake. It presents itself as the same browser with a window.
    headless: bool = True
    args: tuple[str, ...] = STRANGER_ARGS
    clock: Clock = field(default_factory=SystemClock)


@dataclass(frozen=True)
class LookStarted:
    platform_id: str
    index: int
    total: int


@dataclass(frozen=True)
class LookFinished:
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
    from app.automation.stranger import StrangerBrowser

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
