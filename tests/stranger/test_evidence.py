"""Stranger's-view findings as audit evidence: the topic-to-item map and the suggested answers."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.audit.answers import AnswerStatus
from app.checklists.codes import load_code_book
from app.checklists.loader import load_catalogue, shipped_audit_files
from app.stranger.evidence import (
    NO,
    TOPIC_ITEMS,
    UNSURE,
    YES,
    SeenFinding,
    evidence_for,
    latest_per_platform,
    suggested_answer,
)
from app.stranger.view import Topic, Verdict
from tests.conftest import START


def test_every_mapped_item_is_an_item_of_the_shipped_audits() -> None:
    catalogue = load_catalogue(shipped_audit_files(), set(load_code_book().known_ids())).catalogue
    missing = [
        f"{pid}/{item_id}"
        for pid, topics in TOPIC_ITEMS.items()
        for links in topics.values()
        for item_id in (link.item_id for link in links)
        if (platform := catalogue.get(pid)) is None or item_id not in platform.item_ids
    ]
    assert missing == []


def test_the_map_speaks_the_stranger_views_topics_and_verdicts() -> None:
    topics = {topic for mapping in TOPIC_ITEMS.values() for topic in mapping}
    assert topics <= {t.value for t in Topic}
    assert {YES, NO, UNSURE} == {v.value for v in Verdict}


@pytest.mark.parametrize(
    ("verdicts", "expected"),
    [
        ([YES], AnswerStatus.NEEDS_ACTION),
        ([NO], AnswerStatus.SAFE),
        ([UNSURE], None),
        ([NO, YES], AnswerStatus.NEEDS_ACTION),  # employer hidden, phone shown: unsafe
        ([NO, UNSURE], None),  # half a picture is never pre-filled
        ([], None),
    ],
)
def test_visible_is_unsafe_hidden_is_safe_and_cant_tell_is_never_prefilled(
    verdicts, expected
) -> None:
    assert suggested_answer(verdicts, hidden_is_safe=True) is expected


@pytest.mark.parametrize(
    ("verdicts", "expected"),
    [([YES], AnswerStatus.NEEDS_ACTION), ([NO], None), ([NO, NO], None), ([UNSURE], None)],
)
def test_where_signed_in_people_may_see_more_hidden_suggests_nothing(verdicts, expected) -> None:
    assert suggested_answer(verdicts, hidden_is_safe=False) is expected


def test_only_settings_about_signed_out_visitors_take_a_no_as_safe() -> None:
    """Declared per mapping; a change to this list is a decision, not an accident."""
    safe_when_hidden = sorted(
        f"{pid}/{topic}/{link.item_id}"
        for pid, topics in TOPIC_ITEMS.items()
        for topic, links in topics.items()
        for link in links
        if link.hidden_is_safe
    )
    assert safe_when_hidden == [
        "bluesky/page/logged-out-visibility",
        "instagram/posts/private-account",
        "linkedin/employer/profile-workplace",
        "linkedin/page/search-engine-visibility",
        "threads/posts/private-profile",
        "tiktok/posts/private-account",
        "x/posts/private-account",
    ]


@pytest.mark.parametrize(
    ("platform_id", "topics", "item_id"),
    [
        ("facebook", ["connections"], "friend-list-visibility"),  # goal: only you
        ("facebook", ["contact"], "profile-contact-details"),
        ("linkedin", ["contact"], "profile-contact-details"),  # shown to connections only
        ("reddit", ["employer", "location"], "profile-details"),  # the name is not mapped
        ("pinterest", ["employer", "location"], "profile-details"),
        ("youtube", ["employer", "contact", "location"], "channel-about"),  # home, not About
        ("strava", ["activities"], "activities-default"),
    ],
)
def test_a_signed_out_no_never_suggests_safe_for_settings_that_cover_signed_in_people(
    platform_id, topics, item_id
) -> None:
    found = [SeenFinding(platform_id, t, NO, "not on the page", START) for t in topics]
    item = evidence_for(found)[(platform_id, item_id)]
    assert item.suggested is None
    assert len(item.sentences("P")) == len(topics)  # still shown as evidence


@pytest.mark.parametrize(
    ("platform_id", "item_id"),
    [("linkedin", "search-engine-visibility"), ("bluesky", "logged-out-visibility")],
)
def test_a_wall_with_a_caveat_suggests_nothing_and_says_its_caveat(platform_id, item_id) -> None:
    caveat = "The platform also asks automated browsers to sign in."
    wall = SeenFinding(platform_id, "page", NO, "asked to sign in", START, caveat)
    item = evidence_for([wall])[(platform_id, item_id)]
    assert item.suggested is None
    assert item.caveats == [caveat]
    assert wall.describe().endswith(f"asked to sign in. {caveat}")
    open_page = SeenFinding(platform_id, "page", YES, "the page opens", START)
    assert evidence_for([open_page])[(platform_id, item_id)].suggested is (
        AnswerStatus.NEEDS_ACTION
    )
    plain_wall = SeenFinding(platform_id, "page", NO, "asked to sign in", START)
    assert evidence_for([plain_wall])[(platform_id, item_id)].suggested is AnswerStatus.SAFE


def test_findings_become_evidence_for_their_items_only() -> None:
    found = [
        SeenFinding("tiktok", "employer", NO, "neither is on the page", START),
        SeenFinding("tiktok", "contact", YES, "a phone number is on the page", START),
        SeenFinding("tiktok", "name and photo", YES, "a name is shown", START),  # unmapped
    ]
    evidence = evidence_for(found)
    assert list(evidence) == [("tiktok", "profile-workplace")]
    item = evidence[("tiktok", "profile-workplace")]
    assert item.suggested is AnswerStatus.NEEDS_ACTION and item.seen_at == START
    assert item.sentences("TikTok") == [
        "A signed-out stranger could not see your employer or job title on TikTok on 02 Mar 2026",
        "A signed-out stranger could see a phone number or email address on TikTok on 02 Mar 2026",
    ]


def test_only_each_platforms_newest_look_counts() -> None:
    later = START + timedelta(days=3)
    found = [
        SeenFinding("x", "posts", YES, "posts shown", START),
        SeenFinding("x", "posts", NO, "private", later),
        SeenFinding("instagram", "posts", NO, "private", START),
    ]
    latest = latest_per_platform(found)
    assert [f.seen_at for f in latest["x"]] == [later]
    assert [f.verdict for f in latest["instagram"]] == [NO]


def test_a_look_older_than_the_platforms_recheck_interval_is_stale_and_suggests_nothing() -> None:
    found = [SeenFinding("x", "posts", YES, "posts shown", START)]
    intervals = {"x": 90}
    fresh = evidence_for(found, now=START + timedelta(days=90), recheck_days=intervals)
    assert not fresh[("x", "private-account")].stale
    assert fresh[("x", "private-account")].suggested is AnswerStatus.NEEDS_ACTION
    old = evidence_for(found, now=START + timedelta(days=91), recheck_days=intervals)
    assert old[("x", "private-account")].stale
    assert old[("x", "private-account")].suggested is None
    # Without an interval for the platform, age alone never hides evidence.
    unknown = evidence_for(found, now=START + timedelta(days=900), recheck_days={})
    assert unknown[("x", "private-account")].suggested is AnswerStatus.NEEDS_ACTION
