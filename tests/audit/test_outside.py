"""Stranger's-view findings as audit evidence: the topic-to-item map and the suggested answers."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.audit.answers import AnswerStatus
from app.audit.outside import (
    NO,
    TOPIC_ITEMS,
    UNSURE,
    YES,
    SeenFinding,
    evidence_for,
    latest_per_platform,
    suggested_answer,
)
from app.automation.stranger_view import Topic, Verdict
from app.checklists.codes import load_code_book
from app.checklists.loader import load_catalogue, shipped_audit_files
from tests.conftest import START


def test_every_mapped_item_is_an_item_of_the_shipped_audits() -> None:
    catalogue = load_catalogue(shipped_audit_files(), set(load_code_book().known_ids())).catalogue
    missing = [
        f"{pid}/{item_id}"
        for pid, topics in TOPIC_ITEMS.items()
        for item_ids in topics.values()
        for item_id in item_ids
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
    assert suggested_answer(verdicts) is expected


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
        "A stranger could not see your employer or job title on TikTok on 02 Mar 2026",
        "A stranger could see a phone number or email address on TikTok on 02 Mar 2026",
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
