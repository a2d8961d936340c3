"""A read-only view of one browser page: open an address, count and read elements.

It has no way to click, type or submit, so a reader built on it cannot change a setting.
Every wait is a short poll that checks for Cancel, so stopping is prompt even while a slow
page loads. Used only in the automation worker thread (it imports Playwright).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import Enum
from typing import TypeVar
from urllib.parse import urlsplit

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Frame, Locator, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from app.automation.config import Timeouts
from app.automation.urls import UrlMap
from app.checklists.model import PlatformAutomation, ProbeRead

T = TypeVar("T")
# The document's HTTP status, and the first of each list of texts the page visibly shows.
_STATUS_AND_TEXTS = """([rateTexts, errorTexts]) => {
    const entry = performance.getEntriesByType("navigation")[0];
    const shown = document.body ? document.body.innerText : "";
    const first = (texts) => texts.find((text) => shown.includes(text)) ?? null;
    return [entry ? entry.responseStatus || 0 : 0, first(rateTexts), first(errorTexts)];
}"""


class Cancelled(Exception):
    """The worker pressed Cancel; what was read so far stands."""


class PageProblem(Exception):
    """Why a page or value could not be read, as words for the worker.

    `stops_platform` is set when carrying on would only repeat the failure (rate limiting,
    a lost sign-in, a closed browser window).
    """

    def __init__(self, reason: str, *, stops_platform: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.stops_platform = stops_platform


class PageState(Enum):
    SIGNED_IN = "signed in"
    SIGN_IN_NEEDED = "sign-in needed"


def locate(page: Page, selector: str) -> Locator:
    """A locator from the probe syntax: `label=Text` by its label, anything else as Playwright
    reads it (`role=switch[name='…']`, `text=…`, `css=…`)."""
    kind, _, rest = selector.partition("=")
    if kind.strip() == "label":
        return page.get_by_label(rest.strip().strip("'\""), exact=True)
    return page.locator(selector)


class ReadOnlyPage:
    """Opens pages and reads one element's value; it cannot click, type or submit."""

    def __init__(
        self,
        page: Page,
        automation: PlatformAutomation,
        *,
        urls: UrlMap,
        timeouts: Timeouts,
        cancelled: Callable[[], bool],
    ) -> None:
        self._page = page
        self._automation = automation
        self._urls = urls
        self.timeouts = timeouts
        self._cancelled = cancelled

    # -- waiting ----------------------------------------------------------------------------
    def check_cancelled(self) -> None:
        if self._cancelled():
            raise Cancelled

    def pause(self) -> None:
        """Let the page work for one poll interval; raise Cancelled if the worker stopped."""
        self.check_cancelled()
        self._page.wait_for_timeout(self.timeouts.poll * 1000)
        self.check_cancelled()

    def _quietly(self, action: Callable[[], T], default: T) -> T:
        """Run a query that fails harmlessly while the page is between two documents."""
        try:
            return action()
        except PlaywrightError:
            if self._page.is_closed():
                raise PageProblem("the browser window was closed", stops_platform=True) from None
            return default

    def count(self, selector: str) -> int:
        return self._quietly(lambda: locate(self._page, selector).count(), 0)

    def has_login_form(self) -> bool:
        return self.count(self._automation.password) > 0

    def is_signed_in(self) -> bool:
        return self.count(self._automation.signed_in) > 0

    # -- opening ----------------------------------------------------------------------------
    def open(self, url: str, *, expect_state: bool = True) -> PageState | None:
        """Open `url` (mapped) and wait until it shows a signed-in page or a login form.

        With `expect_state` off (a login page that may have changed), a loaded page that
        shows neither gives None instead of a problem.
        """
        deadline = time.monotonic() + self.timeouts.page
        committed: list[str] = []

        def on_navigated(frame: Frame) -> None:
            if frame == self._page.main_frame:
                committed.append(frame.url)

        self._page.on("framenavigated", on_navigated)
        try:
            self._start_navigation(self._urls(url))
            self._wait_until_loaded(deadline, committed)
        finally:
            self._page.remove_listener("framenavigated", on_navigated)
        while (state := self._state()) is None:
            if not expect_state:
                return None
            if time.monotonic() > deadline:
                raise PageProblem("the page loaded but did not look like a signed-in page")
            self.pause()
        return state

    def _start_navigation(self, target: str) -> None:
        self.check_cancelled()
        try:
            # A short first wait: a slow page keeps loading while we poll (and check Cancel).
            self._page.goto(target, wait_until="domcontentloaded", timeout=self._poll_ms(3))
        except PlaywrightTimeout:
            return
        except PlaywrightError as error:
            raise PageProblem(f"the page did not load ({_first_line(error)})") from None

    def _wait_until_loaded(self, deadline: float, committed: list[str]) -> None:
        while not self._loaded(committed):
            if time.monotonic() > deadline:
                raise PageProblem(f"the page did not load within {self.timeouts.page:g} seconds")
            self.pause()

    def _loaded(self, committed: list[str]) -> bool:
        if not committed:  # the old document is still shown; querying it would mislead
            return False
        if self._page.url.startswith("chrome-error:"):
            raise PageProblem("the page did not load (the site could not be reached)")
        ready = self._quietly(lambda: str(self._page.evaluate("document.readyState")), "")
        return ready in ("interactive", "complete")

    def _state(self) -> PageState | None:
        no_answer: tuple[int, str | None, str | None] = (0, None, None)
        status_code, rate_text, error_text = self._quietly(self._status_and_texts, no_answer)
        if status_code == 429 or rate_text:
            raise PageProblem(
                "the platform is limiting requests; wait an hour, then try again",
                stops_platform=True,
            )
        if status_code >= 400:
            raise PageProblem(f"the page showed an error (HTTP {status_code})")
        if error_text:
            raise PageProblem(f"the page showed an error: “{error_text}”")
        if self.is_signed_in():
            return PageState.SIGNED_IN
        if self.has_login_form() or self.on_login_page():
            return PageState.SIGN_IN_NEEDED
        return None

    def _status_and_texts(self) -> tuple[int, str | None, str | None]:
        """The HTTP status and the first rate-limit and error texts shown, in one round trip."""
        automation = self._automation
        found = self._page.evaluate(
            _STATUS_AND_TEXTS, [list(automation.rate_limit_texts), list(automation.error_texts)]
        )
        return int(found[0] or 0), found[1], found[2]

    def on_login_page(self) -> bool:
        """The address is the login page's, even if its form has changed beyond recognition."""
        login = urlsplit(self._urls(self._automation.login_url))
        here = urlsplit(self._page.url)
        return (here.netloc, here.path) == (login.netloc, login.path)

    # -- reading ----------------------------------------------------------------------------
    def read(self, selector: str, mode: ProbeRead) -> str:
        """The value of the one element `selector` finds, as text ("true"/"false" for
        checked and present)."""
        found = self._wait_for(selector) if mode is not ProbeRead.PRESENT else self.count(selector)
        if mode is ProbeRead.PRESENT:
            return "true" if found else "false"
        if found == 0:
            raise PageProblem(f"nothing on the page matches {selector}")
        if found > 1:
            raise PageProblem(f"{found} parts of the page match {selector}, not one")
        return self._value(locate(self._page, selector), mode)

    def _wait_for(self, selector: str) -> int:
        deadline = time.monotonic() + self.timeouts.element
        while (found := self.count(selector)) == 0 and time.monotonic() < deadline:
            self.pause()
        return found

    def _value(self, locator: Locator, mode: ProbeRead) -> str:
        timeout = self._poll_ms(10)
        try:
            if mode is ProbeRead.CHECKED:
                return "true" if locator.is_checked(timeout=timeout) else "false"
            if mode is ProbeRead.VALUE:
                return locator.input_value(timeout=timeout)
            text = locator.inner_text(timeout=timeout)
        except PlaywrightError as error:
            raise PageProblem(f"the value could not be read ({_first_line(error)})") from None
        if not text.strip():
            raise PageProblem("the element shows no text")
        return text

    def _poll_ms(self, polls: int) -> float:
        return max(self.timeouts.poll * polls, 0.2) * 1000


def _first_line(error: Exception) -> str:
    """Playwright's message without its call log (which may echo what was typed)."""
    line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    _, _, message = line.partition(": ")
    return (message or line)[:160]
