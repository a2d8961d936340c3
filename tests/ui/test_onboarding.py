from __future__ import annotations

from PySide6.QtCore import Qt

from app.ui.profile_dialog import ProfileDialog


def test_onboarding_refuses_an_incomplete_profile_then_saves(qtbot, footprint) -> None:
    dialog = ProfileDialog(footprint=footprint, first_launch=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    problems = dialog.form.problems_label.text()
    assert "Enter your name" in problems and "at least one platform" in problems
    assert footprint.profile() is None
    qtbot.keyClicks(dialog.form.name, "Sam Carer")
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


def test_settings_show_the_saved_profile(qtbot, set_up) -> None:
    dialog = ProfileDialog(footprint=set_up, first_launch=False)
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
    window = make_window(set_up)
    window.start_or_resume_audit()
    window.audit_page.answer_buttons[next(iter(window.audit_page.answer_buttons))].click()
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    monkeypatch.setattr(window, "ensure_profile", lambda: None)
    dialog = ProfileDialog(footprint=set_up, first_launch=False, parent=window)
    window._delete_all_data(dialog)
    assert set_up.profile() is None and set_up.history() == []
    assert memory_keyring.secrets == {}


def test_a_policy_pack_imported_in_settings_shows_in_the_app(qtbot, set_up, monkeypatch) -> None:
    from pathlib import Path

    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    sample = Path(__file__).resolve().parents[2] / "resources/examples/riverside-care-policy.toml"
    dialog = ProfileDialog(footprint=set_up, first_launch=False)
    qtbot.addWidget(dialog)
    assert dialog.policy_box.import_pack(sample)
    assert dialog.policy_box.packs.count() == 1
    names = [dialog.form.platforms.item(r).text() for r in range(dialog.form.platforms.count())]
    assert "Riverside staff network — from employer: Riverside Care (sample)" in names
    assert dialog.form.checked_platform_ids() == ("facebook", "instagram")  # ticks kept
    dialog.policy_box.packs.setCurrentRow(0)
    dialog.policy_box.remove_button.click()
    assert "staff-network" not in set_up.catalogue.ids
