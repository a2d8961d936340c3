"""The summary page of an older audit compares it with the check before it (see
tests/audit/test_comparison.py for the case)."""

from __future__ import annotations

from app.audit.session import AuditSession
from app.clock import FixedClock
from app.ui.summary_page import SummaryPage
from tests.audit.memory_store import MemoryStore
from tests.audit.test_comparison import CATALOGUE, three_audits


def test_the_summary_of_the_31_january_audit_shows_what_slid_back_since_1_january(qtbot) -> None:
    history, middle = three_audits()
    session = AuditSession(middle, CATALOGUE, MemoryStore(), FixedClock(middle.started_at))
    page = SummaryPage(open_url=lambda _url: None)
    qtbot.addWidget(page)
    page.show_session(session, history)
    change = page.table.item(0, page.table.columnCount() - 1).text()
    assert change.startswith("Slid back since 01 Jan 2026")
