"""The one day count (`days_between`) and how a due date reads (`relative_due`)."""

from __future__ import annotations

from datetime import UTC, datetime, time

from app.formatting import days_between, relative_due


def local(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in local time on the given day of March 2027, as UTC."""
    return datetime.combine(datetime(2027, 3, day).date(), time(hour, minute)).astimezone(UTC)


def test_days_are_counted_by_the_dates_shown_not_by_24_hour_spans() -> None:
    assert days_between(local(1, 23, 59), local(3, 0, 1)) == 2  # 24h spans: 1 day
    assert days_between(local(3, 0, 1), local(1, 23, 59)) == -2
    assert days_between(local(1, 8), local(1, 22)) == 0


def test_a_due_date_reads_as_the_calendar_counts() -> None:
    now = local(1, 23, 59)
    assert relative_due(local(3, 0, 1), now) == "in 2 days"
    assert relative_due(local(2, 9), now) == "due tomorrow"
    assert relative_due(local(1, 22), local(1, 8)) == "due later today"
    assert relative_due(local(1, 8), now) == "due today"
    assert relative_due(local(1, 8), local(4, 7)) == "overdue by 3 days"
    assert relative_due(None, now) == "due now (never checked)"
