"""An iCalendar file (RFC 5545) with one recurring re-check event per platform, each with an
alarm (VALARM), so the reminder reaches the worker even when Footprint is not running."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from app import __version__
from app.audit.overview import PlatformOverview
from app.audit.schedule import LATEST_MOMENT

LATEST_DAY = LATEST_MOMENT.date()
# The alarm rings at 09:00 on the re-check's day: the events last all day, so RFC 5545's
# TRIGGER is relative to the day's start (section 3.8.6.3; a positive duration is allowed).
ALARM_AFTER_START = timedelta(hours=9)


@dataclass(frozen=True)
class ReminderCalendar:
    """The iCalendar file, and the platforms whose date was held at the calendar's end (a
    clock set near the year 9999 would otherwise overflow the dates)."""

    data: bytes
    held_back: tuple[str, ...] = ()

    def notes(self) -> list[str]:
        """What to tell the worker about the file."""
        if not self.held_back:
            return []
        return [
            f"The re-check of {', '.join(self.held_back)} would fall after the end of the "
            f"calendar, so it was set to {LATEST_DAY:%d %b %Y}. Is the computer's clock right?"
        ]


def reminders_calendar(overviews: Sequence[PlatformOverview], now: datetime) -> ReminderCalendar:
    """Each platform's next re-check (today if due), repeating every re-check interval."""
    calendar = Calendar()
    calendar.add("prodid", f"-//Footprint//Footprint {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Footprint re-checks")
    held_back = []
    for overview in overviews:
        start = _start(overview, now)
        if start >= LATEST_DAY:
            start = LATEST_DAY
            held_back.append(overview.platform.name)
        calendar.add_component(_event(overview, now, start))
    return ReminderCalendar(bytes(calendar.to_ical()), tuple(held_back))


def _start(overview: PlatformOverview, now: datetime) -> date:
    due = overview.due
    return due.next_due.date() if due.next_due and due.next_due > now else now.date()


def _event(overview: PlatformOverview, now: datetime, start: date) -> Event:
    due = overview.due
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
    event.add_component(_alarm(overview.platform.name))
    return event


def _alarm(platform_name: str) -> Alarm:
    """A reminder the calendar shows on the day, whether or not Footprint is running."""
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"Re-check your {platform_name} privacy settings in Footprint")
    alarm.add("trigger", ALARM_AFTER_START)
    return alarm
