"""A wrong clock never hides due work: a check dated in the future is not counted (and is
reported), a check dated 1970 is a very old check, and dates near the year 9999 are held at
the calendar's end instead of overflowing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.audit.answers import AnswerStatus
from app.audit.profile import WorkerProfile
from app.audit.reminders import due_entries
from app.audit.schedule import LATEST_MOMENT, due_status
from app.audit.session import AuditSession
from app.checklists.model import Catalogue
from app.clock import FixedClock
from app.services.dashboard import dashboard_view, due_report
from app.services.reminder_calendar import reminders_calendar
from tests.audit.memory_store import MemoryStore
from tests.conftest import START, make_platform

ALPHA = make_platform("alpha", ("a1", "a2"), recheck_days=90)
CATALOGUE = Catalogue((ALPHA,))
PROFILE = WorkerProfile("Jo", "Role", "Org", "sssc", "", ("alpha",), {})


def check_at(store: MemoryStore, moment: datetime) -> None:
    """A finished check of alpha, recorded with the clock showing `moment`."""
    session = AuditSession.start(("alpha",), CATALOGUE, store, FixedClock(moment))
    for _ in ALPHA.items:
        session.record(AnswerStatus.SAFE)


def view_at(store: MemoryStore, now: datetime):  # noqa: ANN201
    from app.audit.stored import DashboardData

    data = DashboardData(PROFILE, list(store.runs.values()), {}, [])
    return dashboard_view(data, CATALOGUE, now)


def test_a_check_recorded_ten_years_ahead_does_not_hide_due_work() -> None:
    store = MemoryStore()
    check_at(store, START - timedelta(days=200))  # a real check, long due again
    check_at(store, START + timedelta(days=3652))  # the clock was ten years fast
    view = view_at(store, START)
    [row] = view.overviews
    assert row.due.is_due and row.due.last_checked == START - timedelta(days=200)
    assert row.due.future_check == START + timedelta(days=3652)
    report = due_report(view)
    assert report.entries and "in the future, so it is not counted" in report.as_text()
    assert "the computer's clock was probably wrong" in report.as_text()
    assert report.as_json()["warnings"] == list(view.clock_warnings)


def test_with_only_a_future_check_the_platform_is_due_now() -> None:
    store = MemoryStore()
    check_at(store, START + timedelta(days=3652))
    [row] = view_at(store, START).overviews
    assert row.due.is_due and row.due.last_checked is None


def test_a_check_a_few_hours_ahead_is_trusted() -> None:
    store = MemoryStore()
    check_at(store, START + timedelta(hours=5))  # a time-zone slip, not a broken clock
    [row] = view_at(store, START).overviews
    assert not row.due.is_due and row.due.future_check is None


def test_checking_again_with_a_right_clock_clears_the_warning() -> None:
    store = MemoryStore()
    check_at(store, START + timedelta(days=3652))
    check_at(store, START)  # recorded after it: the worker checked again
    view = view_at(store, START + timedelta(days=1))
    [row] = view.overviews
    assert not row.due.is_due and row.due.future_check is None and view.clock_warnings == ()


def test_an_audit_dated_1970_is_a_very_old_check() -> None:
    store = MemoryStore()
    check_at(store, datetime(1970, 1, 2, tzinfo=UTC))
    [row] = view_at(store, START).overviews
    assert row.due.is_due and row.due.last_checked == datetime(1970, 1, 2, tzinfo=UTC)
    [entry] = due_entries([row])
    assert "re-check due since 02 Apr 1970" in "; ".join(entry.reasons(START))


def test_dates_near_the_end_of_the_calendar_are_held_not_overflowed() -> None:
    near_the_end = datetime(9999, 12, 31, 12, tzinfo=UTC)
    status = due_status(near_the_end - timedelta(days=2), 366, near_the_end)
    assert status.next_due == LATEST_MOMENT


def test_reminders_at_the_end_of_the_calendar_are_written_and_say_so() -> None:
    store = MemoryStore()
    check_at(store, datetime(9999, 12, 1, tzinfo=UTC))
    for now in (datetime(9999, 12, 2, tzinfo=UTC), datetime(9999, 12, 31, 23, tzinfo=UTC)):
        view = view_at(store, now)
        calendar = reminders_calendar(view.overviews, now)
        assert b"BEGIN:VEVENT" in calendar.data and b"DTSTART;VALUE=DATE:99991230" in calendar.data
        assert calendar.held_back == ("Alpha",)
        assert "set to 30 Dec 9999" in calendar.notes()[0]


def test_an_ordinary_calendar_has_no_notes() -> None:
    store = MemoryStore()
    check_at(store, START)
    calendar = reminders_calendar(view_at(store, START).overviews, START)
    assert calendar.held_back == () and calendar.notes() == []
    assert START.year < 9999 <= LATEST_MOMENT.year


def test_due_and_reminders_on_the_command_line_with_a_fast_clock(data_home, capsys) -> None:
    from app.cli import main
    from app.footprint import open_footprint

    footprint = open_footprint(data_home, FixedClock(START))
    footprint.save_profile(WorkerProfile("Jo", "Role", "Org", "sssc", "", ("x",), {}))
    run = footprint.store.create_run(("x",), START)
    now = datetime.now(UTC)
    from app.audit.run import PlatformCheck

    footprint.store.save_platform_check(run.id, PlatformCheck("x", 0, now + timedelta(3652)))
    footprint.store.complete_run(run.id, now + timedelta(days=3652))
    footprint.close()
    assert main(["due"]) == 1
    out = capsys.readouterr().out
    assert "in the future" in out and "Nothing is due" not in out
    assert main(["reminders", "--ics", str(data_home.root / "r.ics")]) == 0
