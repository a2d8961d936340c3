"""Import a data export: how to request it, choose it, watch it read, see what it found.

Reading runs as a job (archives can be large) with a progress bar and Cancel. The summary then
says what was read, what was not understood (by file) and what to check by hand; settings the
export answers are proposed, and saved (in one transaction, with the counts) only when the
worker presses "Use these answers". Names are shown only in the review.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.audit.records import RemovalCheck
from app.footprint import Footprint
from app.footprint.download_values import (
    IMPORT_CANCELLED,
    READERS,
    ExportFindings,
    ExportRead,
    ImportOutcome,
    ImportPreview,
    answer_line,
    import_summary,
    shown_name,
)
from app.ui.connection_review_dialog import ConnectionReviewDialog
from app.ui.export_widgets import ReviewsAwaitingRemoval, request_steps_html, summary_html
from app.ui.jobs import Job, JobRunner
from app.ui.links import UrlOpener, open_in_browser
from app.ui.screen import fit_to_screen
from app.ui.theme import tone

log = logging.getLogger(__name__)
FileChooser = Callable[[QWidget, bool], Path | None]  # (parent, folder?) → path or None
INTRO = (
    "Every platform lets you download a copy of your data. Footprint reads it here on this "
    "computer, without signing in and without sending anything anywhere, to check settings the "
    "export records and to go through your friends and followers with you."
)


def choose_with_dialog(parent: QWidget, folder: bool) -> Path | None:
    """Ask for an export's ZIP file (or, if `folder`, its unpacked folder); None if cancelled."""
    if folder:
        chosen = QFileDialog.getExistingDirectory(parent, "Choose the unpacked export folder")
    else:
        chosen, _ = QFileDialog.getOpenFileName(
            parent, "Choose the export's ZIP file", "", "ZIP files (*.zip *.ZIP);;All files (*)"
        )
    return Path(chosen) if chosen else None


