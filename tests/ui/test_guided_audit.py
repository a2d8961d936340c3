from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.audit.answers import AnswerStatus
from tests.conftest import WAIT_MS
from tests.ui.audit_steps import see_the_summary

ALT = Qt.KeyboardModifier.AltModifier


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """Send a key to whatever has the keyboard focus, as a person typing would."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier)


def press_alt(qtbot, key, button) -> None:
    """Alt+letter as a person presses it; a mnemonic clicks its button after a short
    animation, so wait for the click."""
    with qtbot.waitSignal(button.clicked, timeout=WAIT_MS):
        press(qtbot, key, ALT)


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def test_a_full_audit_of_two_platforms_by_keyboard_alone(qtbot, set_up, make_window) -> None:
    window = make_window(set_up)
    catalogue = set_up.catalogue
    expected = len(catalogue.platform("facebook").items) + len(
        catalogue.platform("instagram").items
    )
    window.dashboard.start_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert window.audit_page.isVisible()
    assert window.audit_page.progress_label.text().startswith("Facebook: platform 1 of 2, item 1")
    buttons = window.audit_page.answer_buttons
    for number in range(expected):
        if number == 0:  # a note typed first: the note field is reached with Tab
            for _ in range(10):
                if QApplication.focusWidget() is window.audit_page.note:
                    break
                press(qtbot, Qt.Key.Key_Tab)
            type_text(qtbot, "checked on phone")
        if number == 1:
            press_alt(qtbot, Qt.Key.Key_N, buttons[AnswerStatus.NEEDS_ACTION])
            continue
        press_alt(qtbot, Qt.Key.Key_S, buttons[AnswerStatus.SAFE])
        if window.audit_page.end_card_shown():  # between platforms: Enter goes on
            assert QApplication.focusWidget() is window.audit_page.end_card.continue_button
            press(qtbot, Qt.Key.Key_Return)
    assert window.summary_page.isVisible()
    [run] = set_up.history()
    assert len(run.answers) == expected
    statuses = [a.status for a in run.answers.values()]
    assert statuses.count(AnswerStatus.NEEDS_ACTION) == 1
    first = run.answers[("facebook", catalogue.platform("facebook").items[0].id)]
    assert first.note == "checked on phone"
    assert window.summary_page.actions_list.count() == 1
    press_alt(qtbot, Qt.Key.Key_I, window.summary_page.fixed_button)
    assert window.summary_page.actions_list.count() == 0
    press_alt(qtbot, Qt.Key.Key_D, window.summary_page.done_button)
    assert window.dashboard.isVisible()
    assert set_up.history()[0].is_complete


def test_closing_mid_audit_and_reopening_resumes_at_the_same_item(
    qtbot, set_up, make_window
) -> None:
    window = make_window(set_up)
    window.start_or_resume_audit()
    buttons = window.audit_page.answer_buttons
    for _ in range(3):
        buttons[AnswerStatus.SAFE].click()
    stopped_at = window.audit_page.progress_label.text()
    assert stopped_at.startswith("Facebook: platform 1 of 2, item 4 of")
    window.close()
    reopened = make_window(set_up)
    assert reopened.audit_page.isVisible()
    assert reopened.audit_page.progress_label.text() == stopped_at
    reopened.audit_page.leave_button.click()
    assert "&Resume your audit" == reopened.dashboard.start_button.text()
    assert "unfinished audit" in reopened.dashboard.summary.text()


def test_a_platform_can_be_skipped_and_done_later(qtbot, set_up, make_window) -> None:
    window = make_window(set_up)
    window.start_or_resume_audit()
    window.audit_page.skip_button.click()
    assert window.audit_page.progress_label.text().startswith("Instagram: platform 2 of 2")
    instagram_items = len(set_up.catalogue.platform("instagram").items)
    for _ in range(instagram_items):
        window.audit_page.answer_buttons[AnswerStatus.SAFE].click()
    see_the_summary(window.audit_page)
    assert window.summary_page.isVisible()
    table = window.summary_page.table
    states = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert states == {"Facebook": "↷ Skipped", "Instagram": "✓ All safe"}


def test_the_settings_button_opens_the_platforms_page(qtbot, set_up, make_window, opened_urls):
    window = make_window(set_up)
    window.start_or_resume_audit()
    window.audit_page.open_button.click()
    window.audit_page.help_button.click()
    first = set_up.catalogue.platform("facebook").items[0]
    assert opened_urls == [first.open_url, first.source]


def test_the_action_list_puts_the_most_severe_first(qtbot, set_up, make_window) -> None:
    window = make_window(set_up)
    window.start_or_resume_audit()
    session = window.audit_page.session
    platforms = session.platforms
    items = [(p, i) for p in platforms for i in p.items]
    low_or_medium = [(p, i) for p, i in items if i.severity.rank < 3]
    assert low_or_medium, "the shipped audits have no medium or low items"
    unsafe = {(p.id, i.id) for p, i in (items[0], low_or_medium[0])}
    for platform, item in items:
        is_unsafe = (platform.id, item.id) in unsafe
        status = AnswerStatus.NEEDS_ACTION if is_unsafe else AnswerStatus.SAFE
        window.audit_page.answer_buttons[status].click()
    see_the_summary(window.audit_page)
    actions = window.summary_page.actions_list
    texts = [actions.item(row).text() for row in range(actions.count())]
    assert len(texts) == len(unsafe)
    assert texts[0].startswith("High importance") and not texts[-1].startswith("High importance")


def test_the_summary_shows_what_slid_back_since_the_last_check(qtbot, set_up, make_window):
    from datetime import timedelta

    window = make_window(set_up)
    buttons = window.audit_page.answer_buttons
    window.recheck_platform("instagram")
    while not window.audit_page.session.is_finished:
        buttons[AnswerStatus.SAFE].click()
    see_the_summary(window.audit_page)
    window.summary_page.done_button.click()
    set_up.clock.advance(timedelta(days=90))
    window.recheck_platform("instagram")
    buttons[AnswerStatus.NEEDS_ACTION].click()  # the first item slid back
    while not window.audit_page.session.is_finished:
        buttons[AnswerStatus.SAFE].click()
    see_the_summary(window.audit_page)
    drift = window.summary_page.table.item(0, 6).text()
    first = set_up.catalogue.platform("instagram").items[0].name
    assert drift.startswith("Slid back since") and first in drift


SIX = ("facebook", "instagram", "linkedin", "tiktok", "x", "youtube")


def test_a_six_platform_audit_by_keyboard_takes_two_keys_a_setting_and_one_a_platform(
    qtbot, footprint, make_window, opened_urls
) -> None:
    """The worker's path through six platforms: Space starts; on each card Alt+O opens the
    platform's settings and Alt+S answers; Enter on each end card goes on (after the last,
    to the summary). The count is the
    issue's "keystrokes for a full audit" (reported, and held here so it cannot grow)."""
    from app.audit.profile import WorkerProfile

    profile = WorkerProfile(
        display_name="Jo Worker", role="Social worker", organisation="Example Council",
        regulator="swe", platform_ids=SIX,
    )  # fmt: skip
    footprint.store.save_profile(profile, footprint.clock.now())
    window = make_window(footprint)
    keys = 0

    def key(k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        nonlocal keys
        keys += 1
        press(qtbot, k, modifier)

    window.dashboard.start_button.setFocus()
    key(Qt.Key.Key_Space)
    page = window.audit_page
    settings = sum(len(footprint.catalogue.platform(p).items) for p in SIX)
    for number in range(settings):
        # Alt+O, then Alt+S while the first's animated click (Qt's fixed 100 ms) still runs,
        # as a quick typist does: the clicks must land in that order, the settings page of
        # this item opened before its answer moves the card on. Waiting out each click on
        # its own doubled this test's time.
        clicks = [page.open_button.clicked, page.answer_buttons[AnswerStatus.SAFE].clicked]
        with qtbot.waitSignals(clicks, order="strict", timeout=WAIT_MS):
            key(Qt.Key.Key_O, ALT)
            key(Qt.Key.Key_S, ALT)
        assert len(opened_urls) == number + 1
        if window.audit_page.end_card_shown():
            key(Qt.Key.Key_Return)
    assert window.summary_page.isVisible()
    assert opened_urls == [
        footprint.catalogue.platform(p).items[n].open_url
        for p in SIX
        for n in range(len(footprint.catalogue.platform(p).items))
    ]
    assert keys == 1 + 2 * settings + len(SIX), keys
    print(f"six platforms, {settings} settings: {keys} keystrokes")
