"""What a stranger could see, as evidence for the audit: stored findings and where they fit.

"See what a stranger sees" (app/stranger/look.py) turns each public profile page into
findings — a topic, a verdict (yes / no / can't tell) and a reason in Footprint's own words.
Only those are kept (`SeenFinding`: never the page's text, the address or anyone's name),
and here they meet the checklist: `TOPIC_ITEMS` says which audit item each topic is evidence
for, and `evidence_for` turns the findings of one item into a sentence and the answer they
suggest. Plain Python: topics and verdicts are their string values, so this layer does not
depend on automation.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import MappingProxyType

from app.audit.answers import AnswerStatus
from app.formatting import short_date

YES, NO, UNSURE = "yes", "no", "can't tell"  # app.stranger.view.Verdict values

SIGNED_IN_NOTE = (
    "Someone signed in to the platform (for example a Facebook user, or one of your friends, "
    "followers or connections) may see more than a signed-out stranger does."
)


@dataclass(frozen=True)
class ItemLink:
    """One audit item a topic is evidence for, and whether a "no" from a signed-out page can
    suggest Safe.

    A stranger seeing something proves the setting is not safe, so "yes" may always suggest
    Needs action. A signed-out "no" proves the setting safe only when the setting is exactly
    about what signed-out visitors see (`hidden_is_safe`); otherwise people signed in to the
    platform may still see it, and the "no" is shown as evidence but suggests nothing.
    """

    item_id: str
    hidden_is_safe: bool


def _either(item_id: str) -> ItemLink:
    """ "yes" suggests Needs action, "no" suggests Safe."""
    return ItemLink(item_id, hidden_is_safe=True)


def _yes_only(item_id: str) -> ItemLink:
    """ "yes" suggests Needs action; "no" suggests nothing (the worker must look)."""
    return ItemLink(item_id, hidden_is_safe=False)


# Topic (app.stranger.view.Topic value) → the items it is evidence for, per
# platform, each with why a signed-out "no" does or does not prove the setting safe. Only
# where what a stranger sees says how the setting stands: Instagram's follower count is
# public even on a private account, so "connections" says nothing about any Instagram setting
# and is not mapped; neither is "name and photo" (a name shown may be a made-up one).
TOPIC_ITEMS: Mapping[str, Mapping[str, tuple[ItemLink, ...]]] = MappingProxyType(
    {
        "facebook": {
            # The goal is "only you": no friends shown signed out says nothing of Friends.
            "connections": (_yes_only("friend-list-visibility"),),
            # The goal is Friends, not Public: signed out cannot tell Friends from Only me,
            # nor see what friends of friends see.
            "posts": (_yes_only("future-posts-audience"),),
            # Contact details may be shown to friends: hidden from strangers is not "only you".
            "contact": (_yes_only("profile-contact-details"),),
        },
        # A "no" about posts comes only from the platform's own "this account is private",
        # which is the setting itself, as everyone not approved sees it.
        "instagram": {"posts": (_either("private-account"),)},
        "x": {"posts": (_either("private-account"),)},
        "linkedin": {
            # "Public visibility" is exactly what people who are not signed in see (a wall is
            # no proof on LinkedIn: its caveat stops the suggestion, see `evidence_for`).
            "page": (_either("search-engine-visibility"),),
            # The public profile's Experience section is exactly what signed-out people see.
            "employer": (_either("profile-workplace"),),
            # Contact info is only ever shown to connections: hidden from strangers always.
            "contact": (_yes_only("profile-contact-details"),),
        },
        "tiktok": {
            "posts": (_either("private-account"),),  # "this account is private", as above
            # The goal also covers logos and workplaces in pictures, which Footprint cannot see.
            "employer": (_yes_only("profile-workplace"),),
            "contact": (_yes_only("profile-workplace"),),
        },
        "youtube": {
            # The look loads the channel's home page, not its About section.
            "employer": (_yes_only("channel-about"),),
            "contact": (_yes_only("channel-about"),),
            "location": (_yes_only("channel-about"),),
        },
        # The setting chooses between followers and you: both are signed in.
        "strava": {"activities": (_yes_only("activities-default"),)},
        "threads": {"posts": (_either("private-profile"),)},  # "this profile is private"
        # The setting is exactly about signed-out visitors (a wall is no proof on Bluesky: its
        # caveat stops the suggestion, see `evidence_for`).
        "bluesky": {"page": (_either("logged-out-visibility"),)},
        # The goal also covers the full name, which is not mapped: employer and location
        # hidden do not make the profile safe.
        "pinterest": {
            "employer": (_yes_only("profile-details"),),
            "location": (_yes_only("profile-details"),),
        },
        "reddit": {
            "employer": (_yes_only("profile-details"),),  # as Pinterest: the name is not mapped
            "location": (_yes_only("profile-details"),),
            # A signed-out page without posts may only not have loaded them yet.
            "posts": (_yes_only("content-and-activity"),),
        },
    }
)
# What "yes" means per topic, for the evidence sentence ("could see your employer").
_SEEN = {
    "page": "your profile page",
    "name and photo": "your name or photo",
    "employer": "your employer or job title",
    "contact": "a phone number or email address",
    "location": "your location",
    "connections": "your friends, followers or connections",
    "posts": "your posts",
    "activities": "your activities",
    "maps": "the maps of your activities",
}


def what_is_seen(topic: str) -> str:
    """What a "yes" about `topic` means, for sentences ("your employer or job title")."""
    return _SEEN.get(topic, topic)


@dataclass(frozen=True)
class SeenFinding:
    """One finding of a stranger's view, as stored: no page text, no address, no names."""

    platform_id: str
    topic: str
    verdict: str
    reason: str  # Footprint's own words
    seen_at: datetime
    # Footprint's words on why this finding is not the whole story (a wall that automated
    # browsers meet, what the platform always shows): said wherever the finding is. A "no"
    # that carries one is no proof, so it suggests no answer.
    caveat: str = ""

    def describe(self) -> str:
        """ "Your employer or job title: yes — …", and its caveat, for the report."""
        what = _SEEN.get(self.topic, self.topic)
        said = f"{what[:1].upper()}{what[1:]}: {self.verdict} — {self.reason}"
        return f"{said}. {self.caveat}" if self.caveat else said

    def sentence(self, platform_name: str) -> str:
        """ "A signed-out stranger could see your employer on LinkedIn on 26 Nov 2025"."""
        what = _SEEN.get(self.topic, self.topic)
        could = {YES: "could see", NO: "could not see"}.get(self.verdict, "could not tell")
        if self.verdict == UNSURE:
            return (
                f"Footprint could not tell whether a signed-out stranger can see {what} on "
                f"{platform_name} ({short_date(self.seen_at)}): {self.reason}"
            )
        when = short_date(self.seen_at)
        return f"A signed-out stranger {could} {what} on {platform_name} on {when}"


