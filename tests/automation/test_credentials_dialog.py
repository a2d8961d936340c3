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

SECRET = "s3cret-pass-phrase"


@pytest.fixture
def footprint(data_home, clock) -> Iterator[Footprint]:
    opened = open_footprint(data_home, clock)
    configure_qt_settings(opened)
    yield opened
    opened.close()


@pytest.fixture
def dialog(qtbot, footprint) -> CredentialsDialog:
    made = CredentialsDialog(footprint=footprint)
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
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert credentials.load("linkedin") == credentials.Credential("jo@example.org", SECRET)
    assert dialog.password.text() == ""
    assert dialog.table.item(row(dialog, "LinkedIn"), 1).text() == "Saved for jo@example.org"
    for path in data_home.root.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path


def test_forget_details_and_forget_browser_sign_in(qtbot, dialog, data_home) -> None:
    credentials.save("x", credentials.Credential("jo", SECRET))
    profile = data_home.browser_profiles / "x"
    profile.mkdir(parents=True)
    dialog.refresh()
    line = row(dialog, "X (Twitter)")
    assert dialog.table.item(line, 2).text() == "Kept"
    qtbot.mouseClick(dialog.table.cellWidget(line, 3), Qt.MouseButton.LeftButton)
    assert credentials.load("x") is None
    qtbot.mouseClick(dialog.table.cellWidget(line, 4), Qt.MouseButton.LeftButton)
    assert not profile.exists()
    assert dialog.table.item(line, 2).text() == "None"


def test_without_a_keyring_saving_is_switched_off_with_the_reason(qtbot, footprint) -> None:
    keyring.set_keyring(NoKeyring())
    dialog = CredentialsDialog(footprint=footprint)
    qtbot.addWidget(dialog)
    assert dialog.keyring_notice.text().startswith("No system keyring is available")
    assert not dialog.save_button.isEnabled() and not dialog.password.isEnabled()
    assert dialog.table.item(0, 1).text() == "Not available"
