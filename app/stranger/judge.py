"""What a stranger sees on the worker's public profile page, as findings.

Pure Python (no Playwright, no Qt): `browser.py` captures a page into a `PageSnapshot`, in
memory only, and `assess` and `judge` turn it into findings — each a yes / no / can't tell
with a short reason written here, never words of the page. The snapshot is dropped as soon as
it is judged: no text, no picture and no name from the page is kept, shown or stored; only the
findings and the date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.automation.failures import Failure, PageProblem
from app.stranger.page_kinds import (
    handle_of,
    is_missing,
    is_wall,
    looks_like_profile,
    missing_by_answer,
    shows_nothing,
)
from app.stranger.page_text import (
    LOCATION_LABELS,
    WORK_LABELS,
    contains_phrase,
    has_email_address,
    has_phone_number,
    has_place,
    labelled,
    organisation_variants,
    phrases,
    role_variants,
    says,
)
from app.stranger.public_profiles import PublicProfile
from app.stranger.snapshot import (
    PageSnapshot,
    count_posts,
    follow_statistic,
    main_person,
    profile_strings,
    text_of,
)
from app.stranger.view import Finding, Obstacle, Topic, Verdict, WorkerTerms

_FROM_FAILURE = {
    Failure.NO_CONNECTION: Obstacle.NO_CONNECTION,
    Failure.SLOW: Obstacle.SLOW,
    Failure.NOT_A_PAGE: Obstacle.NOT_A_PAGE,
    Failure.REDIRECT_LOOP: Obstacle.REDIRECT_LOOP,
    Failure.SITE_ERROR: Obstacle.SITE_ERROR,
    Failure.RATE_LIMITED: Obstacle.RATE_LIMITED,
    Failure.PAGE_CHANGED: Obstacle.NOT_FOUND,  # automation's "HTTP 404": here a wrong address
    Failure.DIALOG: Obstacle.COOKIE_NOTICE,
    Failure.WRONG_SITE: Obstacle.WRONG_SITE,
    Failure.BROWSER_CLOSED: Obstacle.BROWSER_ERROR,
    Failure.BROWSER_ERROR: Obstacle.BROWSER_ERROR,
}


def obstacle_for(failure: Failure) -> Obstacle:
    """The stranger's-view obstacle for one of automation's failure kinds."""
    return _FROM_FAILURE.get(failure, Obstacle.NOTHING_SHOWN)


def assess(
    snapshot: PageSnapshot,
    profile: PublicProfile,
    terms: WorkerTerms,
    *,
    rate_limit_texts: Sequence[str] = (),
    error_texts: Sequence[str] = (),
) -> list[Finding]:
    """The findings for one page, or why there are none: raises PageProblem for a missing
    page, a "slow down" or error screen, and any page that is not the profile (doubt is
    "can't tell", never "not shown")."""
    # The answer itself first (status, redirect, embedded state), then a wall's words (a wall
    # page may carry the platform's bare title), then the words of a missing page.
    if missing_by_answer(snapshot, profile):
        detail = f"HTTP {snapshot.status}" if snapshot.status in (404, 410) else ""
        raise PageProblem(Failure.PAGE_CHANGED, detail)
    if is_wall(snapshot, profile, terms):
        return [wall_finding(profile)]
    if is_missing(snapshot, profile, terms):
        raise PageProblem(Failure.PAGE_CHANGED)
    if not looks_like_profile(snapshot, terms):
        if says(snapshot.text, rate_limit_texts):
            raise PageProblem(Failure.RATE_LIMITED, "it asks to try again later")
        if says(snapshot.text, error_texts):
            raise PageProblem(Failure.SITE_ERROR, "an error page")
        raise PageProblem(Failure.UNSETTLED, "" if shows_nothing(snapshot) else NOT_A_PROFILE)
    return judge(snapshot, profile, terms)


NOT_A_PROFILE = "it showed a page that does not name anyone"


def judge(snapshot: PageSnapshot, profile: PublicProfile, terms: WorkerTerms) -> list[Finding]:
    """The findings for one page a stranger was shown (see the module docstring)."""
    if is_wall(snapshot, profile, terms):
        return [wall_finding(profile)]
    page = "a stranger can open your profile page without signing in"
    if snapshot.login_dialog:
        page += " (a sign-in box covers it, but a stranger can close it)"
    found = [Finding(Topic.PAGE, Verdict.YES, page, profile.always_public)]
    found.append(_name_and_photo(snapshot, terms))
    found.append(_employer(snapshot, terms))
    found.append(_contact(snapshot))
    found.append(_location(snapshot))
    found.append(_connections(snapshot))
    found.append(_posts(snapshot, profile))
    if profile.activities:
        found += _activities(snapshot)
    if not reads_language(snapshot):
        return [_unsure(f, _FOREIGN) for f in found]
    if is_drawn(snapshot, terms):
        return found
    private = says(snapshot.text, profile.private_texts)
    return [f if private and f.topic is Topic.POSTS else _unsure(f, _UNDRAWN) for f in found]


_UNDRAWN = (
    "the page did not show its details to Footprint's browser (the platform draws them with "
    "its own scripts), so Footprint can't tell"
)


_FOREIGN = (
    "the page is in a language whose words Footprint does not know yet, so what it did not "
    "find proves nothing"
)


def _unsure(finding: Finding, reason: str) -> Finding:
    """An absence on a page Footprint could not fully read proves nothing: "can't tell"."""
    if finding.verdict is not Verdict.NO or finding.topic is Topic.PAGE:
        return finding
    return Finding(finding.topic, Verdict.UNSURE, reason, finding.caveat)


def reads_language(snapshot: PageSnapshot) -> bool:
    """Whether the page is in English (or says no language): the only words Footprint's
    look for counts, labels and private accounts knows."""
    language = snapshot.language.strip().casefold()
    return not language or language.startswith("en")


def is_drawn(snapshot: PageSnapshot, terms: WorkerTerms) -> bool:
    """The profile is drawn for the stranger: a heading of its own, or text enough with the
    person's name in it. Only then does something missing from it mean "not shown"."""
    if snapshot.headings:
        return True
    return len(snapshot.text.strip()) >= 40 and any(
        contains_phrase(snapshot.text, name) for name in _names(snapshot, terms)
    )


