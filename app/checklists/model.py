"""The audit definitions as frozen values: read-only data, never changed after loading."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class Category(StrEnum):
    SEARCH_VISIBILITY = "search_visibility"
    ACCOUNT_PRIVACY = "account_privacy"
    CONNECTIONS = "connections"
    CONTACT = "contact"
    TAGGING = "tagging"
    LOCATION = "location"
    PROFILE = "profile"
    ACTIVITY = "activity"
    SECURITY = "security"
    CONDUCT = "conduct"

    @property
    def label(self) -> str:
        return _CATEGORY_LABELS[self]


_CATEGORY_LABELS = {
    Category.SEARCH_VISIBILITY: "Being found",
    Category.ACCOUNT_PRIVACY: "Who sees your posts",
    Category.CONNECTIONS: "Friends and followers",
    Category.CONTACT: "Who can contact you",
    Category.TAGGING: "Tags and photos",
    Category.LOCATION: "Location",
    Category.PROFILE: "Profile details",
    Category.ACTIVITY: "Activity status",
    Category.SECURITY: "Account security",
    Category.CONDUCT: "Conduct and policy",
}


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def label(self) -> str:
        """'High importance' and so on: the words every screen and the report use."""
        return _IMPORTANCE_LABELS[self.value]

    @property
    def rank(self) -> int:
        """Higher is more severe, for sorting action lists."""
        return {"high": 3, "medium": 2, "low": 1}[self.value]


class Concern(StrEnum):
    """What the guidance cares about; each maps to Code clauses per regulator (codes.toml)."""

    FINDABILITY = "findability"  # people who use services can find or identify the worker
    BOUNDARIES = "boundaries"  # friends, followers, contact with people who use services
    CONFIDENTIALITY = "confidentiality"  # information about work or people leaks
    PRIVACY_OF_OTHERS = "privacy_of_others"  # dignity and privacy of people who use services
    PUBLIC_TRUST = "public_trust"  # conduct online reflecting on suitability to work
    SELF_PROTECTION = "self_protection"  # the worker's own safety and account security
    REPORTING = "reporting"  # the duty to report concerns
    EMPLOYER_POLICY = "employer_policy"  # the employer's own social media policy

    @property
    def label(self) -> str:
        """The concern in a worker's words, for sentences such as "… covers {label}"."""
        return _CONCERN_LABELS[self]


_CONCERN_LABELS = {
    Concern.FINDABILITY: "being found by people who use services",
    Concern.BOUNDARIES: "professional boundaries",
    Concern.CONFIDENTIALITY: "confidentiality",
    Concern.PRIVACY_OF_OTHERS: "the privacy and dignity of the people you support",
    Concern.PUBLIC_TRUST: "your conduct in and outside work",
    Concern.SELF_PROTECTION: "keeping yourself and your accounts safe",
    Concern.REPORTING: "reporting concerns",
    Concern.EMPLOYER_POLICY: "following your employer's policies",
}


class Evidence(StrEnum):
    """How the item's steps were checked."""

    PLATFORM = "platform"  # the platform's own help page for the setting states it
    THIRD_PARTY = "third-party"  # the steps rest on other guides (see steps_source)
    UNKNOWN = "unknown"  # an employer pack or an older file did not say

    @property
    def label(self) -> str:
        return {
            "platform": "checked against the platform's own help page",
            "third-party": "checked against guides other than the platform's own",
            "unknown": "not stated",
        }[self.value]


# Kept beside app.audit.glossary.IMPORTANCE (definitions cannot import the domain); a test
# checks the two agree.
_IMPORTANCE_LABELS = {
    "high": "High importance",
    "medium": "Medium importance",
    "low": "Low importance",
}


class ProbeRead(StrEnum):
    CHECKED = "checked"
    TEXT = "text"
    VALUE = "value"
    PRESENT = "present"


@dataclass(frozen=True)
class Probe:
    """How automation reads an item's current value from the platform's own page."""

    url: str
    locator: str
    read: ProbeRead
    safe_when: tuple[str, ...]


@dataclass(frozen=True)
class PlatformAutomation:
    """How automation signs in to a platform: where the login form is, and how a signed-in
    page is recognised. Locators use the probe syntax (role=…, label=…, text=…, css=…)."""

    login_url: str
    signed_in: str  # found only on pages shown to a signed-in account
    username: str  # the login form's username field
    password: str  # the login form's password field
    submit: str  # the login form's submit button
    error_texts: tuple[str, ...] = ()  # texts of the platform's error screens
    rate_limit_texts: tuple[str, ...] = ()  # texts of its "try again later" screens


@dataclass(frozen=True)
class CheckItem:
    """One thing to check. Three names, each used where it reads right:

    `name` is the setting's neutral name ("Account privacy": headings, tables, drift), `goal`
    the safe state ("Your account is private": what to aim for), `action` the fix ("Make your
    account private": the action list).
    """

    id: str
    category: Category
    name: str
    goal: str
    action: str
    why: str
    concerns: tuple[Concern, ...]
    codes: tuple[str, ...]  # clauses cited explicitly, beyond those of the concerns
    steps: tuple[str, ...]  # on the web, or the only steps
    safe: str
    open_url: str
    source: str  # the platform's own help page for this setting
    severity: Severity
    app_steps: tuple[str, ...] = ()  # in the phone app, where they differ
    evidence: Evidence = Evidence.UNKNOWN
    steps_source: str = ""  # where the steps were checked, when not `source`
    probe: Probe | None = None
    origin: str = "shipped"  # or "employer: <organisation>" for items from a policy pack


@dataclass(frozen=True)
class Platform:
    id: str
    name: str
    settings_url: str
    recheck_days: int
    items: tuple[CheckItem, ...]
    notes: str = ""
    origin: str = "shipped"  # "shipped" or "employer: <organisation>"
    source_file: Path | None = field(default=None, compare=False)
    policy_recheck_days: int | None = None  # the employer's interval, replacing recheck_days
    automation: PlatformAutomation | None = None  # sign-in description for reading probes

    def item(self, item_id: str) -> CheckItem:
        for candidate in self.items:
            if candidate.id == item_id:
                return candidate
        raise KeyError(f"{self.id} has no item {item_id!r}")

    @property
    def item_ids(self) -> tuple[str, ...]:
        return tuple(item.id for item in self.items)


@dataclass(frozen=True)
class Catalogue:
    """All platforms the app knows, in display order (general checks last)."""

    platforms: tuple[Platform, ...]

    def platform(self, platform_id: str) -> Platform:
        for candidate in self.platforms:
            if candidate.id == platform_id:
                return candidate
        raise KeyError(f"no platform {platform_id!r}")

    def get(self, platform_id: str) -> Platform | None:
        return next((p for p in self.platforms if p.id == platform_id), None)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.platforms)
