"""An answer given when the disk fills: the worker reads the same sentence the commands print
for a full disk, not "Something went wrong inside Footprint", and the answer is not lost
from view (the item stays, with its note)."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from app.audit.answers import AnswerStatus
from app.ui.application import install_crash_dialog
from tests.storage.faults import every_write_fails_full


@pytest.mark.qt_no_exception_capture
def test_an_answer_on_a_full_disk_is_told_as_a_full_disk(
    qtbot, set_up, make_window, monkeypatch
) -> None:
    told: list[tuple[str, str]] = []
    for kind in ("warning", "critical"):
        monkeypatch.setattr(
            QMessageBox, kind, lambda _parent, title, text, *_a, **_k: told.append((title, text))
        )
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    install_crash_dialog(set_up)
    window = make_window(set_up)
    window.start_or_resume_audit()
    page = window.audit_page
    first = page.progress_label.text()
    every_write_fails_full(monkeypatch)
    set_up.store.close()  # the next write makes a new writer, on the full disk
    page.note.setText("a long note " * 2_000)
    page.answer_buttons[AnswerStatus.NEEDS_ACTION].click()
    qtbot.waitUntil(lambda: bool(told))
    [(title, text)] = told
    database = set_up.home.database
    assert title == "Footprint could not use its data"
    assert text.startswith(f"Footprint cannot write its database {database}: the disk is full")
    assert "Something went wrong" not in text
    assert page.progress_label.text() == first and page.note.text().startswith("a long note")
    assert set_up.store.count_answers() == 0
