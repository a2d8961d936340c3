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
from enum import Enum

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Frame, Locator

from app.automation.config import CredentialLoader
from app.automation.failures import Failure, PageProblem, plain
from app.automation.fill import GuardedPage, Step
from app.automation.locators import locate
from app.automation.origins import SiteGuard
from app.automation.page import PageState, ReadOnlyPage
from app.automation.page_facts import PageFacts
from app.checklists.model import Platform, SignInPhrases
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
    EXTRA_STEP = "the form asked something Footprint has no saved answer for"
    MOVED = "the page went elsewhere, or loaded another document, part-way through"


class Typed(Enum):
    """What Footprint had put into the platform's own form when it stopped."""

    NOTHING = "nothing"
    USER_NAME = "the user name"
    BOTH = "the user name and password"


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
        waiting(_one_more_step(name))
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
    handover = _fill_from_keyring(view, name, credential, waiting)
    del credential  # keep the password's lifetime as short as we can
    if handover is not None:
        waiting(handover)
    submitted_at = None if handover is not None else time.monotonic()
    _wait_until_signed_in(view, platform, submitted_at=submitted_at, waiting=waiting)


def _fill_from_keyring(
    view: ReadOnlyPage, name: str, credential: Credential, waiting: Waiting
) -> str | None:
    """Fill and send the form; None when sent, else what to tell the worker instead."""
    facts = view.facts()
    if facts.dialog is not None and view.dismiss_consent(facts):
        facts = view.facts()
    if (handover := _obstacle(view, name, facts)) is not None:
        return handover
    timeout = max(view.timeouts.element, 0.5)
    form = LoginForm(view, view.automation.words(facts.language), timeout=timeout)
    outcome = form.check()
    if outcome is Outcome.COVERED and view.dismiss_consent(facts):
        outcome = form.check()
    if outcome is Outcome.READY:
        waiting(f"Signing in to {name} with your saved details…")
        outcome = form.submit(credential)
    facts = view.facts()
    return _handover(
        outcome,
        name,
        facts,
        view.url,
        typed=form.typed,
        away=not view.guard.allows(view.url),
        view_understood=view.understood(facts),
    )


