"""Why a value could not be read: one classification shared by signing in and reading.

Each kind has its own plain sentence and next step, so the worker is never told "the page
may have changed" when the real reason is a lost connection, a busy site, a cookie notice or
a language Footprint has no words for. No Qt and no Playwright here.
"""

from __future__ import annotations

from enum import StrEnum

MAX_DETAIL = 160  # a detail quotes outside text (an error message, a page's words): keep it short


class Failure(StrEnum):
    """The kinds of "could not read", most specific first."""

    NO_CONNECTION = "no connection"
    SLOW = "too slow"
    NOT_A_PAGE = "a file, not a page"
    REDIRECT_LOOP = "endless redirect"
    SITE_ERROR = "site error"
    RATE_LIMITED = "rate limited"
    DIALOG = "dialog in the way"
    SIGNED_OUT = "signed out"
    SIGN_IN_AGAIN = "asked to sign in again"
    LANGUAGE = "language not understood"
    UNCLEAR_VALUE = "mixed or unknown state"
    UNSETTLED = "value kept changing"
    PAGE_CHANGED = "page changed"
    WRONG_SITE = "not the platform's own site"
    BROWSER_CLOSED = "browser closed"
    BROWSER_ERROR = "browser error"

    @property
    def message(self) -> str:
        """What happened, in the worker's words (a detail may follow in brackets)."""
        return _MESSAGES[self][0]

    @property
    def next_step(self) -> str:
        """What the worker can do about it."""
        return _MESSAGES[self][1]

    @property
    def stops_platform(self) -> bool:
        """Carrying on with the platform's other pages would only repeat this failure."""
        return self in _STOPS_PLATFORM


_MESSAGES: dict[Failure, tuple[str, str]] = {
    Failure.NO_CONNECTION: (
        "the site could not be reached",
        "check your internet connection (or whether the site is down), then press Check again",
    ),
    Failure.SLOW: (
        "the page took too long to load",
        "the site or the connection may be slow; try again in a few minutes",
    ),
    Failure.NOT_A_PAGE: (
        "the address gives a file to download, not a page",
        "check the address; Footprint never downloads files from a site",
    ),
    Failure.REDIRECT_LOOP: (
        "the site kept sending the browser from one address to another and never showed a page",
        "this is usually a problem on the site's side; try again later or check by hand",
    ),
    Failure.SITE_ERROR: (
        "the site showed an error page",
        "this is usually a problem on the site's side; try again later or check by hand",
    ),
    Failure.RATE_LIMITED: (
        "the site is limiting requests or has blocked access for now",
        "wait an hour before trying again; check by hand meanwhile",
    ),
    Failure.DIALOG: (
        "a dialog on the page is in the way (for example a cookie notice)",
        "close it in the browser window, then press Check again",
    ),
    Failure.SIGNED_OUT: (
        "you are not signed in",
        "sign in in the browser window, then press Check again",
    ),
    Failure.SIGN_IN_AGAIN: (
        "the site asked you to sign in again part-way through",
        "sign in in the browser window, then press Check again",
    ),
    Failure.LANGUAGE: (
        "your {platform} is set to a language Footprint can't read yet",
        "check these settings by hand; there is no need to change your language",
    ),
    Failure.UNCLEAR_VALUE: (
        "the setting shows a mixed or unknown state",
        "look at the setting yourself and answer by hand",
    ),
    Failure.UNSETTLED: (
        "the setting's value kept changing while Footprint looked at it",
        "look at the setting yourself and answer by hand",
    ),
    Failure.PAGE_CHANGED: (
        "the page may have changed",
        "check this setting by hand; Footprint needs an update to read it again",
    ),
    Failure.WRONG_SITE: (
        "the page is not on {platform}'s own site",
        "Footprint does not read or sign in anywhere else; check these settings by hand",
    ),
    Failure.BROWSER_CLOSED: (
        "the browser window was closed",
        "press Read my settings to open it again",
    ),
    Failure.BROWSER_ERROR: (
        "the browser reported an error",
        "press Check again; if it keeps happening, check by hand",
    ),
}
_STOPS_PLATFORM = frozenset(
    {
        Failure.NO_CONNECTION,
        Failure.RATE_LIMITED,
        Failure.SIGNED_OUT,
        Failure.SIGN_IN_AGAIN,
        Failure.LANGUAGE,
        Failure.WRONG_SITE,
        Failure.BROWSER_CLOSED,
    }
)


