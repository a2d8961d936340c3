from __future__ import annotations

from PySide6.QtCore import Qt

from app.ui.profile_dialog import ProfileDialog
from tests.conftest import WAIT_MS


def test_onboarding_refuses_an_incomplete_profile_then_saves(qtbot, footprint, jobs) -> None:
    dialog = ProfileDialog(footprint=footprint, jobs=jobs, first_launch=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    problems = dialog.form.problems()
    assert set(problems) == {"display_name", "platform_ids", "regulator"}  # none assumed
    assert "Enter your name" in problems["display_name"]
    assert dialog.form.name.accessibleDescription() == problems["display_name"]
    assert dialog.form.field_errors["display_name"].isVisibleTo(dialog)
    assert footprint.profile() is None
    qtbot.keyClicks(dialog.form.name, "Sam Carer")
    assert "display_name" not in dialog.form.problems()  # gone as soon as it is fixed
    assert not dialog.form.field_errors["display_name"].isVisibleTo(dialog)
    platforms = dialog.form.platforms
    platforms.setFocus()
    platforms.setCurrentRow(0)
    qtbot.keyClick(platforms, Qt.Key.Key_Space)
    dialog.form.regulator.setCurrentIndex(dialog.form.regulator.findData("swe"))
    dialog.form.recheck.setCurrentIndex(dialog.form.recheck.findData(30))
    dialog.accept()
    saved = footprint.profile()
    assert saved is not None and saved.display_name == "Sam Carer"
    first = footprint.catalogue.platforms[0].id
    assert saved.platform_ids == (first,) and saved.regulator == "swe"
    assert saved.recheck_days == {first: 30}


def test_settings_show_the_saved_profile(qtbot, set_up, jobs) -> None:
    dialog = ProfileDialog(footprint=set_up, jobs=jobs, first_launch=False)
    qtbot.addWidget(dialog)
    assert dialog.form.name.text() == "Jo Worker"
    assert dialog.form.checked_platform_ids() == ("facebook", "instagram")
    assert dialog.delete_button is not None


def test_delete_all_my_data_removes_the_database_and_keyring_entries(
    qtbot, set_up, make_window, memory_keyring, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app import credentials

    credentials.save("facebook", credentials.Credential("jo", "pw"))
    set_up.sign_in_saved("facebook")
    window = make_window(set_up)
    window.start_or_resume_audit()
    window.audit_page.answer_buttons[next(iter(window.audit_page.answer_buttons))].click()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    monkeypatch.setattr(window, "ensure_profile", lambda: None)
    window.delete_all_data()
    qtbot.waitUntil(lambda: bool(told), timeout=WAIT_MS)  # the keyring part runs in a job
    assert set_up.profile() is None and set_up.history() == []
    assert memory_keyring.secrets == {}
    assert told == ["All your Footprint data was deleted."]
    # Every view shows the empty data home at once, not the old name or platforms.
    assert window.dashboard.isVisible() and "Jo Worker" not in window.dashboard.heading.text()
    assert window.dashboard.model.rowCount() == len(set_up.catalogue.platforms)
    assert not window.dashboard.banner.isVisible()


def test_deleting_never_touches_a_keyring_footprint_did_not_write_to(
    qtbot, set_up, make_window, monkeypatch
) -> None:
    import keyring
    from PySide6.QtWidgets import QMessageBox

    touched: list[str] = []

    class Watching(keyring.backend.KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def get_password(self, service, username):  # noqa: ANN001, ANN201
            touched.append(service)

        def set_password(self, service, username, password):  # noqa: ANN001, ANN201
            touched.append(service)

        def delete_password(self, service, username):  # noqa: ANN001, ANN201
            touched.append(service)

    keyring.set_keyring(Watching())
    window = make_window(set_up)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    monkeypatch.setattr(window, "ensure_profile", lambda: None)
    window.delete_all_data()
    assert touched == []


def test_a_policy_pack_imported_in_settings_shows_in_the_app(
    qtbot, set_up, monkeypatch, jobs
) -> None:
    from pathlib import Path

    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "exec", lambda *a, **k: 0)
    sample = Path(__file__).resolve().parents[2] / "resources/examples/riverside-care-policy.toml"
    dialog = ProfileDialog(footprint=set_up, jobs=jobs, first_launch=False)
    qtbot.addWidget(dialog)
    assert dialog.policy_box.import_pack(sample)
    assert dialog.policy_box.packs.count() == 1
    names = [dialog.form.platforms.item(r).text() for r in range(dialog.form.platforms.count())]
    assert "Riverside staff network — from employer: Riverside Care (sample)" in names
    assert dialog.form.checked_platform_ids() == ("facebook", "instagram")  # ticks kept
    assert "staff-network" not in set_up.catalogue.ids  # nothing installed before Save
    dialog.accept()
    assert "staff-network" in set_up.catalogue.ids
    again = ProfileDialog(footprint=set_up, jobs=jobs, first_launch=False)
    qtbot.addWidget(again)
    again.policy_box.packs.setCurrentRow(0)
    again.policy_box.remove_button.click()
    again.reject()  # Cancel: the pack stays
    assert "staff-network" in set_up.catalogue.ids


def test_a_policy_pack_is_not_installed_when_settings_is_cancelled(qtbot, set_up, jobs) -> None:
    from pathlib import Path

    sample = Path(__file__).resolve().parents[2] / "resources/examples/riverside-care-policy.toml"
    dialog = ProfileDialog(footprint=set_up, jobs=jobs, first_launch=False)
    qtbot.addWidget(dialog)
    assert dialog.policy_box.import_pack(sample)
    dialog.reject()
    assert "staff-network" not in set_up.catalogue.ids and set_up.policy_packs == ()


def test_the_code_edition_chosen_decides_the_clauses_shown(qtbot, set_up, jobs, make_window):
    dialog = ProfileDialog(footprint=set_up, jobs=jobs, first_launch=False)
    qtbot.addWidget(dialog)
    editions = [dialog.form.edition.itemData(i) for i in range(dialog.form.edition.count())]
    assert "2003" in editions and "2024" in editions  # the SSSC's editions held
    dialog.form.edition.setCurrentIndex(dialog.form.edition.findData("2003"))
    dialog.form.with_children.setChecked(True)
    dialog.accept()
    saved = set_up.profile()
    assert saved.code_edition == "2003" and saved.works_with_children
    window = make_window(set_up)
    window.start_or_resume_audit()
    text = window.audit_page.content.toPlainText()
    assert "2003" in text and "(2016)" not in text and "2024" not in text


def test_a_refused_start_at_login_leaves_the_tick_as_the_system_has_it(
    qtbot, set_up, jobs, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app import autostart
    from app.ui import preferences, profile_dialog

    def refuse(enabled: bool) -> None:
        raise autostart.AutostartNotPossible("Footprint is running from the disk image")

    warnings: list[str] = []
    monkeypatch.setattr(profile_dialog, "set_autostart", refuse)
    monkeypatch.setattr(profile_dialog, "is_autostart_enabled", lambda: False)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    dialog = ProfileDialog(footprint=set_up, jobs=jobs, first_launch=False)
    qtbot.addWidget(dialog)
    dialog.preference_boxes[preferences.START_AT_LOGIN.key].setChecked(True)

    dialog.accept()

    assert warnings and "disk image" in warnings[0]
    assert preferences.START_AT_LOGIN.get() is False  # the entry was never written
