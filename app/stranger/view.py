"""What a signed-out stranger saw on one platform: findings, or the obstacle that stopped the look.

Plain values (no Playwright, no Qt, nothing of a page): each finding is a yes / no / can't
tell with a short reason in Footprint's own words. `judge.py` makes them from a page the
stranger's browser captured; the window shows them and `evidence.py` keeps them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

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
