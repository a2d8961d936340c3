"""Signing in: by hand in the visible window by default, or from saved details in the keyring.

The password goes from the keyring straight into the platform's password field. It is never
logged, put in an exception message, returned or passed through a Qt signal.

Filling the form and pressing its submit button are, with dismissing a cookie notice by its
most private choice, the only clicks and typing automation ever does. Whenever the form is
not what Footprint expects (a dialog over it, a language it has no words for, fields it cannot
find) it types nothing and hands over to the worker, saying why.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from enum import Enum

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

from app.automation.config import CredentialLoader
from app.automation.failures import Failure, PageProblem, plain
from app.automation.origins import SiteGuard
from app.automation.page import PageFacts, PageState, ReadOnlyPage, locate
from app.checklists.model import Platform, PlatformAutomation
from app.credentials import Credential, CredentialsUnavailableError

log = logging.getLogger(__name__)
Waiting = Callable[[str], None]
FORM_STILL_SHOWN = 2.0  # seconds after submitting: a login form still there was not accepted
NEXT_PAGE_AFTER = 1.0  # seconds after submitting: a page that is neither is a further step
CARRIES_ON = "Footprint carries on by itself once you are signed in."
# Is the element's centre covered by something else (a cookie notice, a dialog)?
_COVERED = """(el) => {
    const box = el.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit !== null && hit !== el && !el.contains(hit) && !hit.contains(el);
}"""


class Outcome(Enum):
    """How filling the login form went."""

    READY = "ready to fill"
    SUBMITTED = "submitted"
    NO_FORM = "the form's fields were not found"
    COVERED = "something covers the form"
    WRONG_SITE = "the page is not on the platform's own site"


def sign_in(
    view: ReadOnlyPage,
    page: Page,
    platform: Platform,
    *,
    load_credential: CredentialLoader,
    waiting: Waiting,
) -> None:
    """Get the browser signed in to `platform`, or raise PageProblem saying why not."""
    automation = platform.automation
    assert automation is not None
    if not view.has_login_form():
        if view.open(automation.login_url, expect_state=False) is PageState.SIGNED_IN:
            return
    credential = _saved_credential(platform.id, load_credential)
    if credential is None:
        waiting(f"Sign in to {platform.name} in the browser window that opened. {CARRIES_ON}")
        _wait_until_signed_in(view, platform, submitted_at=None, waiting=waiting)
        return
    handover = _obstacle(view, platform.name, view.facts())
    if handover is None:
        timeout = max(view.timeouts.element, 0.5)
        form = LoginForm(page, automation, guard=view.guard, timeout=timeout)
        if (outcome := form.check()) is Outcome.READY:
            waiting(f"Signing in to {platform.name} with your saved details…")
            outcome = form.submit(credential)
        handover = _handover(outcome, platform.name, view.facts(), page.url)
    del credential  # keep the password's lifetime as short as we can
    if handover is not None:
        waiting(handover)
    submitted_at = None if handover is not None else time.monotonic()
    _wait_until_signed_in(view, platform, submitted_at=submitted_at, waiting=waiting)


class LoginForm:
    """The only part of automation that types or clicks: the platform's own login form."""

    def __init__(
        self, page: Page, automation: PlatformAutomation, *, guard: SiteGuard, timeout: float
    ) -> None:
        self._page = page
        self._guard = guard
        self._fields = [locate(page, s) for s in (automation.username, automation.password)]
        self._button = locate(page, automation.submit)
        self._timeout_ms = timeout * 1000

    def check(self) -> Outcome:
        """READY when the page is on the platform's own site, every part of the form is shown
        and nothing covers its button."""
        if not self._guard.allows(self._page.url):
            return Outcome.WRONG_SITE
        try:
            for part in (*self._fields, self._button):
                part.wait_for(state="visible", timeout=self._timeout_ms)
            # Only the button is hit-tested: fields often carry a floating label over them.
            if self._button.evaluate(_COVERED, timeout=self._timeout_ms):
                return Outcome.COVERED
        except PlaywrightError:
            log.warning("the login form was not found")
            return Outcome.NO_FORM
        return Outcome.READY

    def submit(self, credential: Credential) -> Outcome:
        """Fill and send the form (after `check`). The page's address is checked again
        immediately before each step, in case it moved since."""
        timeout = self._timeout_ms
        steps: list[Callable[[], None]] = [
            lambda: self._fields[0].fill(credential.username, timeout=timeout),
            lambda: self._fields[1].fill(credential.password, timeout=timeout),
            lambda: self._button.click(timeout=timeout),
        ]
        try:
            for step in steps:
                if not self._guard.allows(self._page.url):
                    return Outcome.WRONG_SITE
                step()
        except PlaywrightError as error:
            # The message may quote the call log; keep only what kind of failure it was.
            covered = "intercepts pointer events" in str(error)
            log.warning("the login form could not be %s", "used" if covered else "filled")
            return Outcome.COVERED if covered else Outcome.NO_FORM
        return Outcome.SUBMITTED


