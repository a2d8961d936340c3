"""Signing in: by hand in the visible window by default, or from saved details in the keyring.

The password goes from the keyring straight into the platform's password field. It is never
logged, put in an exception message, returned or passed through a Qt signal.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

from app.automation.config import CredentialLoader
from app.automation.page import PageProblem, PageState, ReadOnlyPage, locate
from app.checklists.model import Platform, PlatformAutomation
from app.credentials import Credential, CredentialsUnavailableError

log = logging.getLogger(__name__)
Waiting = Callable[[str], None]
FORM_STILL_SHOWN = 2.0  # seconds after submitting: a login form still there was not accepted


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
        waiting(
            f"Sign in to {platform.name} in the browser window that opened. Footprint "
            "carries on by itself once you are signed in."
        )
        _wait_until_signed_in(view, platform, after_submit=None, waiting=waiting)
        return
    waiting(f"Signing in to {platform.name} with your saved details…")
    form_timeout = max(view.timeouts.element, 0.5)
    submitted = LoginForm(page, automation).submit(credential, timeout=form_timeout)
    del credential  # keep the password's lifetime as short as we can
    if not submitted:
        waiting(
            f"Footprint could not fill {platform.name}'s sign-in form (the page may have "
            "changed). Please sign in by hand in the browser window."
        )
    _wait_until_signed_in(view, platform, after_submit=time.monotonic(), waiting=waiting)


class LoginForm:
    """The only part of automation that types or clicks: the platform's own login form."""

    def __init__(self, page: Page, automation: PlatformAutomation) -> None:
        self._page = page
        self._automation = automation

    def submit(self, credential: Credential, *, timeout: float) -> bool:
        """Fill and send the form; False if any of its parts was not found in `timeout` s."""
        timeout *= 1000
        try:
            locate(self._page, self._automation.username).fill(credential.username, timeout=timeout)
            locate(self._page, self._automation.password).fill(credential.password, timeout=timeout)
            locate(self._page, self._automation.submit).click(timeout=timeout)
        except PlaywrightError:
            # The message may quote the call log; say only that it failed.
            log.warning("the login form could not be filled")
            return False
        return True


def _saved_credential(platform_id: str, load_credential: CredentialLoader) -> Credential | None:
    try:
        return load_credential(platform_id)
    except CredentialsUnavailableError:
        return None
    except Exception as error:  # a damaged entry must not stop a sign-in by hand
        log.warning("saved sign-in details unreadable: %s", type(error).__name__)
        return None


def _wait_until_signed_in(
    view: ReadOnlyPage, platform: Platform, *, after_submit: float | None, waiting: Waiting
) -> None:
    limit = view.timeouts.sign_in
    deadline = time.monotonic() + limit
    told_more = after_submit is None
    while not view.is_signed_in():
        if time.monotonic() > deadline:
            raise PageProblem(_timed_out(platform.name, limit), stops_platform=True)
        if not told_more and (message := _further_step(view, platform, after_submit or 0)):
            told_more = True
            waiting(message)
        view.pause()


def _further_step(view: ReadOnlyPage, platform: Platform, submitted_at: float) -> str | None:
    """What to tell the worker when saved details alone did not sign them in, if anything."""
    if not view.has_login_form():
        return (
            f"{platform.name} asks for one more step before you are signed in (for example a "
            "two-step verification code). Finish it in the browser window."
        )
    if time.monotonic() - submitted_at > FORM_STILL_SHOWN:
        return (
            f"{platform.name} did not accept the saved details. Sign in by hand in the browser "
            "window, then correct the saved details under Sign-in details."
        )
    return None


def _timed_out(name: str, seconds: float) -> str:
    span = f"{seconds / 60:g} minutes" if seconds >= 60 else f"{seconds:g} seconds"
    return (
        f"you were not signed in to {name} within {span} (if you did sign in, the page may "
        "have changed)"
    )
