"""One address in one fresh page of the stranger's browser: load, decline optional cookies,
settle, capture.

The only click: a cookie notice's most private choice ("Decline optional cookies"), found
exactly once, as automated reading does.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

from app.automation.failures import Failure, PageProblem
from app.automation.locators import locate
from app.automation.navigation import NetworkWatch, load_document
from app.automation.origins import SiteGuard
from app.automation.page import Cancelled
from app.stranger.look_config import OutsideConfig, StrangerRequest
from app.stranger.page_capture import CAPTURE_SCRIPT, STATE_SCRIPT, parsed_structured
from app.stranger.page_kinds import is_cookie_notice
from app.stranger.snapshot import PageSnapshot

log = logging.getLogger(__name__)

# How long `goto` may block before the polling loop (which sees Cancel) takes over.
_FIRST_WAIT_MS = 1000


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
            self._pause(self._until_settled(state, loaded_at + self._timeouts.busy))

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
            found: dict[str, Any] = self._page.evaluate(STATE_SCRIPT)
        except PlaywrightError:
            return {}  # between two documents: the next look sees the new one
        return found

    def _settled(self, state: dict[str, Any]) -> bool:
        quiet = state.get("quiet")
        settle = self._timeouts.settle
        page_quiet = quiet is not None and float(quiet) >= settle * 1000
        return page_quiet and self._network.quiet_for() >= settle

    def _until_settled(self, state: dict[str, Any], busy_until: float) -> float:
        """Seconds until the page could first count as settled: what is left of `settle` for
        the page and for the network, at least one poll, never past `busy_until`. Checking
        sooner would only find it unsettled again; a page that changes meanwhile is simply
        seen unsettled at the next check. At most `settle`, so Cancel is still seen soon."""
        poll, settle = self._timeouts.poll, self._timeouts.settle
        quiet = state.get("quiet")
        if quiet is None:  # not loaded yet: nothing tells how long is left
            return poll
        left = max(settle - float(quiet) / 1000, settle - self._network.quiet_for())
        return max(poll, min(left, settle, busy_until - time.monotonic()))

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
        found: dict[str, Any] = self._page.evaluate(CAPTURE_SCRIPT)
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

    def _pause(self, seconds: float | None = None) -> None:
        """Let the page work for `seconds` (a poll by default), checking Cancel either side."""
        self._check_cancelled()
        wait = self._timeouts.poll if seconds is None else seconds
        self._page.wait_for_timeout(max(wait, 0.01) * 1000)
        self._check_cancelled()


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
