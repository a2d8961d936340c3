"""Accessible, round two (issue 31): the answers are one radio group whose arrows never change
a saved answer, and what a screen reader is told after each answer and each move."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QApplication, QLabel

from app.audit.answers import AnswerStatus
from app.ui import announce as announce_module
from tests.ui.audit_steps import see_the_summary
from tests.ui.test_guided_audit import press, press_alt


def saved_status(footprint, platform_id: str, item_id: str) -> AnswerStatus | None:
    """The answer as the store holds it, not as the page shows it."""
    [run] = footprint.history()
    answer = run.answers.get((platform_id, item_id))
    return answer.status if answer else None


def test_arrow_keys_on_an_answered_item_never_change_the_saved_answer(
    qtbot, set_up, make_window
) -> None:
    window = make_window(set_up)
    window.start_or_resume_audit()
    page = window.audit_page
    first = page.session.position()
    page.answer_buttons[AnswerStatus.SAFE].click()
    page.back_button.click()
    assert page.checked_answer() is AnswerStatus.SAFE
    safe = page.answer_buttons[AnswerStatus.SAFE]
    safe.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is safe)
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Left, Qt.Key.Key_Down,
                Qt.Key.Key_Up, Qt.Key.Key_Left, Qt.Key.Key_Left):  # fmt: skip
        press(qtbot, key)
        assert saved_status(set_up, first.platform.id, first.item.id) is AnswerStatus.SAFE
        assert page.checked_answer() is AnswerStatus.SAFE
        assert page.session.position().item.id == first.item.id  # not moved on either
    # the arrows did move the focus, round the group
    assert QApplication.focusWidget() is page.answer_buttons[AnswerStatus.UNSURE]
    assert page.answer_buttons[AnswerStatus.UNSURE].accessibleName().startswith("Answer:")


def test_tab_enters_the_answers_on_the_chosen_one_or_the_first(qtbot, set_up, make_window):
    window = make_window(set_up)
    window.start_or_resume_audit()
    page = window.audit_page
    buttons = page.answer_buttons

    def tab_stops() -> list[AnswerStatus]:
        return [s for s, b in buttons.items() if b.focusPolicy() & Qt.FocusPolicy.TabFocus]

    assert tab_stops() == [AnswerStatus.SAFE]  # nothing chosen: the first
    buttons[AnswerStatus.NEEDS_ACTION].click()
    page.back_button.click()
    assert tab_stops() == [AnswerStatus.NEEDS_ACTION]
    page.open_button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.open_button)
    for _ in range(4):
        if QApplication.focusWidget() in buttons.values():
            break
        press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is buttons[AnswerStatus.NEEDS_ACTION]
    press(qtbot, Qt.Key.Key_Tab)  # one Tab stop: the next Tab leaves the group
    assert QApplication.focusWidget() not in buttons.values()


def test_check_the_skipped_platforms_now_goes_back_into_the_audit(qtbot, set_up, make_window):
    window = make_window(set_up)
    window.start_or_resume_audit()
    page = window.audit_page
    page.skip_button.click()
    while page.session and not page.session.is_finished and page.isVisible():
        page.answer_buttons[AnswerStatus.SAFE].click()
    see_the_summary(page)
    summary = window.summary_page
    assert summary.isVisible() and summary.skipped_button.isVisible()
    summary.skipped_button.click()
    assert page.isVisible()
    assert page.progress_label.text().startswith("Facebook: platform 1 of 2, item 1")
    for _ in set_up.catalogue.platform("facebook").items:
        page.answer_buttons[AnswerStatus.SAFE].click()
    see_the_summary(page)
    assert summary.isVisible() and not summary.skipped_button.isVisible()
    [run] = set_up.history()
    assert not run.check_for("facebook").skipped


@pytest.fixture
def announced(monkeypatch) -> list[tuple[object, str]]:
    """The announcement events sent, as (source object, message): AT-SPI itself cannot be
    observed offscreen, so the seam where events leave for the platform is replaced."""
    sent: list[tuple[object, str]] = []

    def record(event) -> None:
        assert isinstance(event, QAccessibleAnnouncementEvent)
        sent.append((event.object(), event.message()))

    monkeypatch.setattr(announce_module, "send", record)
    return sent


def test_after_alt_s_the_focused_object_and_an_announcement_say_the_answer_and_next_title(
    qtbot, set_up, make_window, announced
) -> None:
    window = make_window(set_up)
    window.start_or_resume_audit()
    page = window.audit_page
    items = set_up.catalogue.platform("facebook").items
    page.content.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.content)
    announced.clear()
    press_alt(qtbot, Qt.Key.Key_S, page.answer_buttons[AnswerStatus.SAFE])
    focused = QApplication.focusWidget()
    assert focused is page.content
    told = f"{focused.accessibleName()} {focused.accessibleDescription()}"
    assert items[1].name in told
    assert f"Saved: Safe for {items[0].name}" in told
    assert "item 2 of" in told and "Not answered yet" in told
    [(source, message)] = announced
    assert source is page.content
    assert f"Saved: Safe for {items[0].name}" in message and items[1].name in message
    assert "item 2 of" in message


def test_back_next_and_skip_are_told_with_the_new_item_and_its_answer(
    qtbot, set_up, make_window, announced
) -> None:
    window = make_window(set_up)
    window.start_or_resume_audit()
    page = window.audit_page
    items = set_up.catalogue.platform("facebook").items
    page.answer_buttons[AnswerStatus.NEEDS_ACTION].click()
    announced.clear()
    press_alt(qtbot, Qt.Key.Key_B, page.back_button)
    [(_, message)] = announced
    assert message.startswith("Back.") and items[0].name in message
    assert "Your answer: Needs action" in message
    assert "Your answer: Needs action" in page.content.accessibleDescription()
    press_alt(qtbot, Qt.Key.Key_X, page.next_button)
    assert announced[-1][1].startswith("Next.") and items[1].name in announced[-1][1]
    press_alt(qtbot, Qt.Key.Key_K, page.skip_button)
    assert announced[-1][1].startswith("Facebook skipped for now.")
    assert "Instagram" in announced[-1][1]


def test_status_messages_are_announced(qtbot, set_up, make_window, announced) -> None:
    window = make_window(set_up)
    window.start_or_resume_audit()
    page = window.audit_page
    page.answer_buttons[AnswerStatus.NEEDS_ACTION].click()
    while page.session and not page.session.is_finished and page.isVisible():
        page.answer_buttons[AnswerStatus.SAFE].click()
    see_the_summary(page)
    assert any("Facebook" in m and "Instagram" in m and "Saved" in m for _, m in announced)
    summary = window.summary_page
    summary.actions_list.setCurrentRow(0)
    summary.mark_fixed()
    assert announced[-1] == (summary.status, summary.status.text())
    assert announced[-1][1].startswith("Marked as fixed")
    summary.undo()
    assert announced[-1][1].startswith("Undone")


def test_the_announcement_helper_sends_a_polite_event_with_the_message(qtbot, monkeypatch):
    sent = []
    monkeypatch.setattr(announce_module, "send", sent.append)
    label = QLabel()
    announce_module.show_status(label, "Saved to report.pdf (7 pages).")
    [event] = sent
    assert event.message() == "Saved to report.pdf (7 pages)." == label.text()
    assert event.politeness() is QAccessible.AnnouncementPoliteness.Polite
    announce_module.announce(label, "  ")
    assert len(sent) == 1  # nothing said for nothing


def test_the_item_text_can_be_read_by_caret(qtbot, set_up, make_window) -> None:
    window = make_window(set_up)
    window.start_or_resume_audit()
    content = window.audit_page.content
    content.setFocus()
    qtbot.waitUntil(content.hasFocus)
    start = content.textCursor().position()
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Down)
    assert content.textCursor().position() > start
    assert content.isReadOnly()
