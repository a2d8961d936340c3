"""Which kind of page a stranger was shown: the profile, a sign-in wall, a missing page, a
cookie notice, or a page that shows nothing yet.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import unquote

from app.stranger.page_text import contains_phrase, says, straight_apostrophes
from app.stranger.public_profiles import PublicProfile
from app.stranger.snapshot import PageSnapshot, people
from app.stranger.view import WorkerTerms


def is_wall(
    snapshot: PageSnapshot, profile: PublicProfile, terms: WorkerTerms | None = None
) -> bool:
    """A sign-in wall: a login address, the platform's wall words, or a login form and
    nothing of a profile."""
    here = _bare_path(snapshot.path)
    if any(_under(here, p) for p in profile.wall_paths):
        return True
    if says(snapshot.text, profile.wall_texts) and not looks_like_profile(snapshot, terms):
        return True
    login_form = snapshot.password_field and not snapshot.login_dialog
    return login_form and not looks_like_profile(snapshot, terms)


def _bare_path(path: str) -> str:
    return path.partition("?")[0].partition("#")[0]


def _under(path: str, wall: str) -> bool:
    """`path` is `wall` or below it, segment by segment: "/login/" and "/login/x" are under
    "/login", the profile "/loginhelper" is not."""
    return path == wall or path.startswith(wall.rstrip("/") + "/")


# A page's own title or a short page saying there is no such page, in the words public
# username checkers record for these platforms (WhatsMyName, Maigret; tests/pages/SOURCES.md).
_MISSING_WORDS = re.compile(
    r"\b(?:page|profile|user|account|channel|content)\s+(?:was\s+|is\s+)?not\s+found\b"
    r"|^\s*(?:404|not\s+found)\b|\b(?:does\s*n[o']t|do\s*n[o']t)\s+exist\b"
    r"|\bisn't\s+available\b|\bis\s+not\s+available\b|\bno\s+longer\s+available\b"
    r"|\bcouldn't\s+find\b|\bcould\s+not\s+find\b|\bnobody\b.*\bgoes\s+by\b",
    re.IGNORECASE,
)
_SHORT_PAGE = 400  # characters: a "user not found" page says little else
# "No such account" states in the embedded data of a page answered with HTTP 200.
_MISSING_STATE = re.compile(
    r'"(?:status|code|statusCode|errorCode|error|state|type|reason|errorType)"\s*:\s*'
    r'"(?:NOT_FOUND|USER_NOT_FOUND|not_found|notFound)"'
)


def is_missing(
    snapshot: PageSnapshot, profile: PublicProfile, terms: WorkerTerms | None = None
) -> bool:
    """A "no such page" answer: HTTP 404/410, a redirect from the profile to the platform's
    home page, a NOT_FOUND state in the page's embedded data, or — on a page that names
    nobody — the platform's own words for it, in the title or in a short page."""
    if missing_by_answer(snapshot, profile):
        return True
    if looks_like_profile(snapshot, terms):
        return False
    title = straight_apostrophes(snapshot.title).strip()
    if says(snapshot.text, profile.missing_texts) or says(title, profile.missing_texts):
        return True
    if title in profile.missing_titles or _MISSING_WORDS.search(title):
        return True
    text = straight_apostrophes(snapshot.text).strip()
    return len(text) < _SHORT_PAGE and any(
        _MISSING_WORDS.search(line) for line in text.splitlines()
    )


def missing_by_answer(snapshot: PageSnapshot, profile: PublicProfile) -> bool:
    """The answer itself says there is no such account, whatever the page shows: HTTP
    404/410, a redirect to the home page, a "not found" state in the embedded data."""
    if snapshot.status in (404, 410) or redirected_home(snapshot):
        return True
    data = snapshot.embedded
    return bool(data) and (
        _MISSING_STATE.search(data) is not None
        or any(_marked(data, marker) for marker in profile.missing_data)
    )


def _marked(data: str, marker: str) -> bool:
    """`marker` in `data`, with any spacing after its colons (`"a":null` is `"a": null`)."""
    pattern = r":\s*".join(re.escape(part) for part in marker.split(":"))
    return re.search(pattern, data) is not None


def redirected_home(snapshot: PageSnapshot) -> bool:
    """The browser asked for a profile and ended on the platform's home page (where some
    platforms send a missing account: Pinterest, in the public username checkers)."""
    asked = _bare_path(snapshot.asked_path).rstrip("/")
    here = _bare_path(snapshot.path).rstrip("/")
    return bool(asked) and asked != here and here in ("", "/home", "/index.php")


def shows_nothing(snapshot: PageSnapshot) -> bool:
    """A page with neither a profile nor words enough to be one (blank, or still a shell)."""
    return not looks_like_profile(snapshot) and len(snapshot.text.strip()) < 40


def looks_like_profile(snapshot: PageSnapshot, terms: WorkerTerms | None = None) -> bool:
    """A profile names its person: a profile page type or a person in the structured data,
    or the handle of the address asked for in the title, heading or the page's own address,
    or the worker's own name in its title or heading. A heading or a title alone is not
    enough: sign-in home pages and "not found" pages have both."""
    meta = snapshot.meta
    if meta.get("og:type") == "profile" or people(snapshot):
        return True
    titles = [snapshot.title, meta.get("og:title", ""), *snapshot.headings]
    name = terms.name if terms is not None else ""
    if name.strip() and any(contains_phrase(title, name) for title in titles):
        return True
    handle = handle_of(snapshot.asked_path)
    places = [*titles, meta.get("og:url", ""), snapshot.canonical]
    return bool(handle) and any(_names_handle(place, handle) for place in places)


def handle_of(path: str) -> str:
    """The account's name in a profile address ("/@jo.worker" → "jo.worker",
    "/in/jo-worker" → "jo-worker", "/profile.php?id=123" → "123")."""
    bare, _, query = path.partition("#")[0].partition("?")
    if bare.rstrip("/").endswith("/profile.php"):
        return dict(p.split("=", 1) for p in query.split("&") if "=" in p).get("id", "")
    parts = [p for p in bare.split("/") if p]
    return unquote(parts[-1]).removeprefix("@") if parts else ""


def _names_handle(text: str, handle: str) -> bool:
    pattern = rf"(?<![\w.\-]){re.escape(handle)}(?![\w\-]|\.\w)"
    return re.search(pattern, text, re.IGNORECASE) is not None


# -- cookie notices ------------------------------------------------------------------------
_COOKIE_CHOICE = re.compile(
    r"\b(?:accept|reject|decline|refuse|allow|agree|manage|customi[sz]e|preferences|settings"
    r"|options|only\s+(?:essential|necessary)|necessary|essential|consent|got\s+it|ok|okay)\b",
    re.IGNORECASE,
)
_LONGEST_CHOICE = 60  # a button's label, not a paragraph


def is_cookie_notice(text: str, choices: Sequence[str], password_field: bool = False) -> bool:
    """A cookie notice speaks of cookies and offers a cookie choice as a button (accept,
    reject, manage…). A sign-in box whose small print mentions the cookie policy is not one:
    it asks for a password, or its buttons only sign in or up."""
    if password_field or not says(text, ("cookie",)):
        return False
    return any(
        len(choice.strip()) <= _LONGEST_CHOICE and _COOKIE_CHOICE.search(choice)
        for choice in choices
    )
