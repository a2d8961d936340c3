from __future__ import annotations

from datetime import timedelta

from icalendar import Calendar
from PySide6.QtCore import Qt

from app.audit.answers import AnswerStatus
from app.autostart import is_autostart_enabled, set_autostart
from app.cli import main
from app.ui.history_dialog import HistoryDialog
from app.ui.theme import tone
from tests.conftest import WAIT_MS
from tests.ui.audit_steps import see_the_summary


class FakeTray:
    def __init__(self) -> None:
        self.messages: list[tuple[str, str]] = []

    def notify(self, title: str, message: str) -> bool:
        self.messages.append((title, message))
        return True


def finish_audit(window) -> None:
    window.start_or_resume_audit()
    while window.audit_page.session and not window.audit_page.session.is_finished:
        window.audit_page.answer_buttons[AnswerStatus.SAFE].click()
    see_the_summary(window.audit_page)
    window.summary_page.done_button.click()


def start_with_tray(window) -> FakeTray:
    tray = FakeTray()
    window.reminders.set_notifiers([tray])
    window.start_reminders()
    return tray


def test_the_hourly_check_notifies_through_the_tray_when_a_platform_falls_due(
    qtbot, set_up, make_window
) -> None:
    window = make_window(set_up)
    finish_audit(window)
    tray = start_with_tray(window)
    assert tray.messages == []  # everything was just checked
    set_up.clock.advance(timedelta(days=91))  # facebook and instagram re-check every 90 days
    with qtbot.waitSignal(window.reminders.announced, timeout=WAIT_MS) as announced:
        window.reminders.hourly.timeout.emit()
    assert {e.platform_id for e in announced.args[0]} == {"facebook", "instagram"}
    assert "Facebook" in tray.messages[0][1]
    window.reminders.hourly.timeout.emit()
    assert len(tray.messages) == 1  # not repeated within the day
    assert "Facebook" in window.dashboard.banner.text()  # the banner follows the same read


def test_a_clock_jump_triggers_a_check_at_once(qtbot, set_up, make_window) -> None:
    window = make_window(set_up)
    finish_audit(window)
    tray = start_with_tray(window)
    set_up.clock.advance(timedelta(days=100))  # asleep for 100 days; monotonic stood still
    window.reminders.heartbeat.timeout.emit()
    assert tray.messages


def test_snooze_silences_a_platform_for_a_week(qtbot, set_up, make_window) -> None:
    window = make_window(set_up)
    finish_audit(window)
    set_up.clock.advance(timedelta(days=91))
    window.refresh()
    tray = start_with_tray(window)
    assert "Facebook" in tray.messages[-1][1]  # due again: announced at start
    with qtbot.waitSignal(window.reminders.due_changed, timeout=WAIT_MS) as checked:
        window.snooze("facebook", 7)
    assert [e.platform_id for e in checked.args[0]] == ["instagram"]
    assert "snoozed" in window.dashboard.model.index(0, 4).data()
    assert "Facebook" not in window.dashboard.banner.text()
    set_up.clock.advance(timedelta(days=8))
    with qtbot.waitSignal(window.reminders.due_changed, timeout=WAIT_MS) as checked:
        window.reminders.hourly.timeout.emit()
    assert {e.platform_id for e in checked.args[0]} == {"facebook", "instagram"}
    assert "Facebook" in tray.messages[-1][1]


def test_before_the_first_audit_a_welcome_not_a_red_banner(qtbot, set_up, make_window) -> None:
    window = make_window(set_up)
    tray = start_with_tray(window)
    assert window.dashboard.welcome.isVisible() and not window.dashboard.banner.isVisible()
    assert window.dashboard.start_button.text() == "&Start your first audit"
    assert tray.messages == []


def test_the_banner_shows_due_platforms_and_says_so(qtbot, set_up, make_window) -> None:
    window = make_window(set_up)
    finish_audit(window)
    set_up.clock.advance(timedelta(days=91))
    window.refresh()
    banner = window.dashboard.banner
    assert banner.isVisible() and "Facebook" in banner.text()
    assert banner.accessibleName() == banner.text()  # its text reaches a screen reader


def test_opening_the_main_window_reads_the_database_once(qtbot, set_up, make_window) -> None:
    set_up.write_demo_data()  # ... behind the profile already saved: a lived-in data home
    before = set_up.store.read_passes
    window = make_window(set_up)
    window.start_reminders()
    assert set_up.store.read_passes - before == 1


def test_history_shows_timeline_chart_and_drift_on_demo_data(qtbot, footprint) -> None:

    footprint.write_demo_data()
    dialog = HistoryDialog(footprint=footprint)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.timeline_table.rowCount() == 4  # four audits of the first platform
    assert "slid back" in dialog.timeline_table.item(0, 6).text()
    changes = [
        dialog.answers_table.item(r, 4).text() for r in range(dialog.answers_table.rowCount())
    ]
    assert any(c.startswith("Slid back: Safe “Only me”") for c in changes)
    assert "safe on" in dialog.chart.accessibleDescription()
    dialog.answers_table.selectRow(0)
    assert "→" in dialog.item_label.text()


