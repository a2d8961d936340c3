"""What Orca 43 (Debian 12's screen reader) hears, as scripts/atspi_capture.py recorded it on
the real AT-SPI stack (issue 31): it speaks a changed description of the focused object, not a
changed name of text it reads as a label, and not Qt's announcements. So the item text's
description carries the new title, an answer's key does not first move the focus to a check box
that is read out as "not checked", and the reminder banner is announced once, when it can be
heard: not while the window is still being built, nor from behind another page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.audit.answers import AnswerStatus
from app.ui import announce as announce_module
from app.ui.main_window import MainWindow
from tests.conftest import WAIT_MS
from tests.ui.test_guided_audit import press_alt
from tests.ui.test_reminders import finish_audit


def test_back_next_skip_and_answers_put_the_new_title_in_the_focused_description(
    qtbot, set_up, make_window
) -> None:
    window = make_window(set_up)
    window.start_or_resume_audit()
    page = window.audit_page
    facebook = set_up.catalogue.platform("facebook").items
    page.content.setFocus()
    qtbot.waitUntil(page.content.hasFocus)

    def described() -> str:
        assert QApplication.focusWidget() is page.content  # what the reader is on
        return page.content.accessibleDescription()

    press_alt(qtbot, Qt.Key.Key_S, page.answer_buttons[AnswerStatus.SAFE])
    assert f"Saved: Safe for {facebook[0].name}" in described()
    assert facebook[1].name in described() and "item 2 of" in described()
    press_alt(qtbot, Qt.Key.Key_B, page.back_button)
    assert facebook[0].name in described() and "Your answer: Safe" in described()
    press_alt(qtbot, Qt.Key.Key_X, page.next_button)
    assert facebook[1].name in described() and "Not answered yet" in described()
    press_alt(qtbot, Qt.Key.Key_K, page.skip_button)
    instagram = set_up.catalogue.platform("instagram").items
    assert described().startswith("Facebook skipped for now.")
    assert instagram[0].name in described()


def test_an_answers_key_answers_without_moving_the_focus_to_the_answer(
    qtbot, set_up, make_window
) -> None:
    window = make_window(set_up)
    window.start_or_resume_audit()
    page = window.audit_page
    page.content.setFocus()
    qtbot.waitUntil(page.content.hasFocus)
    focused: list[QWidget] = []
    QApplication.instance().focusChanged.connect(lambda _old, new: focused.append(new))
    keys = {
        AnswerStatus.SAFE: Qt.Key.Key_S,
        AnswerStatus.NEEDS_ACTION: Qt.Key.Key_N,
        AnswerStatus.NOT_APPLICABLE: Qt.Key.Key_P,
        AnswerStatus.UNSURE: Qt.Key.Key_U,
    }
    first = page.session.position()
    for status, key in keys.items():
        press_alt(qtbot, key, page.answer_buttons[status])
    assert not set(focused) & set(page.answer_buttons.values())
    assert QApplication.focusWidget() is page.content
    [run] = set_up.history()
    assert run.answers[(first.platform.id, first.item.id)].status is AnswerStatus.SAFE
    assert len(run.answers) == 4  # each key answered once, and moved on


@pytest.fixture
def banner_said(monkeypatch) -> list[tuple[object, str]]:
    """Every announcement sent, as (source, message): the seam where events leave for the
    platform is replaced, since AT-SPI cannot be observed offscreen."""
    said: list[tuple[object, str]] = []
    monkeypatch.setattr(
        announce_module, "send", lambda event: said.append((event.object(), event.message()))
    )
    return said


def from_banner(said: list[tuple[object, str]], window: MainWindow) -> list[str]:
    return [message for source, message in said if source is window.dashboard.banner]


def test_the_reminder_banner_is_announced_once_and_not_from_behind_another_page(
    qtbot, set_up, make_window, banner_said
) -> None:
    window = make_window(set_up)
    finish_audit(window)
    set_up.clock.advance(timedelta(days=91))
    window.refresh()
    banner = window.dashboard.banner
    assert banner.isVisible() and from_banner(banner_said, window) == [banner.text()]
    window.start_or_resume_audit()  # the overview now hidden behind the audit
    window.refresh()
    window.show_dashboard()
    window.refresh()
    assert from_banner(banner_said, window) == [banner.text()]  # said once, not again


def test_a_reminder_due_at_start_is_announced_once_the_window_shows(
    qtbot, set_up, opened_urls, banner_said
) -> None:
    set_up.write_demo_data()  # a year of use: something slid back or is due
    window = MainWindow(footprint=set_up, open_url=opened_urls.append)
    qtbot.addWidget(window)
    window.start_reminders()
    assert window.dashboard.banner.text().startswith("Reminder")
    assert from_banner(banner_said, window) == []  # not into a window nobody can hear yet
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
    assert from_banner(banner_said, window) == [window.dashboard.banner.text()]