def _names(snapshot: PageSnapshot, terms: WorkerTerms) -> list[str]:
    person = main_person(snapshot) or {}
    names = [terms.name, handle_of(snapshot.asked_path), text_of(person.get("name"))]
    return [n for n in names if len(n.strip()) >= 2]


# -- walls and missing pages ---------------------------------------------------------------
def wall_finding(profile: PublicProfile) -> Finding:
    """A sign-in wall: good as far as signed-out strangers go (people signed in to the
    platform may see more); no proof at all where the platform walls automated browsers or
    hides the profile only in its own app (`wall_caveat`, kept with the finding)."""
    if profile.wall_caveat:
        reason = "a signed-out stranger was asked to sign in, but that is no proof: check by hand"
        return Finding(Topic.PAGE, Verdict.NO, reason, profile.wall_caveat)
    reason = "a signed-out stranger is asked to sign in instead of seeing your profile: good"
    return Finding(Topic.PAGE, Verdict.NO, reason)


# -- name and photo ------------------------------------------------------------------------
def _name_and_photo(snapshot: PageSnapshot, terms: WorkerTerms) -> Finding:
    person = main_person(snapshot)
    names = [snapshot.title, snapshot.meta.get("og:title", ""), *snapshot.headings]
    names.append(text_of(person.get("name")) if person else "")
    own = bool(terms.name.strip()) and (
        contains_phrase(" ".join(names), terms.name) or contains_phrase(snapshot.text, terms.name)
    )
    some_name = own or any(n.strip() for n in names[1:])
    photo = bool(snapshot.avatar or snapshot.meta.get("og:image") or (person or {}).get("image"))
    if not some_name and not photo:
        return Finding(Topic.NAME_PHOTO, Verdict.NO, "no name or profile photo is shown")
    name_words = "your name" if own else "a name" if some_name else ""
    shown = " and ".join(w for w in (name_words, "a profile photo" if photo else "") if w)
    return Finding(Topic.NAME_PHOTO, Verdict.YES, f"{shown} {_is_are(shown)} shown")


def _is_are(subject: str) -> str:
    return "are" if " and " in subject else "is"


def _employer(snapshot: PageSnapshot, terms: WorkerTerms) -> Finding:
    if not terms.organisation.strip() and not terms.role.strip():
        return Finding(
            Topic.EMPLOYER,
            Verdict.UNSURE,
            "add your organisation and role in Settings so Footprint can look for them",
        )
    meta = snapshot.meta
    texts = [snapshot.text, meta.get("og:description", ""), meta.get("description", "")]
    haystack = "\n".join([*texts, *profile_strings(snapshot.structured)])
    padded = phrases(haystack)
    employer = any(f" {v} " in padded for v in organisation_variants(terms.organisation))
    role = any(f" {v} " in padded for v in role_variants(terms.role))
    if employer or role:
        what = " and ".join(
            w for w in ("your employer" if employer else "", "your job title" if role else "") if w
        )
        said = f"{what} (as in your Footprint profile) {_is_are(what)} on the page"
        return Finding(Topic.EMPLOYER, Verdict.YES, said)
    person = main_person(snapshot) or {}
    if person.get("worksFor") or person.get("jobTitle") or labelled(snapshot, WORK_LABELS)[1]:
        return Finding(
            Topic.EMPLOYER,
            Verdict.YES,
            "the page lists a workplace or job title (not the one in your Footprint profile)",
        )
    return Finding(
        Topic.EMPLOYER, Verdict.NO, "neither your organisation nor your role is on the page"
    )


