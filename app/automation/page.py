"""A read-only view of one browser page: open an address, count and read elements.

It has no way to click, type or submit, so a reader built on it cannot change a setting.
Every wait is a short poll that checks for Cancel, so stopping is prompt even while a slow
page loads. Used only in the automation worker thread (it imports Playwright).

A value counts as read only when the page shows it plainly and it has settled:
- on/off states come from `aria-checked`, `aria-pressed` or a checkbox's own checked state,
  and only "true"/"false" count; "mixed", a missing state or a state carried only by a CSS
  class is "could not read", never a guessed "false";
- the page must be quiet (no document, script, fetch or XHR request in flight, no change to
  the page for `Timeouts.settle`) or, on a page that never goes quiet, the value must stay the
  same for `Timeouts.settle_busy`; a value that keeps changing is "could not read".
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeVar
from urllib.parse import urlsplit

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Frame, Locator, Page, Request
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from app.automation.config import Timeouts
from app.automation.failures import Failure, PageProblem, network_failure, plain
from app.automation.origins import SiteGuard
from app.automation.urls import UrlMap
from app.checklists.model import PlatformAutomation, ProbeRead

T = TypeVar("T")

# Installed in every page of a Footprint browser profile (see engine.py): records when the
# page last changed after it finished loading. Passive: it observes, it never alters the page.
CHANGE_WATCH = """(() => {
    const key = Symbol.for("footprint.changed");
    Object.defineProperty(document, key, { value: 0, writable: true, enumerable: false });
    new MutationObserver(() => {
        if (document.readyState === "complete") { document[key] = performance.now(); }
    }).observe(document, { subtree: true, childList: true, attributes: true,
                           characterData: true });
})();"""

# One round trip: the document's HTTP status, the first rate-limit and error texts it shows,
# its language, a modal dialog over it, and how long it has been unchanged since loading.
_FACTS = """([rateTexts, errorTexts]) => {
    const nav = performance.getEntriesByType("navigation")[0];
    const shown = document.body ? document.body.innerText : "";
    const first = (texts) => texts.find((text) => shown.includes(text)) ?? null;
    const changed = document[Symbol.for("footprint.changed")];
    const loaded = nav && nav.loadEventEnd > 0 ? nav.loadEventEnd : null;
    const quiet = loaded === null || changed === undefined
        ? null : performance.now() - Math.max(loaded, changed);
    const shows = (el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== "hidden";
    };
    const modal = [...document.querySelectorAll(
        '[role="dialog"], [role="alertdialog"], dialog[open]')].find((el) => shows(el) && (
        el.getAttribute("aria-modal") === "true" || el.getAttribute("role") === "alertdialog"
        || el.matches("dialog:modal")));
    const label = modal ? (modal.getAttribute("aria-label") || modal.innerText || "") : null;
    return {
        status: nav ? nav.responseStatus || 0 : 0,
        rate: first(rateTexts), error: first(errorTexts),
        lang: document.documentElement.lang || "",
        quiet: quiet, dialog: label === null ? null : label.slice(0, 200),
    };
}"""

# The value of each element a locator matches. On/off states are read explicitly; anything
# but a plain "true" or "false" is reported as unknown, with what was seen.
_VALUES = """(elements, mode) => elements.map((el) => {
    const busy = el.closest('[aria-busy="true"]') !== null;
    if (mode === "present") { return { busy }; }
    if (mode === "checked") {
        const seen = [];
        for (const name of ["aria-checked", "aria-pressed"]) {
            const value = el.getAttribute(name);
            if (value !== null) { seen.push([name, value.trim().toLowerCase()]); }
        }
        if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")) {
            seen.push(["checked", el.indeterminate ? "mixed" : String(el.checked)]);
        }
        if (seen.length === 0) {
            return { busy, unknown: "it has no checked, aria-checked or aria-pressed state" };
        }
        const odd = seen.find(([, value]) => value !== "true" && value !== "false");
        if (odd) { return { busy, unknown: `${odd[0]}="${odd[1]}"` }; }
        if (new Set(seen.map(([, value]) => value)).size > 1) {
            return { busy, unknown: seen.map(([n, v]) => `${n}=${v}`).join(" but ") };
        }
        return { busy, value: seen[0][1] };
    }
    const value = mode === "value" ? String(el.value ?? "") : (el.innerText || "").trim();
    return value ? { busy, value } : { busy, unknown: "it shows no value" };
})"""

_TRACKED = frozenset({"document", "script", "fetch", "xhr"})  # requests that can change a value


class Cancelled(Exception):
    """The worker pressed Cancel; what was read so far stands."""


class PageState(Enum):
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
    dialog: str | None = None

    @property
    def language(self) -> str:
        """The primary language subtag ("es" for "es-ES"), or "" when the page names none."""
        return self.lang.split("-")[0].split("_")[0].strip().lower()


def locate(page: Page, selector: str) -> Locator:
    """A locator from the probe syntax: `label=Text` by its label, anything else as Playwright
    reads it (`role=switch[name='…']`, `text=…`, `css=…`)."""
    kind, _, rest = selector.partition("=")
    if kind.strip() == "label":
        return page.get_by_label(rest.strip().strip("'\""), exact=True)
    return page.locator(selector)


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
        for event, handler in (
            ("request", self._started),
            ("requestfinished", self._ended),
            ("requestfailed", self._failed),
        ):
            self._page.remove_listener(event, handler)

    def reset(self) -> None:
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
    """Opens pages and reads one element's value; it cannot click, type or submit."""

    def __init__(
        self,
        page: Page,
        automation: PlatformAutomation,
        *,
        urls: UrlMap,
        timeouts: Timeouts,
        cancelled: Callable[[], bool],
        guard: SiteGuard,
        languages: tuple[str, ...] = ("en",),
        platform_name: str = "",
    ) -> None:
        self._page = page
        self._guard = guard
        self._name = platform_name
        self._automation = automation
        self._urls = urls
        self.timeouts = timeouts
        self._cancelled = cancelled
        self._languages = languages
        self._network = NetworkWatch(page)

    @property
    def guard(self) -> SiteGuard:
        return self._guard

    def close(self) -> None:
        """Stop watching the page's requests (the page itself stays open)."""
        self._network.detach()

    # -- waiting ----------------------------------------------------------------------------
    def check_cancelled(self) -> None:
        if self._cancelled():
            raise Cancelled

    def pause(self, seconds: float | None = None) -> None:
        """Let the page work for a poll interval (or less); raise Cancelled if the worker
        stopped."""
        self.check_cancelled()
        wait = self.timeouts.poll if seconds is None else min(seconds, self.timeouts.poll)
        self._page.wait_for_timeout(max(wait, 0.01) * 1000)
        self.check_cancelled()

    def _quietly(self, action: Callable[[], T], default: T) -> T:
        """Run a query that fails harmlessly while the page is between two documents."""
        try:
            return action()
        except PlaywrightError:
            if self._page.is_closed():
                raise PageProblem(Failure.BROWSER_CLOSED) from None
            return default

    def count(self, selector: str) -> int:
        return self._quietly(lambda: locate(self._page, selector).count(), 0)

    def has_login_form(self) -> bool:
        return self.count(self._automation.password) > 0

    def is_signed_in(self) -> bool:
        return self.count(self._automation.signed_in) > 0

    @property
    def url(self) -> str:
        return self._page.url

    def facts(self) -> PageFacts:
        return self._quietly(self._read_facts, PageFacts())

    def _read_facts(self) -> PageFacts:
        automation = self._automation
        found: dict[str, Any] = self._page.evaluate(
            _FACTS, [list(automation.rate_limit_texts), list(automation.error_texts)]
        )
        quiet = found.get("quiet")
        return PageFacts(
            status=int(found.get("status") or 0),
            rate_text=found.get("rate"),
            error_text=found.get("error"),
            lang=str(found.get("lang") or ""),
            quiet_ms=float(quiet) if quiet is not None else None,
            dialog=found.get("dialog"),
        )

    def understood(self, facts: PageFacts) -> bool:
        """The page's language is one Footprint has words for (or the page does not say)."""
        return not facts.language or facts.language in self._languages

    def is_quiet(self, facts: PageFacts) -> bool:
        """Loaded, nothing that could change a value in flight, unchanged for `settle` s."""
        settle = self.timeouts.settle
        page_quiet = facts.quiet_ms is not None and facts.quiet_ms >= settle * 1000
        return page_quiet and self._network.quiet_for() >= settle

    def _quiet_for_long(self, facts: PageFacts) -> bool:
        """Quiet for `settle_busy`: whatever is missing or unclear now will stay so."""
        long = self.timeouts.settle_busy
        page_quiet = facts.quiet_ms is not None and facts.quiet_ms >= long * 1000
        return page_quiet and self._network.quiet_for() >= long

    def _quiet_wait(self, facts: PageFacts) -> float | None:
        """How much longer the page must stay unchanged to count as quiet, if it is idle now."""
        if facts.quiet_ms is None or self._network.quiet_for() == 0:
            return None
        settle = self.timeouts.settle
        return max(settle - facts.quiet_ms / 1000, settle - self._network.quiet_for(), 0.0)

    # -- opening ----------------------------------------------------------------------------
    def open(self, url: str, *, expect_state: bool = True) -> PageState | None:
        """Open `url` (mapped) and wait until it shows a signed-in page or a login form.

        Raises PageProblem for a page that failed to load or shows an error, a rate limit,
        a dialog in the way or a language Footprint cannot read. With `expect_state` off (a
        login page that may have changed), a loaded page that shows neither gives None.
        """
        deadline = time.monotonic() + self.timeouts.page
        self._network.reset()
        committed: list[str] = []

        def on_navigated(frame: Frame) -> None:
            if frame == self._page.main_frame:
                committed.append(frame.url)

        target = self._urls(url)
        if not self._guard.allows(target):  # the loader refuses these; never open one anyway
            raise self.wrong_site(target, stops=False)
        self._page.on("framenavigated", on_navigated)
        try:
            self._start_navigation(target)
            self._wait_until_loaded(deadline, committed)
        finally:
            self._page.remove_listener("framenavigated", on_navigated)
        while True:
            if not self._guard.allows(self._page.url):  # redirected elsewhere: read nothing
                raise self.wrong_site(self._page.url, stops=True)
            facts = self.facts()
            raise_for_screen(facts)
            if (state := self.state()) is not None:
                return state
            if not expect_state:
                return None
            if self.is_quiet(facts) or time.monotonic() > deadline:
                # Settled, and still neither signed in nor a login form: waiting longer only
                # wastes the worker's time. Say what is in the way.
                raise self.unrecognised(facts)
            self.pause(self._quiet_wait(facts))

    def _start_navigation(self, target: str) -> None:
        self.check_cancelled()
        try:
            # A short first wait: a slow page keeps loading while we poll (and check Cancel).
            self._page.goto(target, wait_until="domcontentloaded", timeout=self._poll_ms(3))
        except PlaywrightTimeout:
            return
        except PlaywrightError as error:
            if "ERR_ABORTED" in str(error):  # replaced by a redirect: keep waiting
                return
            raise network_failure(_first_line(error)) from None

    def _wait_until_loaded(self, deadline: float, committed: list[str]) -> None:
        while not self._loaded(committed):
            if time.monotonic() > deadline:
                raise PageProblem(
                    Failure.SLOW, f"it did not load within {self.timeouts.page:g} seconds"
                )
            self.pause()

    def _loaded(self, committed: list[str]) -> bool:
        if self._page.url.startswith("chrome-error:"):
            raise network_failure(self._network.document_failure or "")
        if not committed:  # the old document is still shown; querying it would mislead
            if self._network.document_failure:
                raise network_failure(self._network.document_failure)
            return False
        ready = self._quietly(lambda: str(self._page.evaluate("document.readyState")), "")
        return ready in ("interactive", "complete")

    def state(self) -> PageState | None:
        if self.is_signed_in():
            return PageState.SIGNED_IN
        if self.has_login_form() or self.on_login_page():
            return PageState.SIGN_IN_NEEDED
        return None

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
            platform=self._name,
            stops_platform=stops,
        )

    def language_problem(self, facts: PageFacts) -> PageProblem:
        return PageProblem(
            Failure.LANGUAGE,
            f'the page says its language is "{facts.lang}"',
            whole_page=True,
            platform=self._name,
        )

    def on_login_page(self) -> bool:
        """The address is the login page's, even if its form has changed beyond recognition."""
        login = urlsplit(self._urls(self._automation.login_url))
        here = urlsplit(self._page.url)
        return (here.netloc, here.path) == (login.netloc, login.path)

    # -- reading ----------------------------------------------------------------------------
    def read(self, selector: str, mode: ProbeRead) -> str:
        """The settled value of the one element `selector` finds, as text ("true"/"false"
        for checked and present). Raises PageProblem saying why when there is none."""
        deadline = time.monotonic() + self.timeouts.element
        watch = _Settling()
        while True:
            facts = self.facts()
            seen = self._values(selector, mode)
            now = time.monotonic()
            value = watch.see(seen, mode, now)
            if value is not None and (
                self.is_quiet(facts) or now - watch.since >= self.timeouts.settle_busy
            ):
                return value
            if now > deadline or self._quiet_for_long(facts):
                raise watch.problem(selector, facts)
            self.pause(self._quiet_wait(facts) if value is not None else None)

    def _values(self, selector: str, mode: ProbeRead) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = self._quietly(
            lambda: locate(self._page, selector).evaluate_all(_VALUES, mode.value), []
        )
        return found

    def _poll_ms(self, polls: int) -> float:
        return max(self.timeouts.poll * polls, 0.2) * 1000


