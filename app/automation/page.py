"""A view of one browser page for reading: open an address, tell its state, read values.

It cannot type or submit, and clicks nothing but a known cookie notice's most private choice
(`dismiss_consent`), so a reader built on it cannot change a setting. Every wait is a short
poll that checks for Cancel, so stopping is prompt even while a slow page loads. Used only
in the automation worker thread (it imports Playwright).

Signed in is told without reading any words: a session cookie's presence (its value is
never read) on an address that is not a checkpoint or the login page. Words in the page's
language (`PlatformAutomation.phrases`) are only a fallback.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeVar

from playwright.sync_api import Cookie, Frame, Page, Request
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from app.automation.config import Timeouts
from app.automation.failures import Failure, PageProblem, network_failure, plain
from app.automation.locators import locate
from app.automation.origins import SiteGuard
from app.automation.urls import UrlMap
from app.checklists.model import PlatformAutomation

T = TypeVar("T")
log = logging.getLogger(__name__)

# Installed in every page of a Footprint browser profile (see engine.py): records when the
# page last changed after it finished loading, and which one-shot timers the page has set to
# run within `TIMER_HORIZON_MS` (a script that sets a value 0.8 s after everything else is
# quiet, with no request in flight, is still pending work). It observes: the page's timers run
# exactly as they would; they are only counted.
TIMER_HORIZON_MS = 2000
CHANGE_WATCH = """(() => {
    const key = Symbol.for("footprint.changed");
    Object.defineProperty(document, key, { value: 0, writable: true, enumerable: false });
    new MutationObserver(() => {
        if (document.readyState === "complete") { document[key] = performance.now(); }
    }).observe(document, { subtree: true, childList: true, attributes: true,
                           characterData: true });
    const due = new Map();
    const setTimer = window.setTimeout, clearTimer = window.clearTimeout;
    window.setTimeout = function (callback, delay, ...rest) {
        const wait = Number(delay) || 0;
        if (typeof callback !== "function" || wait > HORIZON) {
            return setTimer.call(window, callback, delay, ...rest);
        }
        let id = 0;
        const run = function (...args) { due.delete(id); return callback.apply(this, args); };
        id = setTimer.call(window, run, delay, ...rest);
        due.set(id, performance.now() + wait);
        return id;
    };
    window.clearTimeout = function (id) { due.delete(id); return clearTimer.call(window, id); };
    Object.defineProperty(document, Symbol.for("footprint.timer"), { enumerable: false,
        value: () => {
            let next = null;
            for (const at of due.values()) { next = next === null ? at : Math.min(next, at); }
            return next === null ? null : Math.max(next - performance.now(), 0);
        } });
})();""".replace("HORIZON", str(TIMER_HORIZON_MS))

# One round trip: the document's HTTP status, the first rate-limit and error texts it shows
# (ignoring case and curly apostrophes), its language, a modal dialog over it, whether it
# shows a password field, and how long it has been unchanged since loading.
# Script lines the page-reading scripts share (here and in `app/stranger/browser.py`): `nav`, the
# document's navigation entry; `quiet`, how long the page has been unchanged since it loaded
# (as CHANGE_WATCH records; null while that is unknown); and `shows(el)`, whether an element
# is drawn at all.
JS_QUIET = """\
    const timer = (document[Symbol.for("footprint.timer")] || (() => null))();
    const nav = performance.getEntriesByType("navigation")[0];
    const changed = document[Symbol.for("footprint.changed")];
    const loaded = nav && nav.loadEventEnd > 0 ? nav.loadEventEnd : null;
    const quiet = loaded === null || changed === undefined
        ? null : performance.now() - Math.max(loaded, changed);
"""
JS_SHOWS = """\
    const shows = (el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== "hidden";
    };
