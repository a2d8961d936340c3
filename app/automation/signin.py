"""Signing in: by hand in the visible window (the main path), or from saved details.

The worker signs in once, by hand, in the browser window Footprint opens; the platform's
own profile folder keeps the sign-in for next time, so later reads need none. Footprint
waits, showing "waiting for you to sign in", through two-step codes, puzzles and
checkpoints, until a session cookie appears (or the worker presses Stop).

Filling the form from the keyring is optional. The password goes from the keyring straight
into the platform's password field; it is never logged, put in an exception message,
returned or passed through a Qt signal. Filling the form and pressing its Next and submit
buttons are, with a cookie notice's most private choice, the only clicks and typing
automation ever does. Each fill is one step inside the page that checks the document's own
address and sets the value in the same turn (`fill.py`), in the one document the sign-in
began in: a page that goes to another site, or loads another document, between two steps
stops the sign-in. Whenever the form is not what Footprint expects (off the platform's site,
a dialog over it, a language it has no words for, fields it cannot find, an extra question,
a page that moved) it types nothing more and hands over to the worker, saying why and what it
had typed.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from app.automation.config import CredentialLoader
from app.automation.failures import Failure, PageProblem
from app.automation.login_form import LoginForm, Outcome
from app.automation.page import PageState, ReadOnlyPage
from app.automation.page_facts import PageFacts
from app.automation.signin_words import CARRIES_ON, dialog_message, handover, one_more_step
from app.checklists.model import Platform
from app.credentials import Credential, CredentialsUnavailableError

log = logging.getLogger(__name__)
Waiting = Callable[[str], None]
FORM_STILL_SHOWN = 2.0  # seconds after submitting: a login form still there was not accepted
NEXT_PAGE_AFTER = 1.0  # seconds after submitting: a page that is neither is a further step


def sign_in(
    view: ReadOnlyPage,
    platform: Platform,
    *,
    load_credential: CredentialLoader,
    waiting: Waiting,
) -> None:
    """Get the browser signed in to `platform`, or raise PageProblem saying why not."""
    automation = platform.automation
    assert automation is not None
    name = platform.name
    if view.is_signed_in():
        return
    if view.sign_in_pending():  # a checkpoint is showing: only the worker can answer it
        waiting(one_more_step(name))
        _wait_until_signed_in(view, platform, submitted_at=None, waiting=waiting)
        return
    if not view.has_login_form():
        if view.open(automation.login_url, expect_state=False) is PageState.SIGNED_IN:
            return
    credential = _saved_credential(platform.id, load_credential)
    if credential is None:
        waiting(
            f"Sign in to {name} in the browser window that opened (you only need to do this "
            f"once: Footprint keeps this window's sign-in for next time). {CARRIES_ON}"
        )
        _wait_until_signed_in(view, platform, submitted_at=None, waiting=waiting)
        return
    told = _fill_from_keyring(view, name, credential, waiting)
    del credential  # keep the password's lifetime as short as we can
    if told is not None:
        waiting(told)
    submitted_at = None if told is not None else time.monotonic()
    _wait_until_signed_in(view, platform, submitted_at=submitted_at, waiting=waiting)


def _fill_from_keyring(
    view: ReadOnlyPage, name: str, credential: Credential, waiting: Waiting
) -> str | None:
    """Fill and send the form; None when sent, else what to tell the worker instead."""
    facts = view.facts()
    if facts.dialog is not None and view.dismiss_consent(facts):
        facts = view.facts()
    if (obstacle := _obstacle(view, name, facts)) is not None:
        return obstacle
    timeout = max(view.timeouts.element, 0.5)
    form = LoginForm(view, view.automation.words(facts.language), timeout=timeout)
    outcome = form.check()
    if outcome is Outcome.COVERED and view.dismiss_consent(facts):
        outcome = form.check()
    if outcome is Outcome.READY:
        waiting(f"Signing in to {name} with your saved details…")
        outcome = form.submit(credential)
    facts = view.facts()
    return handover(
        outcome,
        name,
        facts,
        view.url,
        typed=form.typed,
        away=not view.guard.allows(view.url),
        view_understood=view.understood(facts),
    )


def _saved_credential(platform_id: str, load_credential: CredentialLoader) -> Credential | None:
    try:
        return load_credential(platform_id)
    except CredentialsUnavailableError:
        return None
    except Exception as error:  # a damaged entry must not stop a sign-in by hand
        log.warning("saved sign-in details unreadable: %s", type(error).__name__)
        return None


def _obstacle(view: ReadOnlyPage, name: str, facts: PageFacts) -> str | None:
    """Why the saved details should not be typed into this page, as words for the worker.
    (The fields are found by their structure first, so a page in another language is
    filled when its form is the usual one; see `signin_words.handover` for when it is not.)"""
    if facts.dialog is not None:
        return dialog_message(name, facts.dialog)
    return None


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
    facts = view.facts()
    if view.sign_in_pending() and waited >= NEXT_PAGE_AFTER / 2:
        return one_more_step(name)
    if view.has_login_form(facts):
        if waited < FORM_STILL_SHOWN:
            return None
        if facts.dialog is not None:
            return dialog_message(name, facts.dialog)
        return (
            f"{name} did not sign you in with the saved details: they may be wrong, or {name} "
            "wants an extra check such as a puzzle. Sign in by hand in the browser window; if "
            f"the details were wrong, correct them under Sign-in details. {CARRIES_ON}"
        )
    if waited < NEXT_PAGE_AFTER:
        return None  # still on the way from the form to the next page
    if not view.understood(facts):
        return (
            f"{name} shows a page in a language Footprint can't read yet. Finish signing in "
            f"by hand in the browser window. {CARRIES_ON}"
        )
    return one_more_step(name)


def _span(seconds: float) -> str:
    return f"{seconds / 60:g} minutes" if seconds >= 60 else f"{seconds:g} seconds"
