"""`Store`: Footprint's database behind one API, the only way in or out of SQLite.

Reads open a read-only standard-library connection for each *read pass* (one call, one
connection, a consistent view); writes are SQLAlchemy Core statements, each in its own
transaction (or many in one, inside `one_transaction`). SQLAlchemy is imported on the first
write, never at start-up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from app.audit.answers import Answer
from app.audit.profile import WorkerProfile
from app.audit.records import (
    ConnectionReviewRecord,
    ExportImportRecord,
    ImportPlan,
    PendingReview,
    ReportRecord,
    ReviewToSave,
)
from app.audit.run import AuditRun, PlatformCheck
from app.audit.stored import AllData, DashboardData
from app.audit.watch import Drift, LookOutcome, PlatformWatch, WatchChoice
from app.storage import reads
from app.storage.errors import trouble_of_the_moment
from app.stranger.evidence import SeenFinding

if TYPE_CHECKING:
    import sqlite3

    from app.storage.writes import Writer

T = TypeVar("T")
log = logging.getLogger(__name__)


class Store:
    """Reads and writes of one prepared database file (see `app.storage.database`).

    Implements `app.audit.session.AuditStore`, so an audit session saves through it.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.read_passes = 0  # how many read-only connections were opened (tests count them)
        self._writer: Writer | None = None

    def close(self) -> None:
        """Release the write engine, if one was created."""
        if self._writer is not None:
            self._writer.close()
            self._writer = None

    # -- reads ------------------------------------------------------------------------------
    def _read(self, query: Callable[[sqlite3.Connection], T]) -> T:
        self.read_passes += 1
        with self._trouble_as_sentence(), reads.read_only(self.path) as connection:
            return query(connection)

    @contextmanager
    def _trouble_as_sentence(self) -> Iterator[None]:
        """A full disk, a lock held too long, a disk error or a lost permission becomes
        DatabaseUnavailableError with the sentence Footprint gives for it at start-up (the
        commands print it, the app shows it); anything else is a bug and stays as it is."""
        try:
            yield
        except Exception as error:
            trouble = trouble_of_the_moment(self.path, error)
            if trouble is None:
                raise
            log.warning("database %s unavailable: %s", self.path, error)
            raise trouble from None

    def dashboard_data(self, now: datetime | None = None) -> DashboardData:
        """Everything the overview needs, in one read pass (`now`: see reads.dashboard_data)."""
        return self._read(lambda db: reads.dashboard_data(db, now))

    def all_data(self) -> AllData:
        """Every run with its answers, the profile and the records of imports and reviews."""
        return self._read(reads.all_data)

    def history(self) -> list[AuditRun]:
        """Every audit run, oldest first, each with the newest answer per item."""
        return self._read(reads.history)

    def profile(self) -> WorkerProfile | None:
        """The worker's profile, or None before onboarding."""
        return self._read(reads.profile)

    def export_imports(self) -> list[ExportImportRecord]:
        """Every data-export import, oldest first."""
        return self._read(reads.export_imports)

    def connection_reviews(self) -> list[ConnectionReviewRecord]:
        """Every friend-list review, oldest first."""
        return self._read(reads.connection_reviews)

    def pending_reviews(self) -> list[PendingReview]:
        """Reviews whose marked people are not all confirmed removed yet."""
        return self._read(reads.pending_reviews)

    def count_answers(self) -> int:
        """How many answers were ever saved."""
        return self._read(reads.count_answers)

    def reports_made(self) -> list[ReportRecord]:
        """Every supervision report saved or printed, oldest first."""
        return self._read(reads.reports_made)

    def keyring_services(self) -> list[str]:
        """The keyring services Footprint created entries in."""
        return self._read(reads.keyring_services)

    def public_addresses(self) -> dict[str, str]:
        """The worker's own public profile addresses, by platform."""
        return self._read(reads.public_addresses)

    def outside_findings(self) -> list[SeenFinding]:
        """The findings of the latest stranger's view of each platform."""
        return self._read(reads.outside_findings)

    def watch_choice(self) -> WatchChoice:
        """The worker's opt-in to the watch (off until chosen)."""
        return self._read(reads.watch_choice)

    def watched_platforms(self) -> list[PlatformWatch]:
        """Every watched platform's schedule."""
        return self._read(reads.watched_platforms)

    def signed_in_watches(self) -> list[PlatformWatch]:
        """The platforms chosen for signed-in re-reads, with their schedules."""
        return self._read(reads.signed_in_watches)

    def watch_readings(self, platform_id: str) -> dict[str, str]:
        """Each item's status at the platform's last signed-in re-read, by item id."""
        return self._read(lambda db: reads.watch_readings(db, platform_id))

    def watch_looks_since(self, since: datetime) -> list[tuple[str, datetime, str]]:
        """The watch's looks from `since` on: (platform, when, outcome), oldest first."""
        return self._read(lambda db: reads.watch_looks_since(db, since))

    def watch_drift(self) -> list[Drift]:
        """Every drift the watch saw, oldest first."""
        return self._read(reads.watch_drift)

    # -- writes -----------------------------------------------------------------------------
    def _write(self, work: Callable[[Writer], T]) -> T:
        with self._trouble_as_sentence():
            return work(self._the_writer())

    def _the_writer(self) -> Writer:
        if self._writer is None:
            from app.storage.writes import Writer

            self._writer = Writer(self.path)
        return self._writer

    @contextmanager
    def one_transaction(self) -> Iterator[None]:
        """The writes inside are committed together at the end, or not at all. Reads inside
        do not see them until then (they use their own connection)."""
        with self._trouble_as_sentence(), self._the_writer().one_transaction():
            yield

    def create_run(self, platform_ids: tuple[str, ...], started_at: datetime) -> AuditRun:
        """Start an audit run of these platforms; returns it, empty."""
        return self._write(lambda writer: writer.create_run(platform_ids, started_at))

    def save_answer(self, run_id: int, answer: Answer) -> None:
        """Save one answer (a re-answer adds a row; the newest counts)."""
        self._write(lambda writer: writer.save_answer(run_id, answer))

    def save_platform_check(self, run_id: int, check: PlatformCheck) -> None:
        """Save a platform's progress in a run: finished, skipped or open."""
        self._write(lambda writer: writer.save_platform_check(run_id, check))

    def delete_fix(self, run_id: int, fix: Answer) -> bool:
        """Undo a recorded fix (its row only); True if it was there."""
        return self._write(lambda writer: writer.delete_fix(run_id, fix))

    def complete_run(self, run_id: int, completed_at: datetime) -> None:
        """Mark the run finished."""
        self._write(lambda writer: writer.complete_run(run_id, completed_at))

    def discard_run(self, run_id: int) -> bool:
        """Delete an unfinished audit and its answers (a finished one stays); True if deleted."""
        return self._write(lambda writer: writer.discard_run(run_id))

    def save_profile(self, profile: WorkerProfile, now: datetime) -> None:
        """Save the worker's details and platforms, replacing the old ones."""
        self._write(lambda writer: writer.save_profile(profile, now))

    def snooze(self, platform_id: str, until: datetime | None) -> None:
        """Silence a platform's reminder until `until` (None: remind again)."""
        self._write(lambda writer: writer.snooze(platform_id, until))

    def record_report(
        self, made_at: datetime, period_start: datetime | None, run_id: int | None
    ) -> None:
        """Remember that a report was saved or printed, and what it covered."""
        self._write(lambda writer: writer.record_report(made_at, period_start, run_id))

    def remember_keyring_entry(self, service: str, now: datetime) -> None:
        """Note that Footprint created a keyring entry for `service` (no secret)."""
        self._write(lambda writer: writer.remember_keyring_entry(service, now))

    def forget_keyring_entry(self, service: str) -> None:
        """Footprint deleted its keyring entry for `service`."""
        self._write(lambda writer: writer.forget_keyring_entry(service))

    def save_public_addresses(self, addresses: dict[str, str]) -> None:
        """Replace the worker's public profile addresses; the stranger's-view findings of a
        platform whose address changed or was removed go with the old address."""
        self._write(lambda writer: writer.save_public_addresses(addresses))

    def record_export_import(self, plan: ImportPlan) -> tuple[int, int | None]:
        """Save a data-export import in one transaction; returns (import id, run id)."""
        return self._write(lambda writer: writer.record_export_import(plan))

    def save_connection_review(self, review: ReviewToSave) -> int:
        """Save a friend-list review as counts (and keyed hashes of the marked); its id."""
        return self._write(lambda writer: writer.save_connection_review(review))

    def confirm_review_by_worker(self, review_id: int, now: datetime) -> None:
        """The worker says everyone marked is removed: keep the count, drop the hashes."""
        self._write(lambda writer: writer.confirm_review_by_worker(review_id, now))

    def save_outside_findings(self, platform_ids: set[str], findings: list[SeenFinding]) -> None:
        """Replace the stranger's-view findings of `platform_ids` with `findings`."""
        self._write(lambda writer: writer.save_outside_findings(platform_ids, findings))

    def choose_watch(self, signed_out: bool, now: datetime) -> None:
        """Turn the signed-out watch on or off."""
        self._write(lambda writer: writer.choose_watch(signed_out, now))

    def save_watched_platforms(self, watches: list[PlatformWatch], *, keep_only: bool) -> None:
        """Save these schedules; with `keep_only`, stop watching every other platform."""
        self._write(lambda writer: writer.save_watched_platforms(watches, keep_only))

    def record_watch_look(
        self,
        watch: PlatformWatch,
        outcome: LookOutcome,
        looked_at: datetime,
        drift: list[Drift],
        seen: list[SeenFinding] | None,
    ) -> None:
        """Keep one look of the watch in one transaction: the look, the schedule after it,
        its drift and, when the page was seen, its findings (replacing the platform's)."""
        self._write(lambda writer: writer.record_watch_look(watch, outcome, looked_at, drift, seen))

    def choose_signed_in_watch(self, platform_id: str, chosen: bool, now: datetime) -> None:
        """Turn the platform's signed-in re-reads on or off."""
        self._write(lambda writer: writer.choose_signed_in_watch(platform_id, chosen, now))

    def record_signed_in_look(
        self,
        watch: PlatformWatch,
        outcome: LookOutcome,
        looked_at: datetime,
        drift: list[Drift],
        readings: dict[str, str] | None,
    ) -> None:
        """Keep one signed-in re-read in one transaction: the look, the schedule after it,
        its drift and, when settings were read, their statuses."""
        self._write(
            lambda writer: writer.record_signed_in_look(watch, outcome, looked_at, drift, readings)
        )

    def confirm_drift(self, drift_id: int, now: datetime) -> None:
        """The worker has seen this drift."""
        self._write(lambda writer: writer.confirm_drift(drift_id, now))
