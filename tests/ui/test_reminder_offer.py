"""Reminders that reach the worker: at the end of the first audit an unticked offer of start
at login and of the calendar; the calendar also from the File menu, an alarm on each event
(issue 26, point 6)."""

from __future__ import annotations

from icalendar import Calendar
from PySide6.QtWidgets import QFileDialog

from app.audit.answers import AnswerStatus
from app.ui import window_actions
from tests.ui.audit_steps import see_the_summary
from tests.ui.test_reminders import finish_audit


def answer_everything(window) -> None:
    while window.audit_page.session and not window.audit_page.session.is_finished:
        window.audit_page.answer_buttons[AnswerStatus.SAFE].click()
    see_the_summary(window.audit_page)


def test_the_first_audit_offers_reminders_unticked_and_saves_the_calendar_when_asked(
    qtbot, set_up, make_window, monkeypatch, tmp_path
) -> None:
    logins: list[bool] = []
    monkeypatch.setattr(window_actions, "set_autostart", lambda on: logins.append(on))
    path = tmp_path / "rechecks.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(path), ""))
    window = make_window(set_up)
    window.start_or_resume_audit()
    answer_everything(window)
    page = window.summary_page
    assert page.offer.isVisible()
    assert page.autostart_check.isVisible() and not page.autostart_check.isChecked()
    assert page.calendar_check.isVisible() and not page.calendar_check.isChecked()

    page.calendar_check.setChecked(True)
    page.done_button.click()

    assert logins == []  # not ticked: nothing written
    events = list(Calendar.from_ical(path.read_bytes()).walk("VEVENT"))
    assert len(events) == 2
    assert all(len(list(event.walk("VALARM"))) == 1 for event in events)
    assert path.name in window.statusBar().currentMessage()


def test_later_audits_do_not_offer_again(qtbot, set_up, make_window) -> None:
    window = make_window(set_up)
    finish_audit(window)
    window.recheck_platform("facebook")
    answer_everything(window)
    assert window.summary_page.isVisible() and not window.summary_page.offer.isVisible()


def test_the_file_menu_saves_the_calendar(qtbot, set_up, make_window, tmp_path) -> None:
    window = make_window(set_up)
    finish_audit(window)
    actions = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "Add re-checks to my &calendar…" in actions
    path = tmp_path / "from-menu.ics"
    assert window.save_calendar(path)
    calendar = Calendar.from_ical(path.read_bytes())
    assert len(list(calendar.walk("VALARM"))) == len(list(calendar.walk("VEVENT"))) == 2


def test_the_first_audit_offers_the_watch_unticked_and_keeps_what_is_ticked(
    qtbot, set_up, make_window
) -> None:
    window = make_window(set_up)
    window.start_or_resume_audit()
    answer_everything(window)
    page = window.summary_page
    offer = page.watch_offer
    assert offer.isVisible() and not offer.watch_check.isChecked()
    audited = {p.id for p in window.audit_page.session.platforms}
    assert set(offer.reread_checks) == audited & {"facebook", "instagram", "x", "linkedin"}
    assert offer.reread_checks and not any(c.isChecked() for c in offer.reread_checks.values())
    platform_id = next(iter(offer.reread_checks))
    offer.reread_checks[platform_id].setChecked(True)
    page.done_button.click()
    assert set_up.signed_in_watch_choices() == {platform_id}
    assert not set_up.watch_choice().signed_out  # not ticked: the looks stay off
    window.recheck_platform(platform_id)
    answer_everything(window)
    assert not offer.isVisible()  # offered once, after the first audit
