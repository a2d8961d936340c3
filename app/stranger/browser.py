"""A stranger's browser: one launched browser, a fresh context for every address.

Each address is opened in a new `browser.new_context()`: no persistent profile, no cookies,
nothing shared with another address or with automated reading's signed-in profiles (those
live in persistent profiles this browser never opens). The context is closed as soon as the
page is judged. What the page showed is captured once, in memory, turned into findings by
`judge.assess` and dropped; nothing of it is logged.

Used from one thread only (Playwright's rule). A page is not trusted to behave: each look has
a time limit (`OutsideTimeouts.look`) kept by a watchdog thread that ends the browser when a
page's script never yields or Stop goes unanswered (`watchdog.py`); the browser is started
again for the next address. What crosses from a page is capped inside it (`page_capture.py`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TypeVar

from playwright.sync_api import Browser, BrowserContext, Page
from playwright.sync_api import Error as PlaywrightError

from app.automation.engine import BrowserUnavailable
from app.automation.failures import Failure, PageProblem
from app.automation.page import Cancelled
from app.automation.page_facts import CHANGE_WATCH
from app.automation.runtime import PlaywrightRuntime
from app.automation.watchdog import Fired, Watchdog
from app.stranger.judge import assess, obstacle_for
from app.stranger.look_config import OutsideConfig, StrangerRequest
from app.stranger.public_profiles import profile_of
from app.stranger.snapshot import PageSnapshot
from app.stranger.view import Obstacle, StrangerView, WorkerTerms
from app.stranger.visit import Visit

log = logging.getLogger(__name__)
_Result = TypeVar("_Result")


class StrangerBrowser:
    """Starts one browser; `look` opens one address in a context of its own."""

    def __init__(self, config: OutsideConfig, cancelled: Callable[[], bool]) -> None:
        self._config = config
        self._cancelled = cancelled
        self._runtime = PlaywrightRuntime()
        self._browser: Browser | None = None
        self._user_agent: str | None = None
        self._pid: int | None = None  # the browser's process, for the watchdog

    def start(self) -> None:
        """Launch the browser (no profile folder: Playwright gives it a temporary one)."""
        if self._browser is not None:
            return
        playwright = self._runtime.start()
        config = self._config
        try:
            self._browser = playwright.chromium.launch(
                executable_path=str(config.browser.executable),
                headless=config.headless,
                args=list(config.args),
            )
        except PlaywrightError as error:
            log.warning("browser launch failed: %s", str(error).splitlines()[0][:300])
            raise BrowserUnavailable(
                f"{config.browser.describe()} could not be started, so Footprint cannot "
                "look at your profiles as a stranger. Close other copies of it, or choose "
                "another browser."
            ) from None
        self._user_agent, self._pid = _browser_facts(self._browser)

    def close(self) -> None:
        """Close the browser and Playwright; safe to call twice."""
        if self._browser is not None:
            try:
                self._browser.close()
            except PlaywrightError:
                pass  # already gone
            self._browser = None
        self._runtime.stop()

    def look(self, request: StrangerRequest, terms: WorkerTerms) -> StrangerView:
        """What a stranger sees at `request.address`; raises Cancelled (and
        BrowserUnavailable when a browser ended by the watchdog cannot be started again)."""
        if self._browser is None:
            self.start()  # the last look's page held the browser, which was ended
        now = self._config.clock.now
        profile = profile_of(request.platform_id)
        view = StrangerView(request.platform_id, request.platform_name, request.address, now())
        if profile is None:
            return _blocked(view, PageProblem(Failure.WRONG_SITE, "no public profile pattern"))
        limit = self._config.timeouts.look
        # Opening the page answers to the time limit but not to Stop (seen as soon as it is
        # open): a browser ended while Playwright makes a page can leave it waiting for ever,
        # so it is ended there only when it is stuck anyway.
        started = time.monotonic()
        opening = Watchdog(self._pid, seconds=limit, cancelled=lambda: False)
        opened = self._watched(opening, lambda: self._open(request))
        if opening.fired is not None:
            if not isinstance(opened, PageProblem):
                _close(opened[0])
            if self._cancelled():
                raise Cancelled
            return _blocked(view, PageProblem(Failure.BROWSER_ERROR, "no page opened in time"))
        if isinstance(opened, PageProblem):
            return _blocked(view, opened)
        left = max(limit - (time.monotonic() - started), 0.0)  # one limit for the whole look
        watchdog = Watchdog(self._pid, seconds=left, cancelled=self._cancelled)
        seen = self._watched(watchdog, lambda: self._visit(request, *opened))
        if watchdog.fired is Fired.STOP:
            raise Cancelled
        if watchdog.fired is Fired.TIME:
            log.info("stranger's view of %s: the page held the browser", request.platform_id)
            stopped = f"Footprint stopped looking after {limit:g} seconds"
            return _blocked_by(view, Obstacle.BUSY, stopped)
        if isinstance(seen, PageProblem):
            return _blocked(view, seen)
        snapshot = seen
        try:
            findings = tuple(  # with their caveats
                assess(
                    snapshot,
                    profile,
                    terms,
                    rate_limit_texts=request.rate_limit_texts,
                    error_texts=request.error_texts,
                )
            )
        except PageProblem as problem:
            return _blocked(view, problem)
        del snapshot  # nothing of the page outlives this call
        return StrangerView(
            view.platform_id, view.platform_name, view.address, view.seen_at, findings
        )

    def _watched(self, watchdog: Watchdog, action: Callable[[], _Result]) -> _Result:
        """`action` run under `watchdog`; a browser the watchdog ended is forgotten."""
        try:
            with watchdog:
                return action()
        finally:
            if watchdog.fired is not None:
                self._browser_ended()

    def _open(self, request: StrangerRequest) -> tuple[BrowserContext, Page] | PageProblem:
        """A fresh context and blank page for one address, or why the browser could not open
        one; raises Cancelled. Not ended by Stop (only by the time limit): no page script has
        run yet to hold the browser, and a browser ended while Playwright creates a page can
        leave `new_page` waiting for ever (seen on a loaded machine, where opening a page
        outlasted Stop's grace)."""
        assert self._browser is not None
        if self._cancelled():
            raise Cancelled
        context: BrowserContext | None = None
        try:
            # A browser that crashed fails here, and that is this address's browser error,
            # not the end of the whole run.
            context = self._browser.new_context(
                user_agent=self._user_agent,
                locale="en-GB",
                service_workers="block",
                accept_downloads=False,
            )
            context.add_init_script(script=CHANGE_WATCH)
            page = context.new_page()
        except PlaywrightError as error:
            log.warning("browser error on %s: %s", request.platform_id, type(error).__name__)
            _close(context)
            return PageProblem(Failure.BROWSER_ERROR)
        if self._cancelled():  # pressed while the page was opening
            _close(context)
            raise Cancelled
        return context, page

    def _visit(
        self, request: StrangerRequest, context: BrowserContext, page: Page
    ) -> PageSnapshot | PageProblem:
        """The page at `request.address` in its context of its own, or why it could not be
        read; the context is closed either way; raises Cancelled."""
        try:
            return Visit(page, request, self._config, self._cancelled).snapshot()
        except PageProblem as problem:
            return problem
        except PlaywrightError as error:
            log.warning("browser error on %s: %s", request.platform_id, type(error).__name__)
            return PageProblem(Failure.BROWSER_ERROR)
        finally:
            _close(context)  # cookies, storage and cache of this visit go with it

    def _browser_ended(self) -> None:
        """The watchdog ended the browser: forget it (the next look starts another)."""
        browser, self._browser, self._pid = self._browser, None, None
        if browser is not None:
            try:
                browser.close()  # lets Playwright let go of it; the process is gone already
            except PlaywrightError:
                pass


def _close(context: BrowserContext | None) -> None:
    try:
        if context is not None:
            context.close()
    except PlaywrightError:
        pass  # the browser is gone, and the context with it


def _blocked(view: StrangerView, problem: PageProblem) -> StrangerView:
    obstacle = obstacle_for(problem.kind)
    if problem.kind is Failure.PAGE_CHANGED and "HTTP" not in problem.detail:
        detail = "it says the page isn't available"
    else:
        detail = problem.detail
    return _blocked_by(view, obstacle, detail)


def _blocked_by(view: StrangerView, obstacle: Obstacle, detail: str) -> StrangerView:
    log.info("stranger's view of %s: %s", view.platform_id, obstacle.value)
    return StrangerView(
        view.platform_id,
        view.platform_name,
        view.address,
        view.seen_at,
        obstacle=obstacle,
        problem=obstacle.sentence(view.platform_name, detail),
    )


def _browser_facts(browser: Browser) -> tuple[str | None, int | None]:
    """The browser's own user agent without "Headless" (a stranger uses an ordinary window,
    and some sites turn headless browsers away), and its process id."""
    try:
        session = browser.new_browser_cdp_session()
        agent = str(session.send("Browser.getVersion").get("userAgent", ""))
        processes = session.send("SystemInfo.getProcessInfo").get("processInfo", [])
        session.detach()
    except PlaywrightError:
        return None, None
    pid = next((int(p["id"]) for p in processes if p.get("type") == "browser"), None)
    if pid is None:
        log.warning("the stranger's browser did not say its process id: no watchdog")
    return agent.replace("HeadlessChrome", "Chrome") or None, pid


__all__ = ["StrangerBrowser"]
