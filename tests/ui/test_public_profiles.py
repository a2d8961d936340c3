"""Settings, "Your public profiles": addresses saved in their public form, or refused beside
their field with nothing saved."""

from __future__ import annotations

from app.ui.profile_dialog import ProfileDialog


def make_settings(qtbot, footprint, jobs) -> ProfileDialog:
    dialog = ProfileDialog(footprint=footprint, jobs=jobs, first_launch=False)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_workers_platforms_come_first_with_an_example_placeholder(qtbot, set_up, jobs) -> None:
    dialog = make_settings(qtbot, set_up, jobs)
    box = dialog.addresses_box
    assert box is not None
    assert list(box.edits)[:2] == ["facebook", "instagram"]  # the platforms of PROFILE
    assert "x" in box.edits and "whatsapp" not in box.edits  # no public profile page there
    assert box.edits["instagram"].placeholderText() == "e.g. https://www.instagram.com/jo.worker/"


def test_a_bad_address_is_refused_beside_its_field_and_nothing_is_saved(
    qtbot, set_up, jobs
) -> None:
    dialog = make_settings(qtbot, set_up, jobs)
    box = dialog.addresses_box
    assert box is not None
    box.edits["x"].setText("@jo_worker")
    box.edits["linkedin"].setText("https://linkedin.evil.example/in/jo-worker")
    dialog.accept()
    assert dialog.isVisible()
    assert list(box.problems()) == ["linkedin"]
    assert "not an address on LinkedIn" in box.problems()["linkedin"]
    assert box.edits["linkedin"].accessibleDescription() == box.problems()["linkedin"]
    assert set_up.store.public_addresses() == {}

    box.edits["linkedin"].setText("linkedin.com/in/jo-worker/")
    dialog.accept()
    assert not dialog.isVisible()
    assert set_up.store.public_addresses() == {
        "x": "https://x.com/jo_worker",
        "linkedin": "https://www.linkedin.com/in/jo-worker",
    }
    reopened = make_settings(qtbot, set_up, jobs)
    assert reopened.addresses_box is not None
    assert reopened.addresses_box.edits["x"].text() == "https://x.com/jo_worker"


def test_every_address_has_an_alt_letter_and_an_example_that_looks_like_one(
    qtbot, set_up, jobs
) -> None:
    from PySide6.QtWidgets import QLabel

    dialog = make_settings(qtbot, set_up, jobs)
    box = dialog.addresses_box
    assert box is not None
    labels = {label.buddy(): label.text() for label in box.findChildren(QLabel) if label.buddy()}
    assert set(labels) == set(box.edits.values())
    assert all("&" in text for text in labels.values())
    assert labels[box.edits["facebook"]] == "&Facebook:"
    assert all(edit.placeholderText().startswith("e.g. https://") for edit in box.edits.values())


def test_the_watch_is_off_until_ticked_in_settings(qtbot, set_up, jobs) -> None:
    dialog = make_settings(qtbot, set_up, jobs)
    assert dialog.watch_check is not None and not dialog.watch_check.isChecked()
    assert "as a stranger would" in dialog.watch_check.text()
    dialog.accept()
    assert not set_up.watch_choice().signed_out  # untouched: never chosen
    assert set_up.watch_choice().chosen_at is None
    reopened = make_settings(qtbot, set_up, jobs)
    assert reopened.watch_check is not None
    reopened.watch_check.setChecked(True)
    reopened.accept()
    assert set_up.watch_choice().signed_out
    again = make_settings(qtbot, set_up, jobs)
    assert again.watch_check is not None and again.watch_check.isChecked()


def test_signed_in_rereads_are_off_until_ticked_per_platform_in_settings(
    qtbot, set_up, jobs
) -> None:
    dialog = make_settings(qtbot, set_up, jobs)
    assert set(dialog.reread_checks) == {"facebook", "instagram", "x", "linkedin"}
    assert not any(check.isChecked() for check in dialog.reread_checks.values())
    dialog.accept()
    assert set_up.signed_in_watch_choices() == set()
    reopened = make_settings(qtbot, set_up, jobs)
    reopened.reread_checks["instagram"].setChecked(True)
    reopened.accept()
    assert set_up.signed_in_watch_choices() == {"instagram"}
    assert not set_up.watch_choice().signed_out  # the stranger's looks stay a choice of their own
    again = make_settings(qtbot, set_up, jobs)
    assert again.reread_checks["instagram"].isChecked()
    again.reread_checks["instagram"].setChecked(False)
    again.accept()
    assert set_up.signed_in_watch_choices() == set()
