"""Moving through an audit: the answer shown, Back and Next, the item list, the moment a
platform is done (the last one too, before the summary), and a note typed before answering
that survives quitting."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.audit.answers import AnswerStatus
from app.audit.verdicts import ALL_CLEAR_WORDS


def test_going_back_shows_the_answer_given_as_the_pressed_button(qtbot, set_up, make_window):
    window = make_window(set_up)
    window.start_or_resume_audit()
    page = window.audit_page
    page.answer_buttons[AnswerStatus.NEEDS_ACTION].click()
    assert page.checked_answer() is None  # a new item: nothing pressed yet
    page.back_button.click()
    assert page.checked_answer() is AnswerStatus.NEEDS_ACTION
    assert page.answer_buttons[AnswerStatus.NEEDS_ACTION].isChecked()
    assert "previous check" not in page.content.toPlainText()  # first check of this setting


def test_next_moves_on_without_answering_and_the_list_jumps_to_any_item(qtbot, set_up, make_window):
    window = make_window(set_up)
    window.start_or_resume_audit()
    page = window.audit_page
    page.next_button.click()
    assert page.progress_label.text().startswith("Facebook: platform 1 of 2, item 2 of")
    assert page.session.run.answers == {}
    last = page.item_list.item(page.item_list.count() - 1)
    page.item_list.itemClicked.emit(last)
    assert page.progress_label.text().endswith(
        f"item {page.item_list.count()} of {page.item_list.count()}"
    )
    assert "not answered yet" in last.text()


def test_after_an_answer_the_next_question_has_the_keyboard_focus(qtbot, set_up, make_window):
    window = make_window(set_up)
    window.start_or_resume_audit()
    page = window.audit_page
    page.answer_buttons[AnswerStatus.SAFE].click()
    assert QApplication.focusWidget() is page.content
    second = set_up.catalogue.platform("facebook").items[1]
    assert page.content.accessibleName().startswith(second.name)


def test_a_platform_done_shows_an_end_card_before_the_next_begins(qtbot, set_up, make_window):
    window = make_window(set_up)
    window.start_or_resume_audit()
    page = window.audit_page
    facebook = set_up.catalogue.platform("facebook")
    for _ in facebook.items:
        page.answer_buttons[AnswerStatus.SAFE].click()
    assert page.end_card_shown() and page.end_card.isVisible()
    assert not page.question.isVisible()  # a card of its own, not a banner over the next item
    headline = page.end_card.headline.text()
    assert headline == f"Facebook: {len(facebook.items)} safe, 0 to fix — next: Instagram"
    assert "Every setting of Facebook checked here is safe" in page.end_card.advice.text()
    button = page.end_card.continue_button
    assert QApplication.focusWidget() is button and "Instagram" in button.text()
    qtbot.keyClick(button, Qt.Key.Key_Return)  # Enter goes on, as a click does
    assert not page.end_card_shown() and page.question.isVisible()
    assert page.progress_label.text().startswith("Instagram: platform 2 of 2, item 1 of")


def test_an_end_card_with_a_fix_open_never_says_all_is_well(qtbot, set_up, make_window):
    window = make_window(set_up)
    window.start_or_resume_audit()
    page = window.audit_page
    facebook = set_up.catalogue.platform("facebook")
    page.answer_buttons[AnswerStatus.NEEDS_ACTION].click()
    page.answer_buttons[AnswerStatus.UNSURE].click()
    for _ in facebook.items[2:]:
        page.answer_buttons[AnswerStatus.SAFE].click()
    said = page.end_card.text()
    safe = len(facebook.items) - 2
    assert said.startswith(f"Facebook: {safe} safe, 1 to fix, 1 not sure — next: Instagram")
    assert "still needs fixing" in said and f"✗ {facebook.items[0].name}" in said
    assert not page.item_list.isVisible()  # the card stands alone, as the checkups' do
    for words in (*ALL_CLEAR_WORDS, "is safe or does not apply"):
        assert words not in said.lower()
    page.back_button.click()  # Back from the end card: Facebook's last setting again
    assert page.progress_label.text().startswith("Facebook:") and not page.end_card_shown()


def test_the_last_platform_has_its_end_card_then_the_summary(qtbot, set_up, make_window):
    window = make_window(set_up)
    window.start_or_resume_audit()
    page = window.audit_page
    facebook, instagram = (set_up.catalogue.platform(p) for p in ("facebook", "instagram"))
    for _ in facebook.items:
        page.answer_buttons[AnswerStatus.SAFE].click()
    page.end_card.continue_button.click()
    page.answer_buttons[AnswerStatus.NEEDS_ACTION].click()
    for _ in instagram.items[1:]:
        page.answer_buttons[AnswerStatus.SAFE].click()
    assert page.end_card_shown() and not window.summary_page.isVisible()
    said = page.end_card.text()
    assert said.startswith(f"Instagram: {len(instagram.items) - 1} safe, 1 to fix")
    assert "next:" not in said.lower() and "still needs fixing" in said
    button = page.end_card.continue_button
    assert QApplication.focusWidget() is button and "summary" in button.text()
    page.back_button.click()  # Back: Instagram's last setting again, the summary not yet
    assert page.progress_label.text().startswith("Instagram:") and not page.end_card_shown()
    page.answer_buttons[AnswerStatus.SAFE].click()
    qtbot.keyClick(page.end_card.continue_button, Qt.Key.Key_Return)
    assert window.summary_page.isVisible()


def test_a_note_typed_before_answering_survives_quitting(qtbot, set_up, make_window):
    window = make_window(set_up)
    window.start_or_resume_audit()
    qtbot.keyClicks(window.audit_page.note, "asked my manager")
    window.close()
    reopened = make_window(set_up)
    assert reopened.audit_page.note.text() == "asked my manager"
    reopened.audit_page.answer_buttons[AnswerStatus.UNSURE].click()
    [run] = set_up.history()
    assert next(iter(run.answers.values())).note == "asked my manager"


def test_a_note_changed_on_an_answered_item_is_kept_when_moving_on(qtbot, set_up, make_window):
    window = make_window(set_up)
    window.start_or_resume_audit()
    page = window.audit_page
    page.answer_buttons[AnswerStatus.SAFE].click()
    page.back_button.click()
    page.note.clear()
    qtbot.keyClicks(page.note, "checked twice")
    page.next_button.click()
    [run] = set_up.history()
    first = set_up.catalogue.platform("facebook").items[0].id
    answer = run.answers[("facebook", first)]
    assert answer.note == "checked twice" and answer.status is AnswerStatus.SAFE


def test_opening_the_settings_page_shows_the_address_and_says_when_no_browser_opened(
    qtbot, set_up, make_window, opened_urls
):
    window = make_window(set_up)
    window.start_or_resume_audit()
    page = window.audit_page
    page.open_button.click()
    url = set_up.catalogue.platform("facebook").items[0].open_url
    assert opened_urls == [url] and url in page.link_status.text()
    page.card._open_url = lambda _url: False  # as QDesktopServices does when nothing opens
    page.open_button.click()
    assert page.link_status.text().startswith("No browser opened the settings page")
    assert url in page.link_status.text()


def test_the_summary_finds_last_time_where_starting_and_resuming_do(
    qtbot, set_up, make_window, monkeypatch
):
    """What slid back on the summary is found in the runs the facade picks for the audit (the
    overview's recent runs, or the whole history for an audit older than them; the rule is
    tested in tests/storage/test_dashboard_reads.py), not in the overview's runs as they are."""
    window = make_window(set_up)
    window.start_or_resume_audit()
    page = window.audit_page
    picked: list[object] = []

    def runs_compared_with(view, run):  # noqa: ANN001, ANN202
        picked.append(run)
        return ()

    monkeypatch.setattr(window._footprint, "runs_compared_with", runs_compared_with)
    for name in ("facebook", "instagram"):
        for _ in set_up.catalogue.platform(name).items:
            page.answer_buttons[AnswerStatus.SAFE].click()
        page.end_card.continue_button.click()
    assert window.summary_page.isVisible()
    assert picked == [page.session.run]
