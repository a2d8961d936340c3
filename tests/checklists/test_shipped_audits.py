"""The rules every shipped audit file must keep (issues 12 and 17: sourced, complete, citable)."""

from __future__ import annotations

import tomllib
from urllib.parse import urlparse

import pytest

from app.checklists.codes import load_code_book
from app.checklists.loader import load_catalogue, shipped_audit_files
from app.checklists.model import Evidence

CODES = load_code_book()
REPORT = load_catalogue(shipped_audit_files(), set(CODES.known_ids()))
ITEMS = [(p.id, item) for p in REPORT.catalogue.platforms for item in p.items]
REQUIRED_PLATFORMS = {"facebook", "instagram", "x", "linkedin", "tiktok", "snapchat", "youtube",
                      "whatsapp", "general", "threads", "strava", "reddit", "bluesky", "pinterest",
                      "nextdoor", "iphone", "android"}  # fmt: skip

# Each item cites the platform's own help pages (the general checks cite the guidance and the
# services they ask about).
PLATFORM_HOSTS = {
    "facebook": {"www.facebook.com", "www.messenger.com"},
    # Instagram's Help Centre is served at www.facebook.com/help/instagram/ too (checked below).
    "instagram": {"help.instagram.com", "www.facebook.com"},
    "threads": {"help.instagram.com"},
    "x": {"help.x.com"},
    "linkedin": {"www.linkedin.com"},
    "tiktok": {"support.tiktok.com"},
    "snapchat": {"help.snapchat.com"},
    "whatsapp": {"faq.whatsapp.com"},
    "youtube": {"support.google.com"},
    "strava": {"support.strava.com"},
    "reddit": {"support.reddithelp.com"},
    "bluesky": {"bsky.social"},
    "pinterest": {"help.pinterest.com"},
    "nextdoor": {"help.nextdoor.com"},
    # The phone itself: the maker's own help (Google's Android, Maps and Account help).
    "iphone": {"support.apple.com"},
    "android": {"support.google.com"},
}
# Pages that cover many settings in passing (a checkup, a hub, a general privacy or security
# page). An item may cite one only while no page for its own setting has been found; each such
# item is listed here with why, and this list may only shrink.
OVERVIEW_PAGES = {
    "https://www.facebook.com/help/443357099140264": "Facebook Privacy Checkup",
    "https://help.instagram.com/179980294969821": "Threads section of the Instagram Help Centre",
    "https://www.linkedin.com/help/linkedin/answer/a1339473": "LinkedIn privacy controls overview",
    "https://help.x.com/en/safety-and-security/account-security-tips": "X account security tips",
    "https://support.tiktok.com/en/safety-hc/account-and-user-safety/account-safety":
        "TikTok account safety",
}  # fmt: skip
NO_SETTING_PAGE_FOUND = {
    "facebook/friend-requests", "facebook/past-posts-audience",
    "facebook/profile-contact-details", "facebook/profile-birthday",
    "threads/private-profile", "threads/mentions",
    "linkedin/share-profile-updates", "linkedin/who-can-invite",
    "x/active-sessions",
    "tiktok/two-step-verification", "tiktok/active-sessions",
}  # fmt: skip


def item_ids(platform_id: str) -> set[str]:
    return set(REPORT.catalogue.platform(platform_id).item_ids)


def test_every_shipped_file_loads_and_is_format_2() -> None:
    assert [e.describe() for e in REPORT.errors] == []
    assert set(REPORT.catalogue.ids) == REQUIRED_PLATFORMS
    for path in shipped_audit_files():
        assert tomllib.loads(path.read_text(encoding="utf-8")).get("format") == 2, path.name


@pytest.mark.parametrize(("platform_id", "item"), ITEMS, ids=[f"{p}/{i.id}" for p, i in ITEMS])
def test_every_item_is_sourced_named_and_says_why(platform_id, item) -> None:
    assert item.source.startswith("https://") and urlparse(item.source).path.strip("/")
    assert item.evidence in (Evidence.PLATFORM, Evidence.THIRD_PARTY)
    if platform_id in PLATFORM_HOSTS:
        assert urlparse(item.source).netloc in PLATFORM_HOSTS[platform_id], "the platform's own"
    if platform_id == "instagram" and urlparse(item.source).netloc == "www.facebook.com":
        assert urlparse(item.source).path.startswith("/help/instagram/"), "Instagram's own help"
    if item.steps_source:
        assert item.steps_source.startswith("https://")
    assert item.steps and item.safe.strip() and item.concerns
    assert item.name and item.goal and item.action and item.name != item.goal
    assert len(item.why) > 40, "say why in words a care worker understands"
    assert all(code in CODES.known_ids() for code in item.codes)