def plain(text: str, limit: int = MAX_DETAIL) -> str:
    """Outside text made safe to show: one line, no control characters, at most `limit`."""
    flat = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


class PageProblem(Exception):
    """Why a page or value could not be read: a kind, and a detail naming the specifics.

    `stops_platform` defaults to the kind's rule. A `whole_page` problem (a dialog over the
    page, a page that is neither signed in nor a login form, a rate limit, an error status)
    on the platform's first page stops the platform too, so its other pages are not tried in
    vain.
    """

    def __init__(
        self,
        kind: Failure,
        detail: str = "",
        *,
        stops_platform: bool | None = None,
        whole_page: bool = False,
        platform: str = "",
    ) -> None:
        self.kind = kind
        self.detail = plain(detail)
        self.platform = platform  # the platform's name, for messages that say it
        self.locators: tuple[str, ...] = ()  # the locators tried, for the failure record
        self.stops_platform = kind.stops_platform if stops_platform is None else stops_platform
        self.whole_page = whole_page  # about the page as a whole, not one setting on it
        super().__init__(self.reason)

    @property
    def reason(self) -> str:
        """The kind's message with the detail, e.g. "the site showed an error page (HTTP 500)"."""
        return describe(self.kind, self.detail, self.platform)


def describe(kind: Failure, detail: str = "", platform: str = "") -> str:
    """The kind's message for `platform`, with the detail in brackets when there is one."""
    message = kind.message.replace("{platform}", platform or "account")
    return f"{message} ({detail})" if detail else message


# Chromium's network error codes (net::ERR_…) that mean the site was not reached at all, in
# words; the first that appears in an error text names it.
_UNREACHED = {
    "ERR_CONNECTION_REFUSED": "the connection was refused",
    "ERR_NAME_NOT_RESOLVED": "the address was not found",
    "ERR_NAME_RESOLUTION_FAILED": "the address was not found",
    "ERR_INTERNET_DISCONNECTED": "this computer is offline",
    "ERR_ADDRESS_UNREACHABLE": "the address could not be reached",
    "ERR_NETWORK_CHANGED": "the network changed while loading",
    "ERR_PROXY_CONNECTION_FAILED": "the proxy server did not answer",
    "ERR_NETWORK_ACCESS_DENIED": "network access was denied",
    "ERR_CONNECTION_RESET": "the connection was cut",
    "ERR_CONNECTION_CLOSED": "the connection was cut",
    "ERR_CONNECTION_ABORTED": "the connection was cut",
    "ERR_CONNECTION_FAILED": "the connection failed",
    "ERR_SOCKET_NOT_CONNECTED": "the connection failed",
    "ERR_EMPTY_RESPONSE": "the site sent nothing back",
}
_TOO_SLOW = ("ERR_CONNECTION_TIMED_OUT", "ERR_TIMED_OUT")
# Reached, but no page came of it: told as what it was, never as a lost connection.
DOWNLOAD = "Download is starting"  # Playwright's words when a navigation becomes a download
_NOT_A_PAGE = {
    DOWNLOAD: (Failure.NOT_A_PAGE, "the browser was handed a file"),
    "ERR_TOO_MANY_REDIRECTS": (Failure.REDIRECT_LOOP, "too many redirects"),
}


def network_failure(error_text: str) -> PageProblem:
    """A failed page load, from Chromium's error text (e.g. "net::ERR_CONNECTION_REFUSED")."""
    for words, (kind, detail) in _NOT_A_PAGE.items():
        if words in error_text:
            return PageProblem(kind, detail)
    for code, words in _UNREACHED.items():
        if code in error_text:
            return PageProblem(Failure.NO_CONNECTION, words)
    if any(code in error_text for code in _TOO_SLOW):
        return PageProblem(Failure.SLOW, "the connection timed out")
    if "ERR_CERT" in error_text or "ERR_SSL" in error_text:
        # Someone may be between the worker and the site: never carry on, never sign in.
        return PageProblem(Failure.NO_CONNECTION, "the connection was not secure")
    return PageProblem(Failure.NO_CONNECTION, plain(error_text, 60) or "the page did not load")