class _Settling:
    """The values one locator showed over successive looks, and since when the last one."""

    def __init__(self) -> None:
        self.last: str | None = None
        self.since = 0.0
        self.changes = 0
        self.seen: list[dict[str, Any]] = []

    def see(self, seen: list[dict[str, Any]], mode: ProbeRead, now: float) -> str | None:
        """The value shown now if it is a plain one, else None."""
        self.seen = seen
        if mode is ProbeRead.PRESENT:
            value: str | None = "true" if seen else "false"
        elif len(seen) != 1 or seen[0].get("busy") or "value" not in seen[0]:
            value = None
        else:
            value = str(seen[0]["value"])
        if value is not None and value != self.last:
            self.changes += self.last is not None
            self.last, self.since = value, now
        if value is None and self.last is not None:
            self.changes += 1
            self.last = None
        return value

    def problem(self, selector: str, facts: PageFacts) -> PageProblem:
        seen = self.seen
        if not seen:
            if facts.dialog is not None:
                return PageProblem(Failure.DIALOG, _quoted(facts.dialog))
            return PageProblem(Failure.PAGE_CHANGED, f"nothing on the page matches {selector}")
        if len(seen) > 1:
            return PageProblem(
                Failure.PAGE_CHANGED, f"{len(seen)} parts of the page match {selector}, not one"
            )
        if seen[0].get("busy"):
            return PageProblem(Failure.UNSETTLED, "the page still marks it as loading")
        if "unknown" in seen[0]:
            return PageProblem(Failure.UNCLEAR_VALUE, str(seen[0]["unknown"]))
        return PageProblem(Failure.UNSETTLED, f"it changed {self.changes} times")


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


def _first_line(error: Exception) -> str:
    """Playwright's message without its call log (which may echo what was typed)."""
    line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    _, _, message = line.partition(": ")
    return (message or line)[:160]