def _saved_credential(platform_id: str, load_credential: CredentialLoader) -> Credential | None:
    try:
        return load_credential(platform_id)
    except CredentialsUnavailableError:
        return None
    except Exception as error:  # a damaged entry must not stop a sign-in by hand
        log.warning("saved sign-in details unreadable: %s", type(error).__name__)
        return None


def _obstacle(view: ReadOnlyPage, name: str, facts: PageFacts) -> str | None:
    """Why the saved details should not be typed into this page, as words for the worker."""
    if not view.understood(facts):
        return (
            f"{name}'s sign-in page is in a language Footprint can't read yet "
            f'(it says "{plain(facts.lang, 20)}"), so Footprint did not fill in your saved '
            f"details. Sign in by hand in the browser window. {CARRIES_ON}"
        )
    if facts.dialog is not None:
        return _dialog_message(name, facts.dialog)
    return None


def _handover(outcome: Outcome, name: str, facts: PageFacts, url: str) -> str | None:
    if outcome is Outcome.SUBMITTED:
        return None
    if outcome is Outcome.WRONG_SITE:
        return (
            f"The sign-in page showing is not on {name}'s own site (it is on "
            f"{plain(SiteGuard.where(url), 60)}), so Footprint did not type your saved details "
            f"into it. Do not sign in there: go to {name} itself in the browser window and sign "
            f"in there. {CARRIES_ON}"
        )
    if outcome is Outcome.COVERED:
        return _dialog_message(name, facts.dialog)
    return (
        f"Footprint could not find the usual fields of {name}'s sign-in form, so it typed "
        f"nothing. Please sign in by hand in the browser window. {CARRIES_ON}"
    )


def _dialog_message(name: str, dialog: str | None) -> str:
    title = f" (“{plain(dialog, 60)}”)" if dialog and dialog.strip() else ""
    return (
        f"Something on {name}'s sign-in page is in the way{title}, for example a cookie "
        "notice, so Footprint did not fill in your saved details. Deal with it in the browser "
        f"window, then sign in by hand. {CARRIES_ON}"
    )


def _wait_until_signed_in(
    view: ReadOnlyPage, platform: Platform, *, submitted_at: float | None, waiting: Waiting
) -> None:
    limit = view.timeouts.sign_in
    deadline = time.monotonic() + limit
    told_more = submitted_at is None
    while not view.is_signed_in():
        if time.monotonic() > deadline:
            raise PageProblem(
                Failure.SIGNED_OUT, f"Footprint waited {_span(limit)} for you to sign in"
            )
        if not told_more and (message := _further_step(view, platform, submitted_at or 0)):
            told_more = True
            waiting(message)
        view.pause()


def _further_step(view: ReadOnlyPage, platform: Platform, submitted_at: float) -> str | None:
    """What to tell the worker when saved details alone did not sign them in, if anything."""
    waited = time.monotonic() - submitted_at
    name = platform.name
    if view.has_login_form():
        if waited < FORM_STILL_SHOWN:
            return None
        facts = view.facts()
        if facts.dialog is not None:
            return _dialog_message(name, facts.dialog)
        return (
            f"{name} did not sign you in with the saved details: they may be wrong, or {name} "
            "wants an extra check such as a puzzle. Sign in by hand in the browser window; if "
            f"the details were wrong, correct them under Sign-in details. {CARRIES_ON}"
        )
    if waited < NEXT_PAGE_AFTER:
        return None  # still on the way from the form to the next page
    facts = view.facts()
    if not view.understood(facts):
        return (
            f"{name} shows a page in a language Footprint can't read yet. Finish signing in "
            f"by hand in the browser window. {CARRIES_ON}"
        )
    return (
        f"{name} asks for one more step before you are signed in (for example a two-step "
        f"verification code). Finish it in the browser window. {CARRIES_ON}"
    )


def _span(seconds: float) -> str:
    return f"{seconds / 60:g} minutes" if seconds >= 60 else f"{seconds:g} seconds"
