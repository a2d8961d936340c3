"""The supervision report dialog: preview, paper size, notes, Print… and Save as PDF…."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QSize, QStandardPaths, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.audit.stored import AllData
from app.footprint import Footprint
from app.formatting import short_date
from app.report.content import ReportError, ReportScope, SupervisionReport
from app.report.html import ReportDocument, render_report
from app.report.pdf import Paper, page_layout, print_report, write_pdf
from app.ui.announce import show_status
from app.ui.jobs import Job, JobRunner
from app.ui.screen import fit_to_screen

log = logging.getLogger(__name__)


class ReportDialog(QDialog):
    """Shows the supervision report and prints it or saves it as a PDF.

    Signals:
        saved(str): A PDF was written to this path.
        save_failed(str): Writing the PDF failed; the sentence shown to the worker.
    """

    saved = Signal(str)
    save_failed = Signal(str)

    def __init__(
        self,
        *,
        footprint: Footprint,
        jobs: JobRunner,
        run_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._footprint = footprint
        self._jobs = jobs
        self._run_id = run_id
        self._report: SupervisionReport | None = None
        self._document: ReportDocument | None = None
        self._saving: Job | None = None
        self._saving_path = Path()
        # One read for the choices and the first report (later ones read afresh).
        self._choices = footprint.report_choices()
        self._opening_data: AllData | None = self._choices.data
        self.setWindowTitle("Supervision report — Footprint")
        self._build_controls()
        self._build_layout()
        self._refresh()
        fit_to_screen(self, QSize(820, 760))

    # -- building ----------------------------------------------------------------------------
    def _build_controls(self) -> None:
        self._intro = QLabel(
            "This is what leaves your computer. Read it through before you print or save it."
        )
        self._intro.setWordWrap(True)
        self._covers = QComboBox()
        self._covers.setObjectName("covers")
        self._covers.setAccessibleName("What to report")
        self._covers.addItem("The current state of all my platforms", None)
        for run in self._choices.completed:
            finished = short_date(run.completed_at)
            self._covers.addItem(f"One audit: number {run.id}, finished {finished}", run.id)
        if self._run_id is not None:
            self._covers.setCurrentIndex(max(self._covers.findData(self._run_id), 0))
        self._since = QComboBox()
        self._since.setObjectName("since")
        self._since.setAccessibleName("Show what slid back since")
        previous = self._choices.previous_report
        if previous is not None:
            self._since.addItem(f"my previous report ({short_date(previous)})", None)
        for label, days in SINCE_CHOICES:
            self._since.addItem(label, days)
        if previous is None:  # as the report says by default: about three months
            self._since.setCurrentIndex(self._since.findData(91))
        self._paper = QComboBox()
        for paper in Paper:
            self._paper.addItem(paper.label, paper.value)
        self._paper.setObjectName("paper_size")
        self._paper.setAccessibleName("Paper size")
        self._notes = QCheckBox("Include my &notes")
        self._notes.setObjectName("include_notes")
        self._notes.setAccessibleName("Include my notes")
        self._notes.setToolTip("Your notes on items appear in the report only when this is ticked.")
        self._steps = QCheckBox("Add the step-by-step &fixes")
        self._steps.setObjectName("include_steps")
        self._steps.setAccessibleName("Add the step-by-step fixes")
        self._steps.setToolTip("An appendix with how to fix each outstanding item.")
        for combo in (self._covers, self._since):
            combo.currentIndexChanged.connect(self._refresh)
        for box in (self._notes, self._steps):
            box.toggled.connect(self._refresh)
        self._preview = QTextBrowser()
        self._preview.setObjectName("report_preview")
        self._preview.setAccessibleName("Report preview")
        self._preview.setOpenLinks(False)  # the report has no links; never go anywhere
        paper_look(self._preview)
        self._status = QLabel()
        self._status.setObjectName("report_status")
        self._status.setTextFormat(Qt.TextFormat.PlainText)  # it quotes the file name chosen
        self._status.setWordWrap(True)
        self._status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self._print = self._add_button("print", "&Print…", "Print the report", self._print_report)
        self._save = self._add_button(
            "save_pdf", "&Save as PDF…", "Save the report as a PDF", self._save_pdf
        )
        close = self._buttons.button(QDialogButtonBox.StandardButton.Close)
        for button in (self._print, close):
            button.setAutoDefault(False)  # Return saves the PDF, whatever has the focus
        self._save.setDefault(True)
        self._buttons.rejected.connect(self.reject)

    def _add_button(
        self, name: str, text: str, accessible: str, slot: Callable[[], None]
    ) -> QPushButton:
        button = self._buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setObjectName(name)
        # The name is the visible words (WCAG 2.5.3, speech users say what they see); the
        # longer phrase is its description.
        button.setAccessibleName(text.replace("&", ""))
        button.setAccessibleDescription(accessible)
        button.clicked.connect(slot)
        return button

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow(_buddy("&What to report:", self._covers), self._covers)
        form.addRow(_buddy("Show what slid back si&nce:", self._since), self._since)
        form.addRow(_buddy("Paper si&ze:", self._paper), self._paper)
        boxes = QHBoxLayout()
        boxes.addWidget(self._notes)
        boxes.addWidget(self._steps)
        boxes.addStretch(1)
        form.addRow("", boxes)
        layout = QVBoxLayout(self)
        layout.addWidget(self._intro)
        layout.addLayout(form)
        layout.addWidget(self._preview, 1)
        layout.addWidget(self._status)
        layout.addWidget(self._buttons)
        order = (self._covers, self._since, self._paper, self._notes, self._steps, self._preview,
                 self._print, self._save)  # fmt: skip
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- the report --------------------------------------------------------------------------
    def scope(self) -> ReportScope:
        """What the controls ask for."""
        run_id = self._covers.currentData()
        days = self._since.currentData()
        since = None
        if run_id is None and days is not None:
            since = self._footprint.clock.now() - timedelta(days=days)
        return ReportScope(
            run_id=run_id,
            since=since,
            include_notes=self._notes.isChecked(),
            include_steps=self._steps.isChecked(),
        )

    def _refresh(self) -> None:
        """Rebuild the report from the stored audits and show it."""
        self._since.setEnabled(self._covers.currentData() is None)
        try:
            data, self._opening_data = self._opening_data, None
            self._report = self._footprint.report(self.scope(), data)
        except ReportError as error:
            self._report, self._document = None, None
            self._preview.setPlainText(str(error))
        else:
            self._document = render_report(self._report)
            self._preview.setHtml(self._document.html)
        for button in (self._print, self._save):
            button.setEnabled(self._document is not None)

    @property
    def paper(self) -> Paper:
        """The paper size chosen."""
        return Paper(self._paper.currentData())

    def default_file_name(self) -> str:
        """`footprint-report-YYYY-MM-DD.pdf` (or `…-audit-N-…`): no character any system
        forbids in a file name."""
        assert self._report is not None
        day = f"{self._report.created_at.astimezone():%Y-%m-%d}"
        if self._report.run_id is not None:
            return f"footprint-audit-{self._report.run_id}-{day}.pdf"
        return f"footprint-report-{day}.pdf"

    # -- saving ------------------------------------------------------------------------------
    def _save_pdf(self) -> None:
        if self._document is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder or Path.home()) / self.default_file_name())
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Save the report as PDF", suggested, "PDF files (*.pdf)"
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self._start_save(self._document, path, self.paper)

    def _start_save(self, document: ReportDocument, path: Path, paper: Paper) -> None:
        self._set_busy(True, f"Saving {path.name}…")
        job = Job(
            lambda _context: write_pdf(document, path, paper),
            name="save report",
            explain=lambda error: _save_problem(path, error),
        )
        # Bound methods only: if the dialog closes first, Qt drops these connections with it,
        # and the PDF (written atomically) is still finished by the job.
        job.finished.connect(self._saved)
        job.failed.connect(self._save_failed)
        job.ended.connect(self._save_ended)
        self._saving_path = path
        self._saving = self._jobs.start(job)

    def _saved(self, pages: int) -> None:
        path = str(self._saving_path)
        if self._report is not None:
            self._footprint.record_report(self._report)
        self._set_busy(False, f"Saved to {path} ({pages} page{'' if pages == 1 else 's'}).")
        self.saved.emit(path)

    def _save_failed(self, message: str) -> None:
        self._set_busy(False, "The report was not saved.")
        self.save_failed.emit(message)
        QMessageBox.warning(self, "Report not saved", message)

    def _save_ended(self) -> None:
        self._saving = None

    def _set_busy(self, busy: bool, status: str) -> None:
        show_status(self._status, status)
        for button in (self._print, self._save):
            button.setEnabled(not busy and self._document is not None)

    # -- printing ----------------------------------------------------------------------------
    def _print_report(self) -> None:
        if self._document is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(self.paper))
        printer.setDocName(self.default_file_name().removesuffix(".pdf"))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("Print the supervision report")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        # On the UI thread: the printer belongs to it and hands the pages to the system's
        # spooler, which does the slow part.
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pages = print_report(self._document, printer)
        except OSError as error:
            QMessageBox.warning(
                self, "Report not printed", f"The report could not be printed: {error}."
            )
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        if self._report is not None:
            self._footprint.record_report(self._report)
        self._status.setText(f"Sent {pages} page{'' if pages == 1 else 's'} to the printer.")


def _save_problem(path: Path, error: BaseException) -> str | None:
    """The sentence for a PDF that could not be written, or None for a bug."""
    if not isinstance(error, OSError):
        return None
    reason = error.strerror or str(error)
    return (
        f"The report could not be saved to {path}: {reason}.\n\n"
        "Choose another folder, or check there is space on the disk, and try again."
    )


SINCE_CHOICES = (
    ("the last month", 31),
    ("the last 3 months", 91),
    ("the last 6 months", 183),
    ("the last 12 months", 365),
)


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def paper_look(view: QTextBrowser) -> None:
    """Show the report as it prints, dark text on white paper, whatever the desktop's theme:
    the report's own colours are chosen for paper."""
    palette = view.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Base, QColor("#ffffff"))
        palette.setColor(group, QPalette.ColorRole.Text, QColor("#111111"))
    view.setPalette(palette)