class LoginForm:
    """The only part of automation that types: the platform's own login form, one screen
    (user name, password, submit) or two (user name, Next; then password, submit)."""

    def __init__(self, view: ReadOnlyPage, words: SignInPhrases, *, timeout: float) -> None:
        self._view = view
        self._page = view.page
        self._guard = view.guard
        self._words = words
        self._timeout = timeout
        self._held = GuardedPage(self._page, self._guard)
        self.typed = Typed.NOTHING
        self._navigations = 0  # the main frame's navigations since `submit` began
        self._navigations_seen = 0  # of those, the ones expected (after Next)

    def _part(self, selectors: tuple[str, ...]) -> Locator | None:
        """The first of `selectors` that finds exactly one visible element."""
        for selector in selectors:
            found = locate(self._page, selector)
            if self._view.quietly(found.count, 0) == 1 and self._view.quietly(
                found.is_visible, False
            ):
                return found
        return None

    def _wait_for(self, selectors: tuple[str, ...]) -> Locator | None:
        deadline = time.monotonic() + self._timeout
        while (part := self._part(selectors)) is None and time.monotonic() < deadline:
            self._view.pause()
        return part

    @property
    def _two_screens(self) -> bool:
        return bool(self._words.next) and self._part(self._words.password) is None

    def check(self) -> Outcome:
        """READY when the page is on the platform's own site, the first screen's parts are
        shown and nothing covers its button."""
        if not self._guard.allows(self._page.url):
            return Outcome.WRONG_SITE
        username = self._wait_for(self._words.username)
        button = self._part(self._words.next if self._two_screens else self._words.submit)
        if username is None or button is None:
            log.warning("the login form was not found")
            return Outcome.NO_FORM
        # Only the button is hit-tested: fields often carry a floating label over them.
        if self._view.quietly(lambda: bool(button.evaluate(_COVERED)), False):
            return Outcome.COVERED
        return Outcome.READY

    def submit(self, credential: Credential) -> Outcome:
        """Fill and send the form (after `check`), in the document showing now: any
        navigation of the page before the form is sent stops it (`typed` then says how far
        it got)."""
        self._page.on("framenavigated", self._navigated)
        try:
            outcome = self._submit(credential)
        except PlaywrightError as error:
            # The message may quote the call log; keep only what kind of failure it was.
            covered = "intercepts pointer events" in str(error)
            log.warning("the login form could not be %s", "used" if covered else "filled")
            outcome = Outcome.COVERED if covered else Outcome.NO_FORM
        finally:
            self._page.remove_listener("framenavigated", self._navigated)
            self._held.release()
        if outcome is Outcome.WRONG_SITE and (self.typed is not Typed.NOTHING or self._moved):
            return Outcome.MOVED  # it left the site part-way through, not before
        return outcome

    def _navigated(self, frame: Frame) -> None:
        if frame == self._page.main_frame:
            self._navigations += 1

    @property
    def _moved(self) -> bool:
        return self._navigations > self._navigations_seen

    def _submit(self, credential: Credential) -> Outcome:
        if not self._held.hold():
            return Outcome.NO_FORM
        words = self._words
        two_screens = self._two_screens
        if not two_screens and self._part(words.password) is None:
            return Outcome.NO_FORM  # found before anything is typed, not after the user name
        outcome = self._fill(words.username, credential.username, secret=False)
        if two_screens and outcome is None:
            outcome = self._click(words.next) or self._to_second_screen()
        if outcome is None:
            outcome = self._fill(words.password, credential.password, secret=True)
        return outcome or self._click(words.submit) or Outcome.SUBMITTED

    def _to_second_screen(self) -> Outcome | None:
        """After Next: None once the password screen shows (held as the document to fill:
        it may be a new one of the platform's), else why not."""
        if (outcome := self._second_screen()) is not Outcome.READY:
            return outcome
        self._navigations_seen = self._navigations
        return None if self._held.hold() else Outcome.MOVED

    def _fill(self, selectors: tuple[str, ...], value: str, *, secret: bool) -> Outcome | None:
        """Fill the field (a `secret` only into a password field); None when filled, else
        why not."""
        if (stopped := self._before_step()) is not None:
            return stopped
        part = self._part(selectors)
        if part is None:
            return Outcome.NO_FORM
        if (outcome := _OUTCOMES[self._held.fill(part, value, secret=secret)]) is not None:
            return outcome
        self.typed = Typed.BOTH if secret else Typed.USER_NAME
        return None

    def _click(self, selectors: tuple[str, ...]) -> Outcome | None:
        """Press the form's Next or submit button; None when pressed, else why not."""
        if (stopped := self._before_step()) is not None:
            return stopped
        part = self._part(selectors)
        if part is None:
            return Outcome.NO_FORM
        return _OUTCOMES[self._held.click(part, timeout_ms=self._timeout * 1000)]

    def _before_step(self) -> Outcome | None:
        """The cheap checks first: no navigation since the last step, still on the site."""
        if self._moved:
            return Outcome.MOVED
        if not self._guard.allows(self._page.url):
            return Outcome.WRONG_SITE
        return None

    def _second_screen(self) -> Outcome:
        """After Next: the password field, or a question Footprint cannot answer (X asks
        for a phone number or user name when it sees unusual activity)."""
        deadline = time.monotonic() + self._timeout
        while time.monotonic() < deadline:
            if not self._guard.allows(self._page.url):
                return Outcome.WRONG_SITE
            if self._part(self._words.password) is not None:
                return Outcome.READY
            if self._part(self._words.username) is None and self._other_question():
                return Outcome.EXTRA_STEP
            self._view.pause()
        return Outcome.EXTRA_STEP if self._other_question() else Outcome.NO_FORM

    def _other_question(self) -> bool:
        visible_text_inputs = "input:not([type=hidden]):not([type=password]):visible"
        return self._view.quietly(lambda: self._page.locator(visible_text_inputs).count(), 0) > 0


