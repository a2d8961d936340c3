"""What Footprint keeps about imports and friend-list reviews: dates and counts, never names.

Plain values shared by the recording logic and app/storage (which stores and reads them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.audit.answers import Answer
from app.formatting import plural


@dataclass(frozen=True)
class ExportImportRecord:
    """A stored data-export import: its dates and counts."""

    id: int
    platform_id: str
    imported_at: datetime
    export_date: datetime
    run_id: int | None  # the audit run holding its answers; None when it answered nothing
    items_answered: int
    connection_count: int  # friends, followers, following and connections
    request_count: int  # pending requests, either way
    public_switches: int  # switches to public since the platform's last completed check


@dataclass(frozen=True)
class ConnectionReviewRecord:
    """A stored friend-list review: how many were reviewed, marked and removed."""

    id: int
    platform_id: str
    reviewed_at: datetime
    export_date: datetime
    reviewed_count: int
    marked_count: int
    confirmed_removed_count: int | None  # None until a newer export or the worker confirms
    confirmed_at: datetime | None
    confirmed_by: str | None  # "export" or "worker"
    by_hand: bool = False  # nothing per person is kept: only the worker can confirm removal

    @property
    def awaiting_removal(self) -> int:
        """Marked people not yet confirmed removed."""
        return self.marked_count - (self.confirmed_removed_count or 0)

    @property
    def awaits_worker(self) -> bool:
        """Marked people whose removal only the worker can confirm (no keyring, or a
        review from before revision 0003, whose guessable hashes were deleted)."""
        return self.by_hand and self.marked_count > 0 and self.confirmed_removed_count is None

    def removal_status(self) -> str:
        """Where removal of the marked people stands, as a phrase for the worker."""
        if self.marked_count == 0:
            return "no one marked"
        if self.awaits_worker:
            return "confirm removal by hand"
        if self.confirmed_removed_count is None:
            return "removal not yet confirmed"
        by = "a newer export" if self.confirmed_by == "export" else "you"
        if self.awaiting_removal == 0:
            return f"all {self.marked_count} confirmed removed (by {by})"
        return (
            f"{self.confirmed_removed_count} of {self.marked_count} confirmed removed (by {by}); "
            f"{self.awaiting_removal} still connected"
        )

    def summary(self) -> str:
        """The review in one line: how many reviewed and marked, and removal."""
        return (
            f"{plural(self.reviewed_count, 'connection')} reviewed, {self.marked_count} marked: "
            f"{self.removal_status()}"
        )


@dataclass(frozen=True)
class PendingReview:
    """A review whose marked people are not all confirmed removed, with their keyed hashes."""

    id: int
    platform_id: str
    reviewed_at: datetime
    lists: tuple[str, ...]  # the connection kinds the review covered
    salt: str
    key_id: str  # which per-install secret (kept in the keyring) keyed the hashes
    digests: frozenset[str]


@dataclass(frozen=True)
class RemovalCheck:
    """A pending review compared with a newer export: hashes no longer present are removed."""

    review_id: int
    reviewed_at: datetime
    gone: frozenset[str]
    still_there: int


@dataclass(frozen=True)
class ReviewToSave:
    """A finished review: counts, and keyed hashes of the marked unless `by_hand`."""

    platform_id: str
    reviewed_at: datetime
    export_date: datetime
    reviewed_count: int
    marked_count: int
    lists: tuple[str, ...]
    salt: str | None  # None with by_hand: nothing per person is stored
    key_id: str | None
    marked_digests: frozenset[str]
    by_hand: bool  # no keyring: the worker confirms removal


@dataclass(frozen=True)
class ImportPlan:
    """Everything one import writes, saved in a single transaction (all or nothing)."""

    platform_id: str
    imported_at: datetime
    export_date: datetime
    answers: tuple[Answer, ...]
    platform_complete: bool  # every item of the platform was answered by the export
    connection_count: int
    request_count: int
    public_switches: int
    removal_checks: tuple[RemovalCheck, ...]


@dataclass(frozen=True)
class ReportRecord:
    """A supervision report the worker saved or printed: when, and what it covered."""

    id: int
    made_at: datetime
    period_start: datetime | None  # changes were shown from here; None: one audit's report
    run_id: int | None  # the audit reported on, for a report of one audit
