"""A stranger's browser: one launched browser, a fresh context for every address.

Each address is opened in a new `browser.new_context()`: no persistent profile, no cookies,
nothing shared with another address or with automated reading's signed-in profiles (those
live in persistent profiles this browser never opens). The context is closed as soon as the
page is judged. What the page showed is captured once, in memory, turned into findings by
`view.judge` and dropped; nothing of it is logged.

The only click: a cookie notice's most private choice ("Decline optional cookies"), found
exactly once, as automated reading does. Used from one thread only (Playwright's rule).

A page is not trusted to behave: each look has a time limit (`OutsideTimeouts.look`) kept
by a watchdog thread that ends the browser when a page's script never yields or Stop goes
unanswered (`watchdog.py`); the browser is started again for the next address. What is read
from a page is capped inside the page, before it crosses into Footprint: at most `MAX_TEXT`
characters of text and `MAX_STRUCTURED` of structured data (JSON-LD, as text; a block over
`MAX_BLOCK` is left out, as a cut one would not parse), and a few hundred characters of each
other thing.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable
from typing import Any

from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
)
from playwright.sync_api import Error as PlaywrightError

from app.automation.engine import BrowserUnavailable
from app.automation.failures import Failure, PageProblem
from app.automation.locators import locate
from app.automation.origins import SiteGuard
from app.automation.page import (
    CHANGE_WATCH,
    JS_QUIET,
    JS_SHOWS,
    Cancelled,
    NetworkWatch,
    load_document,
)
from app.automation.runtime import PlaywrightRuntime
from app.automation.watchdog import Fired, Watchdog
from app.stranger.look_config import OutsideConfig, StrangerRequest
from app.stranger.public_profiles import profile_of
from app.stranger.view import (
    LABELS,
    Obstacle,
    PageSnapshot,
    StrangerView,
    WorkerTerms,
    assess,
    is_cookie_notice,
    obstacle_for,
)

log = logging.getLogger(__name__)

# One cheap look while the page settles: its HTTP status, whether it is loaded and how long
# it has been unchanged, and whether a cookie notice is showing (a dialog, or a fixed bar near
# the top of the document, that speaks of cookies).
_STATE = (
    "() => {\n"
    + JS_QUIET
    + JS_SHOWS
    + """\
    const near = document.body ? [...document.body.children].flatMap(
        (el) => [el, ...el.children]) : [];
    const notices = [...document.querySelectorAll(
        '[role="dialog"], [role="alertdialog"], dialog[open]'), ...near.filter(
        (el) => ["fixed", "sticky"].includes(getComputedStyle(el).position))];
    const choices = 'button, [role="button"], input[type="button"], input[type="submit"]';
    const cookies = notices.filter((el) => shows(el) && /cookie/i.test(el.innerText || ""))
        .slice(0, 5).map((el) => ({
            text: (el.innerText || "").slice(0, 3000),
            choices: [...el.querySelectorAll(choices)].filter(shows).slice(0, 20).map(
                (b) => (b.innerText || b.value || b.getAttribute("aria-label") || "")
                    .slice(0, 100)),
            password: el.querySelector('input[type="password"]') !== null}));
    return {status: nav ? nav.responseStatus || 0 : 0, ready: document.readyState,
            quiet: quiet, cookies: cookies};
}"""
)

# What may cross from a page into Footprint, in characters (see the module's docstring).
MAX_TEXT = 300_000
MAX_STRUCTURED = 400_000
MAX_BLOCK = 200_000
_MAX_BLOCKS = 20
_MAX_META = 40  # og: and description keys
_MAX_LOCATIONS = 20
MAX_EMBEDDED = 3_000_000  # the page's own JSON (script blocks), for not-found states

# The one full look, once the page has settled: everything `judge` needs, in one round trip,
# each part cut to its cap inside the page.
_CAPTURE = (
    "() => {\n"
    + JS_SHOWS
    + """\
    const all = (css) => [...document.querySelectorAll(css)];
    const count = (css) => all(css).filter(shows).length;
    const meta = {};
    for (const el of all('meta[property^="og:"], meta[name="description"]')) {
        const key = (el.getAttribute("property") || el.getAttribute("name")).slice(0, 100);
        if (Object.keys(meta).length >= MAX_META) break;
        if (!(key in meta)) meta[key] = (el.getAttribute("content") || "").slice(0, 2000);
    }
    // As text, parsed by Footprint: a block is never parsed (or copied whole) in the page.
    const structured = [];
    let structuredLength = 0;
    for (const el of all('script[type="application/ld+json"]')) {
        if (structured.length >= MAX_BLOCKS) break;
        const node = el.firstChild;
        const length = node && node.nodeType === Node.TEXT_NODE ? node.length : -1;
        if (length <= 0 || length > MAX_BLOCK) continue;
        if (structuredLength + length > MAX_STRUCTURED) break;
        structured.push(node.data);
        structuredLength += length;
    }
    const password = all('input[type="password"]').some(shows);
    const dialogs = all('[role="dialog"], [role="alertdialog"], dialog[open]').filter(shows);
    const loginDialog = dialogs.some((el) => el.querySelector('input[type="password"]'));
    const activities = all(ACTIVITIES).filter(shows);
    const maps = activities.reduce((n, el) => n + [...el.querySelectorAll(MAPS)].length, 0);
    const text = document.body ? document.body.innerText : "";
    // A label's value in the element after it ("Location" then the town), however laid out.
    const pairs = [];
    for (const el of all("body *")) {
        if (pairs.length >= 50) break;
        const own = (el.childElementCount ? "" : el.textContent) ||
            el.getAttribute("aria-label") || el.getAttribute("title") || "";
        if (!LABEL_RE.test(own.trim()) || !shows(el)) continue;
        let at = el, next = el.nextElementSibling;
        while (!next && at.parentElement && at.parentElement !== document.body &&
               at.parentElement.childElementCount === 1) {
            at = at.parentElement;
            next = at.nextElementSibling;
        }
        const value = next && shows(next) ? (next.innerText || "").slice(0, 200) : "";
        pairs.push([own.trim().slice(0, 60), value]);
    }
    // The page's own data (a NOT_FOUND state, a profile's fields), length checked before
    // anything is copied: a huge script block is left out, never read whole.
    let embedded = "";
    for (const el of all('script[type="application/json"], script:not([src]):not([type])')) {
        const node = el.firstChild;
        const length = node && node.nodeType === Node.TEXT_NODE ? node.length : -1;
        if (length <= 0 || embedded.length + length > MAX_EMBEDDED) continue;
        embedded += node.data + "\\n";
    }
    const canonical = document.querySelector('link[rel="canonical"]');
    return {
        pairs: pairs,
        embedded: embedded,
        canonical: canonical ? (canonical.getAttribute("href") || "").slice(0, 500) : "",
        language: (document.documentElement.lang || "").slice(0, 20),
        countFields: all(COUNT_FIELDS).length,
        href: location.href,
        title: document.title.slice(0, 500),
        text: text.slice(0, MAX_TEXT),
        meta: meta,
        structured: structured,
        password: password,
        loginDialog: loginDialog,
        headings: all("h1").filter(shows).map((el) => el.innerText.slice(0, 200)).slice(0, 5),
        locations: all(LOCATIONS).filter(shows).slice(0, MAX_LOCATIONS).map(
            (el) => el.innerText.slice(0, 200)),
        contacts: count('a[href^="tel:"], a[href^="mailto:"]'),
        posts: count(POSTS),
        activities: activities.length,
        maps: maps,
        avatar: count(AVATARS) > 0,
        people: count(PEOPLE),
    };
}"""
)
# Where the public evidence (project notes, automation/outside-in.md) says each thing is.
_SELECTORS = {
    "POSTS": (
        'article, [role="article"], [data-testid="tweet"], [data-e2e="user-post-item"], '
        'a[href*="/p/"], a[href*="/reel/"], a[href*="/post/"], a[href*="/watch?v="], '
        'a[href*="/shorts/"], a[href*="/pin/"], a[href*="/comments/"], '
        'shreddit-post, [data-testid^="feedItem"], '
        '[itemtype*="SocialMediaPosting"]'
    ),
    "ACTIVITIES": (
        'a[href*="/activities/"], [class*="RecentActivities"], [data-testid*="activity"]'
    ),
    "MAPS": 'img[src*="map" i], img[alt*="map" i], canvas, .mapboxgl-map, .leaflet-container',
    "LOCATIONS": (
        '[data-testid="UserLocation"], [itemprop="homeLocation"], [itemprop="address"], '
        '[class*="Details_location"]'
    ),
    "AVATARS": (
        'img[alt*="profile picture" i], img[alt*="profile photo" i], img[alt*="avatar" i], '
        'img[src*="avatar" i], img[class*="avatar" i], [data-testid*="avatar" i] img'
    ),
    # Elements made to hold a count (YouTube's header, captured pages in tests/pages).
    "COUNT_FIELDS": (
        '[id="subscriber-count"], [id*="follower-count" i], [class*="follower-count" i], '
        '[data-e2e="followers-count"]'
    ),
    "PEOPLE": (
        'a[href$="/followers"], a[href$="/following"], a[href*="/followers/"], '
        'a[href*="/following/"], a[href$="/friends"], a[href*="sk=friends"], '
        'a[href*="/connections"]'
    ),
}


def _capture_script() -> str:
    labels = "|".join(re.escape(label) for label in LABELS)
    script = _CAPTURE.replace("LABEL_RE", f"/^(?:{labels})\\s*:?$/i")
    caps = {
        "MAX_TEXT": MAX_TEXT, "MAX_STRUCTURED": MAX_STRUCTURED, "MAX_BLOCKS": _MAX_BLOCKS,
        "MAX_BLOCK": MAX_BLOCK, "MAX_META": _MAX_META, "MAX_LOCATIONS": _MAX_LOCATIONS,
        "MAX_EMBEDDED": MAX_EMBEDDED,
    }  # fmt: skip
    for name, cap in sorted(caps.items(), key=lambda item: -len(item[0])):
        script = script.replace(name, str(cap))  # first: "MAX_LOCATIONS" holds "LOCATIONS"
    for name, css in _SELECTORS.items():
        script = script.replace(name, repr(css))
    return script


_CAPTURE_SCRIPT = _capture_script()


# How long `goto` may block before the polling loop (which sees Cancel) takes over.
_FIRST_WAIT_MS = 1000


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
        watchdog = Watchdog(self._pid, seconds=limit, cancelled=self._cancelled)
        try:
            with watchdog:
                seen = self._visit(request)
        finally:
            if watchdog.fired is not None:
                self._browser_ended()
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

    def _visit(self, request: StrangerRequest) -> PageSnapshot | PageProblem:
        """The page at `request.address` in a context of its own, or why it could not be
        read; raises Cancelled."""
        assert self._browser is not None
        context: BrowserContext | None = None
        try:
            # Inside the try: a browser that crashed fails here, and that is this address's
            # browser error, not the end of the whole run.
            context = self._browser.new_context(
                user_agent=self._user_agent,
                locale="en-GB",
                service_workers="block",
                accept_downloads=False,
            )
            context.add_init_script(script=CHANGE_WATCH)
            page = context.new_page()
            return Visit(page, request, self._config, self._cancelled).snapshot()
        except PageProblem as problem:
            return problem
        except PlaywrightError as error:
            log.warning("browser error on %s: %s", request.platform_id, type(error).__name__)
            return PageProblem(Failure.BROWSER_ERROR)
        finally:
            try:
                if context is not None:
                    context.close()  # cookies, storage and cache of this visit go with it
            except PlaywrightError:
                pass

    def _browser_ended(self) -> None:
        """The watchdog ended the browser: forget it (the next look starts another)."""
        browser, self._browser, self._pid = self._browser, None, None
        if browser is not None:
            try:
                browser.close()  # lets Playwright let go of it; the process is gone already
            except PlaywrightError:
                pass


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


class Visit:
    """One address in one fresh page: load, decline optional cookies, settle, capture."""

    def __init__(
        self,
        page: Page,
        request: StrangerRequest,
        config: OutsideConfig,
        cancelled: Callable[[], bool],
    ) -> None:
        self._page = page
        self._request = request
        self._timeouts = config.timeouts
        self._cancelled = cancelled
        self._urls = config.urls
        self._guard = SiteGuard(request.platform_id, config.urls)
        self._network = NetworkWatch(page)
        self._consent_tried: set[str] = set()

    def snapshot(self) -> PageSnapshot:
        """The page as it settled; raises PageProblem or Cancelled."""
        target = self._urls(self._request.address)
        if not self._guard.allows(target):  # normalised addresses always are: never open one
            raise PageProblem(Failure.WRONG_SITE, f"it is on {self._guard.where(target)}")
        started = time.monotonic()
        self._load(target, started + self._timeouts.page)
        loaded_at = time.monotonic()
        while True:
            self._check_cancelled()
            if not self._guard.allows(self._page.url):
                raise PageProblem(Failure.WRONG_SITE, f"to {self._guard.where(self._page.url)}")
            state = self._state()
            _raise_for_status(int(state.get("status") or 0))
            cookie = _cookie_notice(state)
            if cookie and self._decline_cookies():
                continue
            settled = self._settled(state)
            if settled or time.monotonic() > loaded_at + self._timeouts.busy:
                if cookie:
                    raise PageProblem(Failure.DIALOG, "a cookie notice")
                return self.capture(int(state.get("status") or 0))
            self._pause()

    # -- loading ----------------------------------------------------------------------------
    def _load(self, target: str, deadline: float) -> None:
        load_document(
            self._page,
            target,
            self._network,
            first_wait_ms=_FIRST_WAIT_MS,
            deadline=deadline,
            seconds=self._timeouts.page,
            pause=self._pause,
            check_cancelled=self._check_cancelled,
            ready_state=self._ready_state,
        )

    def _ready_state(self) -> str:
        try:
            return str(self._page.evaluate("document.readyState"))
        except PlaywrightError:
            return ""  # between two documents (a redirect): look again

    def _state(self) -> dict[str, Any]:
        try:
            found: dict[str, Any] = self._page.evaluate(_STATE)
        except PlaywrightError:
            return {}  # between two documents: the next look sees the new one
        return found

    def _settled(self, state: dict[str, Any]) -> bool:
        quiet = state.get("quiet")
        settle = self._timeouts.settle
        page_quiet = quiet is not None and float(quiet) >= settle * 1000
        return page_quiet and self._network.quiet_for() >= settle

    def _decline_cookies(self) -> bool:
        """Click a cookie notice's most private choice, once per choice; True if clicked."""
        for selector in self._request.consent:
            if selector in self._consent_tried:
                continue
            self._consent_tried.add(selector)
            choice = locate(self._page, selector)
            try:
                if choice.count() != 1:
                    continue
                choice.click(timeout=2000)
                choice.wait_for(state="hidden", timeout=self._timeouts.page * 1000 / 4)
            except PlaywrightError:
                continue  # covered, or it stayed: reported as in the way
            log.info("cookie notice declined on a stranger's page")
            return True
        return False

    def capture(self, status: int) -> PageSnapshot:
        """Everything `judge` needs, read once; raises PageProblem if it came from another
        site."""
        found: dict[str, Any] = self._page.evaluate(_CAPTURE_SCRIPT)
        # The document that answered says where it is: a script redirect that committed after
        # the last origin check would otherwise be read as the platform's page.
        href = str(found.get("href") or "")
        if not self._guard.allows(href):
            raise PageProblem(Failure.WRONG_SITE, f"to {self._guard.where(href)}")
        return PageSnapshot(
            path=self._guard.path_of(href),
            status=status,
            asked_path=self._guard.path_of(self._urls(self._request.address)),
            title=str(found.get("title") or ""),
            text=str(found.get("text") or ""),
            meta={str(k): str(v) for k, v in (found.get("meta") or {}).items()},
            structured=parsed_structured(found.get("structured") or ()),
            password_field=bool(found.get("password")),
            login_dialog=bool(found.get("loginDialog")),
            headings=tuple(str(h) for h in found.get("headings") or () if str(h).strip()),
            location_texts=tuple(str(t) for t in found.get("locations") or ()),
            contact_links=int(found.get("contacts") or 0),
            post_elements=int(found.get("posts") or 0),
            activity_elements=int(found.get("activities") or 0),
            map_elements=int(found.get("maps") or 0),
            avatar=bool(found.get("avatar")),
            people_links=int(found.get("people") or 0),
            pairs=tuple((str(p[0]), str(p[1])) for p in found.get("pairs") or () if len(p) == 2),
            embedded=str(found.get("embedded") or ""),
            canonical=str(found.get("canonical") or ""),
            language=str(found.get("language") or ""),
            count_fields=int(found.get("countFields") or 0),
        )

    # -- waiting ----------------------------------------------------------------------------
    def _check_cancelled(self) -> None:
        if self._cancelled():
            raise Cancelled

    def _pause(self) -> None:
        self._check_cancelled()
        self._page.wait_for_timeout(max(self._timeouts.poll, 0.01) * 1000)
        self._check_cancelled()


