"""Glue between the stored data and the due/drift report used by `footprint due` and the UI."""

from __future__ import annotations

from app.audit.reminders import DueReport, due_entries
from app.footprint import Footprint


def due_report(footprint: Footprint) -> DueReport:
    now = footprint.clock.now()
    state = footprint.dashboard()
    if state.profile is None:
        return DueReport((), now, set_up=False)
    return DueReport(due_entries(state.overviews), now)
