"""When each platform is due its re-check."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


def effective_interval(
    file_days: int, policy_days: int | None = None, worker_days: int | None = None
) -> int:
    """The audit file's interval, replaced by the employer's, shortened by the worker's."""
    base = policy_days if policy_days is not None else file_days
    if worker_days is not None and worker_days < base:
        return worker_days
    return base


@dataclass(frozen=True)
class DueStatus:
    last_checked: datetime | None
    interval_days: int
    next_due: datetime | None  # None: never checked, so due now
    is_due: bool
    snoozed_until: datetime | None = None

    @property
    def is_snoozed(self) -> bool:
        return self.snoozed_until is not None

    def overdue_days(self, now: datetime) -> int:
        if self.next_due is None or now <= self.next_due:
            return 0
        return (now - self.next_due).days


def due_status(
    last_checked: datetime | None,
    interval_days: int,
    now: datetime,
    snoozed_until: datetime | None = None,
) -> DueStatus:
    """A platform is due `interval_days` after its last completed check; never checked is due."""
    active_snooze = snoozed_until if snoozed_until is not None and snoozed_until > now else None
    if last_checked is None:
        return DueStatus(None, interval_days, None, True, active_snooze)
    next_due = last_checked + timedelta(days=interval_days)
    return DueStatus(last_checked, interval_days, next_due, now >= next_due, active_snooze)
