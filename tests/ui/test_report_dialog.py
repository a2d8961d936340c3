"""The report dialog: preview, notes, Save as PDF… and Print…, with the file and print dialogs
replaced so nothing waits for a person."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTextBrowser,
)

from app.clock import FixedClock
from app.footprint import open_footprint
from app.ui import report_dialog
from app.ui.report_dialog import ReportDialog
from tests.conftest import START, WAIT_MS

T = TypeVar("T")


@pytest.fixture
def footprint(data_home):
    footprint = open_footprint(data_home, FixedClock(START))
    yield footprint
    footprint.close()


@pytest.fixture
def demo_footprint(footprint):
    footprint.write_demo_data()
    return footprint


def open_dialog(qtbot, footprint, jobs) -> ReportDialog:
    dialog = ReportDialog(footprint=footprint, jobs=jobs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def control(dialog: ReportDialog, kind: type[T], name: str) -> T:
    found = dialog.findChild(kind, name)
    assert found is not None, name
    return found


def preview_text(dialog: ReportDialog) -> str:
    return control(dialog, QTextBrowser, "report_preview").toPlainText()


def button(dialog: ReportDialog, name: str) -> QPushButton:
    return control(dialog, QPushButton, name)


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_the_preview_shows_the_report_of_the_worker(qtbot, jobs, demo_footprint) -> None:
    dialog = open_dialog(qtbot, demo_footprint, jobs)
    preview = preview_text(dialog)
    assert "Alex Sample" in preview and "Needs action" in preview
    assert button(dialog, "save_pdf").isEnabled() and button(dialog, "print").isEnabled()
    assert control(dialog, QComboBox, "paper_size").currentText() == "A4"
    widgets = [
        control(dialog, QComboBox, "covers"),
        control(dialog, QComboBox, "since"),
        control(dialog, QComboBox, "paper_size"),
        control(dialog, QCheckBox, "include_steps"),
        control(dialog, QCheckBox, "include_notes"),
        control(dialog, QTextBrowser, "report_preview"),
        button(dialog, "save_pdf"),
        button(dialog, "print"),
    ]
    assert all(widget.accessibleName() for widget in widgets)


def test_notes_appear_literally_once_the_worker_includes_them(qtbot, jobs, demo_footprint) -> None:
    history = demo_footprint.history()
    latest = max((r for r in history if r.completed_at), key=lambda r: r.completed_at)
    existing = next(iter(latest.answers.values()))
    note = "<b>bold</b> & <script>x</script>"
    later = existing.answered_at + timedelta(seconds=1)
    demo_footprint.store.save_answer(latest.id, replace(existing, note=note, answered_at=later))
    dialog = open_dialog(qtbot, demo_footprint, jobs)
    assert note not in preview_text(dialog)
    qtbot.mouseClick(control(dialog, QCheckBox, "include_notes"), Qt.MouseButton.LeftButton)
    assert note in preview_text(dialog)


def test_save_as_pdf_writes_the_chosen_file(
    qtbot, jobs, demo_footprint, tmp_path, monkeypatch
) -> None:
    asked = {}

    def choose(parent, caption, suggested, filters):
        asked["suggested"] = suggested
        return str(tmp_path / "for-supervision"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    dialog = open_dialog(qtbot, demo_footprint, jobs)
    paper = control(dialog, QComboBox, "paper_size")
    paper.setCurrentIndex(paper.findData("letter"))
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:
        qtbot.mouseClick(button(dialog, "save_pdf"), Qt.MouseButton.LeftButton)
    written = Path(saved.args[0])
    assert written == tmp_path / "for-supervision.pdf"
    assert "Alex Sample — page 1 of" in pdf_text(written)
    assert Path(asked["suggested"]).name == dialog.default_file_name()
    assert dialog.default_file_name().startswith("footprint-report-2026-")
    assert ":" not in dialog.default_file_name()
    assert button(dialog, "save_pdf").isEnabled()
    assert demo_footprint.previous_report_date() is not None  # remembered for the next one


def test_a_file_that_cannot_be_written_is_explained(
    qtbot, jobs, demo_footprint, tmp_path, monkeypatch
) -> None:
    missing = tmp_path / "no-such-folder" / "report.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args: (str(missing), ""))
    )
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a: shown.append(a[2])))
    dialog = open_dialog(qtbot, demo_footprint, jobs)
    with qtbot.waitSignal(dialog.save_failed, timeout=WAIT_MS):
        qtbot.mouseClick(button(dialog, "save_pdf"), Qt.MouseButton.LeftButton)
    assert shown and "could not be saved" in shown[0] and str(missing) in shown[0]
    assert not missing.exists()


def test_print_sends_the_report_to_the_chosen_printer(
    qtbot, jobs, demo_footprint, tmp_path, monkeypatch
) -> None:
    target = tmp_path / "printed.pdf"

    class AcceptingPrintDialog:
        def __init__(self, printer: QPrinter, parent) -> None:
            self.printer = printer

        def setWindowTitle(self, title: str) -> None:
            pass

        def exec(self) -> QDialog.DialogCode:
            # Stands in for the worker choosing "Print to file" in the system dialog.
            self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(target))
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(report_dialog, "QPrintDialog", AcceptingPrintDialog)
    dialog = open_dialog(qtbot, demo_footprint, jobs)
    qtbot.mouseClick(button(dialog, "print"), Qt.MouseButton.LeftButton)
    assert "Alex Sample — page 1 of" in pdf_text(target)
    assert "to the printer" in control(dialog, QLabel, "report_status").text()


def test_without_an_audit_the_dialog_says_why_and_offers_nothing_to_save(
    qtbot, jobs, footprint
) -> None:
    dialog = open_dialog(qtbot, footprint, jobs)
    assert "before making a report" in preview_text(dialog)
    assert not button(dialog, "save_pdf").isEnabled() and not button(dialog, "print").isEnabled()


def test_the_report_covers_every_platform_after_a_one_platform_recheck(
    qtbot, jobs, demo_footprint
) -> None:
    """The demo's year ends with a re-check of one platform, as real use does."""
    dialog = open_dialog(qtbot, demo_footprint, jobs)
    preview = preview_text(dialog)
    used = demo_footprint.profile().platform_ids
    names = [demo_footprint.catalogue.platform(pid).name for pid in used]
    assert all(name in preview for name in names)
    covers = control(dialog, QComboBox, "covers")
    assert covers.currentText() == "The current state of all my platforms"
    covers.setCurrentIndex(1)  # the newest finished audit: the one-platform re-check
    assert "Audit number" in preview_text(dialog)
    assert not control(dialog, QComboBox, "since").isEnabled()


def test_return_saves_the_pdf_rather_than_closing(qtbot, jobs, demo_footprint) -> None:
    dialog = open_dialog(qtbot, demo_footprint, jobs)
    assert button(dialog, "save_pdf").isDefault()
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    assert not close.autoDefault() and not close.isDefault()


def test_the_preview_is_dark_text_on_white_paper_in_a_dark_theme(
    qtbot, jobs, demo_footprint
) -> None:
    from PySide6.QtGui import QPalette

    dialog = open_dialog(qtbot, demo_footprint, jobs)
    palette = control(dialog, QTextBrowser, "report_preview").palette()
    assert palette.color(QPalette.ColorRole.Base).name() == "#ffffff"
    assert palette.color(QPalette.ColorRole.Text).lightness() < 40
