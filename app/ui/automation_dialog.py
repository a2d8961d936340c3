"""Read my settings automatically: choose platforms, watch progress, confirm what was read.

The browser runs in a background job (app.ui.jobs) for one read at a time; this dialog only
shows the events it sends. Nothing is saved until the worker presses "Use these answers".
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.audit.session import AuditSession
from app.automation.browsers import find_browser, missing_message
from app.automation.config import AutomationConfig, readable_items
from app.automation.reading import (
    ItemRead,
    ItemStarted,
    PlatformFinished,
    PlatformStarted,
    ReadCancelled,
    ReadRequest,
    Waiting,
    read_settings,
)
from app.automation.results import ReadResult, platform_problem, record_results, save_private
from app.checklists.model import CheckItem, Platform
from app.footprint import Footprint
from app.ui.jobs import Job, JobCancelled, JobContext, JobRunner, Work
from app.ui.layouts import STRETCH, widget_row
from app.ui.screen import fit_to_screen

BROWSER_PATH_KEY = "automation/browser_path"  # set by "Choose browser…" (or Settings)
INTRO = (
    "<p>Footprint opens {browser} and reads each setting from your own account. It only "
    "reads: it never changes a setting. If a platform asks you to sign in, do it in the "
    "browser window as usual (two-step verification works as normal); Footprint carries on "
    "by itself. You confirm every answer before it is saved.</p>"
)
COLUMNS = ("Use", "Platform", "Setting", "Value seen", "Suggested answer", "Status", "")


def browser_path() -> str | None:
    """The browser program chosen in Settings, or None to use an installed one."""
    value = QSettings().value(BROWSER_PATH_KEY, "")
    return str(value) if value else None


@dataclass
class _PlatformRow:
    """The progress line of one platform."""

    name: QLabel
    bar: QProgressBar
    status: QLabel
    again: QPushButton


class AutomationDialog(QDialog):
    """Reads the audit's platforms with a real browser and pre-fills their answers.

    Signals:
        answers_confirmed(list[ReadResult]): the reads the worker chose to use. When the
            dialog was given a session they are already recorded in it (source automation,
            the value seen, note "read automatically at HH:MM").
        run_finished(bool): a read (or "Check again") ended; True when it was cancelled.
    """

    answers_confirmed = Signal(list)
    run_finished = Signal(bool)

    def __init__(
        self,
        *,
        footprint: Footprint,
        jobs: JobRunner,
        session: AuditSession | None = None,
        parent: QWidget | None = None,
        config: AutomationConfig | None = None,
    ) -> None:
        super().__init__(parent)
        self._footprint = footprint
        self._session = session
        self._config = config
        self._jobs = jobs
        self._job: Job | None = None
        self._results: dict[tuple[str, str], ReadResult] = {}
        self._unchecked: set[tuple[str, str]] = set()
        platforms = session.platforms if session else footprint.catalogue.platforms
        self._platforms = tuple(p for p in platforms if readable_items(p))
        self._manual = tuple(p for p in platforms if not readable_items(p))
        self.setWindowTitle("Read my settings automatically")
        fit_to_screen(self, QSize(920, 640))
        self._build()
        self._refresh_browser()

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.intro = _label("intro")
        self.browser_notice = _label("browser-notice")
        self.choose_browser_button = QPushButton("C&hoose browser…")
        self.choose_browser_button.clicked.connect(self._choose_browser)
        self.sign_in_button = QPushButton("Sign-in &details…")
        self.sign_in_button.clicked.connect(self._open_sign_in_details)
        self.platform_boxes = {p.id: self._platform_box(p) for p in self._platforms}
        self.start_button = QPushButton("&Read my settings")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.stop_button = QPushButton("&Stop reading")
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.cancel)
        self.waiting_label = _label("waiting")
        self.waiting_label.hide()
        self.rows = {p.id: self._progress_row(p) for p in self._platforms}
        self.table = self._results_table()
        self.use_button = QPushButton("&Use these answers")
        self.use_button.setEnabled(False)
        self.use_button.clicked.connect(self.use_answers)
        self.close_button = QPushButton("Close")
        self.close_button.clicked.connect(self.reject)
        # A failed read's record (the page, what was looked for, a picture of the page):
        # for the worker to look at, kept in memory only and dropped when this closes.
        self.seen_button = QPushButton("What Footprint sa&w…")
        self.seen_button.setEnabled(False)
        self.seen_button.clicked.connect(self.show_what_was_seen)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._lay_out()

    def _platform_box(self, platform: Platform) -> QCheckBox:
        count = len(readable_items(platform))
        box = QCheckBox(f"{platform.name}: {count} of {len(platform.items)} settings")
        box.setChecked(True)
        box.toggled.connect(self._update_buttons)
        return box

    def _progress_row(self, platform: Platform) -> _PlatformRow:
        bar = QProgressBar()
        bar.setAccessibleName(f"{platform.name} progress")
        bar.setMaximum(len(readable_items(platform)))
        bar.setFormat("%v of %m read")
        bar.setValue(0)
        again = QPushButton(f"Check {platform.name} again")
        again.setEnabled(False)
        again.clicked.connect(lambda: self.check_again(platform.id))
        status = _label(f"status-{platform.id}")
        status.setText("Not read yet")
        return _PlatformRow(QLabel(platform.name), bar, status, again)

    def _results_table(self) -> QTableWidget:
        table = QTableWidget(0, len(COLUMNS))
        table.setHorizontalHeaderLabels(COLUMNS)
        table.setAccessibleName("What Footprint read")
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        table.itemChanged.connect(self._use_box_changed)
        return table

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.browser_notice)
        layout.addLayout(widget_row(self.choose_browser_button, self.sign_in_button, STRETCH))
        chooser = QGroupBox("Platforms to read")
        chooser_layout = QVBoxLayout(chooser)
        for box in self.platform_boxes.values():
            chooser_layout.addWidget(box)
        manual = ", ".join(p.name for p in self._manual)
        if manual:
            chooser_layout.addWidget(QLabel(f"Answered by hand: {manual}."))
        if not self._platforms:
            chooser_layout.addWidget(QLabel("None of these platforms can be read automatically."))
        layout.addWidget(chooser)
        layout.addLayout(widget_row(self.start_button, self.stop_button, STRETCH))
        layout.addWidget(self.waiting_label)
        progress = QGridLayout()
        for index, row in enumerate(self.rows.values()):
            for column, widget in enumerate((row.name, row.bar, row.status, row.again)):
                progress.addWidget(widget, index, column)
        progress.setColumnStretch(2, 1)
        layout.addLayout(progress)
        layout.addWidget(self.table, 1)
        buttons = (self.seen_button, self.use_button, self.close_button)
        layout.addLayout(widget_row(STRETCH, *buttons))

    # -- browser ----------------------------------------------------------------------------
    def _refresh_browser(self) -> None:
        if self._config is None:
            browser = find_browser(browser_path())
            if browser is not None:
                self._config = AutomationConfig(
                    browser, self._footprint.home.browser_profiles, clock=self._footprint.clock
                )
        found = self._config is not None
        name = self._config.browser.name if self._config else "your browser"
        self.intro.setText(INTRO.format(browser=escape(name)))
        notice = self._config.browser.describe() if self._config else None
        self.browser_notice.setText(escape(notice or missing_message(browser_path())))
        self.browser_notice.setProperty("missing", not found)
        self._update_buttons()

    def _choose_browser(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Choose Chrome, Edge or Chromium")
        if path:
            QSettings().setValue(BROWSER_PATH_KEY, path)
            self._config = None
            self._refresh_browser()

    def _open_sign_in_details(self) -> None:
        from app.ui.credentials_dialog import CredentialsDialog

        dialog = CredentialsDialog(
            footprint=self._footprint,
            jobs=self._jobs,
            parent=self,
            can_forget_sign_in=lambda: self._job is None,
        )
        dialog.exec()
        dialog.deleteLater()

    @property
    def is_reading(self) -> bool:
        """Whether a read is running."""
        return self._job is not None

    def selected_platforms(self) -> list[Platform]:
        """The platforms ticked to be read, in the audit's order."""
        return [p for p in self._platforms if self.platform_boxes[p.id].isChecked()]

    def start(self) -> None:
        """Read every chosen platform, one after another."""
        platforms = self.selected_platforms()
        if platforms and not self.is_reading:
            self._run([ReadRequest(p) for p in platforms])

    def check_again(self, platform_id: str, item_id: str | None = None) -> None:
        """Read one item, or a whole platform, again (after the worker changed a setting)."""
        platform = next(p for p in self._platforms if p.id == platform_id)
        if not self.is_reading:
            self._run([ReadRequest(platform, (item_id,) if item_id else None)])

    def cancel(self) -> None:
        """Stop reading; what was read so far stays in the table."""
        if self._job is not None:
            self._job.cancel()
            self.stop_button.setEnabled(False)
            self.waiting_label.setText("Stopping…")
            self.waiting_label.show()

    def _run(self, requests: list[ReadRequest]) -> None:
        config = self._config
        if config is None or self._job is not None:
            return
        job = Job(_reading(config, requests), name="read settings", explain=_explain)
        # Bound methods only: if the dialog closes mid-read, Qt drops these connections with
        # it and the job, cancelled, closes its browser on its own thread.
        job.sent.connect(self._event)
        job.failed.connect(self._browser_failed)
        job.finished.connect(self._run_completed)
        job.cancelled.connect(self._run_cancelled)
        self._job = self._jobs.start(job)
        self._update_buttons()

    def _event(self, event: object) -> None:
        if isinstance(event, PlatformStarted):
            self._platform_started(event.platform_id, event.total)
        elif isinstance(event, Waiting):
            self._waiting(event.platform_id, event.message)
        elif isinstance(event, ItemStarted):
            self._item_started(event.platform_id, event.item_id, event.index, event.total)
        elif isinstance(event, ItemRead):
            self._item_read(event.result)
        elif isinstance(event, PlatformFinished):
            self._platform_finished(event.platform_id, event.problem)

    def _run_completed(self, _result: object) -> None:
        self._run_finished(cancelled=False)

    def _run_cancelled(self) -> None:
        self._run_finished(cancelled=True)

    # -- worker signals ---------------------------------------------------------------------
    def _platform_started(self, platform_id: str, total: int) -> None:
        row = self.rows[platform_id]
        row.bar.setMaximum(max(total, 1))
        row.bar.setValue(0)
        row.status.setText("Opening the browser…")

    def _waiting(self, platform_id: str, message: str) -> None:
        minutes = self._config.timeouts.sign_in / 60 if self._config else 5
        self.rows[platform_id].status.setText("Waiting for you to sign in")
        self.waiting_label.setText(
            f"<b>{escape(message)}</b> Footprint waits up to {minutes:g} minutes; "
            "press Stop reading to give up."
        )
        self.waiting_label.show()

    def _item_started(self, platform_id: str, item_id: str, index: int, total: int) -> None:
        self.waiting_label.hide()
        title = self._platform(platform_id).item(item_id).name
        self.rows[platform_id].status.setText(f"Reading {index + 1} of {total}: {title}")

    def _item_read(self, result: ReadResult) -> None:
        self._results[result.key] = result
        # The bar counts settings actually read: a failed read never fills it.
        if result.ok:
            bar = self.rows[result.platform_id].bar
            bar.setValue(min(bar.value() + 1, bar.maximum()))
        self._show_results()

    def _platform_finished(self, platform_id: str, _message: str) -> None:
        # Judged on everything read for the platform, not only this pass (a "Check again").
        results = [r for r in self._results.values() if r.platform_id == platform_id]
        problem = platform_problem(results)
        read = sum(r.ok for r in results)
        self.rows[platform_id].status.setText(
            "Nothing could be read (the reason is below)"
            if problem
            else f"Done: {read} read, {len(results) - read} to check by hand"
        )

    def _run_finished(self, cancelled: bool) -> None:
        self._job = None
        if cancelled:
            self.waiting_label.setText("Stopped. What was read so far is kept below.")
            for row in self.rows.values():
                if row.status.text().startswith(("Reading", "Opening", "Waiting")):
                    row.status.setText("Stopped")
        else:
            self.waiting_label.hide()
        self._update_buttons()
        self.run_finished.emit(cancelled)

    def _browser_failed(self, message: str) -> None:
        self._run_finished(cancelled=False)
        self.waiting_label.setText(escape(message))
        self.waiting_label.show()

    # -- results ----------------------------------------------------------------------------
    def results(self) -> list[ReadResult]:
        """Every result so far, in the audit's order."""
        order = {(p.id, i.id): n for n, (p, i) in enumerate(self._all_items())}
        return sorted(self._results.values(), key=lambda r: order.get(r.key, 0))

    def chosen_results(self) -> list[ReadResult]:
        """The results that read a value and were left ticked: the answers to save."""
        return [r for r in self.results() if r.ok and r.key not in self._unchecked]

    def _all_items(self) -> list[tuple[Platform, CheckItem]]:
        return [(p, i) for p in self._platforms for i in p.items]

    def _show_results(self) -> None:
        table = self.table
        table.blockSignals(True)
        table.setRowCount(0)
        for platform in self._platforms:
            results = [r for r in self.results() if r.platform_id == platform.id]
            if problem := platform_problem(results):
                self._add_platform_row(platform, problem)
            else:
                for result in results:
                    self._add_result_row(platform, result)
        table.blockSignals(False)
        table.resizeRowsToContents()
        self._update_buttons()

    def _add_result_row(self, platform: Platform, result: ReadResult) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        use = QTableWidgetItem()
        use.setData(Qt.ItemDataRole.UserRole, result.key)
        if result.ok:
            use.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            checked = result.key not in self._unchecked
            use.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        else:
            use.setFlags(Qt.ItemFlag.NoItemFlags)
        suggested = result.suggested.label if result.suggested else "Check by hand"
        title = platform.item(result.item_id).name
        texts = (platform.name, title, result.observed or "—", suggested, result.describe())
        self.table.setItem(row, 0, use)
        for column, text in enumerate(texts, start=1):
            self.table.setItem(row, column, QTableWidgetItem(text))
        again = QPushButton("Check again")
        again.setAccessibleName(f"Check again: {platform.item(result.item_id).name}")
        again.setEnabled(not self.is_reading)
        again.clicked.connect(lambda: self.check_again(result.platform_id, result.item_id))
        self.table.setCellWidget(row, 6, again)

    def _add_platform_row(self, platform: Platform, problem: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(platform.name)
        name.setData(Qt.ItemDataRole.UserRole, platform.id)
        self.table.setItem(row, 1, name)
        self.table.setItem(row, 2, QTableWidgetItem(problem))
        self.table.setSpan(row, 2, 1, 4)

    def _use_box_changed(self, item: QTableWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        if item.column() != 0 or key is None:
            return
        key = tuple(key)
        if item.checkState() == Qt.CheckState.Checked:
            self._unchecked.discard(key)
        else:
            self._unchecked.add(key)
        self._update_buttons()

    def use_answers(self) -> None:
        """Record the chosen reads in the audit and hand them back."""
        chosen = self.chosen_results()
        if not chosen or self.is_reading:
            return
        if self._session is not None:
            record_results(self._session, chosen)
        self.answers_confirmed.emit(chosen)
        self.accept()

    # -- state ------------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        idle = not self.is_reading
        can_read = self._config is not None and bool(self.selected_platforms())
        self.start_button.setEnabled(idle and can_read)
        self.stop_button.setEnabled(self.is_reading)
        self.use_button.setEnabled(idle and bool(self.chosen_results()))
        self.seen_button.setEnabled(self.selected_failure() is not None)
        for box in self.platform_boxes.values():
            box.setEnabled(idle)
        for platform_id, platform_row in self.rows.items():
            done = any(r.platform_id == platform_id for r in self._results.values())
            platform_row.again.setEnabled(idle and done)
        for table_row in range(self.table.rowCount()):
            if (button := self.table.cellWidget(table_row, 6)) is not None:
                button.setEnabled(idle)

    def _platform(self, platform_id: str) -> Platform:
        return next(p for p in self._platforms if p.id == platform_id)

    def selected_failure(self) -> ReadResult | None:
        """The failed read the selected row shows (for a platform's row, its first one), if
        Footprint kept a record of where it looked."""
        row = self.table.currentRow()
        use, name = self.table.item(row, 0), self.table.item(row, 1)
        if use is not None and use.data(Qt.ItemDataRole.UserRole) is not None:
            found = [self._results.get(tuple(use.data(Qt.ItemDataRole.UserRole)))]
        elif name is not None and name.data(Qt.ItemDataRole.UserRole):
            platform_id = name.data(Qt.ItemDataRole.UserRole)
            found = [r for r in self.results() if r.platform_id == platform_id]
        else:
            return None
        return next((r for r in found if r is not None and not r.ok and r.where), None)

    def show_what_was_seen(self) -> None:
        """Show where Footprint looked for the selected failed read, with a picture to save."""
        result = self.selected_failure()
        if result is None or result.where is None:
            return
        box = QMessageBox(self)
        box.setWindowTitle("What Footprint saw")
        box.setTextFormat(Qt.TextFormat.PlainText)  # the page's address and words, as text
        box.setText(f"{result.describe()}\n\n{result.where.describe()}")
        picture = result.where.screenshot
        save = None
        if picture:
            pixmap = QPixmap()
            pixmap.loadFromData(picture)
            box.setIconPixmap(pixmap.scaledToWidth(480, Qt.TransformationMode.SmoothTransformation))
            save = box.addButton("Save the picture…", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if picture and save is not None and box.clickedButton() is save:
            path, _ = QFileDialog.getSaveFileName(
                self, "Save the picture", "footprint-page.jpg", "JPEG pictures (*.jpg)"
            )
            if path:
                save_private(Path(path), picture)

    def done(self, result: int) -> None:
        """Closing stops a read in progress (the job closes its browser on its own thread,
        so the window goes at once) and drops the pictures of pages kept for "What Footprint
        saw…"."""
        if self._job is not None:
            self._job.cancel()
            self._job = None
        self._results = {key: r.without_screenshot() for key, r in self._results.items()}
        super().done(result)


def _label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


def _reading(config: AutomationConfig, requests: list[ReadRequest]) -> Work:
    """The job's work: one browser engine for this read, on the job's thread."""

    def work(context: JobContext) -> None:
        try:
            read_settings(config, requests, send=context.send, cancelled=context.cancelled)
        except ReadCancelled:
            raise JobCancelled from None

    return work


def _explain(error: BaseException) -> str | None:
    """A browser that would not start is the worker's to know about; anything else is ours."""
    from app.automation.engine import BrowserUnavailable

    return str(error) if isinstance(error, BrowserUnavailable) else None
