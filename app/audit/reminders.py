"""Which platforms need the worker's attention now: due for a re-check, or drifted."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from app.audit import glossary
from app.audit.overview import PlatformOverview
from app.formatting import days_between


@dataclass(frozen=True)
class DueEntry:
    """A platform that needs attention: due a re-check, drifted, or both."""

    platform_id: str
    platform_name: str
    last_checked: datetime | None
    next_due: datetime | None
    is_due: bool
    drifted_items: tuple[str, ...]
    future_check: datetime | None = None  # a check dated in the future, not counted

    def reasons(self, now: datetime) -> list[str]:
        """Why the platform needs attention, in the glossary's words."""
        reasons = []
        if self.future_check is not None:
            reasons.append(
                f"its newest check is dated {self.future_check:%d %b %Y}, in the future, "
                "so it is not counted"
            )
        if self.last_checked is None:
            reasons.append(glossary.NEVER_CHECKED.lower())
        elif self.is_due and self.next_due is not None:
            overdue = days_between(self.next_due, now)
            reasons.append(
                f"re-check due since {self.next_due:%d %b %Y}"
                + (f" ({overdue} days overdue)" if overdue > 0 else "")
            )
        if self.drifted_items:
            reasons.append(glossary.slid_back_count(len(self.drifted_items)))
        return reasons


def future_check_warning(platform_name: str, dated: datetime) -> str:
    """The notice for a check dated in the future (see `app.audit.schedule`)."""
    return (
        f"Your check of {platform_name} is dated {dated:%d %b %Y}, which is in the future: "
        "the computer's clock was probably wrong when it was saved. Footprint does not count "
        f"it, so check {platform_name} again."
    )


@dataclass(frozen=True)
class DueReport:
    """Every platform that needs attention now, for the `due` command and reminders."""

    entries: tuple[DueEntry, ...]
    now: datetime
    set_up: bool = True
    warnings: tuple[str, ...] = ()  # checks dated in the future

    def as_text(self) -> str:
        """The report as lines for a terminal, or a sentence when nothing is due."""
        if not self.set_up:
            return "Footprint is not set up yet: start the app and choose your platforms."
        notes = [f"Note: {warning}" for warning in self.warnings]
        if not self.entries:
            return "\n".join(
                [*notes, "Nothing is due: every platform was checked within its re-check interval."]
            )
        lines = [*notes, f"{glossary.need_attention(len(self.entries))}:"]
        for entry in self.entries:
            lines.append(f"  {entry.platform_name}: {'; '.join(entry.reasons(self.now))}")
        return "\n".join(lines)

    def as_json(self) -> dict[str, Any]:
        """The report as a JSON-ready dictionary (`footprint due --json`)."""
        return {
            "checked_at": self.now.isoformat(),
            "set_up": self.set_up,
            "warnings": list(self.warnings),
            "due": [
                {
                    "platform": e.platform_id,
                    "name": e.platform_name,
                    "last_checked": e.last_checked.isoformat() if e.last_checked else None,
                    "next_due": e.next_due.isoformat() if e.next_due else None,
                    "is_due": e.is_due,
                    "drifted_items": list(e.drifted_items),
                    "future_check": e.future_check.isoformat() if e.future_check else None,
                    "reasons": e.reasons(self.now),
                }
                for e in self.entries
            ],
        }


def due_entries(
    overviews: Sequence[PlatformOverview], *, include_snoozed: bool = False
) -> tuple[DueEntry, ...]:
    """Platforms that are due or drifted; snoozed ones are left out unless asked for."""
    entries = []
    for overview in overviews:
        drifted = tuple(entry.item_id for entry in overview.drift.entries)
        if not (overview.due.is_due or drifted):
            continue
        if overview.due.is_snoozed and not include_snoozed:
            continue
        entries.append(
            DueEntry(
                overview.platform.id,
                overview.platform.name,
                overview.due.last_checked,
                overview.due.next_due,
                overview.due.is_due,
                drifted,
                overview.due.future_check,
            )
        )
    return tuple(entries)


@dataclass
class AnnouncementLog:
    """What was announced when, so an hourly check does not repeat itself every hour."""

    repeat_after: timedelta = timedelta(hours=24)
    last_announced: dict[str, datetime] = field(default_factory=dict)

    def to_announce(self, entries: Sequence[DueEntry], now: datetime) -> list[DueEntry]:
        """Entries not announced within `repeat_after`; they are marked as announced now."""
        fresh = [
            e
            for e in entries
            if (last := self.last_announced.get(e.platform_id)) is None
            or now - last >= self.repeat_after
        ]
        for entry in fresh:
            self.last_announced[entry.platform_id] = now
        return fresh


class ClockJumpDetector:
    """Notices when wall-clock time moved much more than elapsed time (sleep, resume,
    a clock change), so reminders are checked at once instead of at the next tick."""

    def __init__(
        self,
        now: Callable[[], datetime],
        monotonic: Callable[[], float],
        tolerance: timedelta = timedelta(minutes=2),
    ) -> None:
        self._now, self._monotonic, self._tolerance = now, monotonic, tolerance
        self._wall, self._mono = now(), monotonic()

    def jumped(self) -> bool:
        """True if wall-clock time and elapsed time parted by more than the tolerance since the
        last call, which starts the next interval."""
        wall, mono = self._now(), self._monotonic()
        elapsed_wall = wall - self._wall
        elapsed_mono = timedelta(seconds=mono - self._mono)
        self._wall, self._mono = wall, mono
        return abs(elapsed_wall - elapsed_mono) > self._tolerance
