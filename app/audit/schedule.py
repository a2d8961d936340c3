"""When each platform is due its re-check, whatever the computer's clock said at the time.

A check dated after "now" (beyond a small tolerance) was recorded with a clock that ran fast:
counted, it would hide due work for as long as the clock was wrong (ten years fast: ten
years of "nothing is due"). Such a check is not counted for the schedule, and is reported.
A check dated 1970 is simply a very old check. Dates near the end of the calendar are held
at LATEST_MOMENT instead of overflowing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from app.formatting import days_between

# A clock a little ahead of another (a time-zone slip, a clock set by hand) is not suspect.
FUTURE_TOLERANCE = timedelta(days=1)
# The latest date Footprint computes: a day before the calendar ends, so adding a day (an
# all-day event) or showing it in any time zone cannot overflow.
LATEST_MOMENT = datetime(9999, 12, 30, tzinfo=UTC)


def effective_interval(
    file_days: int, policy_days: int | None = None, worker_days: int | None = None
) -> int:
    """The audit file's interval, replaced by the employer's, shortened by the worker's."""
    base = policy_days if policy_days is not None else file_days
    if worker_days is not None and worker_days < base:
        return worker_days
    return base


def is_in_the_future(moment: datetime, now: datetime) -> bool:
    """True if `moment` is later than `now` by more than FUTURE_TOLERANCE."""
    return moment - now > FUTURE_TOLERANCE


def days_later(moment: datetime, days: int) -> datetime:
    """`moment` plus `days`, held at LATEST_MOMENT rather than overflowing."""
    try:
        later = moment + timedelta(days=days)
    except OverflowError:
        return LATEST_MOMENT
    return min(later, LATEST_MOMENT)


@dataclass(frozen=True)
class DueStatus:
    """When a platform was last checked, when it is next due, and whether it is now."""

    last_checked: datetime | None
    interval_days: int
    next_due: datetime | None  # None: never checked, so due now
    is_due: bool
    snoozed_until: datetime | None = None
    # A check dated in the future that was left out (see the module's docstring).
    future_check: datetime | None = None

    @property
    def is_snoozed(self) -> bool:
        """True if the worker silenced the platform's reminder."""
        return self.snoozed_until is not None

    def overdue_days(self, now: datetime) -> int:
        """Whole days past the due date at `now`; 0 if not yet due or never checked."""
        if self.next_due is None or now <= self.next_due:
            return 0
        return max(days_between(self.next_due, now), 0)


def due_status(
    last_checked: datetime | None,
    interval_days: int,
    now: datetime,
    snoozed_until: datetime | None = None,
    future_check: datetime | None = None,
) -> DueStatus:
    """A platform is due `interval_days` after its last completed check; never checked is due.

    `last_checked` must not be in the future (the caller leaves such checks out and passes
    the newest of them as `future_check`, to be reported)."""
    active_snooze = snoozed_until if snoozed_until is not None and snoozed_until > now else None
    if last_checked is None:
        return DueStatus(None, interval_days, None, True, active_snooze, future_check)
    next_due = days_later(last_checked, interval_days)
    return DueStatus(
        last_checked, interval_days, next_due, now >= next_due, active_snooze, future_check
    )
