"""The supervision report, from everything stored, at the clock's current time."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from app.audit.run import AuditRun
from app.audit.stored import AllData
from app.checklists.codes import CodeBook
from app.checklists.model import Catalogue
from app.report.content import ReportScope, SupervisionReport
from app.report.report_model import build_report
from app.report.wording import evidence_lines, outside_lines, watched_lines
from app.storage.store import Store


@dataclass(frozen=True)
class ReportChoices:
    """What the report window offers, and the read it came from (its first report uses it)."""

    data: AllData
    completed: list[AuditRun]  # finished audits, newest first
    previous_report: datetime | None  # the last report of the current state saved or printed


def report_choices(store: Store) -> ReportChoices:
    """The audits a report may cover and the previous report's date, from one read."""
    data = store.all_data()
    runs = [run for run in data.runs if run.completed_at is not None]
    completed = sorted(runs, key=lambda run: run.completed_at or run.started_at, reverse=True)
    made = [r for r in data.reports_made if r.run_id is None]
    return ReportChoices(data, completed, made[-1].made_at if made else None)


def supervision_report(
    store: Store,
    catalogue: Catalogue,
    codes: CodeBook,
    now: datetime,
    scope: ReportScope,
    data: AllData | None = None,
) -> SupervisionReport:
    """Build the report from one read of the database (or from `data`, read just before);
    raises ReportError."""
    data = data or store.all_data()
    report = build_report(catalogue, data.runs, data.profile, codes, now, scope, data.reports_made)
    evidence = evidence_lines(catalogue, data.export_imports, data.connection_reviews)
    reported = [section.platform_id for section in report.platforms]
    addressed = set(store.public_addresses())  # which platforms have one; never the address
    outside = outside_lines(catalogue, reported, store.outside_findings(), addressed)
    watched = watched_lines(catalogue, reported, store.watch_drift(), report.period.start)
    return replace(report, evidence=evidence, outside=outside, watched=watched)
