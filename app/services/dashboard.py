"""The overview as the main window shows it, built from one read of the database."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from app.audit.actions import ActionItem, action_list
from app.audit.overview import PlatformOverview, overviews
from app.audit.profile import WorkerProfile
from app.audit.records import ExportImportRecord
from app.audit.reminders import DueEntry, DueReport, due_entries, future_check_warning
from app.audit.run import AuditRun
from app.audit.stored import DashboardData
from app.audit.watch import Drift, still_to_check
from app.checklists.model import Catalogue


@dataclass(frozen=True)
class DashboardView:
    """Everything the main window shows, from one read pass.

    `runs` holds only each platform's recent checks, unfinished audits and the two newest
    finished ones (`app.audit.stored.DashboardData`): enough to resume, compare and score.
    """

    profile: WorkerProfile | None
    overviews: tuple[PlatformOverview, ...]
    runs: tuple[AuditRun, ...]
    open_run: AuditRun | None
    public_switch_alerts: frozenset[str]
    attention: tuple[DueEntry, ...]  # due or drifted platforms, not snoozed
    now: datetime
    clock_warnings: tuple[str, ...] = ()  # checks dated in the future, left out
    # Open fixes and not-sure items on the worker's platforms, most important first; a
    # snoozed reminder hides none of them.
    to_do: tuple[ActionItem, ...] = ()
    # Drift the watch saw whose platform was not checked in an audit since (issue 28).
    watched: tuple[str, ...] = ()
    # The same drift counted by platform id, for the verdict line and the table's rows.
    watched_counts: Mapping[str, int] = field(default_factory=dict)

    @property
    def first_audit_pending(self) -> bool:
        """Set up, but nothing checked or started yet: time for a welcome, not for alarms."""
        return (
            self.profile is not None
            and self.open_run is None
            and not any(row.last_checked for row in self.overviews)
        )


def dashboard_view(data: DashboardData, catalogue: Catalogue, now: datetime) -> DashboardView:
    """The overview of every platform the worker uses, at `now`."""
    rows = tuple(overviews(catalogue, data.runs, data.profile, now, data.newest))
    return DashboardView(
        profile=data.profile,
        overviews=rows,
        runs=tuple(data.runs),
        open_run=data.open_run,
        public_switch_alerts=public_switch_alerts(data.export_imports, rows),
        attention=due_entries(rows) if data.profile is not None else (),
        now=now,
        clock_warnings=tuple(
            future_check_warning(row.platform.name, row.due.future_check)
            for row in rows
            if row.due.future_check is not None
        ),
        to_do=tuple(action_list([row.platform for row in rows], data.newest)),
        watched=watched_notices(data.watch_drift, rows),
        watched_counts=watched_counts(data.watch_drift, rows),
    )


def watched_notices(drift: list[Drift], rows: tuple[PlatformOverview, ...]) -> tuple[str, ...]:
    """The overview's lines for drift the watch saw that the worker has neither confirmed nor
    checked in an audit since."""
    names = {row.platform.id: row.platform.name for row in rows}
    checked = {row.platform.id: row.last_checked for row in rows}
    return tuple(
        f"{d.sentence(names.get(d.platform_id, d.platform_id))}. Check it in an audit: it is "
        "not an answer until you record one."
        for d in still_to_check(drift, checked)
    )


def watched_counts(drift: list[Drift], rows: tuple[PlatformOverview, ...]) -> dict[str, int]:
    """By platform id, how many settings the watch saw slide back that the worker has neither
    confirmed nor checked in an audit since (the overview's notices, counted)."""
    checked = {row.platform.id: row.last_checked for row in rows}
    return dict(Counter(d.platform_id for d in still_to_check(drift, checked)))


def on_to_do(view: DashboardView, platform_id: str, item_id: str) -> bool:
    """Whether an item is on the overview's to-do list."""
    return any(a.key == (platform_id, item_id) for a in view.to_do)


def run_holding(
    view: DashboardView, runs: Sequence[AuditRun], platform_id: str, item_id: str
) -> AuditRun | None:
    """The run among `runs` that holds an item's current answer on `view`'s to-do list
    (where "I fixed it" is recorded)."""
    current = next((a.answer for a in view.to_do if a.key == (platform_id, item_id)), None)
    if current is None:
        return None
    return next((run for run in runs if run.answers.get(current.key) == current), None)


def public_switch_alerts(
    imports: Sequence[ExportImportRecord], rows: Sequence[PlatformOverview]
) -> frozenset[str]:
    """Platforms whose newest data export shows a switch to public after their last check."""
    newest: dict[str, ExportImportRecord] = {}
    for record in imports:
        newest[record.platform_id] = record  # oldest first, so the newest wins
    last = {row.platform.id: row.last_checked for row in rows}

    def after_last_check(record: ExportImportRecord) -> bool:
        checked = last.get(record.platform_id)
        return checked is None or record.imported_at > checked

    return frozenset(
        pid for pid, record in newest.items() if record.public_switches and after_last_check(record)
    )


def due_report(view: DashboardView) -> DueReport:
    """What `footprint due` prints: platforms due a re-check or drifted, not snoozed."""
    if view.profile is None:
        return DueReport((), view.now, set_up=False)
    return DueReport(view.attention, view.now, warnings=view.clock_warnings)
