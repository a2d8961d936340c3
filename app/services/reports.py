"""The supervision report, from everything stored, at the clock's current time."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from app.checklists.codes import CodeBook
from app.checklists.model import Catalogue
from app.report.content import ReportScope, SupervisionReport
from app.report.report_model import build_report
from app.report.wording import evidence_lines, outside_lines, watched_lines
from app.storage.store import Store


def supervision_report(
    store: Store, catalogue: Catalogue, codes: CodeBook, now: datetime, scope: ReportScope
) -> SupervisionReport:
    """Build the report from one read of the database; raises ReportError."""
    data = store.all_data()
    report = build_report(catalogue, data.runs, data.profile, codes, now, scope, data.reports_made)
    evidence = evidence_lines(catalogue, data.export_imports, data.connection_reviews)
    reported = [section.platform_id for section in report.platforms]
    addressed = set(store.public_addresses())  # which platforms have one; never the address
    outside = outside_lines(catalogue, reported, store.outside_findings(), addressed)
    watched = watched_lines(catalogue, reported, store.watch_drift(), report.period.start)
    return replace(report, evidence=evidence, outside=outside, watched=watched)
