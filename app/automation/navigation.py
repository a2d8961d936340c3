"""Opening an address in a page and knowing when its new document is there.

`NetworkWatch` follows a page's requests (passively, from Playwright's events) to tell which
that could still change a value are in flight, and why a main-document load failed;
`load_document` opens an address and waits, in short polls that see Cancel, until the new
document is parsed. Used by automated reading (`page`) and the stranger's browser alike.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Frame, Page, Request
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from app.automation.failures import Failure, PageProblem, network_failure, plain

_TRACKED = frozenset({"document", "script", "fetch", "xhr"})  # requests that can change a value


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
    Cancelled when the worker stops); a load replaced by a redirect is waited out. Raises
    PageProblem: a network failure (no connection and its kin, from `network`), or SLOW when
    `deadline` passes (`seconds` names the limit to the worker). `ready_state` reads
    `document.readyState`, giving "" while the page is between two documents.
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
