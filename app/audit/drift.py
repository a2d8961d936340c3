"""Drift: settings that slid back to a worse answer, or whose observed value changed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from app.audit.answers import Answer, worse
from app.checklists.model import Platform


class DriftReason(StrEnum):
    """Why an item counts as drift: a worse answer, or a different value seen."""

    WORSE = "worse"
    VALUE_CHANGED = "value_changed"


@dataclass(frozen=True)
class DriftEntry:
    """One item that drifted between two checks of a platform."""

    platform_id: str
    item_id: str
    before: Answer
    after: Answer
    reason: DriftReason


@dataclass(frozen=True)
class DriftReport:
    """The drift found between two checks of one platform."""

    entries: tuple[DriftEntry, ...]
    new_item_ids: tuple[str, ...]  # checks added since the earlier audit: "new", not drift

    @property
    def has_drift(self) -> bool:
        """True if any item drifted (new items do not count)."""
        return bool(self.entries)


NO_DRIFT = DriftReport((), ())


def drift_between(
    platform: Platform, before: Mapping[str, Answer], after: Mapping[str, Answer]
) -> DriftReport:
    """Compare two checks of one platform, item by item, for the platform's current items."""
    entries: list[DriftEntry] = []
    new_items: list[str] = []
    for item in platform.items:
        earlier, later = before.get(item.id), after.get(item.id)
        if later is None:
            continue
        if earlier is None:
            new_items.append(item.id)
            continue
        if not earlier.status.is_answered:
            continue
        reason = _drift_reason(earlier, later)
        if reason is not None:
            entries.append(DriftEntry(platform.id, item.id, earlier, later, reason))
    return DriftReport(tuple(entries), tuple(new_items))


def _drift_reason(before: Answer, after: Answer) -> DriftReason | None:
    if worse(after.status, before.status):
        return DriftReason.WORSE
    if worse(before.status, after.status):
        return None  # an improvement (e.g. Public → Only me) is not drift
    if before.observed is not None and after.observed is not None:
        if before.observed.strip() != after.observed.strip():
            return DriftReason.VALUE_CHANGED
    return None
