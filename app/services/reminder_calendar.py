"""An iCalendar file (RFC 5545) with one recurring re-check event per platform."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from icalendar import Calendar, Event

from app import __version__
from app.audit.overview import PlatformOverview


def reminders_calendar(overviews: Sequence[PlatformOverview], now: datetime) -> bytes:
    """Each platform's next re-check (today if due), repeating every re-check interval."""
    calendar = Calendar()
    calendar.add("prodid", f"-//Footprint//Footprint {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Footprint re-checks")
    for overview in overviews:
        calendar.add_component(_event(overview, now))
    return bytes(calendar.to_ical())


def _event(overview: PlatformOverview, now: datetime) -> Event:
    due = overview.due
    start = due.next_due.date() if due.next_due and due.next_due > now else now.date()
    event = Event()
    event.add("uid", f"footprint-recheck-{overview.platform.id}@footprint.invalid")
    event.add("dtstamp", now)
    event.add("summary", f"Re-check your {overview.platform.name} privacy settings")
    event.add(
        "description",
        "Platforms can reset privacy settings to less strict defaults. Open Footprint and "
        f"re-check {overview.platform.name}.",
    )
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(days=1))
    event.add("rrule", {"freq": "daily", "interval": due.interval_days})
    return event
