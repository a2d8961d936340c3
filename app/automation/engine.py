"""The browser side of automation: Playwright, one profile per platform, reading probes.

Use from one thread only (Playwright objects belong to the thread that created them); the
worker thread in `worker.py` owns one engine for its whole life.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Protocol

from playwright.sync_api import BrowserContext, Page
from playwright.sync_api import Error as PlaywrightError

from app.automation.config import AutomationConfig, readable_items
from app.automation.failures import Failure, PageProblem
from app.automation.origins import SiteGuard
from app.automation.page import Cancelled, PageState, ReadOnlyPage
from app.automation.page_facts import CHANGE_WATCH
from app.automation.profiles import BrowserProfiles
from app.automation.results import FailedRead, ReadResult, failed, succeeded
from app.automation.runtime import PlaywrightRuntime
from app.automation.signin import sign_in
from app.automation.values import Reading, read
from app.checklists.model import CheckItem, Platform, Probe

log = logging.getLogger(__name__)
SIGNED_OUT_BY_HAND = "signed out — re-check by hand"


class BrowserUnavailable(Exception):
    """The browser could not be started; the message is a sentence for the worker."""


class Reporter(Protocol):
    """Where the engine's progress goes while it reads one platform."""

    def waiting(self, platform_id: str, message: str) -> None:
        """The worker must do something in the browser first; `message` says what."""
        ...

    def item_started(self, platform_id: str, item_id: str, index: int, total: int) -> None:
        """Item `index` of `total` (counted from 0) is about to be read."""
        ...

    def item_read(self, result: ReadResult) -> None:
        """An item was read, or failed to be; `result` says which."""
        ...


class AutomationEngine:
    """The browsers of one automated read: one per platform, each on its own profile."""

    def __init__(self, config: AutomationConfig, cancelled: Callable[[], bool]) -> None:
        self._config = config
        self._cancelled = cancelled
        self._profiles = BrowserProfiles(config.profiles_root)
        self._runtime = PlaywrightRuntime()
        self._contexts: dict[str, BrowserContext] = {}

    # -- browser ----------------------------------------------------------------------------
    def start(self) -> None:
        """Start Playwright (once) on this thread's event loop."""
        self._runtime.start()

    def page(self, platform_id: str) -> Page:
        """The platform's page, launching the browser on its own profile when needed."""
        context = self._contexts.get(platform_id)
        if context is not None and context.pages and not context.pages[0].is_closed():
            return context.pages[0]
        self.close_platform(platform_id)
        context = self._launch(platform_id)
        self._contexts[platform_id] = context
        return context.pages[0] if context.pages else context.new_page()

    def _launch(self, platform_id: str) -> BrowserContext:
        playwright = self._runtime.start()
        config = self._config
        try:
            context = playwright.chromium.launch_persistent_context(
                str(self._profiles.folder(platform_id)),
                executable_path=str(config.browser.executable),
                headless=config.headless,
                args=list(config.args),
                no_viewport=not config.headless,
            )
            context.add_init_script(script=CHANGE_WATCH)
            return context
        except PlaywrightError as error:
            log.warning("browser launch failed: %s", str(error).splitlines()[0][:300])
            raise BrowserUnavailable(
                f"{config.browser.describe()} could not be started. Close other copies of "
                "it, or choose another browser; you can still check everything by hand."
            ) from None

    def close_platform(self, platform_id: str) -> None:
        """Close the platform's browser, if open; one the worker closed already is fine."""
        context = self._contexts.pop(platform_id, None)
        if context is not None:
            try:
                context.close()
            except PlaywrightError:
                pass  # already gone (the worker closed the window)

    def forget(self, platform_id: str) -> bool:
        """ "Forget sign-in": close the platform's browser and delete its profile."""
        self.close_platform(platform_id)
        return self._profiles.forget(platform_id)

    def close_browsers(self) -> None:
        """Close every platform's browser; Playwright keeps running."""
        for platform_id in list(self._contexts):
            self.close_platform(platform_id)

    def close(self) -> None:
        """Close the browsers, stop Playwright and release the event loop it used."""
        self.close_browsers()
        self._runtime.stop()

    # -- reading ----------------------------------------------------------------------------
    def read_platform(
        self, platform: Platform, reporter: Reporter, item_ids: Iterable[str] | None = None
    ) -> list[ReadResult]:
        """Read the platform's probes in order; raises Cancelled (after reporting what was
        read) and BrowserUnavailable."""
        items = _grouped_by_page(readable_items(platform, item_ids))
        if not items:
            return []
        page = self.page(platform.id)
        assert platform.automation is not None
        view = ReadOnlyPage(
            page,
            platform.automation,
            urls=self._config.urls,
            timeouts=self._config.timeouts,
            cancelled=self._cancelled,
            guard=SiteGuard(platform.id, self._config.urls),
            platform_name=platform.name,
        )
        run = _PlatformRead(self._config, platform, view, page, reporter)
        try:
            return [run.item(index, item, len(items)) for index, item in enumerate(items)]
        finally:
            view.close()


def _grouped_by_page(items: list[CheckItem]) -> list[CheckItem]:
    """Items in audit order, except that those on one page are read together (one load)."""
    first_seen: dict[str, int] = {}
    for index, item in enumerate(items):
        assert item.probe is not None
        first_seen.setdefault(item.probe.url, index)
    return sorted(items, key=lambda i: first_seen[i.probe.url] if i.probe else 0)


