"""Import a data export: how to request it, choose it, watch it read, see what it found.

Reading runs on a worker thread (archives can be large) with a progress bar and Cancel; the
findings are saved on the GUI thread in one transaction. Names are shown only in the review.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.audit.records import PendingReview, RemovalCheck
from app.exports.archive import Monitor
from app.exports.detect import READERS
from app.exports.errors import ExportError, ImportCancelled
from app.exports.findings import ExportFindings
from app.exports.recording import ImportOutcome
from app.exports.request_steps import request_for
from app.exports.summary import connection_line, other_lines, removal_lines
from app.footprint import Footprint
from app.services.exports import read_export_and_checks
from app.ui.connection_review_dialog import ConnectionReviewDialog
from app.ui.jobs import Job, JobCancelled, JobContext, JobRunner
from app.ui.links import UrlOpener, open_in_browser
from app.ui.theme import tone

log = logging.getLogger(__name__)
FileChooser = Callable[[QWidget, bool], Path | None]  # (parent, folder?) → path or None
INTRO = (
    "Every platform lets you download a copy of your data. Footprint reads it here on this "
    "computer, without signing in and without sending anything anywhere, to check settings the "
    "export records and to go through your friends and followers with you."
)


def choose_with_dialog(parent: QWidget, folder: bool) -> Path | None:
    if folder:
        chosen = QFileDialog.getExistingDirectory(parent, "Choose the unpacked export folder")
    else:
        chosen, _ = QFileDialog.getOpenFileName(
            parent, "Choose the export's ZIP file", "", "ZIP files (*.zip *.ZIP);;All files (*)"
        )
    return Path(chosen) if chosen else None


def _read_export(
    path: Path, now: datetime, pending: list[PendingReview], expected: str | None
) -> Callable[[JobContext], tuple[ExportFindings, tuple[RemovalCheck, ...]]]:
    """The job's work: read the archive off the UI thread (no database, no widgets)."""

    def work(context: JobContext) -> tuple[ExportFindings, tuple[RemovalCheck, ...]]:
        monitor = Monitor(context.progress, context.cancelled)
        try:
            return read_export_and_checks(path, now, pending, expected=expected, monitor=monitor)
        except ImportCancelled:
            raise JobCancelled from None

    return work


def _explain(error: BaseException) -> str | None:
    """Archive problems are the worker's to know about, in the reader's own words."""
    return str(error) if isinstance(error, ExportError) else None


