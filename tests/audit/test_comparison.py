"""One rule for "compared with which earlier check", shared by every screen and the report.

The case that made the rule necessary: X was checked on 1 Jan (all safe), re-checked on
31 Jan (everything needs action), then checked again on 1 Feb. Looking back at the 31 Jan
audit, the summary page said "no drift since 01 Feb" (it compared with a *later* check) while
the report listed 11 items worse since 01 Jan.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.audit.answers import AnswerStatus
from app.audit.comparison import compare_with_previous, previous_check
from app.audit.history import platform_timeline
from app.audit.overview import platform_overview
from app.audit.profile import WorkerProfile
from app.audit.run import AuditRun
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
