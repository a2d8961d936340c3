"""Settings for an automation run, importable without Playwright (the UI builds these)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from app.automation.browsers import BrowserChoice
from app.automation.urls import UrlMap
from app.checklists.hosts import hosts_of
from app.checklists.model import CheckItem, Platform
from app.clock import Clock, SystemClock

if TYPE_CHECKING:
    from app.credentials import Credential

CredentialLoader = Callable[[str], "Credential | None"]


def load_from_keyring(platform_id: str) -> Credential | None:
    """The saved sign-in details for `platform_id`, from the keyring (`credentials.load`)."""
    # Imported here: keyring takes ~90 ms to import, and the window that opens at start-up
    # reaches this module through the watch without ever signing in (issue 24).
    from app import credentials

    return credentials.load(platform_id)


# A visible window the worker uses like their normal browser, minus first-run prompts.
DESKTOP_ARGS = ("--no-first-run", "--no-default-browser-check", "--disable-sync")


@dataclass(frozen=True)
class Timeouts:
    """Seconds to wait; tests shorten them."""

    page: float = 20.0  # open a page and see it is a signed-in page
    element: float = 3.0  # then wait for a probe's element to appear and its value to settle
    sign_in: float = 300.0  # the worker signing in by hand (two-step codes take time)
    poll: float = 0.1
    # A value counts as settled once the page has been quiet (nothing loading, nothing
    # changing) this long; on a page that never goes quiet, once the value itself has stayed
    # the same for `settle_busy`. A page quiet for `settle_busy` will not change any more, so
    # a value still missing or unclear then is reported at once instead of at `element`.
    settle: float = 0.05
    settle_busy: float = 1.0


@dataclass(frozen=True)
class AutomationConfig:
    """Everything an engine needs, passed from the UI thread to the worker thread."""

    browser: BrowserChoice
    profiles_root: Path
    urls: UrlMap = field(default_factory=UrlMap.from_env)
    timeouts: Timeouts = field(default_factory=Timeouts)
    headless: bool = False
    args: tuple[str, ...] = DESKTOP_ARGS
    clock: Clock = field(default_factory=SystemClock)
    load_credential: CredentialLoader = load_from_keyring
    # A screenshot of a page where a read failed, kept in memory with the result so the
    # worker can look at (or save) it; dropped when the dialog closes, never in a report.
    screenshots: bool = True
    # The watch's signed-in re-reads: use the profile's saved session as it is, and when it
    # is signed out stop the platform there. Nothing is typed and no sign-in form is opened;
    # the keyring is never read.
    never_sign_in: bool = False


def readable_items(platform: Platform, item_ids: Iterable[str] | None = None) -> list[CheckItem]:
    """The items automation can read: with a probe, on a platform that says how to sign in
    and whose own hosts Footprint knows (app/checklists/hosts.py)."""
    if platform.automation is None or hosts_of(platform.id) is None:
        return []
    wanted = None if item_ids is None else set(item_ids)
    return [i for i in platform.items if i.probe and (wanted is None or i.id in wanted)]
