"""Saving and forgetting sign-in details: the keyring only, never a file."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backends.fail import Keyring as NoKeyring
from PySide6.QtCore import Qt

from app import credentials
from app.footprint import Footprint, open_footprint
from app.ui.application import configure_qt_settings
from app.ui.credentials_dialog import CredentialsDialog
from tests.conftest import WAIT_MS

SECRET = "s3cret-pass-phrase"


@pytest.fixture
def footprint(data_home, clock) -> Iterator[Footprint]:
    opened = open_footprint(data_home, clock)
    configure_qt_settings(opened)
    yield opened
    opened.close()


@pytest.fixture
def dialog(qtbot, footprint, jobs) -> CredentialsDialog:
    made = CredentialsDialog(footprint=footprint, jobs=jobs)
    qtbot.addWidget(made)
    return made


def row(dialog: CredentialsDialog, name: str) -> int:
    table = dialog.table
    return next(r for r in range(table.rowCount()) if table.item(r, 0).text() == name)


def test_saved_details_go_to_the_keyring_and_nowhere_else(
    qtbot, dialog, memory_keyring, data_home
) -> None:
    assert dialog.platform_choice.count() == 4  # the platforms Footprint can read
    dialog.platform_choice.setCurrentIndex(dialog.platform_choice.findData("linkedin"))
    qtbot.keyClicks(dialog.username, "jo@example.org")
    qtbot.keyClicks(dialog.password, SECRET)
    assert dialog.password.text() == SECRET
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.password.text() == ""  # at once, before the keyring answers
    qtbot.waitUntil(lambda: not dialog.is_busy, timeout=WAIT_MS)
    assert credentials.load("linkedin") == credentials.Credential("jo@example.org", SECRET)
    assert dialog.table.item(row(dialog, "LinkedIn"), 1).text() == "Saved in your keyring"
    for path in data_home.root.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path


def test_forget_details_and_forget_browser_sign_in(qtbot, dialog, data_home, footprint) -> None:
    credentials.save("x", credentials.Credential("jo", SECRET))
    footprint.sign_in_saved("x")
    profile = data_home.browser_profiles / "x"
    profile.mkdir(parents=True)
    dialog.refresh()
    line = row(dialog, "X (Twitter)")
    assert dialog.table.item(line, 1).text() == "Saved in your keyring"
    assert dialog.table.item(line, 2).text() == "Kept"
    qtbot.mouseClick(dialog.table.cellWidget(line, 3), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_busy, timeout=WAIT_MS)
    assert credentials.load("x") is None and footprint.saved_sign_ins() == set()
    qtbot.mouseClick(dialog.table.cellWidget(line, 4), Qt.MouseButton.LeftButton)
    assert not profile.exists()
    assert dialog.table.item(line, 2).text() == "None"


def test_without_a_keyring_saving_is_switched_off_with_the_reason(qtbot, footprint, jobs) -> None:
    keyring.set_keyring(NoKeyring())
    dialog = CredentialsDialog(footprint=footprint, jobs=jobs)
    qtbot.addWidget(dialog)
    assert dialog.keyring_notice.text().startswith("No system keyring is available")
    assert not dialog.save_button.isEnabled() and not dialog.password.isEnabled()
    assert dialog.table.item(0, 1).text() == "Not available"