@pytest.mark.parametrize(("platform_id", "item"), ITEMS, ids=[f"{p}/{i.id}" for p, i in ITEMS])
def test_an_overview_page_is_cited_only_where_no_setting_page_was_found(platform_id, item) -> None:
    cited_overview = item.source in OVERVIEW_PAGES
    assert cited_overview == (f"{platform_id}/{item.id}" in NO_SETTING_PAGE_FOUND)


def test_one_setting_is_one_item() -> None:
    """No two items read the same switch (Instagram once counted one switch three times)."""
    for platform in REPORT.catalogue.platforms:
        # The control a probe reads: its address, its locators and the setting's title they
        # are filled with (Facebook's rows share one locator and differ by title).
        probes = [
            (i.probe.urls, i.probe.locators, tuple(p.title for p in i.probe.phrases))
            for i in platform.items
            if i.probe
        ]
        assert len(probes) == len(set(probes)), platform.id


@pytest.mark.parametrize(("platform_id", "item"), ITEMS, ids=[f"{p}/{i.id}" for p, i in ITEMS])
def test_every_item_shows_each_regulator_a_clause_or_says_why_not(platform_id, item) -> None:
    for regulator in CODES.regulators:
        for edition in [e.id for e in regulator.editions] or [None]:
            clauses = CODES.clauses_for(item, regulator.id, edition)
            notice = CODES.notice_for(item, regulator.id, edition)
            assert all(c.verified for c in clauses)
            if regulator.id != "none":
                assert clauses or notice, f"{regulator.id} {edition}: nothing shown"


def test_the_issue_17_fixes_hold() -> None:
    tiktok, youtube = REPORT.catalogue.platform("tiktok"), REPORT.catalogue.platform("youtube")
    assert "bio only to followers you approve" in tiktok.item("profile-workplace").why
    assert youtube.item("past-posts-audience").safe == "Visibility: Private"
    merged = {"search-engine-visibility", "follower-list-visibility"}  # one switch, one item
    assert merged.isdisjoint(item_ids("instagram"))
    snap = REPORT.catalogue.platform("snapchat").item("messages-from")
    assert snap.safe == "Contact Me: Friends" and "Friends and Contacts" in snap.why
    assert "contact-sync" in item_ids("tiktok")
    assert tiktok.item("suggest-to-others").source.endswith("/suggested-accounts")


def test_the_core_findability_privacy_and_connection_items_stay() -> None:
    for platform_id, needed in {
        "facebook": {"search-engine-visibility", "future-posts-audience", "friend-list-visibility",
                     "friend-requests"},
        "instagram": {"private-account", "tag-review", "story-audience"},
        "strava": {"profile-page", "map-visibility"},
        "nextdoor": {"address-display"},
    }.items():  # fmt: skip
        assert needed <= item_ids(platform_id)


def test_the_new_platforms_have_no_automation() -> None:
    for platform_id in ("threads", "strava", "reddit", "bluesky", "pinterest", "nextdoor"):
        platform = REPORT.catalogue.platform(platform_id)
        assert platform.automation is None and not any(i.probe for i in platform.items)


def test_the_phones_come_after_the_platforms_and_before_the_general_checks() -> None:
    ids = list(REPORT.catalogue.ids)
    assert ids[-3:] == ["android", "iphone", "general"]
    assert len(item_ids("iphone")) >= 8 and len(item_ids("android")) >= 8


def test_instagram_reaches_the_depth_asked_for_in_issue_29() -> None:
    assert {
        "search-engine-results",
        "remix-and-reuse",
        "profile-details",
        "comments",
        "message-requests",
        "contact-uploading",
        "embeds",
    } <= item_ids("instagram")
    assert len(item_ids("instagram")) >= 14
