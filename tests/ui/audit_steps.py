"""Steps UI tests take through an audit."""

from __future__ import annotations

from app.ui.audit_page import AuditPage


def see_the_summary(page: AuditPage) -> None:
    """After the audit's last answer its last platform's end card shows: go on to the summary."""
    if page.end_card_shown():
        page.end_card.continue_button.click()
