"""What a signed-out stranger sees on the worker's public profile, as findings.

Pure Python (no Playwright, no Qt): `browser.py` captures a page into a `PageSnapshot`, in
memory only, and `judge` turns it into findings — each a yes / no / can't tell with a short
reason written here, never words of the page. The snapshot is dropped as soon as it is
judged: no text, no picture and no name from the page is kept, shown or stored; only the
findings and the date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any
from urllib.parse import unquote

from app.automation.failures import Failure, PageProblem
from app.stranger.public_profiles import PublicProfile

COUNTRY_NOTE = (
    "What a stranger sees can change with the country they look from (cookie notices, "
    "sign-in walls and what a platform shows differ by country); Footprint looks from yours."
)


class Verdict(StrEnum):
    """A finding's answer: a stranger can see it, cannot, or Footprint cannot tell."""

    YES = "yes"
    NO = "no"
    UNSURE = "can't tell"


class Topic(StrEnum):
    """What each finding is about, in the order the worker reads them."""

    PAGE = "page"
    NAME_PHOTO = "name and photo"
    EMPLOYER = "employer"
    CONTACT = "contact"
    LOCATION = "location"
    CONNECTIONS = "connections"
    POSTS = "posts"
    ACTIVITIES = "activities"
    MAPS = "maps"

    @property
    def label(self) -> str:
        """The topic as the worker reads it ("Your employer or job title")."""
        return _TOPIC_LABELS[self]


_TOPIC_LABELS = {
    Topic.PAGE: "Your profile page",
    Topic.NAME_PHOTO: "Your name and profile photo",
    Topic.EMPLOYER: "Your employer or job title",
    Topic.CONTACT: "A phone number or email address",
    Topic.LOCATION: "Your location or home town",
    Topic.CONNECTIONS: "Friends, followers or connections",
    Topic.POSTS: "Your posts and activity",
    Topic.ACTIVITIES: "Your activities",
    Topic.MAPS: "Maps of your activities",
}


@dataclass(frozen=True)
class Finding:
    """One thing a stranger could or could not see, with Footprint's reason."""

    topic: Topic
    verdict: Verdict
    reason: str  # Footprint's own words: never text from the page
    # Why the finding is not the whole story (a wall automated browsers meet, what the
    # platform always shows), in Footprint's words; kept with the finding.
    caveat: str = ""

    def describe(self) -> str:
        """The finding as one plain line for the window."""
        return f"{self.topic.label}: {self.verdict.value} — {self.reason}"


class Obstacle(StrEnum):
    """Why nothing could be seen, each told apart (built on automation's `Failure`)."""

    NO_CONNECTION = "no connection"
    SLOW = "too slow"
    BUSY = "page kept the browser busy"
    NOT_A_PAGE = "a file, not a page"
    REDIRECT_LOOP = "endless redirect"
    SITE_ERROR = "site error"
    RATE_LIMITED = "rate limited"
    NOT_FOUND = "not found"
    COOKIE_NOTICE = "cookie notice"
    WRONG_SITE = "not the platform's own site"
    NOTHING_SHOWN = "nothing shown"
    BROWSER_ERROR = "browser error"

    def sentence(self, platform: str, detail: str = "") -> str:
        """What happened and what to do, e.g. "LinkedIn is limiting visits … — wait an hour…"."""
        message, step = _OBSTACLES[self]
        said = message.replace("{platform}", platform)
        if detail:
            said += f" ({detail})"
        return f"{said} — {step.replace('{platform}', platform)}."


_OBSTACLES: dict[Obstacle, tuple[str, str]] = {
    Obstacle.NO_CONNECTION: (
        "{platform} could not be reached",
        "check your internet connection, then try again",
    ),
    Obstacle.SLOW: ("the page took too long to load", "try again in a few minutes"),
    Obstacle.BUSY: (
        "a script on the page kept the browser busy",
        "try again later; if it happens again, look at the page yourself in a private "
        "(incognito) window",
    ),
    Obstacle.NOT_A_PAGE: (
        "the address gives a file to download, not a profile page",
        "check the address in Settings, under Your public profiles",
    ),
    Obstacle.REDIRECT_LOOP: (
        "{platform} kept sending the browser from one address to another and never showed a page",
        "try again later; if it happens again, check the address in Settings",
    ),
    Obstacle.SITE_ERROR: ("{platform} showed an error page", "try again later"),
    Obstacle.RATE_LIMITED: (
        "{platform} is limiting visits from this computer for now",
        "wait an hour before trying again (this says nothing about your settings)",
    ),
    Obstacle.NOT_FOUND: (
        "{platform} says there is no page at this address, or it does not show it to strangers",
        "check the address in Settings, under Your public profiles",
    ),
    Obstacle.COOKIE_NOTICE: (
        "a cookie notice was in the way",
        "Footprint only ever declines optional cookies and found no such choice; look at "
        "the page yourself in a private (incognito) window",
    ),
    Obstacle.WRONG_SITE: (
        "{platform} sent the browser to another site",
        "Footprint looks only at {platform}'s own site; look yourself in a private window",
    ),
    Obstacle.NOTHING_SHOWN: (
        "the page showed nothing Footprint could read (it may need more time, or {platform} "
        "may turn automated browsers away)",
        "look at the page yourself in a private (incognito) window",
    ),
    Obstacle.BROWSER_ERROR: ("the browser reported an error", "try again"),
}
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


