"""Which platforms need the worker's attention now: due for a re-check, or drifted."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.audit.overview import PlatformOverview


@dataclass(frozen=True)
class DueEntry:
    platform_id: str
    platform_name: str
    last_checked: datetime | None
    next_due: datetime | None
    is_due: bool
    drifted_items: tuple[str, ...]

    def reasons(self, now: datetime) -> list[str]:
        reasons = []
        if self.last_checked is None:
            reasons.append("never checked")
        elif self.is_due and self.next_due is not None:
            overdue = (now - self.next_due).days
            reasons.append(
                f"re-check due since {self.next_due:%d %b %Y}"
                + (f" ({overdue} days overdue)" if overdue > 0 else "")
            )
        if self.drifted_items:
            count = len(self.drifted_items)
            reasons.append(f"{count} setting{'s' if count > 1 else ''} drifted to less safe")
        return reasons


@dataclass(frozen=True)
class DueReport:
    entries: tuple[DueEntry, ...]
    now: datetime
    set_up: bool = True

    def as_text(self) -> str:
        if not self.set_up:
            return "Footprint is not set up yet: start the app and choose your platforms."
        if not self.entries:
            return "Nothing is due: every platform was checked within its re-check interval."
        lines = [f"{len(self.entries)} platform(s) need attention:"]
        for entry in self.entries:
            lines.append(f"  {entry.platform_name}: {'; '.join(entry.reasons(self.now))}")
        return "\n".join(lines)

    def as_json(self) -> dict[str, Any]:
        return {
            "checked_at": self.now.isoformat(),
            "set_up": self.set_up,
            "due": [
                {
                    "platform": e.platform_id,
                    "name": e.platform_name,
                    "last_checked": e.last_checked.isoformat() if e.last_checked else None,
                    "next_due": e.next_due.isoformat() if e.next_due else None,
                    "is_due": e.is_due,
                    "drifted_items": list(e.drifted_items),
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
            )
        )
    return tuple(entries)
