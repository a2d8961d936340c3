"""Answers stored under item ids that a later checklist merged away change nothing.

Instagram's `search-engine-visibility` and `follower-list-visibility` were the same switch as
`private-account` (issue 17) and were merged into it. Workers who audited Instagram before keep
answers under those ids; scoring, drift, history, the dashboard and the report must ignore them.
"""

from __future__ import annotations

from datetime import timedelta

from app.audit.answers import Answer, AnswerSource, AnswerStatus
from app.audit.profile import WorkerProfile
from app.audit.scoring import score_platform
from app.audit.session import AuditSession
from app.clock import FixedClock
from app.footprint import open_footprint
from tests.conftest import START

MERGED = ("search-engine-visibility", "follower-list-visibility")


def test_answers_to_merged_items_are_ignored_everywhere(data_home) -> None:
    clock = FixedClock(START)
    footprint = open_footprint(data_home, clock)
    try:
        footprint.save_profile(WorkerProfile("Jo", "Support worker", "Care", "sssc",
                                             platform_ids=("instagram",)))  # fmt: skip
        instagram = footprint.catalogue.platform("instagram")
        for round_ in range(2):  # two checks, so drift and history compare them
            clock.advance(timedelta(days=30))
            session = AuditSession.start(
                ("instagram",), footprint.catalogue, footprint.store, clock
            )
            for item_id in MERGED:  # as an older version of Footprint stored them
                status = AnswerStatus.SAFE if round_ == 0 else AnswerStatus.NEEDS_ACTION
                answer = Answer("instagram", item_id, status, AnswerSource.MANUAL, clock.now())
                footprint.store.save_answer(session.run.id, answer)
            while session.position() is not None:
                session.record(AnswerStatus.SAFE)
        history = footprint.history()
        latest = history[-1].answers_for("instagram")
        assert set(MERGED) <= set(latest)  # still stored, never deleted
        assert score_platform(instagram, latest).total == len(instagram.items)
        (overview,) = footprint.dashboard().overviews
        assert not overview.drift.entries  # merged items that "slid back" are not drift
        report = footprint.report()
        assert not report.actions and not report.drift
        (section,) = report.platforms
        assert len(section.items) == len(instagram.items) and section.score.total == len(
            instagram.items
        )
    finally:
        footprint.close()