"""

_FACTS = (
    "([rateTexts, errorTexts]) => {\n"
    + JS_QUIET
    + JS_SHOWS
    + """\
    const plain = (text) => text.toLowerCase().replace(/[\u2018\u2019]/g, "'");
    const shown = plain(document.body ? document.body.innerText : "");
    const first = (texts) => texts.find((text) => shown.includes(plain(text))) ?? null;
    const modal = [...document.querySelectorAll(
        '[role="dialog"], [role="alertdialog"], dialog[open]')].find((el) => shows(el) && (
        el.getAttribute("aria-modal") === "true" || el.getAttribute("role") === "alertdialog"
        || el.matches("dialog:modal")));
    const label = modal ? (modal.getAttribute("aria-label") || modal.innerText || "") : null;
    return {
        status: nav ? nav.responseStatus || 0 : 0,
        rate: first(rateTexts), error: first(errorTexts),
        lang: document.documentElement.lang || "",
        quiet: quiet, timer: timer, dialog: label === null ? null : label.slice(0, 200),
        password: [...document.querySelectorAll('input[type="password"]')].some(shows),
    };
}"""
)

_TRACKED = frozenset({"document", "script", "fetch", "xhr"})  # requests that can change a value


class Cancelled(Exception):
    """The worker pressed Cancel; what was read so far stands."""


class PageState(Enum):
    """Whether the page shows the worker signed in, or asks them to sign in."""

    SIGNED_IN = "signed in"
    SIGN_IN_NEEDED = "sign-in needed"


@dataclass(frozen=True)
class PageFacts:
    """What one look at the page found (see `_FACTS`)."""

    status: int = 0
    rate_text: str | None = None
    error_text: str | None = None
    lang: str = ""
    quiet_ms: float | None = None  # None: unknown (not loaded yet, or no change watch)
    # Milliseconds until the next one-shot timer the page set (within TIMER_HORIZON_MS) runs;
    # None when none is pending.
    timer_ms: float | None = None
    dialog: str | None = None
    password_field: bool = False

    @property
    def language(self) -> str:
        """The primary language subtag ("es" for "es-ES"), or "" when the page names none."""
        return self.lang.split("-")[0].split("_")[0].strip().lower()


class NetworkWatch:
    """Which of a page's requests that could still change a value are in flight.

    Fed by Playwright's request events (passive: nothing is injected into the page). Also
    remembers why the last main-document load failed, for "no connection" and its kin.
    """

    def __init__(self, page: Page) -> None:
        self._page = page
        self._in_flight: set[Request] = set()
        self._last_activity = time.monotonic()
        self.document_failure: str | None = None
        page.on("request", self._started)
        page.on("requestfinished", self._ended)
        page.on("requestfailed", self._failed)

    def detach(self) -> None:
        """Stop listening to the page's requests."""
        for event, handler in (
            ("request", self._started),
            ("requestfinished", self._ended),
            ("requestfailed", self._failed),
        ):
            self._page.remove_listener(event, handler)

    def reset(self) -> None:
        """Forget the requests in flight and the last failure, as a new page opens."""
        self._in_flight.clear()
        self._last_activity = time.monotonic()
        self.document_failure = None

    def quiet_for(self) -> float:
        """Seconds since the last tracked request ended; 0 while one is in flight."""
        return 0.0 if self._in_flight else time.monotonic() - self._last_activity

    def _started(self, request: Request) -> None:
        if request.resource_type in _TRACKED:
            self._in_flight.add(request)
            self._last_activity = time.monotonic()

    def _ended(self, request: Request) -> None:
        if request in self._in_flight:
            self._in_flight.discard(request)
            self._last_activity = time.monotonic()

    def _failed(self, request: Request) -> None:
        self._ended(request)
        if request.is_navigation_request() and _in_main_frame(self._page, request):
            failure = request.failure or ""
            if "ERR_ABORTED" not in failure:  # a newer navigation replaced it: not a failure
                self.document_failure = failure