class ExportImportDialog(QDialog):
    """Chooses, reads and saves a data export; offers the friend-list review afterwards.

    Signals:
        ready(): The export was read; its summary (and any answers to confirm) is showing.
        imported(int): The findings were saved; the import's id.
        failed(str): Nothing was imported; the sentence shown to the worker.
        review_saved(int): A friend-list review of this export was saved; the review's id.
        removal_confirmed(int): The worker confirmed by hand that everyone marked in an
            earlier review is removed; the review's id.
    """

    ready = Signal()
    imported = Signal(int)
    failed = Signal(str)
    review_saved = Signal(int)
    removal_confirmed = Signal(int)

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
        self._read: ExportRead | None = None
        self.preview: ImportPreview | None = None
        self.outcome: ImportOutcome | None = None
        self.review_dialog: ConnectionReviewDialog | None = None
        self.setWindowTitle("Import a data export — Footprint")
        self._pages = QStackedWidget()
        for page in (self._choose_page(), self._reading_page(), self._result_page()):
            self._pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.addWidget(self._pages)
        self._show_request_steps()
        fit_to_screen(self, QSize(640, 560))

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
        self.by_hand = ReviewsAwaitingRemoval(self._footprint)
        self.by_hand.removal_confirmed.connect(self.removal_confirmed)
        layout.addWidget(self.by_hand)
        layout.addLayout(buttons)
        return page

    def _refresh_by_hand(self) -> None:
        self.by_hand.refresh()

    def confirm_removed(self, review_id: int) -> None:
        """The worker confirms everyone marked in an earlier review is removed."""
        self.by_hand.confirm(review_id)

    def _show_request_steps(self) -> None:
        self.request_steps.setHtml(request_steps_html(self.platform.currentData()))

    def _choose(self, *, folder: bool) -> None:
        path = self._choose_path(self, folder)
        if path is not None:
            self.start_import(path)

    # -- page 2: reading ---------------------------------------------------------------------
    def _reading_page(self) -> QWidget:
        self.reading_label = QLabel()
        self.reading_label.setTextFormat(Qt.TextFormat.PlainText)  # a file name from outside
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
        self.reading_label.setText(f"Reading {shown_name(path.name)}… Only the files with "
                                   "settings and friend lists are read.")  # fmt: skip
        self.progress.setValue(0)
        self.cancel_button.setEnabled(True)
        self._pages.setCurrentIndex(1)
        job = Job.of(self._footprint.read_export(path, self.platform.currentData()))
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

    def _read_finished(self, read: ExportRead) -> None:
        self._read, self._findings, self.outcome = read, read.findings, None
        self.preview = self._footprint.preview_import(read)
        self._show_preview(self.preview)
        self.ready.emit()
        if not self.preview.answers:
            self.use_answers()  # only counts to save: nothing for the worker to confirm

    def _read_cancelled(self) -> None:
        self._show_problem(IMPORT_CANCELLED, cancelled=True)

    def _read_failed(self, message: str) -> None:
        self._show_problem(message, cancelled=False)

    def _show_problem(self, message: str, *, cancelled: bool) -> None:
        self._findings, self._read, self.preview, self.outcome = None, None, None, None
        colour = tone("warn" if cancelled else "bad").name()
        self.findings_view.setHtml(f'<p style="color:{colour}">{html.escape(message)}</p>')
        self.review_button.hide()
        self.answers.hide()
        self.use_button.hide()
        self._pages.setCurrentIndex(2)
        self.failed.emit(message)

    # -- page 3: what was found --------------------------------------------------------------
    def _result_page(self) -> QWidget:
        self.findings_view = QTextBrowser()
        self.findings_view.setObjectName("findings")
        self.findings_view.setAccessibleName("What the export showed")
        self.findings_view.setOpenLinks(False)
        self.answers = QListWidget()
        self.answers.setObjectName("answers")
        self.answers.setAccessibleName("Answers from the export: untick any you do not want saved")
        self.answers.itemChanged.connect(lambda _item: self._update_use_button())
        self.use_button = QPushButton("&Use these answers")
        self.use_button.setObjectName("use_answers")
        self.use_button.clicked.connect(self.use_answers)
        self.review_button = QPushButton("&Review friends and followers…")
        self.review_button.setObjectName("review")
        self.review_button.clicked.connect(self.open_review)
        another = QPushButton("Import &another…")
        another.setObjectName("another")
        another.clicked.connect(lambda: self._pages.setCurrentIndex(0))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.use_button)
        row.addWidget(self.review_button)
        row.addWidget(another)
        row.addStretch(1)
        row.addWidget(close)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.findings_view, 3)
        layout.addWidget(self.answers, 1)
        layout.addLayout(row)
        return page

    def _show_preview(self, preview: ImportPreview) -> None:
        """The summary, and the answers to confirm (each ticked; untick to leave it out)."""
        assert self._read is not None
        self.findings_view.setHtml(summary_html(import_summary(preview, *self._checks())))
        self.answers.clear()
        for answer in preview.answers:
            item = QListWidgetItem(answer_line(answer))
            item.setData(Qt.ItemDataRole.UserRole, answer.item_id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.answers.addItem(item)
        self.answers.setVisible(bool(preview.answers))
        self.answers.setEnabled(True)
        self.use_button.setVisible(bool(preview.answers))
        self._update_use_button()
        self.review_button.setVisible(bool(preview.findings.connections))
        (self.use_button if preview.answers else self.review_button).setDefault(True)
        self._pages.setCurrentIndex(2)

    def _checks(self) -> tuple[tuple[RemovalCheck, ...], tuple[str, ...]]:
        read = self._read
        return (read.checks, read.check_notes) if read is not None else ((), ())

    def chosen_answers(self) -> set[str]:
        """The item ids of the answers still ticked."""
        return {
            self.answers.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.answers.count())
            if self.answers.item(row).checkState() == Qt.CheckState.Checked
        }

    def _update_use_button(self) -> None:
        none = not self.chosen_answers()
        self.use_button.setText("&Save without these answers" if none else "&Use these answers")

    def use_answers(self) -> None:
        """Save the ticked answers with the export's counts, then show what was saved."""
        if self._read is None or self.outcome is not None:
            return
        self.outcome = self._footprint.save_import(self._read, self.chosen_answers())
        sections = import_summary(self.outcome.preview, *self._checks(), outcome=self.outcome)
        self.findings_view.setHtml(summary_html(sections))
        self.answers.setEnabled(False)
        self.use_button.hide()
        self.review_button.setDefault(True)
        self._refresh_by_hand()
        self.imported.emit(self.outcome.import_id)

    def open_review(self) -> None:
        """Open the friend-list review of the people in this export."""
        if self._findings is None:
            return
        self.review_dialog = ConnectionReviewDialog(
            footprint=self._footprint,
            jobs=self._jobs,
            findings=self._findings,
            open_url=self._open_url,
            parent=self,
        )
        self.review_dialog.saved.connect(self.review_saved)
        self.review_dialog.open()

    def done(self, result: int) -> None:
        """Closing cancels a read in progress (the job's results then go nowhere: its
        connections end with this window) and lets go of every name."""
        self.cancel()
        self._findings, self._read, self.preview, self.outcome = None, None, None, None
        self.answers.clear()
        if self.review_dialog is not None:
            self.review_dialog.forget_names()
            self.review_dialog = None
        super().done(result)
