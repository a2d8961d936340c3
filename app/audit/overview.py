"""What the dashboard shows for each platform, derived from the stored runs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from app.audit.answers import Answer
from app.audit.comparison import (
    CompletedCheck,
    compare_with_previous,
    completed_checks,
    completed_checks_by_platform,
    latest_among,
)
from app.audit.drift import NO_DRIFT, DriftReport
from app.audit.profile import WorkerProfile
from app.audit.run import AuditRun, latest_answers
from app.audit.schedule import DueStatus, due_status, effective_interval
from app.audit.scoring import Score, score_platform
from app.checklists.model import Catalogue, Platform


@dataclass(frozen=True)
class PlatformOverview:
    """One platform on the dashboard: its score, when it is due and its drift."""

    platform: Platform
    score: Score
    due: DueStatus
    drift: DriftReport
    previous_check: datetime | None  # the check that drift compares against

    @property
    def last_checked(self) -> datetime | None:
        """When the platform was last checked; None if never."""
        return self.due.last_checked


def current_answers(history: Sequence[AuditRun], platform_id: str) -> dict[str, Answer]:
    """The newest answer per item across all runs, so a fix re-answered later counts."""
    every = (a for run in history for a in run.answers_for(platform_id).values())
    return {item_id: a for (_, item_id), a in latest_answers(every).items()}


def platform_overview(
    platform: Platform,
    history: Sequence[AuditRun],
    profile: WorkerProfile | None,
    now: datetime,
    newest: Mapping[tuple[str, str], Answer] | None = None,
    checks: Sequence[CompletedCheck] | None = None,
) -> PlatformOverview:
    """`newest` (the newest answer per item over all runs) may be given when `history`
    carries answers only for recent runs; by default it is computed from `history`.
    `checks`, the platform's finished checks oldest first, may be given too (`overviews`
    finds every platform's in one pass); by default they are found in `history`."""
    if checks is None:
        checks = completed_checks(history, platform.id)
    if newest is None:
        current = current_answers(history, platform.id)
    else:
        current = {item: a for (pid, item), a in newest.items() if pid == platform.id}
    return _overview(platform, history, profile, now, current, checks)


def _overview(
    platform: Platform,
    history: Sequence[AuditRun],
    profile: WorkerProfile | None,
    now: datetime,
    current: Mapping[str, Answer],
    checks: Sequence[CompletedCheck],
) -> PlatformOverview:
    latest_checks = latest_among(checks, now)  # a check dated ahead is not counted
    latest = latest_checks.trusted
    worker_days = profile.recheck_days.get(platform.id) if profile else None
    interval = effective_interval(platform.recheck_days, platform.policy_recheck_days, worker_days)
    snooze = profile.snoozed_until.get(platform.id) if profile else None
    last = latest.completed_at if latest else None
    drift, previous = NO_DRIFT, None
    if latest is not None:
        comparison = compare_with_previous(platform, history, latest.run, checks)
        drift, previous = comparison.drift, comparison.previous_checked_at
    score = score_platform(platform, current)
    return PlatformOverview(
        platform,
        score,
        due_status(last, interval, now, snooze, latest_checks.future_date),
        drift,
        previous,
    )


def overviews(
    catalogue: Catalogue,
    history: Sequence[AuditRun],
    profile: WorkerProfile | None,
    now: datetime,
    newest: Mapping[tuple[str, str], Answer] | None = None,
) -> list[PlatformOverview]:
    """One overview per platform the worker uses (all platforms when there is no profile)."""
    wanted = profile.platform_ids if profile and profile.platform_ids else catalogue.ids
    checks = completed_checks_by_platform(history)  # one pass for every platform
    return [
        platform_overview(platform, history, profile, now, newest, checks.get(platform.id, []))
        for platform in catalogue.platforms
        if platform.id in wanted
    ]
