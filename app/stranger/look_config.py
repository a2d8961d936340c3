"""What one run of "See what a stranger sees" is given: the addresses, the browser, the timeouts.

Its own module so that both `look.py` (the run) and `browser.py` (the browser, imported by
the run only when it starts) can use these values without importing each other; `look.py`
re-exports them, the API the background job uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.automation.browsers import BrowserChoice
from app.automation.switches import UNSEEN_BROWSER, disable_features
from app.automation.urls import UrlMap
from app.clock import Clock, SystemClock

# A stranger's browser: no first-run prompts, no sync, and none of the browser's own
# background calls home, so the only requests are the profile pages themselves. A page's
# JavaScript heap is capped (V8's --max-old-space-size, in MB): a page that builds more than
# that crashes its own tab, which is told as a browser error, instead of taking the computer's
# memory. No hidden omnibox popup and no spare renderer: a headless window never shows the
# one, a context used for one page never uses the other (app/automation/switches.py).
STRANGER_ARGS = (
    "--no-first-run", "--no-default-browser-check", "--disable-sync",
    "--disable-background-networking", "--disable-component-update",
    "--js-flags=--max-old-space-size=512", disable_features(*UNSEEN_BROWSER),
)  # fmt: skip


@dataclass(frozen=True)
class StrangerRequest:
    """One public profile to look at, with the platform's words for its screens."""

    platform_id: str
    platform_name: str
    address: str
    consent: tuple[str, ...] = ()  # a cookie notice's most private choice, as locators
    error_texts: tuple[str, ...] = ()
    rate_limit_texts: tuple[str, ...] = ()


@dataclass(frozen=True)
class OutsideTimeouts:
    """Seconds to wait; tests shorten them. Generous: a loaded two-core machine is slow."""

    page: float = 20.0  # load the page at all
    settle: float = 0.5  # unchanged this long (and nothing loading) counts as shown
    busy: float = 6.0  # a page that keeps changing is read after this long anyway
    poll: float = 0.1
    # The most one address may take, whatever its page does: a script that never yields
    # holds the browser, which is then ended (see `watchdog.py`).
    look: float = 40.0


@dataclass(frozen=True)
class OutsideConfig:
    """Everything a stranger's browser needs, passed from the UI thread to the job."""

    browser: BrowserChoice
    urls: UrlMap = field(default_factory=UrlMap.from_env)
    timeouts: OutsideTimeouts = field(default_factory=OutsideTimeouts)
    # Headless: there is nothing for the worker to do in a stranger's browser, and no window
    # to close by mistake. It presents itself as the same browser with a window.
    headless: bool = True
    args: tuple[str, ...] = STRANGER_ARGS
    clock: Clock = field(default_factory=SystemClock)
