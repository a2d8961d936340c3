"""A double-click on a platform looks (its history), never starts an audit; any audit that was
started can be discarded (issue 26, point 3)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.audit.answers import AnswerStatus
from app.ui.history_dialog import HistoryDialog
from tests.ui.test_reminders import finish_audit


def test_a_double_click_on_a_platform_opens_its_history_and_starts_nothing(
    qtbot, set_up, make_window, monkeypatch
) -> None:
    window = make_window(set_up)
    finish_audit(window)
    shown: list[object] = []
    monkeypatch.setattr(window, "_exec", lambda dialog: shown.append(dialog) or 0)
    table = window.dashboard.table
    row = table.model().index(1, 0)  # Instagram
    table.setCurrentIndex(row)
    rect = table.visualRect(row)
    # A press first, as a real double-click has: the view double-clicks only where it pressed.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    assert len(shown) == 1 and isinstance(shown[0], HistoryDialog)
    assert shown[0].platform_list.currentItem().text() == "Instagram"
    assert window.refresh().open_run is None
    assert window.dashboard.isVisible()


def test_a_started_recheck_can_be_discarded(qtbot, set_up, make_window, monkeypatch) -> None:
    window = make_window(set_up)
    finish_audit(window)
    answers_before = set_up.store.count_answers()
    window.recheck_platform("facebook")
    window.audit_page.answer_buttons[AnswerStatus.NEEDS_ACTION].click()
    window.audit_page.leave_button.click()
    dashboard = window.dashboard
    assert not dashboard.recheck_button.isEnabled() and dashboard.discard_button.isVisible()

    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Discard)
    dashboard.discard_button.click()

    assert window.view.open_run is None
    assert set_up.store.count_answers() == answers_before
    assert dashboard.recheck_button.isEnabled() and not dashboard.discard_button.isVisible()


def test_an_audit_can_be_discarded_from_the_audit_itself(
    qtbot, set_up, make_window, monkeypatch
) -> None:
    window = make_window(set_up)
    window.start_or_resume_audit()
    window.audit_page.answer_buttons[AnswerStatus.SAFE].click()
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Cancel)
    window.audit_page.discard_button.click()
    assert window.audit_page.isVisible()  # Cancel keeps it

    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Discard)
    window.audit_page.discard_button.click()
    assert window.dashboard.isVisible() and window.view.open_run is None
    assert set_up.store.count_answers() == 0
    assert window.dashboard.start_button.text() == "&Start your first audit"
