"""A view of one browser page for reading: open an address, tell its state, read values.

It cannot type or submit, and clicks nothing but a known cookie notice's most private choice
(`dismiss_consent`), so a reader built on it cannot change a setting. Every wait is a short
poll that checks for Cancel, so stopping is prompt even while a slow page loads. Used only
in the automation worker thread (it imports Playwright).

Signed in is told without reading any words: a session cookie's presence (its value is
never read) on an address that is not a checkpoint or the login page. Words in the page's
language (`PlatformAutomation.phrases`) are only a fallback.

What a look at the page finds is in `page_facts`; opening an address, in `navigation`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from enum import Enum
from typing import TypeVar

from playwright.sync_api import Cookie, Page
from playwright.sync_api import Error as PlaywrightError

from app.automation.config import Timeouts
from app.automation.failures import Failure, PageProblem, plain
from app.automation.locators import locate
from app.automation.navigation import NetworkWatch, load_document
from app.automation.origins import SiteGuard
from app.automation.page_facts import PageFacts, quoted_from_page, raise_for_screen, read_facts
from app.automation.urls import UrlMap
from app.checklists.model import PlatformAutomation

T = TypeVar("T")
log = logging.getLogger(__name__)


class Cancelled(Exception):
    """The worker pressed Cancel; what was read so far stands."""


class PageState(Enum):
    """Whether the page shows the worker signed in, or asks them to sign in."""

    SIGNED_IN = "signed in"
    SIGN_IN_NEEDED = "sign-in needed"


class ReadOnlyPage:
    """Opens pages on one platform's own site and tells what they show."""

    def __init__(
        self,
        page: Page,
        automation: PlatformAutomation,
        *,
        urls: UrlMap,
        timeouts: Timeouts,
        cancelled: Callable[[], bool],
        guard: SiteGuard,
        platform_name: str = "",
    ) -> None:
        self._page = page
        self._automation = automation
        self._urls = urls
        self.timeouts = timeouts
        self._cancelled = cancelled
        self._guard = guard
        self.platform_name = platform_name
        self._network = NetworkWatch(page)
        self._consent_tried: set[str] = set()
        self._session_seen = False  # a session cookie was seen in this pass
        self.last_facts: PageFacts | None = None  # from the last open(): its language, mostly

    @property
    def page(self) -> Page:
        """The Playwright page underneath."""
        return self._page

    @property
    def guard(self) -> SiteGuard:
        """What counts as the platform's own site."""
        return self._guard

    @property
    def automation(self) -> PlatformAutomation:
        """The platform's sign-in description: paths, cookies and words."""
        return self._automation

    @property
    def url(self) -> str:
        """The page's current address."""
        return self._page.url

    def close(self) -> None:
        """Stop watching the page's requests (the page itself stays open)."""
        self._network.detach()

    # -- waiting ----------------------------------------------------------------------------
    def check_cancelled(self) -> None:
        """Raise Cancelled if the worker pressed Cancel."""
        if self._cancelled():
            raise Cancelled

    def pause(self, seconds: float | None = None) -> None:
        """Let the page work for a poll interval (or less); raise Cancelled if the worker
        stopped."""
        self.check_cancelled()
        wait = self.timeouts.poll if seconds is None else min(seconds, self.timeouts.poll)
        self._page.wait_for_timeout(max(wait, 0.01) * 1000)
        self.check_cancelled()

    def quietly(self, action: Callable[[], T], default: T) -> T:
        """Run a query that fails harmlessly while the page is between two documents."""
        try:
            return action()
        except PlaywrightError:
            if self._page.is_closed():
                raise PageProblem(Failure.BROWSER_CLOSED) from None
            return default

    def count(self, selector: str) -> int:
        """How many elements `selector` finds now; 0 while the page is between documents."""
        return self.quietly(lambda: locate(self._page, selector).count(), 0)

    # -- what the page shows ----------------------------------------------------------------
    def facts(self) -> PageFacts:
        """One look at the page; empty facts while it is between documents."""
        return self.quietly(lambda: read_facts(self._page, self._automation.words("")), PageFacts())

    def understood(self, facts: PageFacts) -> bool:
        """The page's language is one Footprint has sign-in words for (or it does not say)."""
        known = self._automation.languages or ("en",)
        return not facts.language or facts.language in known

    def is_quiet(self, facts: PageFacts) -> bool:
        """Loaded, nothing that could change a value in flight (no request, no timer the page
        set to run within TIMER_HORIZON_MS), unchanged for `settle` s."""
        settle = self.timeouts.settle
        page_quiet = facts.quiet_ms is not None and facts.quiet_ms >= settle * 1000
        return page_quiet and facts.timer_ms is None and self._network.quiet_for() >= settle

    def quiet_for_long(self, facts: PageFacts) -> bool:
        """Quiet for `settle_busy`: whatever is missing or unclear now will stay so."""
        long = self.timeouts.settle_busy
        page_quiet = facts.quiet_ms is not None and facts.quiet_ms >= long * 1000
        return page_quiet and facts.timer_ms is None and self._network.quiet_for() >= long

    def quiet_wait(self, facts: PageFacts) -> float | None:
        """How much longer the page must stay unchanged to count as quiet, if it is idle now
        (until a pending timer has run, when one is due)."""
        if facts.quiet_ms is None or self._network.quiet_for() == 0:
            return None
        settle = self.timeouts.settle
        if facts.timer_ms is not None:
            return facts.timer_ms / 1000 + settle
        return max(settle - facts.quiet_ms / 1000, settle - self._network.quiet_for(), 0.0)

    # -- signed in? -------------------------------------------------------------------------
    def path(self) -> str:
        """The address's path on the platform's site ("/checkpoint/…"), mapping undone."""
        return self._guard.path_of(self._page.url)

    def on_login_page(self) -> bool:
        """The address is the login page's (even if its form has changed beyond recognition)
        or another signed-out address, a login wall."""
        login = self._guard.path_of(self._urls(self._automation.login_url))
        here = self.path().partition("?")[0]
        walls = self._automation.signed_out_paths
        return here == login.partition("?")[0] or any(here.startswith(p) for p in walls)

    def sign_in_pending(self) -> bool:
        """The address is one where signing in is still under way (a checkpoint, two-step)
        that only the worker can get through."""
        here = self.path()
        return any(here.startswith(prefix) for prefix in self._automation.pending_paths)

    def has_session(self, *, fresh: bool = False) -> bool:
        """One of the platform's session cookies is set. Only names are looked at: no value
        is read into a variable, logged or stored. Once seen in this pass it is taken as
        still there (a site that ends the session shows its login page, which is checked
        first), unless `fresh`."""
        names = self._automation.session_cookies
        if not names:
            return False
        if self._session_seen and not fresh:
            return True
        cookies: list[Cookie] = self.quietly(
            lambda: self._page.context.cookies(list(self._guard.bases)), []
        )
        self._session_seen = any(cookie.get("name") in names for cookie in cookies)
        return self._session_seen

    def is_signed_in(self) -> bool:
        """True if the page shows the worker signed in (a fresh look at the cookies)."""
        if self.on_login_page() or self.sign_in_pending():
            return False
        facts = self.facts()
        if facts.password_field:  # a sign-in form, whatever the cookies say
            return False
        if self.has_session(fresh=True):
            return True
        words = self._automation.words(facts.language)
        return any(self.count(s) > 0 for s in words.signed_in)

    def has_login_form(self, facts: PageFacts | None = None) -> bool:
        """True if the page shows a password field or the platform's login fields."""
        facts = facts or self.facts()
        if facts.password_field:
            return True
        words = self._automation.words(facts.language)
        return any(self.count(s) > 0 for s in (*words.password, *words.username))

    def state(self, facts: PageFacts) -> PageState | None:
        """Signed in or sign-in needed, from `facts` and the page; None while it shows neither."""
        if self.on_login_page() or self.sign_in_pending() or facts.password_field:
            return PageState.SIGN_IN_NEEDED
        if self.has_session():
            return PageState.SIGNED_IN
        words = self._automation.words(facts.language)
        if any(self.count(s) > 0 for s in words.signed_in):
            return PageState.SIGNED_IN
        return None

    # -- cookie notices ---------------------------------------------------------------------
    def dismiss_consent(self, facts: PageFacts) -> bool:
        """Close a known cookie notice by its most privacy-protective choice ("Decline
        optional cookies"); True if one was clicked. Nothing else on a page is ever clicked,
        and only a choice named in the audit file, found exactly once, is."""
        for selector in self._automation.words(facts.language).consent:
            if selector in self._consent_tried or self.count(selector) != 1:
                continue
            self._consent_tried.add(selector)  # once per page: never a loop of clicks
            choice = locate(self._page, selector)
            limit_ms = self.timeouts.element * 1000
            try:
                # Within the element limit, as any part of a page: a choice still sliding in,
                # or a busy page on a loaded laptop, takes more than a moment to be clickable.
                choice.click(timeout=limit_ms)
                # The notice goes once the site has taken the answer; wait for that, or the
                # next look would still find it in the way.
                choice.wait_for(state="hidden", timeout=limit_ms)
            except PlaywrightError:
                continue  # covered, or it stayed: the worker is asked instead
            log.info("cookie notice closed by its most private choice")
            return True
        return False

    # -- opening ----------------------------------------------------------------------------
    def open(self, url: str, *, expect_state: bool = True) -> PageState | None:
        """Open `url` (mapped) and wait until it shows a signed-in page or a login form.

        Raises PageProblem for a page that failed to load, is off the platform's site, or
        shows an error, a rate limit, a dialog in the way or a language Footprint cannot read.
        With `expect_state` off (a login page that may have changed), a loaded page that shows
        neither gives None.
        """
        deadline = time.monotonic() + self.timeouts.page
        self._network.reset()
        self._consent_tried.clear()
        self.last_facts = None
        target = self._urls(url)
        if not self._guard.allows(target):  # the loader refuses these; never open one anyway
            raise self.wrong_site(target, stops=False)
        load_document(
            self._page,
            target,
            self._network,
            first_wait_ms=self._poll_ms(3),
            deadline=deadline,
            seconds=self.timeouts.page,
            pause=self.pause,
            check_cancelled=self.check_cancelled,
            ready_state=lambda: self.quietly(
                lambda: str(self._page.evaluate("document.readyState")), ""
            ),
        )
        while True:
            if not self._guard.allows(self._page.url):  # redirected elsewhere: read nothing
                raise self.wrong_site(self._page.url, stops=True)
            facts = self.facts()
            raise_for_screen(facts)
            if facts.dialog is not None and self.dismiss_consent(facts):
                continue
            if (state := self.state(facts)) is not None:
                self.last_facts = facts
                return state
            if not expect_state:
                return None
            if self.is_quiet(facts) or time.monotonic() > deadline:
                # Settled, and still neither signed in nor a login form: waiting longer only
                # wastes the worker's time. Say what is in the way.
                raise self.unrecognised(facts)
            self.pause(self.quiet_wait(facts))

    # -- problems ---------------------------------------------------------------------------
    def unrecognised(self, facts: PageFacts) -> PageProblem:
        """Why a loaded page shows neither the account nor a login form."""
        if facts.dialog is not None:
            return PageProblem(Failure.DIALOG, quoted_from_page(facts.dialog), whole_page=True)
        if not self.understood(facts):
            return self.language_problem(facts)
        return PageProblem(
            Failure.PAGE_CHANGED,
            "it shows neither your account nor a sign-in form, so Footprint cannot tell "
            "whether you are signed in",
            whole_page=True,
        )

    def wrong_site(self, url: str, *, stops: bool) -> PageProblem:
        """An address off the platform's own site: refused before opening (one probe's bad
        address) or found after loading (the site sent the browser elsewhere: stop)."""
        return PageProblem(
            Failure.WRONG_SITE,
            f"it is on {self._guard.where(url)}",
            platform=self.platform_name,
            stops_platform=stops,
        )

    def language_problem(self, facts: PageFacts, *, whole_page: bool = True) -> PageProblem:
        """A page (or, with `whole_page` off, one setting's words) in a language Footprint
        has no words for; only a whole page stops the platform: other settings may be found
        by structure alone."""
        return PageProblem(
            Failure.LANGUAGE,
            f'the page says its language is "{plain(facts.lang, 20)}"',
            whole_page=whole_page,
            stops_platform=whole_page,
            platform=self.platform_name,
        )

    def _poll_ms(self, polls: int) -> float:
        return max(self.timeouts.poll * polls, 0.2) * 1000