@dataclass(frozen=True)
class StrangerView:
    """What a stranger saw on one platform, when: findings, or the obstacle that stopped it."""

    platform_id: str
    platform_name: str
    address: str
    seen_at: datetime
    findings: tuple[Finding, ...] = ()
    obstacle: Obstacle | None = None
    problem: str = ""  # the obstacle as a sentence for the worker

    @property
    def notes(self) -> tuple[str, ...]:
        """What is always public, a wall's caveat: the findings' caveats, each said once."""
        return tuple(dict.fromkeys(f.caveat for f in self.findings if f.caveat))

    def finding(self, topic: Topic) -> Finding | None:
        """The finding about `topic`, if the look made one."""
        return next((f for f in self.findings if f.topic is topic), None)

    @property
    def walled(self) -> bool:
        """A stranger met a sign-in wall instead of the profile."""
        page = self.finding(Topic.PAGE)
        return page is not None and page.verdict is Verdict.NO

    def summary(self) -> str:
        """The platform's outcome in a few words, for its heading."""
        if self.obstacle is not None:
            return "could not look"
        if self.walled:
            return "a signed-out stranger was asked to sign in"
        looked = [f for f in self.findings if f.topic is not Topic.PAGE]
        seen = sum(1 for f in looked if f.verdict is Verdict.YES)
        return f"a stranger can see {seen} of the {len(looked)} things Footprint looks for"

    def lines(self) -> list[str]:
        """The view as plain lines for the window: findings, notes, or the problem."""
        if self.obstacle is not None:
            return [f"Could not look: {self.problem}"]
        return [f.describe() for f in self.findings] + list(self.notes)


@dataclass(frozen=True)
class WorkerTerms:
    """What to look for, from the worker's Footprint profile (never from the page)."""

    name: str = ""
    organisation: str = ""
    role: str = ""


@dataclass(frozen=True)
class PageSnapshot:
    """One page as a stranger's browser showed it: in memory only, judged, then dropped.

    Nothing here is logged or stored (`repr` hides the page's words).
    """

    path: str  # where the browser ended up on the platform's site, after redirects
    status: int = 200
    asked_path: str = ""  # the profile's own path, as the worker's address asks for it
    title: str = field(default="", repr=False)
    text: str = field(default="", repr=False)  # the visible text
    meta: Mapping[str, str] = field(default_factory=dict, repr=False)  # og:…, description
    structured: tuple[Any, ...] = field(default=(), repr=False)  # parsed JSON-LD blocks
    password_field: bool = False  # a visible password field (a login form)
    login_dialog: bool = False  # a modal dialog holding a login form, over the page
    headings: tuple[str, ...] = field(default=(), repr=False)  # h1 texts
    location_texts: tuple[str, ...] = field(default=(), repr=False)  # known location fields
    contact_links: int = 0  # tel: and mailto: links
    post_elements: int = 0  # posts, videos, pins, activities on the page
    activity_elements: int = 0  # Strava-like activity cards
    map_elements: int = 0  # maps (images, canvases, map widgets) on the page
    avatar: bool = False  # an image that looks like a profile photo
    people_links: int = 0  # links to followers, friends or connections lists
    # Label and value side by side on the page, however laid out ("Location" then the town
    # in the next element): (label, value) for labels in `LABELS`.
    pairs: tuple[tuple[str, str], ...] = field(default=(), repr=False)
    # The page's embedded data (JSON in script elements), bounded: read only for the
    # platforms' "no such account" states.
    embedded: str = field(default="", repr=False)
    canonical: str = field(default="", repr=False)  # <link rel="canonical">
    language: str = ""  # the document's own lang attribute ("en-GB")
    count_fields: int = 0  # elements made to hold a follower or subscriber count


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
        _contains(snapshot.text, name) for name in _names(snapshot, terms)
    )


