"""The stored data as plain values: what `app.storage` returns from one read pass."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.audit.answers import Answer
from app.audit.profile import WorkerProfile
from app.audit.records import ConnectionReviewRecord, ExportImportRecord, ReportRecord
from app.audit.run import AuditRun
from app.audit.watch import Drift, PlatformWatch


@dataclass(frozen=True)
class DashboardData:
    """What the dashboard needs, from one read pass, without reading every check or answer
    ever given.

    `runs`, oldest first, holds whole (every check, every item's newest answer) only the runs
    the dashboard looks at: each platform's newest finished check and the one it is compared
    with, runs with a check dated ahead, unfinished runs and the two newest finished runs
    (`app.storage.reads.dashboard_data`): enough for the current state, drift, the schedule
    and resuming. Never use it as the full history (see `AllData`).
    """

    profile: WorkerProfile | None
    runs: list[AuditRun]
    newest: dict[tuple[str, str], Answer]  # the newest answer to every item, across all runs
    export_imports: list[ExportImportRecord]
    watch_drift: list[Drift] = field(default_factory=list)  # what the watch saw, oldest first
    # The platforms ticked for signed-in re-reads: the overview says which were signed out.
    signed_in_watches: list[PlatformWatch] = field(default_factory=list)

    @property
    def open_run(self) -> AuditRun | None:
        """The newest run that was started and never completed: the audit to resume."""
        return next((run for run in reversed(self.runs) if not run.is_complete), None)


@dataclass(frozen=True)
class AllData:
    """Everything stored, for the history and the report: every run with its answers."""

    profile: WorkerProfile | None
    runs: list[AuditRun]
    export_imports: list[ExportImportRecord]
    connection_reviews: list[ConnectionReviewRecord]
    reports_made: list[ReportRecord]