class ExportImportDialog(QDialog):
    """Chooses, reads and saves a data export; offers the friend-list review afterwards.

    Signals:
        imported(int): The findings were saved; the import's id.
        failed(str): Nothing was imported; the sentence shown to the worker.
        review_saved(int): A friend-list review of this export was saved; the review's id.
    """

    imported = Signal(int)
    failed = Signal(str)
    review_saved = Signal(int)

    def __init__(
        self,
        *,
        footprint: Footprint,
        jobs: JobRunner,
        parent: QWidget | None = None,
        choose_path: FileChooser = choose_with_dialog,
        open_url: UrlOpener = open_in_browser,
    ) -> None:
        super().__init__(parent)
        self._footprint = footprint
        self._choose_path = choose_path
        self._open_url = open_url
        self._jobs = jobs
        self._job: Job | None = None
        self._findings: ExportFindings | None = None
        self.outcome: ImportOutcome | None = None
        self.review_dialog: ConnectionReviewDialog | None = None
        self.setWindowTitle("Import a data export — Footprint")
        self._pages = QStackedWidget()
        for page in (self._choose_page(), self._reading_page(), self._result_page()):
            self._pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.addWidget(self._pages)
        self._show_request_steps()
        self.resize(640, 560)

    # -- page 1: how to get an export, and choosing it ---------------------------------------
    def _choose_page(self) -> QWidget:
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.platform = QComboBox()
        self.platform.setObjectName("platform")
        self.platform.setAccessibleName("Which platform the export is from")
        self.platform.addItem("Detect automatically", None)
        for reader in READERS:
            self.platform.addItem(reader.name, reader.platform_id)
        self.platform.currentIndexChanged.connect(lambda _i: self._show_request_steps())
        platform_label = QLabel("&Platform:")
        platform_label.setBuddy(self.platform)
        self.request_steps = QTextBrowser()
        self.request_steps.setObjectName("request_steps")
        self.request_steps.setAccessibleName("How to request your export")
        self.request_steps.setOpenLinks(False)
        self.request_steps.anchorClicked.connect(lambda url: self._open_url(url.toString()))
        self.choose_zip = QPushButton("Choose &ZIP file…")
        self.choose_zip.setObjectName("choose_zip")
        self.choose_zip.clicked.connect(lambda: self._choose(folder=False))
        self.choose_folder = QPushButton("Choose &folder…")
        self.choose_folder.setObjectName("choose_folder")
        self.choose_folder.setToolTip("If you already unpacked the ZIP, choose that folder")
        self.choose_folder.clicked.connect(lambda: self._choose(folder=True))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        for widget in (platform_label, self.platform):
            row.addWidget(widget)
        row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_zip)
        buttons.addWidget(self.choose_folder)
        buttons.addStretch(1)
        buttons.addWidget(close)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.request_steps, 1)
        layout.addLayout(buttons)
        return page

    def _show_request_steps(self) -> None:
        platform_id = self.platform.currentData()
        request = request_for(platform_id) if platform_id else None
        if request is None:
            self.request_steps.setHtml(
                "<p><b>How to get your export:</b> choose a platform above to see the steps. "
                "Footprint reads exports from X, Instagram, Facebook, LinkedIn, TikTok and "
                "Snapchat, and works out which one you chose.</p>"
            )
            return
        steps = "".join(f"<li>{html.escape(step)}</li>" for step in request.steps)
        link = html.escape(request.open_url, quote=True)
        self.request_steps.setHtml(
            f"<p><b>How to get your {html.escape(request.name)} export</b></p><ol>{steps}</ol>"
            f"<p><b>Format:</b> {html.escape(request.format_choice)}</p>"
            f"<p>{html.escape(request.wait)}</p>"
            f'<p><a href="{link}">Open {html.escape(request.name)}\'s download page</a></p>'
        )

    def _choose(self, *, folder: bool) -> None:
        path = self._choose_path(self, folder)
        if path is not None:
            self.start_import(path)

    # -- page 2: reading ---------------------------------------------------------------------
    def _reading_page(self) -> QWidget:
        self.reading_label = QLabel()
        self.reading_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setAccessibleName("Reading the export")
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton("&Cancel")
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.clicked.connect(self.cancel)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.reading_label)
        layout.addWidget(self.progress)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def start_import(self, path: Path) -> None:
        """Read `path` (a ZIP or folder) on a worker thread, then save and show the findings."""
        if self._job is not None:
            return
        self.reading_label.setText(f"Reading {html.escape(path.name)}… Only the files with "
                                   "settings and friend lists are read.")  # fmt: skip
        self.progress.setValue(0)
        self.cancel_button.setEnabled(True)
        self._pages.setCurrentIndex(1)
        footprint = self._footprint
        work = _read_export(
            path, footprint.clock.now(), footprint.pending_reviews(), self.platform.currentData()
        )
        job = Job(work, name="read export", explain=_explain)
        job.progressed.connect(self._progressed)
        job.finished.connect(self._read_finished)
        job.failed.connect(self._read_failed)
        job.cancelled.connect(self._read_cancelled)
        job.ended.connect(self._job_ended)
        self._job = self._jobs.start(job)

    def cancel(self) -> None:
        """Stop reading; nothing is imported."""
        if self._job is not None:
            self._job.cancel()
            self.cancel_button.setEnabled(False)
            self.reading_label.setText("Cancelling…")

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setValue(1000 if total <= 0 else done * 1000 // total)

    def _job_ended(self) -> None:
        self._job = None

    def _read_finished(self, result: tuple[ExportFindings, tuple[RemovalCheck, ...]]) -> None:
        findings, checks = result
        self._findings = findings
        self.outcome = self._footprint.save_import(findings, checks)
        self._show_outcome(self.outcome)
        self.imported.emit(self.outcome.import_id)

    def _read_cancelled(self) -> None:
        self._show_problem(str(ImportCancelled()), cancelled=True)

    def _read_failed(self, message: str) -> None:
        self._show_problem(message, cancelled=False)

    def _show_problem(self, message: str, *, cancelled: bool) -> None:
        self._findings, self.outcome = None, None
        colour = tone("warn" if cancelled else "bad").name()
        self.findings_view.setHtml(f'<p style="color:{colour}">{html.escape(message)}</p>')
        self.review_button.hide()
        self._pages.setCurrentIndex(2)
        self.failed.emit(message)

    # -- page 3: what was found --------------------------------------------------------------
    def _result_page(self) -> QWidget:
        self.findings_view = QTextBrowser()
        self.findings_view.setObjectName("findings")
        self.findings_view.setAccessibleName("What the export showed")
        self.findings_view.setOpenLinks(False)
        self.review_button = QPushButton("&Review friends and followers…")
        self.review_button.setObjectName("review")
        self.review_button.clicked.connect(self.open_review)
        another = QPushButton("Import &another…")
        another.setObjectName("another")
        another.clicked.connect(lambda: self._pages.setCurrentIndex(0))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.review_button)
        row.addWidget(another)
        row.addStretch(1)
        row.addWidget(close)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.findings_view, 1)
        layout.addLayout(row)
        return page

    def _show_outcome(self, outcome: ImportOutcome) -> None:
        self.findings_view.setHtml(outcome_html(outcome))
        self.review_button.setVisible(bool(outcome.findings.connections))
        self.review_button.setDefault(True)
        self._pages.setCurrentIndex(2)

    def open_review(self) -> None:
        if self._findings is None:
            return
        self.review_dialog = ConnectionReviewDialog(
            footprint=self._footprint, findings=self._findings, open_url=self._open_url, parent=self
        )
        self.review_dialog.saved.connect(self.review_saved)
        self.review_dialog.open()

    def done(self, result: int) -> None:
        """Closing cancels a read in progress (the job's results then go nowhere: its
        connections end with this window) and lets go of every name."""
        self.cancel()
        self._findings, self.outcome = None, None
        if self.review_dialog is not None:
            self.review_dialog.forget_names()
            self.review_dialog = None
        super().done(result)


