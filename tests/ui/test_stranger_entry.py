"""The way in to "See what a stranger sees" from the main window, and the way back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.stranger.evidence import YES, SeenFinding
from app.ui.profile_dialog import ProfileDialog
from app.ui.stranger_dialog import NO_ADDRESSES, StrangerDialog
from tests.conftest import START


def _audit_menu_entry(window, text: str):  # noqa: ANN001, ANN202
    (menu,) = [a for a in window.menuBar().actions() if a.text() == "&Audit"]
    (entry,) = [a for a in menu.menu().actions() if a.text() == text]
    return entry


def test_without_addresses_the_window_says_so_and_leads_to_settings(
    qtbot,
    set_up,
    make_window,
    monkeypatch,  # noqa: ANN001
) -> None:
    window = make_window(set_up)
    opened: list[QDialog] = []

    def run(dialog: QDialog) -> int:
        opened.append(dialog)
        if isinstance(dialog, StrangerDialog):
            assert dialog.notice.text() == NO_ADDRESSES
            assert not dialog.look_button.isEnabled()
            qtbot.mouseClick(dialog.settings_button, Qt.MouseButton.LeftButton)
        return 0

    monkeypatch.setattr(window, "_exec", run)
    _audit_menu_entry(window, "See what a stran&ger sees…").trigger()
    assert [type(d) for d in opened] == [StrangerDialog, ProfileDialog]


def test_after_the_window_closes_the_open_audit_shows_the_evidence(
    set_up,
    make_window,
    monkeypatch,  # noqa: ANN001
) -> None:
    window = make_window(set_up)
    window.start_or_resume_audit()
    session = window.audit_page.session
    assert session is not None
    session.go_to("instagram", "private-account")
    window.audit_page.show_current()
    assert not window.audit_page.outside_label.isVisibleTo(window)
    # A look made in the window (here: stored as a look would store it) …
    seen = SeenFinding("instagram", "posts", YES, "posts shown", START)
    set_up.store.save_outside_findings({"instagram"}, [seen])
    monkeypatch.setattr(window, "_exec", lambda dialog: 0)
    _audit_menu_entry(window, "See what a stran&ger sees…").trigger()
    # … is beside the item as soon as the window closes.
    assert window.audit_page.outside_label.isVisibleTo(window)
    assert "could see your posts on Instagram" in window.audit_page.outside_label.text()
    assert window.audit_page.outside_button.isEnabled()


def test_when_every_look_failed_the_window_says_nothing_was_looked_at(qtbot, set_up, jobs) -> None:
    from app.stranger.look import LookFinished
    from app.stranger.view import Obstacle, StrangerView

    problems = set_up.save_public_addresses({"instagram": "jo.worker", "x": "joworker"})
    assert problems == {}
    dialog = StrangerDialog(footprint=set_up, jobs=jobs)
    qtbot.addWidget(dialog)
    requests, _terms = set_up.stranger_look()
    for request in requests:  # offline: every page fails, as a look would report it
        view = StrangerView(
            request.platform_id, request.platform_name, "https://example.invalid/", START,
            obstacle=Obstacle.NO_CONNECTION, problem="No connection.",
        )  # fmt: skip
        dialog._look_finished(LookFinished(view))
    dialog._completed(None)

    assert dialog.status.text().startswith("Nothing was looked at")
    assert "Done" not in dialog.status.text()
    assert dialog.progress.value() == 0 < dialog.progress.maximum() == len(requests) == 2