def _contact(snapshot: PageSnapshot) -> Finding:
    person = main_person(snapshot) or {}
    texts = " ".join([snapshot.text, snapshot.meta.get("og:description", "")])
    phone = has_phone_number(texts) or bool(person.get("telephone"))
    email = has_email_address(texts) or bool(person.get("email"))
    if phone or email or snapshot.contact_links:
        what = " and ".join(
            w for w in ("a phone number" if phone else "", "an email address" if email else "") if w
        )
        what = what or "a link to call or email you"
        return Finding(Topic.CONTACT, Verdict.YES, f"{what} {_is_are(what)} on the page")
    return Finding(Topic.CONTACT, Verdict.NO, "no phone number or email address is on the page")


# -- location ------------------------------------------------------------------------------
_LOCATION_KEYS = ("address", "homeLocation", "location")
_LOCATION_WORDS = re.compile(r"\b(?:Lives in|Based in|Location:)\s+\S", re.IGNORECASE)


def _location(snapshot: PageSnapshot) -> Finding:
    person = main_person(snapshot) or {}
    if any(text_of(person.get(key)).strip() for key in _LOCATION_KEYS):
        return Finding(Topic.LOCATION, Verdict.YES, "the page gives a location for you")
    if any(t.strip() for t in snapshot.location_texts):
        return Finding(Topic.LOCATION, Verdict.YES, "your profile's location field is filled in")
    present, valued = labelled(snapshot, LOCATION_LABELS)
    if valued or _LOCATION_WORDS.search(snapshot.text) or has_place(snapshot.text):
        return Finding(Topic.LOCATION, Verdict.YES, "the page says where you live or are based")
    if present:
        return Finding(
            Topic.LOCATION,
            Verdict.UNSURE,
            "the page has a location field but Footprint could not read what it says",
        )
    # A place written in a bio or a post ("nurse in Leeds") has no shape Footprint can be
    # sure of, so finding no location field is not proof that none is shown.
    return Finding(
        Topic.LOCATION,
        Verdict.UNSURE,
        "no location field is filled in, but Footprint cannot recognise every place written "
        "in a bio or a post: look for your town yourself",
    )


# -- connections, posts, activities --------------------------------------------------------
_COUNT_WORDS = r"(?:followers?|following|friends|connections|subscribers)"
_COUNTS = re.compile(
    rf"(?:\b\d[\d,.]*\s?[KkMm]?\+?\s+(?:mutual\s+)?{_COUNT_WORDS}\b)|(?:\b{_COUNT_WORDS}\s*:?\s*\d)"
    # A Facebook Page's "25,758 people like this" / "26,831 people follow this", or its
    # like count on a line of its own; YouTube's count beside its Subscribe button (the
    # captured pages in tests/pages).
    r"|(?:\b\d[\d,.]*\s?[KkMm]?\s+people\s+(?:like|follow)\s+this\b)"
    r"|(?:^\s*\d[\d,.]*\s?[KkMm]?\s+likes\s*$)|(?:subscribe\w*\s*\d[\d,.]*[KkMm]?\b)",
    re.IGNORECASE | re.MULTILINE,
)


def _connections(snapshot: PageSnapshot) -> Finding:
    meta = snapshot.meta
    texts = "\n".join([snapshot.text, meta.get("og:description", ""), meta.get("description", "")])
    counted = _COUNTS.search(texts) is not None or follow_statistic(snapshot)
    if counted or snapshot.people_links:
        return Finding(
            Topic.CONNECTIONS,
            Verdict.YES,
            "the page shows how many followers, friends or connections you have, or links to "
            "the list",
        )
    if snapshot.count_fields:
        # YouTube's subscriber count element, empty or in words Footprint cannot read.
        return Finding(
            Topic.CONNECTIONS,
            Verdict.UNSURE,
            "the page has a place for a follower count but Footprint could not read it",
        )
    return Finding(Topic.CONNECTIONS, Verdict.NO, "no friends, followers or connections are shown")


def _posts(snapshot: PageSnapshot, profile: PublicProfile) -> Finding:
    if says(snapshot.text, profile.private_texts):
        return Finding(
            Topic.POSTS,
            Verdict.NO,
            "the page says your account is private: a stranger cannot see your posts",
        )
    if snapshot.post_elements or count_posts(snapshot.structured):
        return Finding(Topic.POSTS, Verdict.YES, "a stranger can see your posts or activity")
    return Finding(
        Topic.POSTS,
        Verdict.UNSURE,
        "no posts were on the page as it first loaded (some platforms load them only as you "
        "scroll)",
    )


def _activities(snapshot: PageSnapshot) -> list[Finding]:
    if not snapshot.activity_elements:
        return [
            Finding(Topic.ACTIVITIES, Verdict.NO, "no activities are shown"),
            Finding(Topic.MAPS, Verdict.NO, "no activity maps are shown"),
        ]
    maps = (
        Finding(Topic.MAPS, Verdict.YES, "a stranger can see the maps of your activities")
        if snapshot.map_elements
        else Finding(Topic.MAPS, Verdict.NO, "your activities are shown without maps")
    )
    return [Finding(Topic.ACTIVITIES, Verdict.YES, "a stranger can see your activities"), maps]
