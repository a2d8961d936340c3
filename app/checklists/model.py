"""The audit definitions as frozen values: read-only data, never changed after loading."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class Category(StrEnum):
    """What an item is about ('Being found', 'Who sees your posts', …)."""

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
        """The words shown for the category beside an item."""
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
    """How important an item is; the action list puts the most important first."""

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
        """How the evidence is described beside the steps."""
        return {
            "platform": "checked against the platform's own help page",
            "third-party": "checked against guides other than the platform's own",
            "unknown": "not stated",
        }[self.value]


# An item's importance (its severity in the audit files), as the worker reads it.
_IMPORTANCE_LABELS = {
    "high": "High importance",
    "medium": "Medium importance",
    "low": "Low importance",
}


class ProbeRead(StrEnum):
    """What a probe reads: a checked state, an element's text, a field's value, or presence."""

    CHECKED = "checked"
    TEXT = "text"
    VALUE = "value"
    PRESENT = "present"


TITLE = "{title}"  # in a locator: the setting's title in the page's language, quoted


@dataclass(frozen=True)
class Phrases:
    """A probe's words in one language: the setting's title (for `{title}` in locators) and,
    for text and value reads, the safe values as the page shows them in that language."""

    language: str  # "en", "es", "cy", …: the page's <html lang>, primary subtag
    title: str = ""
    safe_when: tuple[str, ...] = ()


@dataclass(frozen=True)
class Probe:
    """How automation reads an item's current value from the platform's own page.

    `urls` and `locators` are tried in order: the first address that loads, and on it the
    first locator that finds exactly one element, give the value. Locators that say
    `{title}` are tried once per language the probe has words for (the page's language when
    it names one), so adding a language is a change to the audit file only.
    """

    urls: tuple[str, ...]
    locators: tuple[str, ...]
    read: ProbeRead
    safe_when: tuple[str, ...] = ()  # checked/present reads: "true"/"false", any language
    phrases: tuple[Phrases, ...] = ()  # English first
    evidence: str = ""  # where the live page's structure is documented (for maintainers)

    @property
    def url(self) -> str:
        """The first address to try."""
        return self.urls[0]

    @property
    def locator(self) -> str:
        """The first locator to try."""
        return self.locators[0]

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages the probe has words for, English first."""
        return tuple(p.language for p in self.phrases)

    @property
    def judged_by_words(self) -> bool:
        """Text and value reads are judged on words, which differ from language to language."""
        return self.read in (ProbeRead.TEXT, ProbeRead.VALUE)

    def safe_values(self, language: str) -> tuple[str, ...] | None:
        """The values that count as safe on a page in `language` ("" when the page does not
        say: every language's), or None when the probe has no words for that language."""
        if not self.judged_by_words:
            return self.safe_when
        if not self.phrases:  # an older probe: English values only
            return self.safe_when if language in ("", "en") else None
        chosen = [p for p in self.phrases if not language or p.language == language]
        return tuple(v for p in chosen for v in p.safe_when) if chosen else None


@dataclass(frozen=True)
class SignInPhrases:
    """A platform's sign-in words in one language (see PlatformAutomation)."""

    language: str
    signed_in: tuple[str, ...] = ()
    consent: tuple[str, ...] = ()
    username: tuple[str, ...] = ()
    password: tuple[str, ...] = ()
    next: tuple[str, ...] = ()
    submit: tuple[str, ...] = ()
    error_texts: tuple[str, ...] = ()
    rate_limit_texts: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlatformAutomation:
    """How automation signs in to a platform and recognises a signed-in page.

    Signed in means one of `session_cookies` is set (only its presence is tested; no value is
    ever read) while the address is not under one of `signed_out_paths` (the login page, a
    login wall) or `pending_paths` (a checkpoint, a two-step page, which only the worker can
    get through); `signed_in` locators are the fallback. The form's parts are lists
    of locators tried in order (probe syntax: role=…, label=…, text=…, css=…); `next` is the
    button of a two-screen form (X) between the user name and the password. `consent` names the
    most privacy-protective choice of a known cookie notice, the only thing clicked besides the
    form. Words that differ by language live in `phrases`, English first.
    """

    login_url: str
    username: tuple[str, ...] = ()
    password: tuple[str, ...] = ()
    submit: tuple[str, ...] = ()
    next: tuple[str, ...] = ()
    session_cookies: tuple[str, ...] = ()
    signed_out_paths: tuple[str, ...] = ()  # login pages and walls: Footprint may sign in
    pending_paths: tuple[str, ...] = ()  # checkpoints, two-step pages: the worker finishes
    signed_in: tuple[str, ...] = ()
    consent: tuple[str, ...] = ()
    error_texts: tuple[str, ...] = ()  # texts of the platform's error screens (any language)
    rate_limit_texts: tuple[str, ...] = ()  # texts of its "try again later" screens
    phrases: tuple[SignInPhrases, ...] = ()

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages the sign-in has words for, English first."""
        return tuple(p.language for p in self.phrases)

    def words(self, language: str) -> SignInPhrases:
        """Everything for a page in `language` ("" when it does not say: every language's):
        the language-independent entries first, then that language's."""
        chosen = [p for p in self.phrases if not language or p.language == language]
        every = list(self.phrases)

        def join(key: str, phrases: list[SignInPhrases]) -> tuple[str, ...]:
            found: list[str] = list(getattr(self, key))
            for phrase in phrases:
                found += [v for v in getattr(phrase, key) if v not in found]
            return tuple(found)

        return SignInPhrases(
            language=language,
            signed_in=join("signed_in", chosen),
            consent=join("consent", chosen),
            username=join("username", chosen),
            password=join("password", chosen),
            next=join("next", chosen),
            submit=join("submit", chosen),
            # Screens of errors and blocks are recognised in any language Footprint knows.
            error_texts=join("error_texts", every),
            rate_limit_texts=join("rate_limit_texts", every),
        )


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
    """One platform's audit: its items in order, where it came from, how often to re-check."""

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
        """The item with this id; KeyError if the platform has none."""
        for candidate in self.items:
            if candidate.id == item_id:
                return candidate
        raise KeyError(f"{self.id} has no item {item_id!r}")

    @property
    def item_ids(self) -> tuple[str, ...]:
        """The ids of the platform's items, in order."""
        return tuple(item.id for item in self.items)


@dataclass(frozen=True)
class Catalogue:
    """All platforms the app knows, in display order (general checks last)."""

    platforms: tuple[Platform, ...]

    def platform(self, platform_id: str) -> Platform:
        """The platform with this id; KeyError if there is none."""
        for candidate in self.platforms:
            if candidate.id == platform_id:
                return candidate
        raise KeyError(f"no platform {platform_id!r}")

    def get(self, platform_id: str) -> Platform | None:
        """The platform with this id, or None."""
        return next((p for p in self.platforms if p.id == platform_id), None)

    @property
    def ids(self) -> tuple[str, ...]:
        """Every platform's id, in display order."""
        return tuple(p.id for p in self.platforms)