class _PlatformRead:
    """One pass over a platform: signs in at most once, opens each page once."""

    def __init__(
        self,
        config: AutomationConfig,
        platform: Platform,
        view: ReadOnlyPage,
        page: Page,
        reporter: Reporter,
    ) -> None:
        self._config = config
        self._platform = platform
        self._view = view
        self._page = page
        self._reporter = reporter
        self._open_url: str | None = None
        self._page_problems: dict[str, PageProblem] = {}
        self._stopped: PageProblem | None = None
        self._signed_in_here = False
        self._pages_opened = 0

    def item(self, index: int, item: CheckItem, total: int) -> ReadResult:
        self._view.check_cancelled()
        platform_id = self._platform.id
        self._reporter.item_started(platform_id, item.id, index, total)
        probe = item.probe
        assert probe is not None
        now = self._config.clock.now
        try:
            reading = self._read(probe)
            result = succeeded(
                platform_id,
                item.id,
                probe,
                reading.value,
                now(),
                language=reading.language,
                where=FailedRead(self._page.url, (reading.locator,)),
            )
        except PageProblem as problem:
            record = self._record(problem)
            if problem.stops_platform:
                self._stopped = problem
            result = failed(platform_id, item.id, problem, now(), record)
        except PlaywrightError as error:
            log.warning("browser error on %s/%s: %s", platform_id, item.id, type(error).__name__)
            self._open_url = None
            trouble = PageProblem(Failure.BROWSER_ERROR)
            if self._page.is_closed():  # the worker closed the window: stop asking it
                trouble = self._stopped = PageProblem(Failure.BROWSER_CLOSED)
            result = failed(platform_id, item.id, trouble, now())
        self._reporter.item_read(result)
        return result

    def _read(self, probe: Probe) -> Reading:
        """The probe's value from the first of its addresses that shows it."""
        if self._stopped is not None:
            raise self._stopped
        problems: list[PageProblem] = []
        for url in probe.urls:
            try:
                if url in self._page_problems:
                    raise self._page_problems[url]
                if url != self._open_url:
                    self._open(url)
                return read(self._view, probe)
            except PageProblem as problem:
                if problem.kind is Failure.DIALOG and self._pages_opened == 1:
                    # A dialog hides the first page's settings: it will hide the others too.
                    problem.stops_platform = True
                if problem.stops_platform or problem.kind not in _TRY_NEXT_ADDRESS:
                    raise
                problems.append(problem)
        raise _most_telling(problems)

    def _record(self, problem: PageProblem) -> FailedRead | None:
        """What was looked at, for the worker (and whoever fixes the probe): kept in memory
        with the result only, never saved with the answers or put in a report."""
        if problem.stops_platform and self._stopped is not None:
            return None  # the platform had already stopped: nothing new was looked at
        screenshot = None
        if self._config.screenshots and problem.kind in _WORTH_A_SCREENSHOT:
            try:
                screenshot = self._page.screenshot(type="jpeg", quality=70, timeout=3000)
            except PlaywrightError:
                screenshot = None
        return FailedRead(self._page.url, problem.locators, screenshot)

    def _open(self, url: str) -> None:
        self._open_url = None
        first = self._pages_opened == 0
        self._pages_opened += 1
        try:
            if self._view.open(url) is PageState.SIGN_IN_NEEDED:
                self._sign_in_then_reopen(url)
        except PageProblem as problem:
            if first and problem.whole_page:
                # The first page already shows the platform blocked, hidden or unreadable:
                # its other pages would only make the worker wait for the same answer.
                problem.stops_platform = True
            self._page_problems[url] = problem
            raise
        self._open_url = url

    def _sign_in_then_reopen(self, url: str) -> None:
        if self._config.never_sign_in:
            # The watch: a signed-out session ends the platform's re-read here, before
            # anything could be typed or a sign-in form opened (`sign_in` is never called).
            raise PageProblem(Failure.SIGNED_OUT, SIGNED_OUT_BY_HAND, stops_platform=True)
        if self._signed_in_here:
            raise PageProblem(Failure.SIGN_IN_AGAIN)
        self._signed_in_here = True
        platform = self._platform
        sign_in(
            self._view,
            platform,
            load_credential=self._config.load_credential,
            waiting=lambda message: self._reporter.waiting(platform.id, message),
        )
        if self._view.open(url) is PageState.SIGN_IN_NEEDED:
            raise PageProblem(Failure.SIGN_IN_AGAIN)


# Another address of the same setting may still show it; other failures would only repeat.
_TRY_NEXT_ADDRESS = frozenset({Failure.PAGE_CHANGED, Failure.SITE_ERROR, Failure.SLOW})
_WORTH_A_SCREENSHOT = frozenset(
    {Failure.PAGE_CHANGED, Failure.UNCLEAR_VALUE, Failure.UNSETTLED, Failure.LANGUAGE,
     Failure.DIALOG}
)  # fmt: skip


def _most_telling(problems: list[PageProblem]) -> PageProblem:
    """Of the problems at each address, the one to tell: an error screen says more than a
    page where the setting was not found."""
    return next((p for p in problems if p.kind is not Failure.PAGE_CHANGED), problems[-1])


__all__ = [
    "SIGNED_OUT_BY_HAND",
    "AutomationEngine",
    "BrowserUnavailable",
    "Cancelled",
    "Reporter",
    "readable_items",
]
