"""Read my settings automatically: choose platforms, watch progress, confirm what was read.

The browser runs in a background job (app.ui.jobs) for one read at a time; this dialog only
shows the events it sends. Nothing is saved until the worker presses "Use these answers".
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.audit.session import AuditSession
from app.checklists.model import Platform
from app.footprint import Footprint, missing_browser
from app.footprint.read_values import (
    AutomationConfig,
    ItemRead,
    ItemStarted,
    PlatformFinished,
    PlatformStarted,
    ReadRequest,
    ReadResult,
    Waiting,
    readable_items,
)
from app.ui.browser_choice import BROWSER_PATH_KEY, browser_path
from app.ui.jobs import Job, JobRunner
from app.ui.layouts import STRETCH, widget_row
from app.ui.reading_widgets import PlatformRow, ReadEvents, ReadResultsTable, show_what_was_seen
from app.ui.screen import fit_to_screen
from app.ui.watch_runner import pause_rereads_while_open

if TYPE_CHECKING:
    from app.ui.watch_runner import WatchRunner

INTRO = (
    "<p>Footprint opens {browser} and reads each setting from your own account. It only "
    "reads: it never changes a setting. If a platform asks you to sign in, do it in the "
    "browser window as usual (two-step verification works as normal); Footprint carries on "
    "by itself. You confirm every answer before it is saved.</p>"
)

WATCH_HOLDS = (
    "The watch is finishing a background re-read of your settings in that browser; this is "
    "free again in a moment."
)


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
        watch: WatchRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._watch = pause_rereads_while_open(watch, self, self._update_buttons)  # profiles
        self._footprint = footprint
        self._session = session
        self._config = config
        self._jobs = jobs
        self._job: Job | None = None
        self._results: dict[tuple[str, str], ReadResult] = {}
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
        self.rows = {p.id: PlatformRow.of(p, self.check_again) for p in self._platforms}
        self.table = ReadResultsTable(self.check_again)
        self.table.itemChanged.connect(self._update_buttons)  # after the table's own tick
        self.use_button = QPushButton("&Use these answers")
        self.use_button.setEnabled(False)
        self.use_button.clicked.connect(self.use_answers)
        self.close_button = QPushButton("Close")
        self.close_button.clicked.connect(self.reject)
        # A failed read's record (page, what was looked for, picture): in memory, till closed.
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
            self._config = self._footprint.reading_config(browser_path())
        found = self._config is not None
        name = self._config.browser.name if self._config else "your browser"
        self.intro.setText(INTRO.format(browser=escape(name)))
        notice = self._config.browser.describe() if self._config else None
        self.browser_notice.setText(escape(notice or missing_browser(browser_path())))
        self.browser_notice.setProperty("missing", not found)
        self._update_buttons()

    def _choose_browser(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Choose Chrome, Edge or Chromium")
        if path:
            QSettings().setValue(BROWSER_PATH_KEY, path)
            self._config = None
            self._refresh_browser()

    def _open_sign_in_details(self) -> None:
        from app.ui.credentials_dialog import show_sign_in_details

        show_sign_in_details(self._footprint, self._jobs, self, lambda: self._job is None)

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
        events = ReadEvents()
        # Bound methods only: Qt drops them with the dialog; the job, cancelled, closes its browser.
        events.platform_started.connect(self._platform_started)
        events.waiting.connect(self._waiting)
        events.item_started.connect(self._item_started)
        events.item_read.connect(self._read_arrived)
        events.platform_finished.connect(self._platform_finished)
        job = Job.of(self._footprint.read_settings(config, requests), events)
        job.failed.connect(self._browser_failed)
        job.finished.connect(self._run_completed)
        job.cancelled.connect(self._run_cancelled)
        self._job = self._jobs.start(job)
        self._update_buttons()

    def _run_completed(self, _result: object) -> None:
        self._run_finished(cancelled=False)

    def _run_cancelled(self) -> None:
        self._run_finished(cancelled=True)

    # -- worker signals ---------------------------------------------------------------------
    def _platform_started(self, event: PlatformStarted) -> None:
        row = self.rows[event.platform_id]
        row.bar.setMaximum(max(event.total, 1))
        row.bar.setValue(0)
        row.status.setText("Opening the browser…")

    def _waiting(self, event: Waiting) -> None:
        minutes = self._config.timeouts.sign_in / 60 if self._config else 5
        self.rows[event.platform_id].status.setText("Waiting for you to sign in")
        self.waiting_label.setText(
            f"<b>{escape(event.message)}</b> Footprint waits up to {minutes:g} minutes; "
            "press Stop reading to give up."
        )
        self.waiting_label.show()

    def _item_started(self, event: ItemStarted) -> None:
        self.waiting_label.hide()
        title = self._platform(event.platform_id).item(event.item_id).name
        status = f"Reading {event.index + 1} of {event.total}: {title}"
        self.rows[event.platform_id].status.setText(status)

    def _read_arrived(self, event: ItemRead) -> None:  # a bound method: see `_run`
        self._item_read(event.result)

    def _item_read(self, result: ReadResult) -> None:
        self._results[result.key] = result
        # The bar counts settings actually read: a failed read never fills it.
        if result.ok:
            bar = self.rows[result.platform_id].bar
            bar.setValue(min(bar.value() + 1, bar.maximum()))
        self._show_results()

    def _platform_finished(self, event: PlatformFinished) -> None:
        # Judged on everything read for the platform, not only this pass (a "Check again").
        results = [r for r in self._results.values() if r.platform_id == event.platform_id]
        self.rows[event.platform_id].finished(results)

    def _run_finished(self, cancelled: bool) -> None:
        self._job = None
        if cancelled:
            self.waiting_label.setText("Stopped. What was read so far is kept below.")
            for row in self.rows.values():
                row.stopped()
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
        items = [(p.id, i.id) for p in self._platforms for i in p.items]
        order = {key: n for n, key in enumerate(items)}
        return sorted(self._results.values(), key=lambda r: order.get(r.key, 0))

    def chosen_results(self) -> list[ReadResult]:
        """The results that read a value and were left ticked: the answers to save."""
        return [r for r in self.results() if r.ok and r.key not in self.table.unchecked]

    def _show_results(self) -> None:
        self.table.show_results(self._platforms, self.results(), idle=not self.is_reading)
        self._update_buttons()

    def use_answers(self) -> None:
        """Record the chosen reads in the audit and hand them back."""
        chosen = self.chosen_results()
        if not chosen or self.is_reading:
            return
        if self._session is not None:
            self._footprint.use_read_results(self._session, chosen)
        self.answers_confirmed.emit(chosen)
        self.accept()

    # -- state ------------------------------------------------------------------------------
    def _update_buttons(self, *_signal: object) -> None:
        idle = not self.is_reading
        can_read = self._config is not None and bool(self.selected_platforms())
        free = _hold_sign_in(self.sign_in_button, self._watch)
        self.start_button.setEnabled(idle and can_read and free)
        self.stop_button.setEnabled(self.is_reading)
        self.use_button.setEnabled(idle and bool(self.chosen_results()))
        self.seen_button.setEnabled(self.selected_failure() is not None)
        for box in self.platform_boxes.values():
            box.setEnabled(idle)
        for platform_id, platform_row in self.rows.items():
            done = any(r.platform_id == platform_id for r in self._results.values())
            platform_row.again.setEnabled(idle and done)
        self.table.set_idle(idle)

    def _platform(self, platform_id: str) -> Platform:
        return next(p for p in self._platforms if p.id == platform_id)

    def selected_failure(self) -> ReadResult | None:
        """The failed read the selected row shows (for a platform's row, its first one), if
        Footprint kept a record of where it looked."""
        return self.table.selected_failure(self.results())

    def show_what_was_seen(self) -> None:
        """Show where Footprint looked for the selected failed read, with a picture to save."""
        result = self.selected_failure()
        if result is not None:
            show_what_was_seen(self, result, self._footprint.save_page_picture)

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


def _hold_sign_in(button: QPushButton, watch: WatchRunner | None) -> bool:
    """Hold "Sign-in details" (its "Forget browser sign-in" deletes a profile) while the
    watch's hidden browser is on a saved profile (a re-read stopping); whether they are free.
    No re-read starts while this window is open (`pause_rereads_while_open`)."""
    held = watch is not None and watch.is_rereading
    button.setEnabled(not held)
    button.setToolTip(WATCH_HOLDS if held else "")
    return not held