@dataclass(frozen=True)
class OutsideEvidence:
    """What a stranger's view says about one audit item."""

    platform_id: str
    item_id: str
    findings: tuple[SeenFinding, ...]
    suggested: AnswerStatus | None  # None: the worker must look (never pre-filled)
    # Seen longer ago than the platform's re-check interval: platforms reset settings, so
    # the look is as out of date as a check would be and suggests nothing until repeated.
    stale: bool = False

    @property
    def seen_at(self) -> datetime:
        """When the newest of these findings was seen."""
        return max(f.seen_at for f in self.findings)

    def sentences(self, platform_name: str) -> list[str]:
        """Each finding as a sentence for the audit page, in Footprint's words."""
        return [f.sentence(platform_name) for f in self.findings]

    @property
    def caveats(self) -> list[str]:
        """The findings' caveats, each once, in order."""
        return list(dict.fromkeys(f.caveat for f in self.findings if f.caveat))

    def observed(self, platform_name: str) -> str:
        """The answer's "value seen": the evidence sentences, Footprint's words only."""
        return "; ".join(self.sentences(platform_name))


def suggested_answer(verdicts: Iterable[str], *, hidden_is_safe: bool) -> AnswerStatus | None:
    """Any "yes, visible" → Needs action; all "no" → Safe, but only where a signed-out "no"
    proves the setting (`ItemLink.hidden_is_safe`); otherwise nothing is suggested ("can't
    tell" is never turned into an answer)."""
    seen = list(verdicts)
    if YES in seen:
        return AnswerStatus.NEEDS_ACTION
    if hidden_is_safe and seen and all(v == NO for v in seen):
        return AnswerStatus.SAFE
    return None


def evidence_for(
    findings: Iterable[SeenFinding],
    *,
    now: datetime | None = None,
    recheck_days: Mapping[str, int] | None = None,
) -> dict[tuple[str, str], OutsideEvidence]:
    """Every mapped item's evidence, by (platform, item), from the latest findings. A "no"
    proves nothing for an item whose setting also covers signed-in people, nor when it carries
    a caveat (a sign-in wall that automated browsers meet is not the worker's setting).
    Evidence older than its platform's re-check interval (`recheck_days`, counted back from
    `now`) is stale and suggests nothing."""
    grouped: dict[tuple[str, str], list[SeenFinding]] = {}
    proof: dict[tuple[str, str], bool] = {}
    for finding in findings:
        for link in TOPIC_ITEMS.get(finding.platform_id, {}).get(finding.topic, ()):
            key = (finding.platform_id, link.item_id)
            grouped.setdefault(key, []).append(finding)
            hedged = finding.verdict == NO and bool(finding.caveat)
            proof[key] = proof.get(key, True) and link.hidden_is_safe and not hedged
    evidence = {}
    for key, found in grouped.items():
        days = (recheck_days or {}).get(key[0])
        newest = max(f.seen_at for f in found)
        stale = now is not None and days is not None and now - newest > timedelta(days=days)
        suggested = suggested_answer((f.verdict for f in found), hidden_is_safe=proof[key])
        evidence[key] = OutsideEvidence(*key, tuple(found), None if stale else suggested, stale)
    return evidence


def latest_per_platform(findings: Iterable[SeenFinding]) -> dict[str, list[SeenFinding]]:
    """The findings of each platform's newest look, by platform."""
    newest: dict[str, datetime] = {}
    found = list(findings)
    for finding in found:
        earlier = newest.get(finding.platform_id, finding.seen_at)
        newest[finding.platform_id] = max(finding.seen_at, earlier)
    by_platform: dict[str, list[SeenFinding]] = {}
    for finding in found:
        if finding.seen_at == newest[finding.platform_id]:
            by_platform.setdefault(finding.platform_id, []).append(finding)
    return by_platform