def _names(snapshot: PageSnapshot, terms: WorkerTerms) -> list[str]:
    person = _main_person(snapshot) or {}
    names = [terms.name, handle_of(snapshot.asked_path), _text_of(person.get("name"))]
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
    title = _apostrophes(snapshot.title).strip()
    if says(snapshot.text, profile.missing_texts) or says(title, profile.missing_texts):
        return True
    if title in profile.missing_titles or _MISSING_WORDS.search(title):
        return True
    text = _apostrophes(snapshot.text).strip()
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
    if meta.get("og:type") == "profile" or _people(snapshot):
        return True
    titles = [snapshot.title, meta.get("og:title", ""), *snapshot.headings]
    name = terms.name if terms is not None else ""
    if name.strip() and any(_contains(title, name) for title in titles):
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


def says(text: str, phrases: Sequence[str]) -> bool:
    """Whether `text` contains any of `phrases`, ignoring case and curly apostrophes (pages
    and the platforms' own wording differ in both)."""
    plain = _apostrophes(text).casefold()
    return any(_apostrophes(p).casefold() in plain for p in phrases if p)


def _apostrophes(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'")


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


# -- name and photo ------------------------------------------------------------------------
def _name_and_photo(snapshot: PageSnapshot, terms: WorkerTerms) -> Finding:
    person = _main_person(snapshot)
    names = [snapshot.title, snapshot.meta.get("og:title", ""), *snapshot.headings]
    names.append(_text_of(person.get("name")) if person else "")
    own = bool(terms.name.strip()) and (
        _contains(" ".join(names), terms.name) or _contains(snapshot.text, terms.name)
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


# -- employer and job title ----------------------------------------------------------------
_SUFFIXES = ("limited", "ltd", "plc", "llp", "llc", "inc", "cic", "community interest company")
_ABBREVIATIONS = (
    ("national health service", "nhs"),
    ("health and social care partnership", "hscp"),
    ("health and social care trust", "hsc trust"),
    ("saint", "st"),
)
# Words that name a kind of organisation, not one in particular: a variant made only of these
# ("Care Services", "NHS Trust") would match countless strangers' pages.
_GENERIC = frozenset(
    "the and of for a an care health social services service support home homes council "
    "trust nhs group community housing agency team staff company partnership hscp hsc city "
    "county borough local authority centre center work worker workers st saint my our "
    "limited ltd plc llp llc inc cic uk scotland england wales ireland northern".split()
)


def organisation_variants(organisation: str) -> list[str]:
    """The organisation as a stranger may see it written, normalised (see `_normal`): as
    given, without a legal suffix ("Ltd", "Limited"…), without a leading "The", without a
    bracketed aside, and with well-known abbreviations swapped either way ("National Health
    Service" ⇄ "NHS"). Variants that are too short or only generic words are dropped."""
    base = _normal(re.sub(r"\([^)]*\)", " ", organisation))
    forms = {_normal(organisation), base}
    for form in list(forms):
        words = _without_suffix(form.split())
        forms.add(" ".join(words[1:] if words[:1] == ["the"] else words))
    for long, short in _ABBREVIATIONS:
        for form in list(forms):
            padded = f" {form} "
            if f" {long} " in padded:
                forms.add(padded.replace(f" {long} ", f" {short} ").strip())
            if f" {short} " in padded:
                forms.add(padded.replace(f" {short} ", f" {long} ").strip())
    return sorted(f for f in forms if _distinctive(f))


def _without_suffix(words: list[str]) -> list[str]:
    """The words without trailing legal suffixes ("… Care Ltd", "… Limited")."""
    changed = True
    while changed:
        changed = False
        for suffix in _SUFFIXES:
            tail = suffix.split()
            if len(words) > len(tail) and words[-len(tail) :] == tail:
                words, changed = words[: -len(tail)], True
    return words


def _distinctive(form: str) -> bool:
    """Long enough, and not only generic words, also once abbreviations are contracted
    ("National Health Service Trust" is "NHS Trust": generic)."""
    contracted = f" {form} "
    for long, short in _ABBREVIATIONS:
        contracted = contracted.replace(f" {long} ", f" {short} ")
    words = contracted.split()
    return len(form.replace(" ", "")) >= 4 and any(w not in _GENERIC for w in words)


def role_variants(role: str) -> list[str]:
    """The job title, normalised; kept when it is at least five letters long."""
    form = _normal(role)
    return [form] if len(form.replace(" ", "")) >= 5 else []


def _normal(text: str) -> str:
    """Lower case, "&" as "and", apostrophes dropped, other punctuation as spaces."""
    lowered = _apostrophes(text).casefold().replace("&", " and ").replace("'", "")
    return " ".join(re.sub(r"[^\w]+", " ", lowered).split())


# Where one phrase of a page ends and the next begins: a line break, a bar or bullet, or a
# full stop after a word of four or more letters ("St." and "Ltd." do not end a phrase).
_BREAK = re.compile(r"[\n\r!?;|•·]+|(?<=\w{4})\.(?=\s|$)")


def _phrases(text: str) -> str:
    """The text normalised phrase by phrase, each padded with spaces and kept apart by a
    line break, so a name never matches across two lines or sentences ("… the riverside.
    Care for …" is not "Riverside Care")."""
    return "\n".join(f" {_normal(part)} " for part in _BREAK.split(text))


def _contains(text: str, phrase: str) -> bool:
    """Whether `phrase` appears in `text` as whole words, ignoring case and punctuation,
    within one phrase of it."""
    wanted = _normal(phrase)
    return bool(wanted) and f" {wanted} " in _phrases(text)


def _employer(snapshot: PageSnapshot, terms: WorkerTerms) -> Finding:
    if not terms.organisation.strip() and not terms.role.strip():
        return Finding(
            Topic.EMPLOYER,
            Verdict.UNSURE,
            "add your organisation and role in Settings so Footprint can look for them",
        )
    meta = snapshot.meta
    texts = [snapshot.text, meta.get("og:description", ""), meta.get("description", "")]
    haystack = "\n".join([*texts, *_strings(snapshot.structured)])
    padded = _phrases(haystack)
    employer = any(f" {v} " in padded for v in organisation_variants(terms.organisation))
    role = any(f" {v} " in padded for v in role_variants(terms.role))
    if employer or role:
        what = " and ".join(w for w in ("your employer" if employer else "",
                                        "your job title" if role else "") if w)  # fmt: skip
        return Finding(Topic.EMPLOYER, Verdict.YES, f"{what} (as in your Footprint profile) "
                       f"{_is_are(what)} on the page")  # fmt: skip
    person = _main_person(snapshot) or {}
    if person.get("worksFor") or person.get("jobTitle") or labelled(snapshot, WORK_LABELS)[1]:
        return Finding(
            Topic.EMPLOYER,
            Verdict.YES,
            "the page lists a workplace or job title (not the one in your Footprint profile)",
        )
    return Finding(
        Topic.EMPLOYER, Verdict.NO, "neither your organisation nor your role is on the page"
    )


# -- phone numbers and email addresses -----------------------------------------------------
# Not after a letter, digit, "+", "/" or "=": a number inside an address or a query (an ISBN in
# "amazon.com/dp/0805078533/", on a captured LinkedIn page) is not a phone number.
_PHONE_CANDIDATE = re.compile(r"(?<![\w+/=])(?:\+|\(?0)[\d\s().\-]{8,20}\d(?!\w)")
_EMAIL = re.compile(
    r"(?<![\w.%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}(?![\w\-])"
)


def has_phone_number(text: str) -> bool:
    """A phone number's shape: starting with + or 0, 10 to 13 digits, spaces, dots, hyphens
    and brackets between them (never two separators in a row, so counts and dates do not
    count)."""
    for match in _PHONE_CANDIDATE.finditer(text):
        candidate = match.group()
        digits = sum(c.isdigit() for c in candidate)
        if 10 <= digits <= 13 and not re.search(r"[\s.\-]{2,}", candidate.replace("(", "")):
            return True
    return False


def has_email_address(text: str) -> bool:
    """Whether `text` holds something shaped like an email address."""
    return _EMAIL.search(text) is not None


def _contact(snapshot: PageSnapshot) -> Finding:
    person = _main_person(snapshot) or {}
    texts = " ".join([snapshot.text, snapshot.meta.get("og:description", "")])
    phone = has_phone_number(texts) or bool(person.get("telephone"))
    email = has_email_address(texts) or bool(person.get("email"))
    if phone or email or snapshot.contact_links:
        what = " and ".join(w for w in ("a phone number" if phone else "",
                                        "an email address" if email else "") if w)  # fmt: skip
        what = what or "a link to call or email you"
        return Finding(Topic.CONTACT, Verdict.YES, f"{what} {_is_are(what)} on the page")
    return Finding(Topic.CONTACT, Verdict.NO, "no phone number or email address is on the page")


# -- label and value, however laid out ------------------------------------------------------
# The labels platforms put before a location or a workplace. A label "Location" followed by the
# town on the next line (or in the next element), with no colon, is as shown as "Location: …".
LOCATION_LABELS = ("location", "lives in", "based in", "from", "hometown", "home town",
                   "current city", "city", "town", "address", "lives")  # fmt: skip
WORK_LABELS = (
    "works at",
    "workplace",
    "employer",
    "company",
    "current company",
    "job title",
    "occupation",
    "position",
    "work",
    "experience",
    "current position",
    "current",
)  # fmt: skip  (LinkedIn's "Current" then the workplaces)
LABELS = LOCATION_LABELS + WORK_LABELS
_LONGEST_VALUE = 120  # a field's value, not a paragraph


def labelled(snapshot: PageSnapshot, labels: Sequence[str]) -> tuple[bool, bool]:
    """Whether one of `labels` is on the page, and whether one has a value beside it: in
    the same line after it ("Lives in Leeds", "Location: Leeds"), on the next line ("Location"
    then "Leeds"), or in the element after it (`pairs`, read by the browser)."""
    wanted = {_label(label) for label in labels}
    present = valued = False
    for label, value in snapshot.pairs:
        if _label(label) in wanted:
            present = True
            valued = valued or _is_value(value, wanted)
    lines = [line.strip() for line in snapshot.text.splitlines()]
    lines = [line for line in lines if line]
    for index, line in enumerate(lines):
        head = _label(line)
        if head in wanted:
            present = True
            following = lines[index + 1] if index + 1 < len(lines) else ""
            valued = valued or _is_value(following, wanted)
            continue
        for label in wanted:
            rest = _after_label(line, label)
            if rest is not None:
                present = True
                valued = valued or _is_value(rest, wanted)
    return present, valued


def _label(text: str) -> str:
    return " ".join(_apostrophes(text).strip().rstrip(":：").casefold().split())


def _after_label(line: str, label: str) -> str | None:
    """What follows `label` at the start of `line` ("Location: Leeds" → "Leeds"); None
    when the line does not start with the label as a word of its own. Without a colon only
    the labels that read as a phrase ("Lives in Leeds", "From Leeds") count."""
    plain = " ".join(_apostrophes(line).split())
    if not plain.casefold().startswith(label) or len(plain) == len(label):
        return None
    rest = plain[len(label) :]
    if rest[0] in ":：":
        return rest[1:].strip()
    if rest[0] == " " and label in _PHRASE_LABELS:
        return rest.strip()
    return None


_PHRASE_LABELS = frozenset({"lives in", "based in", "works at"})  # "From the …" is a sentence


def _is_value(text: str, labels: set[str]) -> bool:
    value = text.strip()
    return 0 < len(value) <= _LONGEST_VALUE and _label(value) not in labels


# -- location ------------------------------------------------------------------------------
_LOCATION_KEYS = ("address", "homeLocation", "location")
_LOCATION_WORDS = re.compile(r"\b(?:Lives in|Based in|Location:)\s+\S", re.IGNORECASE)


def _location(snapshot: PageSnapshot) -> Finding:
    person = _main_person(snapshot) or {}
    if any(_text_of(person.get(key)).strip() for key in _LOCATION_KEYS):
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


# A postcode, or a short line ending in a country ("Postfach 1242, Bad Kreuznach, Germany").
_UK_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b")
_COUNTRIES = ("united kingdom", "uk", "england", "scotland", "wales", "northern ireland",
              "ireland", "germany", "france", "spain", "italy", "portugal", "netherlands",
              "belgium", "poland", "romania", "united states", "usa", "canada", "australia",
              "new zealand", "india", "nigeria", "south africa", "philippines", "brazil",
              "mexico", "switzerland", "austria", "sweden", "norway", "denmark", "finland",
              "greece", "turkey", "egypt", "kenya", "ghana", "zimbabwe", "pakistan")  # fmt: skip
_PLACE_LINE = re.compile(
    r"^[^\n]{2,60},\s*(?:" + "|".join(re.escape(c) for c in _COUNTRIES) + r")\s*$",
    re.IGNORECASE | re.MULTILINE,
)


def has_place(text: str) -> bool:
    """A postcode, or a short line that ends in a country: a location, whatever its label."""
    return bool(_UK_POSTCODE.search(text) or _PLACE_LINE.search(text))


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
    counted = _COUNTS.search(texts) is not None or _follow_statistic(snapshot)
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


_POST_TYPES = {"Article", "SocialMediaPosting", "BlogPosting", "VideoObject", "ImageObject",
               "DiscussionForumPosting", "Comment"}  # fmt: skip
# Keys under which a media object is the profile's picture or a thumbnail, not a post.
_PICTURE_KEYS = frozenset({"image", "logo", "photo", "thumbnail", "thumbnailUrl",
                           "primaryImageOfPage", "associatedMedia", "avatar"})  # fmt: skip


def count_posts(structured: Sequence[Any]) -> int:
    """Posts in the structured data: objects of a post's type, except media that stands
    for a picture (a Person's or a page's `image`, a thumbnail)."""
    found = 0
    for key, item in _keyed_objects(structured):
        kinds = _types(item) & _POST_TYPES
        if kinds and not (key in _PICTURE_KEYS and kinds <= {"ImageObject", "VideoObject"}):
            found += 1
    return found


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


# -- structured data -----------------------------------------------------------------------
def _objects(value: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in the structured data, depth first (JSON-LD nests through @graph,
    mainEntity and lists)."""
    for _key, item in _keyed_objects(value):
        yield item


def _keyed_objects(value: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every JSON object with the key it stands under ("" at the top or in a list's own
    list), depth first, to a bound: structured data from a page is not trusted."""
    stack: list[tuple[str, Any]] = [("", value)]
    seen = 0
    while stack and seen < 5000:
        key, current = stack.pop()
        seen += 1
        if isinstance(current, dict):
            yield key, current
            stack.extend(reversed([(str(k), v) for k, v in current.items()]))
        elif isinstance(current, (list, tuple)):
            stack.extend(reversed([(key, v) for v in current]))


def _types(item: Mapping[str, Any]) -> set[str]:
    kind = item.get("@type")
    if isinstance(kind, str):
        return {kind}
    if isinstance(kind, list):
        return {k for k in kind if isinstance(k, str)}
    return set()


def _people(snapshot: PageSnapshot) -> list[dict[str, Any]]:
    return [item for item in _objects(snapshot.structured) if _types(item) & {"Person"}]


def _main_person(snapshot: PageSnapshot) -> dict[str, Any] | None:
    """The profile's own person: a ProfilePage's main entity, else the first Person (later
    ones may be other people, such as "people also viewed")."""
    for item in _objects(snapshot.structured):
        main = item.get("mainEntity")
        if _types(item) & {"ProfilePage"} and isinstance(main, dict):
            return main
    people = _people(snapshot)
    return people[0] if people else None


def _follow_statistic(snapshot: PageSnapshot) -> bool:
    for item in _objects(snapshot.structured):
        kind = _text_of(item.get("interactionType"))
        if item.get("userInteractionCount") is not None and ("Follow" in kind or
                                                              "Subscribe" in kind):  # fmt: skip
            return True
    return False


_TEXT_DEPTH = 32  # deeper than any real profile's structured data; a page's is not trusted


def _text_of(value: Any, depth: int = 0) -> str:
    """A structured field as text: a string, a {"name": …} object (its "@" keys left out),
    or a list of them; nothing below `_TEXT_DEPTH` levels (like `_objects`, bounded)."""
    if isinstance(value, str):
        return value
    if depth >= _TEXT_DEPTH:
        return ""
    if isinstance(value, dict):
        # "@type", "@id", "@context" say what kind of value this is, not what it says.
        return " ".join(
            _text_of(v, depth + 1) for k, v in value.items() if not str(k).startswith("@")
        )
    if isinstance(value, list):
        return " ".join(_text_of(v, depth + 1) for v in value)
    return ""


def _strings(structured: Sequence[Any]) -> Iterator[str]:
    """The text values of the profile's own structured data (its main person), for the
    employer search; other people in the data are left out."""
    for item in structured:
        for obj in _objects(item):
            if _types(obj) & {"ProfilePage"} and isinstance(obj.get("mainEntity"), dict):
                yield _text_of(obj["mainEntity"])
                return
    people = [o for item in structured for o in _objects(item) if _types(o) & {"Person"}]
    if people:
        yield _text_of(people[0])
