"""The rules every shipped audit file must keep (issue: sourced, complete, citable)."""

from __future__ import annotations

import pytest

from app.checklists.codes import load_code_book
from app.checklists.loader import load_catalogue, shipped_audit_files

CODES = load_code_book()
REPORT = load_catalogue(shipped_audit_files(), set(CODES.known_ids()))
ITEMS = [(p.id, item) for p in REPORT.catalogue.platforms for item in p.items]
REQUIRED_PLATFORMS = {"facebook", "instagram", "x", "linkedin", "tiktok", "snapchat", "youtube",
                      "whatsapp", "general"}  # fmt: skip


def test_every_shipped_file_loads() -> None:
    assert [e.describe() for e in REPORT.errors] == []
    assert set(REPORT.catalogue.ids) == REQUIRED_PLATFORMS


@pytest.mark.parametrize(("platform_id", "item"), ITEMS, ids=[f"{p}/{i.id}" for p, i in ITEMS])
def test_every_item_is_sourced_and_cites_existing_clauses(platform_id, item) -> None:
    assert item.source.startswith("https://") and item.steps and item.safe.strip()
    assert item.codes and all(code in CODES.known_ids() for code in item.codes)
    assert len(item.why) > 40, "say why in words a care worker understands"


def test_every_regulator_with_clauses_sees_some_on_the_core_items() -> None:
    facebook = REPORT.catalogue.platform("facebook")
    for regulator in ("sssc", "swe", "hcpc"):
        cited = {c.id for i in facebook.items for c in CODES.clauses_for(i.codes, regulator)}
        assert cited, f"no Facebook item cites a clause for {regulator}"


def test_facebook_and_instagram_cover_findability_privacy_and_connections() -> None:
    for platform_id, needed in {
        "facebook": {"search-engine-visibility", "future-posts-audience", "friend-list-visibility",
                     "friend-requests"},
        "instagram": {"search-engine-visibility", "private-account", "follower-list-visibility"},
    }.items():  # fmt: skip
        assert needed <= set(REPORT.catalogue.platform(platform_id).item_ids)
