"""See what a stranger sees: one button, progress, and what a signed-out visitor was shown.

The look runs as a background job (app.ui.jobs) in a throwaway signed-out browser
(`Footprint.look_as_stranger`); this window only shows the events it sends, each kind on its
own signal. Everything shown is Footprint's own words — findings, obstacles, notes — as plain
text; nothing of the pages is shown or kept. When the look ends (or is stopped) the findings
of every platform seen are saved, so they can be confirmed as answers in the audit.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.audit.verdicts import look_outcome
from app.footprint import Footprint, missing_browser
from app.footprint.look_values import (
    COUNTRY_NOTE,
    LookFinished,
    LookStarted,
    OutsideConfig,
    StrangerView,
    Verdict,
)
from app.formatting import short_date
from app.stranger.evidence import SIGNED_IN_NOTE
from app.ui.browser_choice import browser_path
from app.ui.job_events import LookEvents
from app.ui.jobs import Job, JobRunner
from app.ui.layouts import STRETCH, plain_label, scroll_area, widget_row
from app.ui.screen import fit_to_screen

INTRO = (
    "Footprint opens your public profile addresses in a fresh browser that is signed in to "
    "nothing and keeps nothing, and tells you what anyone could see there. It keeps only its "
    "own findings and the date: no text, picture or name from the pages."
)
NO_ADDRESSES = (
    "You have not given the addresses of your public profiles yet. Add them in Settings, "
    "under “Your public profiles”, then come back here."
)
VERDICT_WORDS = {
    Verdict.YES: "Yes",
    Verdict.NO: "No",
    Verdict.UNSURE: "Can't tell",
}


class StrangerDialog(QDialog):
    """Looks at the worker's public addresses as a stranger and shows the findings.

    Signals:
        run_finished(bool): a look ended; True when it was stopped.
        settings_requested: the worker wants Settings (to add addresses); the window closes.
    """

    run_finished = Signal(bool)
    settings_requested = Signal()

    def __init__(
        self,
        *,
        footprint: Footprint,
        jobs: JobRunner,
        parent: QWidget | None = None,
        config: OutsideConfig | None = None,
    ) -> None:
        super().__init__(parent)
        self._footprint = footprint
        self._jobs = jobs
        self._job: Job | None = None
        self._events = LookEvents()  # the running look's (replaced by each look)
        self._config = config or footprint.outside_config(browser_path())
        self._requests, self._terms = footprint.stranger_look()
        self._views: dict[str, StrangerView] = {}
        self.setWindowTitle("See what a stranger sees")
        self._build()
        fit_to_screen(self, QSize(760, 640))
        self._update_buttons()

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.intro = plain_label(INTRO, name="intro", selectable=True)
        self.signed_in_note = plain_label(SIGNED_IN_NOTE, name="signed-in-note", selectable=True)
        self.notice = plain_label(self._notice(), name="notice", selectable=True)
        self.look_button = QPushButton("&Look now")
        self.look_button.setDefault(True)
        self.look_button.setAccessibleDescription(
            "Opens each public profile address in a signed-out browser; takes under a minute"
        )
        self.look_button.clicked.connect(self.start)
        self.stop_button = QPushButton("&Stop")
        self.stop_button.clicked.connect(self.cancel)
        self.settings_button = QPushButton("Open &Settings…")
        self.settings_button.clicked.connect(self._open_settings)
        self.settings_button.setVisible(not self._requests)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Platforms looked at")
        self.progress.setMaximum(max(len(self._requests), 1))
        self.progress.setValue(0)
        self.progress.setFormat("%v of %m platforms looked at")
        self.status = plain_label(name="status", selectable=True)
        self.results = QWidget()
        self.results.setObjectName("stranger-results")
        self._results_layout = QVBoxLayout(self.results)
        self._results_layout.addStretch(1)
        scroll = scroll_area(self.results)
        self.country_note = plain_label(COUNTRY_NOTE, name="country-note", selectable=True)
        self.country_note.hide()
        self.close_button = QPushButton("Close")
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.signed_in_note)
        layout.addWidget(self.notice)
        layout.addLayout(
            widget_row(self.look_button, self.stop_button, self.settings_button, STRETCH)
        )
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.country_note)
        layout.addLayout(widget_row(STRETCH, self.close_button))

    def _notice(self) -> str:
        if not self._requests:
            return NO_ADDRESSES
        if self._config is None:
            return missing_browser(browser_path())
        names = ", ".join(r.platform_name for r in self._requests)
        return f"Footprint will look at your public profiles on {names}."

    # -- running ----------------------------------------------------------------------------
    @property
    def is_looking(self) -> bool:
        """Whether a look is running now."""
        return self._job is not None

    def start(self) -> None:
        """Look at every saved address, one after another."""
        config = self._config
        if config is None or not self._requests or self._job is not None:
            return
        self._clear_results()
        self.progress.setValue(0)
        self.status.setText("Starting a signed-out browser…")
        events = self._events = LookEvents()
        # Bound methods only: if the window closes mid-look, Qt drops these with it.
        events.look_started.connect(self._look_started)
        events.look_finished.connect(self._look_finished)
        job = Job.of(self._footprint.look_as_stranger(config, self._requests, self._terms), events)
        job.finished.connect(self._completed)
        job.cancelled.connect(self._cancelled)
        job.failed.connect(self._failed)
        self._job = self._jobs.start(job)
        self._update_buttons()

    def cancel(self) -> None:
        """Stop looking; what was seen so far is shown and kept."""
        if self._job is not None:
            self._job.cancel()
            self.stop_button.setEnabled(False)
            self.status.setText("Stopping…")

    def _look_started(self, event: LookStarted) -> None:
        name = self._name(event.platform_id)
        self.progress.setValue(event.index)
        self.status.setText(f"Looking at {name} ({event.index + 1} of {event.total})…")

    def _look_finished(self, event: LookFinished) -> None:
        self._views[event.view.platform_id] = event.view
        self.progress.setValue(self._seen())  # the bar fills only with pages looked at
        self._show_view(event.view)

    def _completed(self, _views: object) -> None:
        self._ended(False, look_outcome(len(self._requests), self._seen()))

    def _cancelled(self) -> None:
        self._ended(True, look_outcome(len(self._requests), self._seen(), cancelled=True))

    def _seen(self) -> int:
        """Addresses actually looked at (an obstacle means nothing was seen there)."""
        return sum(1 for view in self._views.values() if view.obstacle is None)

    def _failed(self, message: str) -> None:
        self._ended(False, message)

    def _ended(self, cancelled: bool, message: str) -> None:
        self._job = None
        if self._views:
            self._footprint.record_stranger_views(list(self._views.values()))
        self.status.setText(message)
        self._update_buttons()
        self.run_finished.emit(cancelled)

    # -- results ----------------------------------------------------------------------------
    def views(self) -> list[StrangerView]:
        """What was seen in this window, in the order looked at."""
        return list(self._views.values())

    def _clear_results(self) -> None:
        self._views.clear()
        while self._results_layout.count() > 1:  # keep the stretch at the end
            item = self._results_layout.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        self.country_note.hide()

    def _show_view(self, view: StrangerView) -> None:
        when = short_date(view.seen_at)
        box = QGroupBox(f"{view.platform_name} — looked at on {when}: {view.summary()}")
        box.setObjectName(f"view-{view.platform_id}")
        column = QVBoxLayout(box)
        for line in view_lines(view):
            column.addWidget(plain_label(line, name=f"line-{view.platform_id}", selectable=True))
        self._results_layout.insertWidget(self._results_layout.count() - 1, box)
        self.country_note.show()  # said once, under every platform's findings

    def texts(self, platform_id: str) -> list[str]:
        """The lines shown for a platform (what a screen reader reads)."""
        box = self.results.findChild(QGroupBox, f"view-{platform_id}")
        if box is None:
            return []
        return [label.text() for label in box.findChildren(QLabel)]

    # -- state ------------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        can_look = self._config is not None and bool(self._requests)
        self.look_button.setEnabled(can_look and not self.is_looking)
        self.look_button.setText("&Look again" if self._views else "&Look now")
        self.stop_button.setEnabled(self.is_looking)

    def _name(self, platform_id: str) -> str:
        return next((r.platform_name for r in self._requests if r.platform_id == platform_id),
                    platform_id)  # fmt: skip

    def _open_settings(self) -> None:
        self.settings_requested.emit()
        self.reject()

    def done(self, result: int) -> None:
        """Closing stops a look in progress (the job closes its browser on its own thread) and
        keeps what was shown so far, as Stop does: the window may be gone before the job's
        `cancelled` arrives, so nothing more from this job is listened to."""
        job, self._job = self._job, None
        if job is not None:
            for signal, slot in (
                (self._events.look_started, self._look_started),
                (self._events.look_finished, self._look_finished),
                (job.finished, self._completed),
                (job.cancelled, self._cancelled),
                (job.failed, self._failed),
            ):
                signal.disconnect(slot)
            job.cancel()
            if self._views:
                self._footprint.record_stranger_views(list(self._views.values()))
        super().done(result)


def view_lines(view: StrangerView) -> list[str]:
    """One platform's view in sentences: an obstacle told as what happened and what to do;
    else each finding (a sign-in wall is good news) and what is always public."""
    if view.obstacle is not None:
        return [f"Could not look ({view.obstacle.value}): {view.problem}"]
    lines = [f"{f.topic.label}: {VERDICT_WORDS[f.verdict]} — {f.reason}." for f in view.findings]
    return lines + list(view.notes)
