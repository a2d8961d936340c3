"""What a stranger could see, as evidence for the audit: stored findings and where they fit.

"See what a stranger sees" (app/automation/outside.py) turns each public profile page into
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
from datetime import datetime
from types import MappingProxyType

from app.audit.answers import AnswerStatus
from app.formatting import short_date

YES, NO, UNSURE = "yes", "no", "can't tell"  # app.automation.stranger_view.Verdict values
VERDICTS = (YES, NO, UNSURE)

# Topic (app.automation.stranger_view.Topic value) → the items it is evidence for, per
# platform. Only where what a stranger sees says how the setting stands: a visible LinkedIn
# page means public visibility is on; Instagram's follower count is public even on a private
# account, so "connections" says nothing about any Instagram setting and is not mapped.
TOPIC_ITEMS: Mapping[str, Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "facebook": {
            "connections": ("friend-list-visibility",),
            "posts": ("future-posts-audience",),
            "contact": ("profile-contact-details",),
        },
        "instagram": {"posts": ("private-account",)},
        "x": {"posts": ("private-account",)},
        "linkedin": {
            "page": ("search-engine-visibility",),
            "employer": ("profile-workplace",),
            "contact": ("profile-contact-details",),
        },
        "tiktok": {
            "posts": ("private-account",),
            "employer": ("profile-workplace",),
            "contact": ("profile-workplace",),
        },
        "youtube": {
            "employer": ("channel-about",),
            "contact": ("channel-about",),
            "location": ("channel-about",),
        },
        "strava": {"activities": ("activities-default",)},
        "threads": {"posts": ("private-profile",)},
        "bluesky": {"page": ("logged-out-visibility",)},
        "pinterest": {"employer": ("profile-details",), "location": ("profile-details",)},
        "reddit": {
            "employer": ("profile-details",),
            "location": ("profile-details",),
            "posts": ("content-and-activity",),
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


@dataclass(frozen=True)
class SeenFinding:
    """One finding of a stranger's view, as stored: no page text, no address, no names."""

    platform_id: str
    topic: str
    verdict: str
    reason: str  # Footprint's own words
    seen_at: datetime

    def describe(self) -> str:
        """ "Your employer or job title: yes — …", for the report."""
        what = _SEEN.get(self.topic, self.topic)
        return f"{what[:1].upper()}{what[1:]}: {self.verdict} — {self.reason}"

    def sentence(self, platform_name: str) -> str:
        """ "A stranger could see your employer on LinkedIn on 26 Nov 2025"."""
        what = _SEEN.get(self.topic, self.topic)
        could = {YES: "could see", NO: "could not see"}.get(self.verdict, "could not tell")
        if self.verdict == UNSURE:
            return (
                f"Footprint could not tell whether a stranger can see {what} on "
                f"{platform_name} ({short_date(self.seen_at)}): {self.reason}"
            )
        return f"A stranger {could} {what} on {platform_name} on {short_date(self.seen_at)}"


@dataclass(frozen=True)
class OutsideEvidence:
    """What a stranger's view says about one audit item."""

    platform_id: str
    item_id: str
    findings: tuple[SeenFinding, ...]
    suggested: AnswerStatus | None  # None: the worker must look (never pre-filled)

    @property
    def seen_at(self) -> datetime:
        """When the newest of these findings was seen."""
        return max(f.seen_at for f in self.findings)

    def sentences(self, platform_name: str) -> list[str]:
        """Each finding as a sentence for the audit page, in Footprint's words."""
        return [f.sentence(platform_name) for f in self.findings]

    def observed(self, platform_name: str) -> str:
        """The answer's "value seen": the evidence sentences, Footprint's words only."""
        return "; ".join(self.sentences(platform_name))


def suggested_answer(verdicts: Iterable[str]) -> AnswerStatus | None:
    """Any "yes, visible" → Needs action; all "no" → Safe; otherwise nothing is suggested
    ("can't tell" is never turned into an answer)."""
    seen = list(verdicts)
    if YES in seen:
        return AnswerStatus.NEEDS_ACTION
    if seen and all(v == NO for v in seen):
        return AnswerStatus.SAFE
    return None


def evidence_for(findings: Iterable[SeenFinding]) -> dict[tuple[str, str], OutsideEvidence]:
    """Every mapped item's evidence, by (platform, item), from the latest findings."""
    grouped: dict[tuple[str, str], list[SeenFinding]] = {}
    for finding in findings:
        for item_id in TOPIC_ITEMS.get(finding.platform_id, {}).get(finding.topic, ()):
            grouped.setdefault((finding.platform_id, item_id), []).append(finding)
    return {
        key: OutsideEvidence(*key, tuple(found), suggested_answer(f.verdict for f in found))
        for key, found in grouped.items()
    }


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
