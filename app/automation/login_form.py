"""The platform's own login form: the only part of automation that types.

One screen (user name, password, submit) or two (user name, Next; then password, submit).
Each fill is one step inside the page that checks the document's own address and sets the
value in the same turn (`fill.py`), in the one document the sign-in began in; `Outcome` says
how it went and `Typed` how far it had got. Used by `signin.py` only.
"""

from __future__ import annotations

import logging
import time
from enum import Enum

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Frame, Locator

from app.automation.fill import GuardedPage, Step
from app.automation.locators import locate
from app.automation.page import ReadOnlyPage
from app.checklists.model import SignInPhrases
from app.credentials import Credential

log = logging.getLogger(__name__)
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
