"""Sample data for a newcomer, the screenshots and the benchmarks: a lived-in year of audits.

The data is written through the same session and store the app uses, with a clock
that is moved by hand, so the demo exercises the real code path.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta

from app.audit.answers import AnswerStatus
from app.audit.profile import WorkerProfile
from app.audit.session import AuditSession
from app.checklists.model import Catalogue, Platform
from app.clock import FixedClock
from app.storage.store import Store

DEMO_PROFILE = WorkerProfile(
    display_name="Alex Sample",
    role="Support worker",
    organisation="Riverside Care (sample organisation)",
    regulator="sssc",
    supervisor="Sam Example",
)
# Days before today of each full audit; the last one leaves out the "overdue" platform. The
# year ends as real use does: a reminder, and a re-check of one platform on its own.
AUDIT_AGES_DAYS = (350, 260, 170, 40)
RECHECK_AGE_DAYS = 8
# After that re-check the worker fixes its last finding with "I fixed it", so the report has
# a fix to show ("Fixed since …") and the overview a platform better than its audit.
FIX_AGE_DAYS = 3
# The platforms the sample worker uses, in catalogue order; the first is the one that drifts.
# Named, because the catalogue grew: its first nine would now start with Bluesky.
DEMO_PLATFORM_IDS = ("facebook", "instagram", "linkedin", "snapchat", "tiktok", "whatsapp", "x",
                     "youtube", "general")  # fmt: skip
DRIFTED_ITEM_PREFERENCE = ("friend-list-visibility", "private-account")


def write_demo_data(
    store: Store,
    catalogue: Catalogue,
    now: datetime,
    *,
    platform_limit: int = 9,
    seed: int = 7,
) -> None:
    """Write the sample profile and four audits over about a year into an empty data home,
    in one transaction: all of it or, if anything fails, none of it."""
    with store.one_transaction():
        _write_year(store, catalogue, now, platform_limit, seed)


def _write_year(
    store: Store, catalogue: Catalogue, now: datetime, platform_limit: int, seed: int
) -> None:
    sample = [p for p in catalogue.platforms if p.id in DEMO_PLATFORM_IDS]
    platforms = tuple(sample or catalogue.platforms)[:platform_limit]
    if not platforms:
        raise ValueError("no audit definitions are loaded; the demo needs at least one")
    profile = replace(DEMO_PROFILE, platform_ids=tuple(p.id for p in platforms))
    store.save_profile(profile, now - timedelta(days=AUDIT_AGES_DAYS[0] + 1))
    overdue = platforms[1] if len(platforms) > 1 else None
    drifter = platforms[0]
    rng = random.Random(seed)
    for round_index, age in enumerate(AUDIT_AGES_DAYS):
        is_last = round_index == len(AUDIT_AGES_DAYS) - 1
        chosen = tuple(p for p in platforms if not (is_last and p is overdue))
        clock = FixedClock(now - timedelta(days=age))
        ids = tuple(p.id for p in chosen)
        session = AuditSession.start(ids, catalogue, store, clock)
        while (position := session.position()) is not None:
            clock.advance(timedelta(seconds=rng.randint(20, 90)))
            drifts_now = is_last and position.platform is drifter
            status, observed = _demo_answer(
                position.platform, position.item.id, round_index, drifts_now, rng
            )
            session.record(status, observed=observed)
    if len(platforms) > 2:
        _recheck_one(store, catalogue, platforms[2], now, rng)


def _recheck_one(
    store: Store, catalogue: Catalogue, platform: Platform, now: datetime, rng: random.Random
) -> None:
    clock = FixedClock(now - timedelta(days=RECHECK_AGE_DAYS))
    session = AuditSession.start((platform.id,), catalogue, store, clock)
    while (position := session.position()) is not None:
        clock.advance(timedelta(seconds=rng.randint(20, 90)))
        status, observed = _demo_answer(
            platform, position.item.id, len(AUDIT_AGES_DAYS), False, rng
        )
        session.record(status, observed=observed)
    findings = [
        item.id
        for item in platform.items
        if (answer := session.answer_for(platform.id, item.id)) is not None
        and answer.status is AnswerStatus.NEEDS_ACTION
    ]
    if findings:
        clock.set(now - timedelta(days=FIX_AGE_DAYS))
        session.mark_fixed(platform.id, findings[-1])


def _demo_answer(
    platform: Platform, item_id: str, round_index: int, drifts_now: bool, rng: random.Random
) -> tuple[AnswerStatus, str | None]:
    """Each item is fixed at some audit and stays fixed; one setting slides back at the end."""
    if item_id == _drifted_item(platform):
        # Values as Facebook's friend-list setting shows them; other platforms' settings say
        # other things, so their demo answers carry no value rather than Facebook's words.
        shows = platform.id == "facebook" and item_id == "friend-list-visibility"
        if drifts_now:
            return AnswerStatus.NEEDS_ACTION, "Friends" if shows else None
        if round_index == 0:
            return AnswerStatus.NEEDS_ACTION, "Public" if shows else None
        return AnswerStatus.SAFE, "Only me" if shows else None
    # A per-item generator keeps each item's story the same across the four audits.
    item_rng = random.Random(f"{platform.id}/{item_id}")
    fixed_from = item_rng.choice((0, 0, 0, 1, 1, 2, 3, 9))  # 9: never fixed yet
    if round_index >= fixed_from:
        return AnswerStatus.SAFE, None
    return (AnswerStatus.UNSURE if item_rng.random() < 0.2 else AnswerStatus.NEEDS_ACTION), None


def _drifted_item(platform: Platform) -> str:
    for preferred in DRIFTED_ITEM_PREFERENCE:
        if preferred in platform.item_ids:
            return preferred
    return platform.items[0].id
