"""One keyring-thread rule: every keyring call a window causes runs off the UI thread.

A locked keyring may ask for its password and block whoever called it until the worker
answers; on the UI thread that freezes the window. The backend here notes the thread of every
call; the windows are driven as a worker would: save and forget sign-in details, review a
friend list (the review key is created), read a later export (the key is read to check the
review), delete all data.
"""

from __future__ import annotations

import threading

import keyring
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.ui.credentials_dialog import CredentialsDialog
from app.ui.export_import_dialog import ExportImportDialog
from tests.conftest import WAIT_MS
from tests.downloads import builders
from tests.memory_keyring import MemoryKeyring


class ThreadNotingKeyring(MemoryKeyring):
    """An in-memory keyring that records, for each call, whether it came on the UI thread."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[str, bool]] = []

    def _note(self, call: str) -> None:
        self.calls.append((call, threading.current_thread() is threading.main_thread()))

    def get_password(self, service: str, username: str) -> str | None:
        self._note(f"get {service}")
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self._note(f"set {service}")
        super().set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        self._note(f"delete {service}")
        super().delete_password(service, username)

    def on_the_ui_thread(self) -> list[str]:
        return [call for call, on_ui in self.calls if on_ui]


@pytest.fixture
def noting() -> ThreadNotingKeyring:
    backend = ThreadNotingKeyring()
    keyring.set_keyring(backend)
    return backend


def test_saving_and_forgetting_sign_in_details(qtbot, footprint, jobs, noting) -> None:
    dialog = CredentialsDialog(footprint=footprint, jobs=jobs)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "jo@example.org")
    qtbot.keyClicks(dialog.password, "pass phrase")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_busy, timeout=WAIT_MS)
    dialog.forget_details(dialog.platform_choice.currentData())
    qtbot.waitUntil(lambda: not dialog.is_busy, timeout=WAIT_MS)
    assert [call.split()[0] for call, _ in noting.calls] == ["set", "delete"]
    assert noting.on_the_ui_thread() == []


def test_a_review_and_the_export_read_that_checks_it(
    qtbot, footprint, jobs, noting, tmp_path, opened_urls
) -> None:
    chosen = [builders.write_zip(tmp_path / f"{n}.zip", builders.facebook_export()) for n in "ab"]
    dialog = ExportImportDialog(
        footprint=footprint,
        jobs=jobs,
        choose_path=lambda _parent, _folder: chosen.pop(0),
        open_url=opened_urls.append,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.ready, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.choose_zip, Qt.MouseButton.LeftButton)
    dialog.open_review()
    review = dialog.review_dialog
    assert review is not None
    review.model.item(0).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(dialog.review_saved, timeout=WAIT_MS):
        qtbot.mouseClick(review.finish_button, Qt.MouseButton.LeftButton)
    assert review.saved_label.text().endswith("Your next export will show whether they are gone.")
    review.accept()
    made = len(noting.calls)
    assert made >= 2  # the review key was looked for and created
    with qtbot.waitSignal(dialog.ready, timeout=WAIT_MS):
        dialog.start_import(chosen.pop(0))
    assert len(noting.calls) > made  # the key was read to check the earlier review
    assert noting.on_the_ui_thread() == []


def test_deleting_all_data(qtbot, set_up, make_window, noting, monkeypatch) -> None:
    noting.set_password("Footprint/x", "login", "{}")
    set_up.sign_in_saved("x")
    noting.calls.clear()
    window = make_window(set_up)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    monkeypatch.setattr(window, "ensure_profile", lambda: None)
    window.delete_all_data()
    qtbot.waitUntil(lambda: bool(told), timeout=WAIT_MS)
    assert noting.calls and noting.on_the_ui_thread() == []
