"""The one source of "now", injected everywhere so schedules and drift test without sleeping."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Anything that says what time it is."""

    def now(self) -> datetime:
        """The current time, timezone-aware (UTC)."""
        ...


class SystemClock:
    """The computer's clock, in UTC."""

    def now(self) -> datetime:
        """The current time from the computer's clock."""
        return datetime.now(UTC)


class FixedClock:
    """A clock that only moves when told to; for tests, the demo data and benchmarks."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FixedClock needs a timezone-aware datetime")
        self._now = start

    def now(self) -> datetime:
        """The time the clock was set to or advanced to."""
        return self._now

    def advance(self, delta: timedelta) -> None:
        """Move the clock on by `delta`."""
        self._now += delta

    def set(self, moment: datetime) -> None:
        """Put the clock at `moment` (forwards or back)."""
        self._now = moment
