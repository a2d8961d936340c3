"""What to tell the worker when a sign-in from saved details stops or needs them.

Plain words only, no browser: `signin.py` decides when, these say what (and how far
Footprint had got, `Typed`).
"""

from __future__ import annotations

from app.automation.failures import plain
from app.automation.login_form import Outcome, Typed
from app.automation.origins import SiteGuard
from app.automation.page_facts import PageFacts

CARRIES_ON = "Footprint carries on by itself once you are signed in."


def handover(
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
        return dialog_message(name, facts.dialog, typed)
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


def dialog_message(name: str, dialog: str | None, typed: Typed = Typed.NOTHING) -> str:
    """Something (a cookie notice, a dialog titled `dialog`) covers the sign-in form."""
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


def one_more_step(name: str) -> str:
    """The platform asks for a further step (a two-step code) only the worker can take."""
    return (
        f"{name} asks for one more step before you are signed in (for example a two-step "
        f"verification code). Finish it in the browser window. {CARRIES_ON}"
    )
