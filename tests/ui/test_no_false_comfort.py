"""No window says all is well while a fix is open, and a platform nobody looked at reads
"not checked" (issue 26, point 1)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from app.audit.answers import AnswerStatus
from app.audit.verdicts import ALL_CLEAR_WORDS
from tests.ui.audit_steps import see_the_summary
from tests.ui.test_reminders import finish_audit


def shown_words(window: QWidget) -> str:
    """Every visible label's and button's text (and accessible name), lower-cased."""
    texts = [w.text() for w in window.findChildren(QLabel) if w.isVisible()]
    texts += [w.text() for w in window.findChildren(QAbstractButton) if w.isVisible()]
    texts += [w.accessibleName() for w in window.findChildren(QWidget) if w.isVisible()]
    return "\n".join(texts).casefold()


def answer_all(window, status: AnswerStatus) -> None:
    while window.audit_page.session and not window.audit_page.session.is_finished:
        window.audit_page.answer_buttons[status].click()
    see_the_summary(window.audit_page)


def finish_audit_with_one_fix(window) -> None:
    """A whole audit: the first setting needs action, every other one is safe; then Done."""
    window.start_or_resume_audit()
    window.audit_page.answer_buttons[AnswerStatus.NEEDS_ACTION].click()
    answer_all(window, AnswerStatus.SAFE)
    window.summary_page.done_button.click()


def test_open_fixes_with_every_reminder_snoozed_are_never_called_all_well(
    qtbot, set_up, make_window
) -> None:
    window = make_window(set_up)
    window.start_or_resume_audit()
    answer_all(window, AnswerStatus.NEEDS_ACTION)
    fixes = len(window.summary_page._actions)
    window.summary_page.done_button.click()
    set_up.clock.advance(timedelta(days=91))
    window.refresh()
    for platform_id in ("facebook", "instagram"):
        window.snooze(platform_id, 7)
    assert window.view.attention == ()  # every reminder is silenced ...

    words = shown_words(window)
    assert not [w for w in ALL_CLEAR_WORDS if w in words]  # ... but no fix is
    summary = window.dashboard.summary.text()
    assert f"{fixes} fixes open on 2 platforms" in summary
    assert "2 reminders snoozed" in summary


def test_a_skipped_recheck_says_not_checked(qtbot, set_up, make_window) -> None:
    window = make_window(set_up)
    finish_audit(window)  # everything safe once
    window.recheck_platform("facebook")
    window.audit_page.skip_button.click()
    qtbot.waitUntil(window.summary_page.isVisible)

    table = window.summary_page.table
    change = table.item(0, table.columnCount() - 1).text()
    assert table.item(0, 0).text() == "Facebook"
    assert change == "Not checked"
    words = shown_words(window)
    assert "not checked: facebook" in words
    assert not [w for w in (*ALL_CLEAR_WORDS, "no change") if w in words]


def test_the_to_do_lists_open_fixes_whatever_was_snoozed_and_i_fixed_it_clears_one(
    qtbot, set_up, make_window
) -> None:
    window = make_window(set_up)
    finish_audit_with_one_fix(window)
    set_up.clock.advance(timedelta(days=91))
    window.refresh()
    window.snooze("facebook", 7)
    to_do = window.dashboard.to_do
    assert to_do.isVisible() and to_do.count() == 1
    assert "✗ Needs action" in to_do.item(0).text() and "Facebook" in to_do.item(0).text()

    window.dashboard.fixed_button.click()

    assert not to_do.isVisible() and to_do.count() == 0
    assert "Fixed on" in window.statusBar().currentMessage()
    assert "fix" not in window.dashboard.summary.text().split(";")[1]  # no fix left open


def test_i_fixed_it_finds_an_answer_older_than_the_overviews_runs(
    qtbot, set_up, make_window
) -> None:
    # The overview reads each platform's two newest checks; an item left unanswered in
    # those keeps its answer in an older run, which "I fixed it" must still find.
    window = make_window(set_up)
    finish_audit_with_one_fix(window)
    (open_fix,) = window.view.to_do
    view = replace(window.view, runs=())  # as if the holding run were not read

    assert set_up.mark_fixed(open_fix.key[0], open_fix.key[1], view)

    window.refresh()
    assert window.view.to_do == ()
    assert not set_up.mark_fixed(open_fix.key[0], open_fix.key[1], window.view)  # gone


def test_drift_the_watch_saw_is_never_called_all_well_until_it_is_confirmed(
    qtbot, set_up, make_window
) -> None:
    from app.audit.watch import Drift, LookOutcome, PlatformWatch
    from app.stranger.evidence import NO, YES
    from app.ui.dashboard_model import COLUMNS

    window = make_window(set_up)
    finish_audit(window)
    summary = window.dashboard.summary
    assert "nothing needs attention" in summary.text()  # the control: every setting safe
    model = window.dashboard.model
    row = next(r for r in range(model.rowCount()) if model.overview(r).platform.id == "facebook")
    change = model.index(row, COLUMNS.index("Since last check"))
    assert model.data(change) != "Watch: 1 setting slid back"

    set_up.clock.advance(timedelta(hours=1))
    now = set_up.clock.now()
    look = PlatformWatch("facebook", now + timedelta(days=7), now)
    drift = Drift("facebook", "posts", NO, YES, now)
    set_up.store.record_watch_look(look, LookOutcome.SEEN, now, [drift], None)
    window.refresh()
    words = shown_words(window)
    assert not [w for w in ALL_CLEAR_WORDS if w in words]
    assert "1 setting the watch saw slide back on Facebook — confirm it" in summary.text()
    change = model.index(row, COLUMNS.index("Since last check"))
    assert model.data(change) == "Watch: 1 setting slid back"
    assert model.data(change, Qt.ItemDataRole.ForegroundRole) is not None

    for drift in set_up.watched_drift():
        set_up.confirm_watched_drift(drift.id)  # type: ignore[arg-type]
    window.refresh()
    assert "nothing needs attention" in summary.text()
    assert "watch" not in summary.text().casefold()
    change = model.index(row, COLUMNS.index("Since last check"))
    assert model.data(change) != "Watch: 1 setting slid back"
    assert model.data(change, Qt.ItemDataRole.ForegroundRole) is None