def outcome_html(outcome: ImportOutcome) -> str:
    findings = outcome.findings
    e = html.escape
    parts = [
        f"<h3>{e(findings.platform_name)} export of {findings.export_date:%d %b %Y}</h3>",
        f"<p>Export date taken from {e(findings.export_date_source)}; format "
        f"{e(findings.format)}.</p>",
    ]
    if outcome.drift.has_drift:
        bad = tone("bad").name()
        parts += [
            f'<p style="color:{bad}"><b>Drift:</b> {e(s)}</p>' for s in outcome.drift.describe()
        ]
    if outcome.answered:
        rows = "".join(
            f"<li><b>{e(a.title)}</b>: {e(a.status.label)} ({e(a.observed)})</li>"
            for a in outcome.answered
        )
        parts.append(f"<p>Saved to your audit history from the export:</p><ul>{rows}</ul>")
    else:
        parts.append("<p>This export does not record any setting on the checklist.</p>")
    if findings.switches:
        rows = "".join(
            f"<li>{s.at:%d %b %Y}: {e(s.setting)}: {e(s.value)}</li>" for s in findings.switches
        )
        parts.append(f"<p>Switch history in the export:</p><ul>{rows}</ul>")
    parts.append(f"<p><b>Connections:</b> {e(connection_line(findings))}</p>")
    parts += [f"<p>{e(line)}</p>" for line in removal_lines(outcome) + other_lines(outcome)]
    return "".join(parts)