_OUTCOMES: dict[Step, Outcome | None] = {
    Step.DONE: None,
    Step.OFF_SITE: Outcome.WRONG_SITE,
    Step.MOVED: Outcome.MOVED,
    Step.NOT_A_FIELD: Outcome.NO_FORM,
}


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
    filled when its form is the usual one; see _handover for when it is not.)"""
    if facts.dialog is not None:
        return _dialog_message(name, facts.dialog)
    return None


def _handover(
    outcome: Outcome,
    name: str,
    facts: PageFacts,
    url: str,
    *,
    typed: Typed = Typed.NOTHING,
    away: bool = False,
    view_understood: bool = True,
) -> str | None:
    """What to tell the worker when the form was not sent (None when it was); `typed` says
    how far Footprint got, `away` whether the page is now off the platform's site."""
    if outcome is Outcome.SUBMITTED:
        return None
    if outcome is Outcome.WRONG_SITE:
        return (
            f"The sign-in page showing is not on {name}'s own site (it is on "
            f"{plain(SiteGuard.where(url), 60)}), so Footprint did not type your saved details "
            f"into it. Do not sign in there: go to {name} itself in the browser window and sign "
            f"in there. {CARRIES_ON}"
        )
    if outcome is Outcome.MOVED:
        return _moved_message(name, url, typed, away=away)
    if outcome is Outcome.COVERED:
        return _dialog_message(name, facts.dialog, typed)
    if outcome is Outcome.EXTRA_STEP:
        return (
            f"{name} asks for something Footprint has no saved answer for (for example your "
            f"phone number or user name, after unusual activity). Finish signing in by hand in "
            f"the browser window. {CARRIES_ON}"
        )
    if typed is not Typed.NOTHING:
        return (
            f"Footprint could not find the rest of {name}'s usual sign-in form, so it stopped "
            f"{_AFTER[typed]}. Please sign in by hand in the browser window. {CARRIES_ON}"
        )
    if not view_understood:
        return (
            f"{name}'s sign-in page is in a language Footprint can't read yet "
            f'(it says "{plain(facts.lang, 20)}") and its form is not the usual one, so '
            f"Footprint did not fill in your saved details. Sign in by hand in the browser "
            f"window. {CARRIES_ON}"
        )
    return (
        f"Footprint could not find the usual fields of {name}'s sign-in form, so it typed "
        f"nothing. Please sign in by hand in the browser window. {CARRIES_ON}"
    )


# How far a sign-in had got when it stopped, completing "so it stopped …".
_AFTER = {
    Typed.NOTHING: "before typing anything",
    Typed.USER_NAME: "after typing your user name (your password was not typed)",
    Typed.BOTH: "after filling in your user name and password (Footprint did not send them)",
}
# The same, after "did not type your password there".
_HAD_TYPED = {
    Typed.NOTHING: "; it had not typed anything yet",
    Typed.USER_NAME: "; it had typed only your user name, on {name}'s own page",
    Typed.BOTH: (
        "; it had filled in your user name and password on {name}'s own page, and did not send them"
    ),
}


def _moved_message(name: str, url: str, typed: Typed, *, away: bool) -> str:
    """The page went elsewhere, or loaded another document, while Footprint was filling it."""
    if away:
        here = plain(SiteGuard.where(url), 60)
        return (
            f"While Footprint was signing you in, {name}'s sign-in page sent the browser to "
            f"another site ({here}). Footprint stopped at once and did not type your password "
            f"there{_HAD_TYPED[typed].replace('{name}', name)}. Do not sign in on that page: go "
            f"to {name} itself in the browser window and sign in there. {CARRIES_ON}"
        )
    return (
        f"{name}'s sign-in page changed while Footprint was filling it in, so Footprint "
        f"stopped {_AFTER[typed]}. Please sign in by hand in the browser window. {CARRIES_ON}"
    )


def _dialog_message(name: str, dialog: str | None, typed: Typed = Typed.NOTHING) -> str:
    title = f" (“{plain(dialog, 60)}”)" if dialog and dialog.strip() else ""
    done = (
        "so Footprint did not fill in your saved details"
        if typed is Typed.NOTHING
        else f"so Footprint stopped {_AFTER[typed]}"
    )
    return (
        f"Something on {name}'s sign-in page is in the way{title}, for example a cookie "
        f"notice, {done}. Deal with it in the browser window, then sign in by hand. "
        f"{CARRIES_ON}"
    )


def _one_more_step(name: str) -> str:
    return (
        f"{name} asks for one more step before you are signed in (for example a two-step "
        f"verification code). Finish it in the browser window. {CARRIES_ON}"
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
    facts = view.facts()
    if view.sign_in_pending() and waited >= NEXT_PAGE_AFTER / 2:
        return _one_more_step(name)
    if view.has_login_form(facts):
        if waited < FORM_STILL_SHOWN:
            return None
        if facts.dialog is not None:
            return _dialog_message(name, facts.dialog)
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
    return _one_more_step(name)


def _span(seconds: float) -> str:
    return f"{seconds / 60:g} minutes" if seconds >= 60 else f"{seconds:g} seconds"