def test_reminders_ics_has_one_recurring_event_per_platform(tmp_path, capsys) -> None:
    assert main(["demo", "--no-gui"]) == 0
    path = tmp_path / "recheck.ics"
    assert main(["reminders", "--ics", str(path)]) == 0
    calendar = Calendar.from_ical(path.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 9
    summaries = {str(e["summary"]) for e in events}
    assert "Re-check your Facebook privacy settings" in summaries
    rule = events[0]["rrule"]
    assert rule["FREQ"] == ["DAILY"] and rule["INTERVAL"][0] in (90, 180, 365, 60, 30)
    for event in events:
        alarms = list(event.walk("VALARM"))
        assert len(alarms) == 1 and str(alarms[0]["action"]) == "DISPLAY"
        assert alarms[0]["trigger"].dt == timedelta(hours=9)


def test_reminders_ics_without_a_profile_is_a_clear_error(tmp_path, capsys) -> None:
    assert main(["reminders", "--ics", str(tmp_path / "x.ics")]) == 2
    assert "not set up yet" in capsys.readouterr().err


def test_start_at_login_writes_and_removes_the_entry(tmp_path) -> None:
    path = set_autostart(True, platform="linux", home=tmp_path)
    assert path == tmp_path / ".config/autostart/footprint.desktop" or path.name.endswith(
        "footprint.desktop"
    )
    assert "--minimised" in path.read_text() and is_autostart_enabled("linux", tmp_path)
    set_autostart(False, platform="linux", home=tmp_path)
    assert not is_autostart_enabled("linux", tmp_path)


def test_an_export_showing_a_switch_to_public_marks_drift_on_the_dashboard(
    qtbot, footprint, make_window, tmp_path
) -> None:
    from datetime import UTC, datetime

    from app.audit.answers import Answer, AnswerSource
    from app.audit.profile import WorkerProfile
    from app.audit.run import PlatformCheck
    from tests.downloads import builders

    repository = footprint.store
    profile = WorkerProfile("Jo", "Role", "Org", "sssc", platform_ids=("x",))
    repository.save_profile(profile, footprint.clock.now())
    checked = datetime(2026, 1, 20, tzinfo=UTC)
    run = repository.create_run(("x",), checked)
    repository.save_answer(
        run.id, Answer("x", "private-account", AnswerStatus.SAFE, AnswerSource.MANUAL, checked)
    )
    repository.save_platform_check(run.id, PlatformCheck("x", 0, checked))
    repository.complete_run(run.id, checked)
    switches = (("2026-02-01T18:30:00.000Z", "Unprotect"),)
    footprint.import_export(builders.write_zip(tmp_path / "x.zip",
                                                builders.x_archive(history=switches)))  # fmt: skip
    window = make_window(footprint)
    assert "switch to public" in window.dashboard.model.index(0, 5).data()


def test_with_keep_in_tray_closing_the_window_only_hides_it(qtbot, set_up, make_window) -> None:
    import pytest
    from PySide6.QtGui import QCloseEvent

    from app.ui import preferences

    window = make_window(set_up)
    window.tray.setVisible(True)  # as where the desktop has a tray
    if not window.tray.isVisible():
        pytest.skip("this Qt platform cannot show a tray icon at all")
    preferences.KEEP_IN_TRAY.set(True)
    kept = QCloseEvent()
    window.closeEvent(kept)
    assert not kept.isAccepted() and not window.isVisible()  # hidden, still running
    preferences.KEEP_IN_TRAY.set(False)
    window.show()
    closed = QCloseEvent()
    window.closeEvent(closed)
    assert closed.isAccepted()


def test_after_a_snooze_the_summary_line_and_the_row_agree(qtbot, set_up, make_window) -> None:
    window = make_window(set_up)
    finish_audit(window)
    set_up.clock.advance(timedelta(days=91))
    window.refresh()
    window.snooze("facebook", 7)
    summary = window.dashboard.summary.text()
    assert "2 platforms due a re-check (1 reminder snoozed)" in summary
    facebook = window.dashboard.model.index(0, 4)
    assert "snoozed until" in facebook.data()
    colour = facebook.data(Qt.ItemDataRole.ForegroundRole).color()
    assert colour == tone("warn")  # due, but snoozed: not the alarm colour


def test_finishing_an_audit_clears_the_banner_at_once(qtbot, set_up, make_window) -> None:
    window = make_window(set_up)
    finish_audit(window)
    set_up.clock.advance(timedelta(days=91))
    window.refresh()
    assert window.dashboard.banner.isVisible()
    window.recheck_platform("facebook")
    while window.audit_page.session and not window.audit_page.session.is_finished:
        window.audit_page.answer_buttons[AnswerStatus.SAFE].click()
    see_the_summary(window.audit_page)
    window.summary_page.done_button.click()
    assert "Facebook" not in window.dashboard.banner.text()