def _in_main_frame(page: Page, request: Request) -> bool:
    try:
        return request.frame == page.main_frame
    except PlaywrightError:  # a service worker's request has no frame
        return False


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
        return self.quietly(self._read_facts, PageFacts())

    def _read_facts(self) -> PageFacts:
        words = self._automation.words("")
        found: dict[str, Any] = self._page.evaluate(
            _FACTS, [list(words.rate_limit_texts), list(words.error_texts)]
        )
        quiet, timer = found.get("quiet"), found.get("timer")
        return PageFacts(
            status=int(found.get("status") or 0),
            rate_text=found.get("rate"),
            error_text=found.get("error"),
            lang=str(found.get("lang") or ""),
            quiet_ms=float(quiet) if quiet is not None else None,
            timer_ms=float(timer) if timer is not None else None,
            dialog=found.get("dialog"),
            password_field=bool(found.get("password")),
        )

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
            try:
                choice.click(timeout=self._poll_ms(10))
                # The notice goes once the site has taken the answer; wait for that, or the
                # next look would still find it in the way.
                choice.wait_for(state="hidden", timeout=self.timeouts.element * 1000)
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
            return PageProblem(Failure.DIALOG, _quoted(facts.dialog), whole_page=True)
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


def raise_for_screen(facts: PageFacts) -> None:
    """Raise the problem an error, rate-limit or "blocked" screen shows, if any."""
    status = facts.status
    if status in (429, 999) or facts.rate_text:
        detail = f"HTTP {status}" if status in (429, 999) else _quoted(facts.rate_text or "")
        raise PageProblem(Failure.RATE_LIMITED, detail, whole_page=True)
    if status in (404, 410):
        raise PageProblem(Failure.PAGE_CHANGED, f"the address gave HTTP {status}: not found")
    if status >= 400:
        raise PageProblem(Failure.SITE_ERROR, f"HTTP {status}")
    if facts.error_text:
        raise PageProblem(Failure.SITE_ERROR, _quoted(facts.error_text))


def _quoted(text: str) -> str:
    return f"“{plain(text, 80)}”" if text.strip() else "a dialog with no title"


def load_document(
    page: Page,
    target: str,
    network: NetworkWatch,
    *,
    first_wait_ms: float,
    deadline: float,
    seconds: float,
    pause: Callable[[], None],
    check_cancelled: Callable[[], None],
    ready_state: Callable[[], str],
) -> None:
    """Open `target` in `page` and wait until the new document (not the old one) is parsed.

        Used by automated reading and by the stranger's browser alike. The first wait is short so
        that a slow page keeps loading while the caller polls (`pause` and `check_cancelled` raise
    Cancelled when the worker stops); a load
        replaced by a redirect is waited out. Raises PageProblem: a network failure (no
        connection and its kin, from `network`), or SLOW when `deadline` passes (`seconds` names
        the limit to the worker). `ready_state` reads `document.readyState`, giving "" while the
        page is between two documents.
    """
    committed: list[str] = []

    def on_navigated(frame: Frame) -> None:
        if frame == page.main_frame:
            committed.append(frame.url)

    page.on("framenavigated", on_navigated)
    try:
        check_cancelled()
        if _start_navigation(page, target, first_wait_ms):
            return
        while not _document_loaded(page, network, committed, ready_state):
            if time.monotonic() > deadline:
                raise PageProblem(Failure.SLOW, f"it did not load within {seconds:g} seconds")
            pause()
    finally:
        page.remove_listener("framenavigated", on_navigated)


def _start_navigation(page: Page, target: str, first_wait_ms: float) -> bool:
    """Start loading `target`; True if its document is already parsed."""
    try:
        page.goto(target, wait_until="domcontentloaded", timeout=first_wait_ms)
    except PlaywrightTimeout:
        return False
    except PlaywrightError as error:
        if "ERR_ABORTED" in str(error):  # replaced by a redirect: keep waiting
            return False
        raise network_failure(playwright_message(error)) from None
    return not page.url.startswith("chrome-error:")


def _document_loaded(
    page: Page, network: NetworkWatch, committed: list[str], ready_state: Callable[[], str]
) -> bool:
    if page.url.startswith("chrome-error:"):
        raise network_failure(network.document_failure or "")
    if not committed:  # the old document is still shown; querying it would mislead
        if network.document_failure:
            raise network_failure(network.document_failure)
        return False
    return ready_state() in ("interactive", "complete")


def playwright_message(error: Exception) -> str:
    """Playwright's message without its call log (which may echo what was typed), made safe
    to show."""
    line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    _, _, message = line.partition(": ")
    return plain(message or line, 160)
