"""Putting the saved sign-in details into a page: the address check and the fill in one step.

Checking the page's address in Python and then typing into it in a later call can be raced:
the page may go to another site in between, and whatever is typed then lands there. So a
value is never typed with Playwright's `fill` or `type` (which send keys to whatever page is
focused when they arrive). Instead one script, in one turn of the page's own event loop,
reads the document's own `location.href`, makes sure it is the top-level document, finds the
field, and only then sets its value and sends the `input` and `change` events a page's
framework listens for. A navigation cannot complete in the middle of a script's turn, so the
value can only ever land in a document on the platform's own site.

The script runs in an isolated world of Footprint's own (Chrome DevTools Protocol
`Page.createIsolatedWorld`, as extensions' content scripts do): a page's scripts cannot
replace the functions it uses or see the value before the check, and the world belongs to
one document: when the page loads another document (another site, or the same site again)
the world is gone and the fill fails instead of reaching the new page. The fields themselves
are found with Playwright's locators and marked with a one-time attribute the script looks for.
(Automation starts Chrome, Edge or Chromium only, so the DevTools Protocol is always there.)
"""

from __future__ import annotations

import logging
import secrets
from enum import Enum

from playwright.sync_api import CDPSession, ElementHandle, Locator, Page
from playwright.sync_api import Error as PlaywrightError

from app.automation.origins import SiteGuard

log = logging.getLogger(__name__)
MARK = "data-footprint-fill"

# The one step inside the page. `bases` are the platform's own addresses (SiteGuard's rule:
# the address is a base, or a base followed by "/", "?" or "#"); `value` is null to check
# without filling (before a click). Focusing the field runs the page's focus handlers, so
# everything is checked again after that, right before the value is set.
_CHECK_AND_FILL = """function (bases, mark, nonce, value, secret) {
    const here = () => bases.some((base) => location.href === base ||
        ["/", "?", "#"].some((next) => location.href.startsWith(base + next)));
    if (!here()) return "off-site";
    if (window.top !== window) return "framed";
    const found = [...document.querySelectorAll("[" + mark + "]")].filter(
        (el) => el.getAttribute(mark) === nonce);
    for (const el of found) el.removeAttribute(mark);
    const el = found.length === 1 ? found[0] : null;
    if (el === null || !el.isConnected) return "moved";
    if (value === null) return "ready";
    if (!(el instanceof HTMLInputElement)) return "not-a-field";
    if (secret && el.type !== "password") return "not-a-field";
    el.focus();
    if (!here() || !el.isConnected || el.ownerDocument !== document) return "moved";
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
    setter.call(el, value);
    el.dispatchEvent(new Event("input", {bubbles: true, composed: true}));
    el.dispatchEvent(new Event("change", {bubbles: true}));
    return "filled";
}"""


class Step(Enum):
    """How one guarded step went."""

    DONE = "done"
    OFF_SITE = "the page is not on the platform's own site"
    MOVED = "the page changed (another document, or the field went) since it was checked"
    NOT_A_FIELD = "the part found is not a field of the right kind"


_STEPS = {
    "filled": Step.DONE,
    "ready": Step.DONE,
    "off-site": Step.OFF_SITE,
    "framed": Step.OFF_SITE,
    "moved": Step.MOVED,
    "not-a-field": Step.NOT_A_FIELD,
}


class GuardedPage:
    """One document of a page, held for a sign-in: fills and checks happen only in it.

    `hold()` takes the document showing now; every later step runs in that document's
    isolated world, and fails as MOVED once the page has loaded another one. Call `release()`
    when done.
    """

    def __init__(self, page: Page, guard: SiteGuard) -> None:
        self._page = page
        self._bases = list(guard.bases)
        self._session: CDPSession | None = None
        self._world: int | None = None

    def hold(self) -> bool:
        """Take the document showing now; False if the browser refused."""
        try:
            if self._session is None:
                self._session = self._page.context.new_cdp_session(self._page)
            tree = self._session.send("Page.getFrameTree")
            world = self._session.send(
                "Page.createIsolatedWorld",
                {"frameId": tree["frameTree"]["frame"]["id"], "worldName": "footprint"},
            )
        except PlaywrightError as error:
            log.warning("could not hold the sign-in page: %s", type(error).__name__)
            self._world = None
            return False
        self._world = int(world["executionContextId"])
        return True

    def release(self) -> None:
        """Let go of the page; safe to call twice."""
        self._world = None
        if self._session is not None:
            try:
                self._session.detach()
            except PlaywrightError:
                pass  # the page is gone already
            self._session = None

    def fill(self, part: Locator, value: str, *, secret: bool) -> Step:
        """Put `value` into the field `part` finds, if the held document is still showing
        and on the platform's own site; a `secret` goes only into a password field."""
        marked = self._marked(part)
        if isinstance(marked, Step):
            return marked
        handle, nonce = marked
        try:
            return self._run(nonce, value, secret=secret)
        finally:
            _dispose(handle)

    def click(self, part: Locator, *, timeout_ms: float) -> Step:
        """Click the button `part` finds, if the held document is still showing and on the
        platform's own site. The click goes to that element of that document (never to a
        match of the locator in a page that replaced it)."""
        marked = self._marked(part)
        if isinstance(marked, Step):
            return marked
        handle, nonce = marked
        try:
            if (checked := self._run(nonce, None, secret=False)) is not Step.DONE:
                return checked
            handle.click(timeout=timeout_ms)
        except PlaywrightError as error:
            if "intercepts pointer events" in str(error):
                raise  # covered: the caller says so
            return Step.MOVED  # detached: the document changed under the click
        finally:
            _dispose(handle)
        return Step.DONE

    def _marked(self, part: Locator) -> tuple[ElementHandle, str] | Step:
        """The element `part` finds, marked with a fresh one-time nonce."""
        if self._world is None:
            return Step.MOVED
        nonce = secrets.token_hex(12)
        try:
            handle = part.element_handle(timeout=1000)
            handle.evaluate("(el, [mark, nonce]) => el.setAttribute(mark, nonce)", [MARK, nonce])
        except PlaywrightError:
            return Step.MOVED  # the element (or its document) went
        return handle, nonce

    def _run(self, nonce: str, value: str | None, *, secret: bool) -> Step:
        assert self._session is not None and self._world is not None
        arguments = [self._bases, MARK, nonce, value, secret]
        try:
            answer = self._session.send(
                "Runtime.callFunctionOn",
                {
                    "functionDeclaration": _CHECK_AND_FILL,
                    "executionContextId": self._world,
                    "arguments": [{"value": argument} for argument in arguments],
                    "returnByValue": True,
                },
            )
        except PlaywrightError:
            # The world went with its document: the page loaded another one. (The message is
            # not logged: it could in principle echo what was sent.)
            return Step.MOVED
        outcome = answer.get("result", {}).get("value")
        if "exceptionDetails" in answer or outcome not in _STEPS:
            log.warning("the sign-in step failed inside the page")
            return Step.MOVED
        return _STEPS[str(outcome)]


def _dispose(handle: ElementHandle) -> None:
    try:
        handle.dispose()
    except PlaywrightError:
        pass  # its document is gone, and the handle with it
