"""Text from a file, an export or the worker is shown as plain text, never as HTML: a pack's
`<img>`, `<a href>` and `<b>` appear literally in the import box, the pack error label and the
dashboard notices (Qt would otherwise render them, and make the link live)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtWidgets import QLabel, QMessageBox

from app.ui.dashboard_page import DashboardPage
from app.ui.profile_dialog import ProfileDialog
from tests.checklists.mutator import PACK

HOSTILE = '<img src="x.png"><a href="https://example.invalid/">open me</a><b>bold</b>'


@pytest.fixture
def boxes(monkeypatch) -> list[QMessageBox]:
    """Message boxes that were opened (recorded instead of waiting for a click)."""
    opened: list[QMessageBox] = []

    def record(box: QMessageBox) -> int:
        opened.append(box)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    return opened


def shows_literally(label: QLabel, text: str) -> bool:
    """`text` is in the label as written, and the label will not read it as HTML."""
    return text in label.text() and label.textFormat() == Qt.TextFormat.PlainText


def would_be_html(label: QLabel) -> bool:
    """Qt's guess for a label left to decide (AutoText): a tag before the first line break."""
    return QtGuiNamespace.mightBeRichText(label.text())


def hostile_pack(folder: Path, *, valid: bool) -> Path:
    text = PACK.read_text(encoding="utf-8").replace(
        'title = "Staff social media policy, 2026"', f"title = '{HOSTILE}'"
    )
    if not valid:
        text = text.replace('id = "no-service-groups"', f"id = '{HOSTILE}'")
    path = folder / "hostile.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_policy_pack_imported_box_shows_the_title_literally(
    qtbot, set_up, tmp_path, boxes, jobs
) -> None:
    dialog = ProfileDialog(footprint=set_up, jobs=jobs, first_launch=False)
    qtbot.addWidget(dialog)
    assert dialog.policy_box.import_pack(hostile_pack(tmp_path, valid=True))
    dialog.accept()  # the pack is installed, and said so, on Save
    [box] = boxes
    assert box.windowTitle() == "Policy pack imported"
    label = box.findChild(QLabel, "qt_msgbox_label")
    assert label is not None and shows_literally(label, HOSTILE) and would_be_html(label)


def test_the_not_imported_box_shows_the_problems_literally(
    qtbot, set_up, tmp_path, boxes, jobs
) -> None:
    dialog = ProfileDialog(footprint=set_up, jobs=jobs, first_launch=False)
    qtbot.addWidget(dialog)
    assert not dialog.policy_box.import_pack(hostile_pack(tmp_path, valid=False))
    [box] = boxes
    label = box.findChild(QLabel, "qt_msgbox_label")
    assert label is not None and shows_literally(label, HOSTILE)


def test_an_installed_pack_with_problems_is_quoted_literally_everywhere(
    qtbot, set_up, tmp_path, jobs
) -> None:
    set_up.home.policy_dir.mkdir()
    hostile_pack(set_up.home.policy_dir, valid=False)  # copied in by hand, never checked
    set_up.reload_catalogue()
    dialog = ProfileDialog(footprint=set_up, jobs=jobs, first_launch=False)
    qtbot.addWidget(dialog)
    assert shows_literally(dialog.policy_box.error_label, HOSTILE)
    assert would_be_html(dialog.policy_box.error_label)
    page = DashboardPage()
    qtbot.addWidget(page)
    page.show_state(set_up.dashboard(), notices=set_up.notices())
    assert shows_literally(page.notices, HOSTILE) and would_be_html(page.notices)


def test_a_desktop_notification_escapes_markup_where_the_server_reads_it() -> None:
    from app.ui.notifiers import notification_body

    message = f"{HOSTILE}: re-check due"
    assert notification_body(message, ["body", "body-markup"]) == (
        '&lt;img src="x.png"&gt;&lt;a href="https://example.invalid/"&gt;open me&lt;/a&gt;'
        "&lt;b&gt;bold&lt;/b&gt;: re-check due"
    )
    assert notification_body(message, ["body"]) == message  # shown as written anyway