def parsed_structured(blocks: object) -> tuple[Any, ...]:
    """The page's JSON-LD blocks (text, already capped in the page) as JSON values; a block
    that is not JSON, or nests deeper than Python's parser goes, is left out."""
    if not isinstance(blocks, list):
        return ()
    parsed = []
    for block in blocks[:_MAX_BLOCKS]:
        if not isinstance(block, str) or len(block) > MAX_BLOCK:
            continue
        try:
            parsed.append(json.loads(block))
        except (ValueError, RecursionError):
            continue
    return tuple(parsed)


def _cookie_notice(state: dict[str, Any]) -> bool:
    """A cookie notice is showing: one of the page's notices offers a cookie choice."""
    return any(
        is_cookie_notice(
            str(notice.get("text") or ""),
            [str(c) for c in notice.get("choices") or ()],
            bool(notice.get("password")),
        )
        for notice in state.get("cookies") or ()
        if isinstance(notice, dict)
    )


def _raise_for_status(status: int) -> None:
    """Automation's classification of an answer's HTTP status, with 404 as a wrong address."""
    if status in (429, 999):
        raise PageProblem(Failure.RATE_LIMITED, f"HTTP {status}")
    if status in (404, 410):
        raise PageProblem(Failure.PAGE_CHANGED, f"HTTP {status}")
    if status >= 400:
        raise PageProblem(Failure.SITE_ERROR, f"HTTP {status}")


__all__ = ["StrangerBrowser"]
