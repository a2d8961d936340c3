"""History a person can read: one line per change, with its date and badge; a fix reads
"Fixed on 12 Dec 2026" (issue 26, point 7)."""

from __future__ import annotations

from datetime import timedelta

from app.audit.answers import AnswerStatus
from app.formatting import short_date
from app.ui.history_dialog import HistoryDialog
from tests.ui.audit_steps import see_the_summary


def test_a_fix_reads_fixed_on_its_date_and_a_slide_back_is_its_own_line(
    qtbot, set_up, make_window
) -> None:
    window = make_window(set_up)
    window.start_or_resume_audit()
    while window.audit_page.session and not window.audit_page.session.is_finished:
        window.audit_page.answer_buttons[AnswerStatus.SAFE].click()
    see_the_summary(window.audit_page)
    window.summary_page.done_button.click()
    set_up.clock.advance(timedelta(days=30))
    window.recheck_platform("facebook")
    window.audit_page.answer_buttons[AnswerStatus.NEEDS_ACTION].click()
    window.audit_page.answer_buttons[AnswerStatus.NEEDS_ACTION].click()
    while window.audit_page.session and not window.audit_page.session.is_finished:
        window.audit_page.answer_buttons[AnswerStatus.SAFE].click()
    see_the_summary(window.audit_page)
    set_up.clock.advance(timedelta(days=1))
    fixed = window.summary_page._selected().item.name
    window.summary_page.mark_fixed()
    window.summary_page.done_button.click()

    dialog = HistoryDialog(footprint=set_up, platform_id="facebook")
    qtbot.addWidget(dialog)
    lines = [dialog.changes_list.item(i).text() for i in range(dialog.changes_list.count())]
    items = [item.name for item in set_up.catalogue.platform("facebook").items[:2]]
    [still_open] = [name for name in items if name != fixed]
    fixed_day = short_date(set_up.clock.now())
    assert lines[0] == f"{fixed_day}   ✓ Fixed after the audit   Fixed on {fixed_day}: {fixed}"
    assert any(f"✗ Needs action   {still_open} (was Safe)" in line for line in lines)
    assert sum("Checked Facebook" in line for line in lines) == 2
    dialog.timeline_table.selectRow(0)  # newest audit first
    shown = {dialog.answers_table.item(r, 0).text(): dialog.answers_table.item(r, 1).text()
             for r in range(dialog.answers_table.rowCount())}  # fmt: skip
    assert shown[fixed] == f"✓ Fixed on {fixed_day}"
