"""The import dialog and the friend-list review, driven as a worker would."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QPushButton

from app.audit.answers import Answer, AnswerSource, AnswerStatus
from app.audit.run import PlatformCheck
from app.downloads.download_errors import ImportCancelled
from app.ui.export_import_dialog import ExportImportDialog
from tests.conftest import WAIT_MS
from tests.downloads import builders, generations
from tests.downloads.test_no_names_stored import assert_absent

LONG = 10_000


@pytest.fixture
def make_dialog(qtbot, footprint, opened_urls, jobs):
    chosen: list = []

    def make() -> ExportImportDialog:
        dialog = ExportImportDialog(
            footprint=footprint,
            jobs=jobs,
            choose_path=lambda _parent, folder: chosen.pop(0) if chosen else None,
            open_url=opened_urls.append,
        )
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.chosen = chosen
        return dialog

    return make


def read_file(qtbot, dialog, path) -> None:
    """Choose `path` and wait until its summary shows (answers not yet confirmed)."""
    dialog.chosen.append(path)
    with qtbot.waitSignal(dialog.ready, timeout=LONG):
        qtbot.mouseClick(dialog.choose_zip, Qt.MouseButton.LeftButton)


def import_file(qtbot, dialog, path) -> None:
    """Choose `path` and confirm its answers as they are proposed."""
    read_file(qtbot, dialog, path)
    if dialog.outcome is None:
        with qtbot.waitSignal(dialog.imported, timeout=LONG):
            qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)


def test_the_request_steps_follow_the_chosen_platform(make_dialog, opened_urls) -> None:
    dialog = make_dialog()
    assert "choose a platform above" in dialog.request_steps.toPlainText()
    dialog.platform.setCurrentIndex(dialog.platform.findData("instagram"))
    steps = dialog.request_steps.toPlainText()
    assert "Accounts Centre" in steps and "change Format from HTML to JSON" in steps
    link = "https://accountscenter.instagram.com/info_and_permissions/dyi/"
    assert link in dialog.request_steps.toHtml()
    dialog.request_steps.anchorClicked.emit(QUrl(link))
    assert opened_urls == ["https://accountscenter.instagram.com/info_and_permissions/dyi/"]


def test_an_x_archive_is_read_with_progress_and_its_answers_saved(
    qtbot, make_dialog, footprint, tmp_path
) -> None:
    dialog = make_dialog()
    read_file(qtbot, dialog, builders.write_zip(tmp_path / "x.zip", builders.x_archive()))
    assert dialog.progress.value() == 1000
    text = dialog.findings_view.toPlainText()
    assert "X (Twitter) export of 20 Feb 2026" in text
    assert "saved only when you confirm them" in text
    assert footprint.history() == [] and footprint.store.export_imports() == []
    assert dialog.answers.item(0).text() == (
        "Protect your posts: Safe — Protect your posts: on (from your X (Twitter) export "
        "of 20 Feb 2026)"
    )
    with qtbot.waitSignal(dialog.imported, timeout=LONG):
        qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert "Answers saved to your audit history" in dialog.findings_view.toPlainText()
    [run] = footprint.history()
    assert run.answers[("x", "private-account")].source is AnswerSource.EXPORT
    assert dialog.review_button.isVisible()


def test_drift_from_the_switch_history_is_shown(qtbot, make_dialog, footprint, tmp_path) -> None:
    checked = datetime(2026, 1, 20, tzinfo=UTC)
    repository = footprint.store
    run = repository.create_run(("x",), checked)
    repository.save_answer(
        run.id,
        Answer("x", "private-account", AnswerStatus.SAFE, AnswerSource.MANUAL, checked, "On"),
    )
    repository.save_platform_check(run.id, PlatformCheck("x", 0, checked))
    repository.complete_run(run.id, checked)
    history = (("2026-02-01T18:30:00.000Z", "Unprotect"),)
    dialog = make_dialog()
    path = builders.write_zip(tmp_path / "x.zip", builders.x_archive(history=history))
    import_file(qtbot, dialog, path)
    drift = "Drift\nProtect your posts was changed to off on 2026-02-01"
    assert drift in dialog.findings_view.toPlainText()


def test_an_html_export_says_how_to_ask_for_json_and_saves_nothing(
    qtbot, make_dialog, footprint, tmp_path
) -> None:
    dialog = make_dialog()
    dialog.chosen.append(
        builders.write_zip(tmp_path / "ig.zip", builders.instagram_export(fmt="html"))
    )
    with qtbot.waitSignal(dialog.failed, timeout=LONG) as signal:
        qtbot.mouseClick(dialog.choose_zip, Qt.MouseButton.LeftButton)
    assert "change Format from HTML to JSON" in signal.args[0]
    assert "HTML format" in dialog.findings_view.toPlainText()
    assert not dialog.review_button.isVisible()
    assert footprint.history() == [] and footprint.store.export_imports() == []


def test_cancel_while_reading_saves_nothing(
    qtbot, make_dialog, footprint, tmp_path, monkeypatch
) -> None:
    started = threading.Event()

    def slow_read(path, now, inputs, *, expected=None, monitor=None):
        started.set()
        while not monitor.is_cancelled():
            threading.Event().wait(0.01)
        monitor.check()

    monkeypatch.setattr("app.services.downloads.read_export_and_checks", slow_read)
    dialog = make_dialog()
    dialog.start_import(builders.write_zip(tmp_path / "x.zip", builders.x_archive()))
    assert started.wait(WAIT_MS / 1000)
    with qtbot.waitSignal(dialog.failed, timeout=LONG) as signal:
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert signal.args[0] == str(ImportCancelled())
    assert footprint.history() == [] and footprint.store.export_imports() == []


def tick(review, names: set[str]) -> None:
    for row in range(review.model.rowCount()):
        item = review.model.item(row)
        if item.text().split("  —  ")[0] in names:
            item.setCheckState(Qt.CheckState.Checked)


@pytest.mark.parametrize(
    ("files", "marked", "reviewed", "step"),
    [
        (
            builders.facebook_export(),
            {"Zoë Blackwood", "Unknown Caller"},
            5,
            "Requests you received: Go to Friends → Friend requests and click Delete",
        ),
        (
            builders.linkedin_export(),
            {"Kwame Osei-Bonsu"},
            4,
            "Connections: Open their profile, click More, then Remove connection.",
        ),
    ],
    ids=["facebook", "linkedin"],
)
def test_a_friend_list_review_end_to_end_leaves_only_counts(
    qtbot, make_dialog, footprint, tmp_path, data_home, files, marked, reviewed, step
) -> None:
    dialog = make_dialog()
    import_file(qtbot, dialog, builders.write_zip(tmp_path / "export.zip", files))
    qtbot.mouseClick(dialog.review_button, Qt.MouseButton.LeftButton)
    review = dialog.review_dialog
    assert review is not None and review.isVisible()
    assert review.model.rowCount() == reviewed
    qtbot.keyClicks(review.filter, min(marked).split()[0][:4])  # QTest types ASCII only
    assert review.people_list.model().rowCount() == 1
    review.filter.clear()
    tick(review, marked)
    assert review.count_label.text() == f"Marked: {len(marked)} of {reviewed}"
    with qtbot.waitSignal(dialog.review_saved, timeout=LONG):
        qtbot.mouseClick(review.finish_button, Qt.MouseButton.LeftButton)
    steps = review.steps.toPlainText()
    assert all(name in steps for name in marked) and step in steps
    with qtbot.waitSignal(review.removal_confirmed, timeout=LONG):
        qtbot.mouseClick(review.confirm_button, Qt.MouseButton.LeftButton)
    review.accept()
    assert review.model.rowCount() == 0  # the names went with the window
    [record] = footprint.connection_reviews()
    assert (record.reviewed_count, record.marked_count) == (reviewed, len(marked))
    assert record.removal_status() == f"all {len(marked)} confirmed removed (by you)"
    names = {c.name for c in dialog.outcome.findings.connections}
    dialog.accept()
    footprint.close()
    assert_absent(names | {part for n in names for part in n.split() if len(part) > 3}, data_home)
    with closing(sqlite3.connect(data_home.database)) as db:
        assert db.execute("SELECT count(*) FROM marked_connection_hash").fetchone() == (0,)


def test_marking_no_one_still_records_the_review(qtbot, make_dialog, footprint, tmp_path) -> None:
    dialog = make_dialog()
    import_file(qtbot, dialog, builders.write_zip(tmp_path / "s.zip", builders.snapchat_export()))
    dialog.open_review()
    review = dialog.review_dialog
    qtbot.mouseClick(review.finish_button, Qt.MouseButton.LeftButton)
    assert "You marked no one on Snapchat" in review.steps.toPlainText()
    assert not review.confirm_button.isVisible()
    [record] = footprint.connection_reviews()
    assert (record.reviewed_count, record.marked_count) == (3, 0)
    assert record.removal_status() == "no one marked"


def test_a_profile_link_opens_only_on_request(qtbot, make_dialog, tmp_path, opened_urls) -> None:
    dialog = make_dialog()
    import_file(qtbot, dialog, builders.write_zip(tmp_path / "t.zip", builders.tiktok_export()))
    dialog.open_review()
    review = dialog.review_dialog
    assert opened_urls == []
    review.people_list.setCurrentIndex(review.people_list.model().index(0, 0))
    qtbot.mouseClick(review.open_button, Qt.MouseButton.LeftButton)
    assert opened_urls == ["https://www.tiktok.com/@dance.mum"]


def test_no_object_holding_a_name_outlives_the_closed_dialog(qtbot, make_dialog, tmp_path) -> None:
    import gc
    import weakref

    from PySide6.QtCore import QCoreApplication, QEvent

    dialog = make_dialog()
    import_file(qtbot, dialog, builders.write_zip(tmp_path / "f.zip", builders.facebook_export()))
    dialog.open_review()
    findings = weakref.ref(dialog.outcome.findings)
    people = [weakref.ref(person) for person in dialog.outcome.findings.people()]
    assert findings() is not None and people
    dialog.reject()
    dialog.deleteLater()  # as the main window does with every dialog it closes
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    assert findings() is None
    assert all(person() is None for person in people)


def test_answers_are_saved_only_as_confirmed_with_the_exports_date(
    qtbot, make_dialog, footprint, tmp_path
) -> None:
    """A Turkish 2026 Instagram export: the answer carries 'from your Instagram export of …';
    unticked it is not saved, ticked again it is."""
    dialog = make_dialog()
    files = generations.instagram_2026()
    read_file(qtbot, dialog, builders.write_zip(tmp_path / "ig.zip", files))
    text = dialog.findings_view.toPlainText()
    assert "Settings labels read in Turkish." in text
    assert "Check by hand" in text and "Also in the export: Contact syncing: on" in text
    rows = [dialog.answers.item(r) for r in range(dialog.answers.count())]
    assert [r.text().split(":")[0] for r in rows] == ["Private account"]
    assert "(from your Instagram export of 19 Feb 2026)" in rows[0].text()
    rows[0].setCheckState(Qt.CheckState.Unchecked)
    assert footprint.history() == []  # nothing is saved before the worker confirms
    rows[0].setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(dialog.imported, timeout=LONG):
        qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    answers = footprint.history()[0].answers_for("instagram")
    assert list(answers) == ["private-account"]
    assert answers["private-account"].note == "From your Instagram export of 19 Feb 2026."
    [record] = footprint.store.export_imports()
    assert (record.items_answered, record.connection_count) == (1, 6)


def test_closing_before_confirming_saves_nothing(qtbot, make_dialog, footprint, tmp_path):
    dialog = make_dialog()
    read_file(qtbot, dialog, builders.write_zip(tmp_path / "x.zip", builders.x_archive()))
    dialog.reject()
    assert footprint.history() == [] and footprint.store.export_imports() == []


def test_what_was_not_understood_is_shown_by_file(qtbot, make_dialog, footprint, tmp_path):
    files = generations.facebook_2026(sync=())
    for name in list(files):
        if name.endswith("people_who_followed_you.json"):
            files[name] = '{"followers_v4": []}'
    dialog = make_dialog()
    read_file(qtbot, dialog, builders.write_zip(tmp_path / "fb.zip", files))
    assert dialog.outcome is not None  # no answer to confirm: the counts were saved at once
    text = dialog.findings_view.toPlainText()
    assert "Not understood\n" in text
    assert "people_who_followed_you.json: it has no 'followers_v3'" in text
    assert not dialog.use_button.isVisible() and dialog.review_button.isVisible()
    assert len(footprint.store.export_imports()) == 1


def test_without_a_keyring_the_review_says_removal_is_confirmed_by_hand(
    qtbot, make_dialog, footprint, tmp_path
) -> None:
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    dialog = make_dialog()
    assert not dialog.by_hand.isVisible()
    import_file(qtbot, dialog, builders.write_zip(tmp_path / "f.zip", builders.facebook_export()))
    dialog.open_review()
    review = dialog.review_dialog
    tick(review, {"Zoë Blackwood"})
    with qtbot.waitSignal(dialog.review_saved, timeout=LONG):
        qtbot.mouseClick(review.finish_button, Qt.MouseButton.LeftButton)
    assert "There is no usable system keyring" in review.saved_label.text()
    review.accept()
    dialog._pages.setCurrentIndex(0)
    dialog._refresh_by_hand()
    assert dialog.by_hand.isVisibleTo(dialog)
    [button] = [b for b in dialog.by_hand.findChildren(QPushButton) if b.isVisibleTo(dialog)]
    with qtbot.waitSignal(dialog.removal_confirmed, timeout=LONG):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    [record] = footprint.connection_reviews()
    assert record.removal_status() == "all 1 confirmed removed (by you)"
    assert not dialog.by_hand.isVisibleTo(dialog)


def test_an_answer_left_unticked_is_not_saved_and_is_said_so(
    qtbot, make_dialog, footprint, tmp_path
) -> None:
    """A TikTok export answers several settings; the worker keeps all but one."""
    dialog = make_dialog()
    read_file(qtbot, dialog, builders.write_zip(tmp_path / "tt.zip", generations.tiktok_2026()))
    rows = [dialog.answers.item(r) for r in range(dialog.answers.count())]
    assert len(rows) >= 2
    left_out = rows[-1].text().split(":")[0]
    rows[-1].setCheckState(Qt.CheckState.Unchecked)
    with qtbot.waitSignal(dialog.imported, timeout=LONG):
        qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    saved = footprint.history()[0].answers_for("tiktok")
    assert len(saved) == len(rows) - 1
    assert f"Not used (you left it unticked): {left_out}" in dialog.findings_view.toPlainText()
