"""The dialog the worker uses: the browser in its worker thread, progress, cancel, confirm."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QSettings, Qt

from app.audit.answers import AnswerSource, AnswerStatus
from app.audit.session import AuditSession
from app.automation.results import ReadResult
from app.footprint import Footprint, open_footprint
from app.ui.application import configure_qt_settings
from app.ui.automation_dialog import AutomationDialog
from app.ui.browser_choice import BROWSER_PATH_KEY
from tests.automation.conftest import AUTOMATED, FAST, make_config
from tests.conftest import START, WAIT_MS
from tests.sites.replica import PASSWORD

RUN_TIMEOUT = 180_000  # ms; a safety net for a hung browser (a full read of every replica
# takes about 15 s at a load of 8 on two cores, and over 60 s at 20), not a benchmark


@pytest.fixture
def footprint(data_home, clock) -> Iterator[Footprint]:
    opened = open_footprint(data_home, clock)
    configure_qt_settings(opened)
    yield opened
    opened.close()


@pytest.fixture
def session(footprint: Footprint) -> AuditSession:
    return AuditSession.start(AUTOMATED, footprint.catalogue, footprint.store, footprint.clock)


@pytest.fixture
def make_dialog(qtbot, footprint, session, replica, data_home, jobs):
    def make(**config_changes: object) -> AutomationDialog:
        config = make_config(replica, data_home.browser_profiles, **config_changes)
        dialog = AutomationDialog(footprint=footprint, jobs=jobs, session=session, config=config)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return make


def only(dialog: AutomationDialog, platform_id: str) -> None:
    for pid, box in dialog.platform_boxes.items():
        box.setChecked(pid == platform_id)


def run(qtbot, dialog: AutomationDialog, click) -> bool:
    """Click `click` and wait for the run to end; True if it was cancelled."""
    with qtbot.waitSignal(dialog.run_finished, timeout=RUN_TIMEOUT) as finished:
        qtbot.mouseClick(click, Qt.MouseButton.LeftButton)
    return bool(finished.args[0])


def row_of(dialog: AutomationDialog, title: str) -> int:
    table = dialog.table
    return next(r for r in range(table.rowCount()) if table.item(r, 2).text() == title)


@pytest.mark.browser
def test_a_full_read_prefills_the_audit_and_the_worker_confirms_it(
    qtbot, make_dialog, replica, saved_credentials, footprint, session, data_home
) -> None:
    replica.sites["x"].settings["private-account"] = "false"  # one unsafe setting
    dialog = make_dialog()
    assert not run(qtbot, dialog, dialog.start_button)
    results = dialog.results()
    assert len(results) == 21 and all(r.ok for r in results)  # every shipped probe
    for row in dialog.rows.values():
        assert row.bar.value() == row.bar.maximum() and row.status.text().startswith("Done")
    protected = dialog.table.item(row_of(dialog, "Protect your posts"), 5).text()
    assert protected == "read automatically at 09:00"

    # The worker changes a setting on the platform, then checks that item again.
    replica.sites["x"].settings["private-account"] = "true"
    row = row_of(dialog, "Protect your posts")
    assert dialog.table.item(row, 4).text() == "Needs action"
    run(qtbot, dialog, dialog.table.cellWidget(row, 6))
    assert dialog.table.item(row_of(dialog, "Protect your posts"), 4).text() == "Safe"

    with qtbot.waitSignal(dialog.answers_confirmed, timeout=WAIT_MS) as confirmed:
        qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert len(confirmed.args[0]) == 21
    stored = footprint.history()[-1].answers
    automated = [a for a in stored.values() if a.source is AnswerSource.AUTOMATION]
    assert len(automated) == 21
    assert all(a.note == "read automatically at 09:00" and a.observed for a in automated)
    assert stored[("x", "private-account")].status is AnswerStatus.SAFE
    assert stored[("facebook", "future-posts-audience")].observed == "Friends"
    for path in data_home.root.rglob("*"):  # the database and the log, not the browser's own
        if path.is_file() and data_home.browser_profiles not in path.parents:
            assert PASSWORD.encode() not in path.read_bytes(), path
    position = session.position()  # the guided audit carries on with what is left by hand
    assert position is not None and position.item.probe is None


@pytest.mark.browser
def test_cancel_stops_promptly_and_keeps_what_was_read(
    qtbot, make_dialog, replica, saved_credentials
) -> None:
    replica.sites["facebook"].delays["/settings/?tab=profile_and_tagging"] = 30
    dialog = make_dialog()
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(dialog.results()) >= 6, timeout=RUN_TIMEOUT)
    with qtbot.waitSignal(dialog.run_finished, timeout=WAIT_MS) as finished:
        qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    assert finished.args == [True]
    assert len(dialog.results()) == 6 and dialog.use_button.isEnabled()
    assert dialog.rows["instagram"].status.text() == "Not read yet"
    assert "What was read so far is kept" in dialog.waiting_label.text()
    dialog.reject()  # closing cancels the job; it closes its browser on its own thread
    assert not dialog.is_reading


@pytest.mark.browser
def test_waiting_for_sign_in_then_one_message_when_nothing_could_be_read(
    qtbot, make_dialog
) -> None:
    # Nobody signs in: a short wait, still long enough to see the dialog waiting.
    dialog = make_dialog(timeouts=replace(FAST, sign_in=2.0))
    only(dialog, "x")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: "Sign in to X (Twitter)" in dialog.waiting_label.text(), timeout=WAIT_MS
    )
    assert dialog.rows["x"].status.text() == "Waiting for you to sign in"
    assert dialog.stop_button.isEnabled() and not dialog.use_button.isEnabled()
    qtbot.waitSignal(dialog.run_finished, timeout=RUN_TIMEOUT).wait()
    assert dialog.table.rowCount() == 1  # one message, not one per item
    message = dialog.table.item(0, 2).text()
    assert message == (
        "Could not read any of these settings: you are not signed in (Footprint waited "
        "2 seconds for you to sign in). Next: sign in in the browser window, then press "
        "Check again."
    )
    assert dialog.rows["x"].status.text() == "Nothing could be read (the reason is below)"
    assert dialog.rows["x"].bar.value() == 0  # a failed read never shows as a full bar


def test_without_a_browser_it_says_what_to_install_and_manual_mode_is_untouched(
    qtbot, jobs, footprint, session, monkeypatch
) -> None:
    monkeypatch.setattr("app.automation.browsers.find_browser", lambda path: None)
    dialog = AutomationDialog(footprint=footprint, jobs=jobs, session=session)
    qtbot.addWidget(dialog)
    assert "install Google Chrome or Microsoft Edge" in dialog.browser_notice.text()
    assert not dialog.start_button.isEnabled()
    assert session.position() is not None and not session.run.answers


def test_a_chosen_browser_that_is_gone_is_reported(qtbot, jobs, footprint, session) -> None:
    QSettings().setValue(BROWSER_PATH_KEY, "/nowhere/chrome")
    dialog = AutomationDialog(footprint=footprint, jobs=jobs, session=session)
    qtbot.addWidget(dialog)
    assert "(/nowhere/chrome) was not found" in dialog.browser_notice.text()
    assert not dialog.start_button.isEnabled()


def test_platforms_without_probes_are_left_for_the_worker(qtbot, jobs, footprint) -> None:
    session = AuditSession.start(
        ("facebook", "tiktok"), footprint.catalogue, footprint.store, footprint.clock
    )
    dialog = AutomationDialog(footprint=footprint, jobs=jobs, session=session)
    qtbot.addWidget(dialog)
    assert list(dialog.platform_boxes) == ["facebook"]
    assert dialog.platform_boxes["facebook"].text() == "Facebook: 7 of 16 settings"


def test_unticked_reads_are_not_saved(qtbot, jobs, footprint, session) -> None:
    dialog = AutomationDialog(footprint=footprint, jobs=jobs, session=session)
    qtbot.addWidget(dialog)
    for item_id, value in (("private-account", "On"), ("tag-review", "Off")):
        result = ReadResult("instagram", item_id, START, value, AnswerStatus.SAFE)
        dialog._item_read(result)
    dialog.table.item(row_of(dialog, "Private account"), 0).setCheckState(Qt.CheckState.Unchecked)
    dialog.use_answers()
    assert set(session.run.answers) == {("instagram", "tag-review")}


def test_opening_the_dialog_does_not_import_playwright() -> None:
    code = (
        "import sys, app.cli, app.ui.main_window, app.ui.automation_dialog, "
        "app.ui.credentials_dialog; sys.exit('playwright' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_a_failed_read_s_record_can_be_looked_at_and_its_picture_goes_when_closing(
    qtbot, footprint, session, jobs, tmp_path
) -> None:
    from app.automation.failures import Failure, PageProblem
    from app.automation.results import FailedRead, failed, save_private

    dialog = AutomationDialog(footprint=footprint, jobs=jobs, session=session)
    qtbot.addWidget(dialog)
    record = FailedRead("https://x.com/settings/contacts", ("role=checkbox[name='A']",), b"JPEG")
    problem = PageProblem(Failure.PAGE_CHANGED, "nothing on the page matches it")
    dialog._item_read(failed("x", "find-by-email", problem, START, record))
    dialog._item_read(ReadResult("x", "private-account", START, "On", AnswerStatus.SAFE))
    assert not dialog.seen_button.isEnabled()
    dialog.table.setCurrentCell(
        row_of(dialog, "Let people who have your email address find you"), 2
    )
    assert dialog.seen_button.isEnabled()
    chosen = dialog.selected_failure()
    assert chosen is not None and chosen.where is record
    saved = tmp_path / "page.jpg"
    save_private(saved, b"JPEG")
    assert saved.read_bytes() == b"JPEG" and oct(saved.stat().st_mode & 0o777) == "0o600"
    dialog.reject()
    kept = [r.where for r in dialog._results.values() if r.where is not None]
    assert kept and all(where.screenshot is None for where in kept)


@pytest.mark.browser
def test_stop_while_waiting_for_the_worker_to_sign_in_ends_the_wait_at_once(
    qtbot, make_dialog
) -> None:
    dialog = make_dialog(timeouts=replace(FAST, sign_in=300))  # a real wait, not a test's
    only(dialog, "linkedin")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Sign in to LinkedIn" in dialog.waiting_label.text(), timeout=30_000)
    assert dialog.rows["linkedin"].status.text() == "Waiting for you to sign in"
    assert "only need to do this once" in dialog.waiting_label.text()
    with qtbot.waitSignal(dialog.run_finished, timeout=20_000) as finished:
        qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    assert finished.args == [True]
    assert dialog.rows["linkedin"].status.text() == "Stopped"
