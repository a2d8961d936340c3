"""One rule for "compared with which earlier check", shared by every screen and the report.

The case that made the rule necessary: X was checked on 1 Jan (all safe), re-checked on
31 Jan (everything needs action), then checked again on 1 Feb. Looking back at the 31 Jan
audit, the summary page said "no drift since 01 Feb" (it compared with a *later* check) while
the report listed 11 items worse since 01 Jan.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from app.audit.answers import Answer, AnswerSource, AnswerStatus
from app.audit.comparison import (
    CompletedCheck,
    LatestChecks,
    compare_with_previous,
    completed_checks,
    completed_checks_by_platform,
    latest_among,
    latest_checks,
    previous_check,
)
from app.audit.history import platform_timeline
from app.audit.overview import overviews, platform_overview
from app.audit.profile import WorkerProfile
from app.audit.run import AuditRun, PlatformCheck
from app.audit.schedule import is_in_the_future
from app.audit.session import AuditSession
from app.checklists.codes import load_code_book
from app.checklists.model import Catalogue
from app.clock import FixedClock
from app.report.content import ReportScope
from app.report.report_model import build_report
from tests.audit.memory_store import MemoryStore
from tests.conftest import make_platform

ITEMS = tuple(f"x{n}" for n in range(1, 12))  # eleven settings
X = make_platform("x", ITEMS)
CATALOGUE = Catalogue((X,))
JAN_1 = datetime(2026, 1, 1, 10, tzinfo=UTC)
JAN_31 = datetime(2026, 1, 31, 10, tzinfo=UTC)
FEB_1 = datetime(2026, 2, 1, 10, tzinfo=UTC)


def audit(store: MemoryStore, when: datetime, status: AnswerStatus) -> AuditRun:
    clock = FixedClock(when)
    session = AuditSession.start(("x",), CATALOGUE, store, clock)
    while session.position() is not None:
        clock.advance(timedelta(seconds=30))
        session.record(status)
    return session.run


def three_audits() -> tuple[list[AuditRun], AuditRun]:
    store = MemoryStore()
    audit(store, JAN_1, AnswerStatus.SAFE)
    middle = audit(store, JAN_31, AnswerStatus.NEEDS_ACTION)
    audit(store, FEB_1, AnswerStatus.NEEDS_ACTION)
    return list(store.runs.values()), middle


def test_an_audit_is_compared_with_the_check_before_it_never_a_later_one() -> None:
    history, middle = three_audits()
    previous = previous_check(history, "x", middle)
    assert previous is not None and previous.completed_at.date() == JAN_1.date()
    comparison = compare_with_previous(X, history, middle)
    assert len(comparison.drift.entries) == 11


def test_summary_history_dashboard_and_report_agree_on_the_31_january_audit() -> None:
    history, middle = three_audits()
    profile = WorkerProfile("Jo", "", "", "sssc", platform_ids=("x",))
    now = FEB_1 + timedelta(days=1)
    scope = ReportScope(run_id=middle.id)
    report = build_report(CATALOGUE, history, profile, load_code_book(), now, scope)
    assert len(report.drift) == 11
    assert {line.before_date.date() for line in report.drift} == {JAN_1.date()}
    timeline = platform_timeline(X, history)
    assert [len(entry.drift.entries) for entry in timeline] == [0, 11, 0]
    assert timeline[1].previous_checked_at is not None
    assert timeline[1].previous_checked_at.date() == JAN_1.date()
    # The dashboard shows the newest check (1 Feb) against the one before it (31 Jan).
    overview = platform_overview(X, history, profile, now)
    assert overview.previous_check is not None and overview.previous_check.date() == JAN_31.date()
    assert not overview.drift.has_drift


def test_an_unfinished_check_is_compared_with_checks_finished_before_its_answers() -> None:
    store = MemoryStore()
    audit(store, JAN_1, AnswerStatus.SAFE)
    clock = FixedClock(JAN_31)
    session = AuditSession.start(("x",), CATALOGUE, store, clock)
    session.record(AnswerStatus.NEEDS_ACTION)  # one answer, then the worker paused
    audit(store, FEB_1, AnswerStatus.SAFE)
    history = list(store.runs.values())
    comparison = compare_with_previous(X, history, store.runs[session.run.id])
    assert comparison.previous_checked_at is not None
    assert comparison.previous_checked_at.date() == JAN_1.date()
    assert [e.item_id for e in comparison.drift.entries] == ["x1"]


def tangled_history(seed: int) -> list[AuditRun]:
    """Runs whose checks finish out of order, at equal moments, in the future, skipped or
    never, with answers that differ from run to run (issue 24's one-pass reads must agree)."""
    rng = random.Random(seed)
    moments = [JAN_1 + timedelta(days=rng.choice((0, 3, 3, 9, 20, 40, 400))) for _ in range(40)]
    runs = []
    for run_id in range(1, 41):
        platforms = rng.sample(("x", "y"), rng.choice((1, 2)))
        checks = tuple(
            PlatformCheck(
                pid,
                position,
                rng.choice((None, moments[run_id - 1], rng.choice(moments))),
                skipped=rng.random() < 0.1,
            )
            for position, pid in enumerate(platforms)
        )
        if rng.random() < 0.15:  # a second check of a platform: the run's first one counts
            checks += (PlatformCheck(platforms[0], len(checks), rng.choice(moments)),)
        started = moments[run_id - 1] - timedelta(hours=1)
        answers = {
            (pid, item): Answer(
                pid,
                item,
                rng.choice(tuple(AnswerStatus)),
                AnswerSource.MANUAL,
                started + timedelta(minutes=rng.randint(1, 50)),
            )
            for pid in platforms
            for item in ITEMS
            if rng.random() < 0.8
        }
        runs.append(AuditRun(run_id, started, checks, answers=answers))
    return runs


def latest_by_the_rule(checks: list[CompletedCheck], now: datetime) -> LatestChecks:
    """latest_checks' rule, word for word: the newest check not dated ahead, and the newest
    run's check that is, unless a later run's check was trusted."""
    trusted = [c for c in checks if not is_in_the_future(c.completed_at, now)]
    future = [c for c in checks if is_in_the_future(c.completed_at, now)]
    latest = trusted[-1] if trusted else None
    suspect = max(future, key=lambda c: c.run.id, default=None)
    if suspect is not None and latest is not None and latest.run.id > suspect.run.id:
        suspect = None
    return LatestChecks(latest, suspect)


@pytest.mark.parametrize("seed", range(12))
def test_the_dashboards_one_pass_over_the_history_agrees_with_the_rule_per_platform(
    seed: int,
) -> None:
    history = tangled_history(seed)
    y = make_platform("y", ITEMS)
    catalogue = Catalogue((X, y))
    now = JAN_1 + timedelta(days=30)
    by_platform = completed_checks_by_platform(history)
    for platform in (X, y):
        checks = by_platform.get(platform.id, [])
        assert checks == completed_checks(history, platform.id)
        assert latest_among(checks, now) == latest_checks(history, platform.id, now)
        assert latest_among(checks, now) == latest_by_the_rule(checks, now)
        for run in history:
            one_pass = compare_with_previous(platform, history, run, checks)
            assert one_pass == compare_with_previous(platform, history, run)
    profile = WorkerProfile("Jo", "", "", "sssc", platform_ids=("x", "y"))
    assert overviews(catalogue, history, profile, now) == [
        platform_overview(platform, history, profile, now) for platform in (X, y)
    ]
