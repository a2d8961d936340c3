"""After an audit: each platform's state and the action list, ticked off as fixes are made."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.audit import glossary
from app.audit.actions import ActionItem, action_list
from app.audit.answers import Answer, AnswerStatus
from app.audit.comparison import Comparison, compare_with_previous
from app.audit.run import AuditRun
from app.audit.scoring import PlatformState, Score, check_state, overall_score, score_platform
from app.audit.session import AuditSession
from app.audit.verdicts import audit_closing, change_since_previous, check_is_finished
from app.checklists.hosts import is_allowed
from app.checklists.model import Platform
from app.formatting import plural, short_date
from app.ui.announce import show_status
from app.ui.layouts import plain_label, roomy_rows
from app.ui.links import UrlOpener, open_in_browser
from app.ui.reflow import ReflowRow
from app.ui.theme import state_colour, tone
from app.ui.typography import TextSize, heading_html, use_body_text
from app.ui.watch_offer import WatchOffer

SUMMARY_COLUMNS = (
    "Platform", "State", "Safe", "Needs action", "Not sure", "Not checked",
    "Since last check",
)  # fmt: skip
COUNTED = (
    AnswerStatus.SAFE,
    AnswerStatus.NEEDS_ACTION,
    AnswerStatus.UNSURE,
    AnswerStatus.NOT_CHECKED,
)


class SummaryPage(QWidget):
    """Signals:
    done: the worker returns to the overview.
    resume_skipped: the worker wants to check the platforms they skipped, now.
    undo_available(bool): whether "Undo" has a fix to take back.
    """

    done = Signal()
    resume_skipped = Signal()
    undo_available = Signal(bool)

    def __init__(self, *, open_url: UrlOpener = open_in_browser, parent: QWidget | None = None):
        super().__init__(parent)
        self._open_url = open_url
        self._session: AuditSession | None = None
        self._history: Sequence[AuditRun] = ()
        self._actions: list[ActionItem] = []
        self._last_fix: Answer | None = None
        self._open_elsewhere = 0
        use_body_text(self)
        self.closing = QLabel()
        self.closing.setObjectName("summary-closing")
        self.closing.setWordWrap(True)
        self.closing.setTextFormat(Qt.TextFormat.PlainText)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.skipped_label = QLabel()
        self.skipped_label.setWordWrap(True)
        self.skipped_label.setTextFormat(Qt.TextFormat.PlainText)
        self.skipped_button = QPushButton("Check the skipped platforms &now")
        self.skipped_button.clicked.connect(self.resume_skipped)
        self.table = _summary_table()
        self.actions_list = QListWidget()
        self.actions_list.setWordWrap(True)  # a long action wraps instead of running off
        self.actions_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        roomy_rows(self.actions_list)
        self.actions_list.setAccessibleName("Your actions: still to do, most important first")
        self.actions_list.currentRowChanged.connect(self._show_action)
        self.action_details = QLabel()
        self.action_details.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("summary-status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.fixed_button = QPushButton("&I fixed it: mark as safe")
        self.fixed_button.setToolTip(
            "Records the fix as its own dated answer; your note stays as you wrote it."
        )
        self.fixed_button.clicked.connect(self.mark_fixed)
        self.undo_button = QPushButton("&Undo “I fixed it”")
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo)
        self.open_button = QPushButton("&Open the settings page")
        self.open_button.clicked.connect(self._open_selected)
        self.offer = self._build_offer()
        self.watch_offer = WatchOffer()  # the watch, offered after the first audit (issue 28)
        self.done_button = QPushButton("&Done: back to overview")
        self.done_button.clicked.connect(self.done)
        self._lay_out()

    def _build_offer(self) -> QGroupBox:
        """After the first audit: two ways for reminders to reach the worker, both unticked."""
        box = QGroupBox("Reminders that reach you (you can change these in Settings)")
        # Short words on the boxes and the why below, wrapped: a tick box does not wrap, and
        # the long ones made the page scroll sideways at 960×540.
        self.autostart_check = QCheckBox("Start Footprint &quietly when I log in")
        self.calendar_check = QCheckBox("Add my re-check dates to my &calendar")
        column = QVBoxLayout(box)
        self._autostart_why = plain_label("So it can remind you when a re-check is due.")
        calendar_why = plain_label("Footprint saves a calendar file; you choose where.")
        for check, why in ((self.autostart_check, self._autostart_why),
                           (self.calendar_check, calendar_why)):  # fmt: skip
            check.setAccessibleDescription(why.text())
            column.addWidget(check)
            column.addWidget(why)
        box.hide()
        return box

    def offer_reminders(self, offered: bool, autostart: bool = True) -> None:
        """Show the reminder offer (unticked) after a first audit; `autostart`: whether to
        offer start at login (not when it is already on)."""
        self.autostart_check.setChecked(False)
        self.calendar_check.setChecked(False)
        self.autostart_check.setVisible(autostart)
        self._autostart_why.setVisible(autostart)
        self.offer.setVisible(offered)

    def reminder_choices(self) -> tuple[bool, bool]:
        """(start at login, add to calendar), as ticked in a shown offer."""
        if self.offer.isHidden():
            return (False, False)
        autostart = self.autostart_check.isChecked() and not self.autostart_check.isHidden()
        return (autostart, self.calendar_check.isChecked())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Rows as tall as their text at the width now given: measured while the page was
        still narrow, a row kept two lines' height once wide (the Done button fell below
        the window at 1366×768)."""
        super().resizeEvent(event)
        self.table.resizeRowsToContents()
        self.table.updateGeometry()  # its height follows its rows (AdjustToContents)

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        skipped = QHBoxLayout()
        skipped.addWidget(self.skipped_label, 1)
        skipped.addWidget(self.skipped_button)
        layout.addLayout(skipped)
        layout.addWidget(self.table)
        actions_heading = QLabel(heading_html("Your actions", TextSize.SECTION_HEADING))
        actions_heading.setBuddy(self.actions_list)
        layout.addWidget(actions_heading)
        layout.addWidget(self.actions_list, 1)
        layout.addWidget(self.closing)
        layout.addWidget(self.action_details)
        layout.addWidget(self.status)
        layout.addWidget(self.offer)
        layout.addWidget(self.watch_offer)
        layout.addWidget(
            ReflowRow(
                [[self.fixed_button, self.undo_button, self.open_button], [self.done_button]],
                stretch_before=1,
            )
        )

    def show_session(
        self,
        session: AuditSession,
        history: Sequence[AuditRun] | None = None,
        open_elsewhere: int = 0,
    ) -> None:
        """Show the run's results; `history` (the other runs) gives what slid back;
        `open_elsewhere` counts fixes open on platforms outside this audit."""
        self._session = session
        self._history = history or ()
        self._open_elsewhere = open_elsewhere
        self._set_last_fix(None)
        self.status.clear()
        self._refresh()

    def _refresh(self) -> None:
        assert self._session is not None
        session = self._session
        platforms, answers = session.platforms, session.run.answers
        scores = [score_platform(p, session.run.answers_for(p.id)) for p in platforms]
        total = overall_score(scores)
        self._actions = action_list(platforms, answers)
        self.heading.setText(
            heading_html("Audit summary") + f"<p>{total.count(AnswerStatus.SAFE)} of "
            f"{plural(total.total, 'setting')} safe across {plural(len(platforms), 'platform')}; "
            f"{plural(len(self._actions), 'action')} to do.</p>"
        )
        skipped = session.skipped_platforms()
        self.skipped_label.setText(
            f"You skipped {', '.join(p.name for p in skipped)} for now." if skipped else ""
        )
        self.skipped_label.setVisible(bool(skipped))
        self.skipped_button.setVisible(bool(skipped))
        comparisons = [self._comparison(p) for p in platforms]
        self._fill_table(platforms, scores, comparisons)
        self._fill_actions()

    def _comparison(self, platform: Platform) -> Comparison:
        assert self._session is not None
        return compare_with_previous(platform, self._history, self._session.run)

    def _fill_table(
        self,
        platforms: Sequence[Platform],
        scores: Sequence[Score],
        comparisons: Sequence[Comparison],
    ) -> None:
        assert self._session is not None
        run = self._session.run
        self.table.setRowCount(len(platforms))
        rows = zip(platforms, scores, comparisons, strict=True)
        for row, (platform, score, comparison) in enumerate(rows):
            state = check_state(score, run.check_for(platform.id))
            counts = (str(score.count(status)) for status in COUNTED)
            change = change_since_previous(platform, comparison, run.check_for(platform.id))
            # Nothing answered in this audit is "Not checked" here, not "Never checked": the
            # platform may well have been checked before.
            word = glossary.NOT_CHECKED if state is PlatformState.NOT_AUDITED else state.label
            cells = (platform.name, glossary.badge(word), *counts, change)
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 1 and (colour := state_colour(state)) is not None:
                    cell.setForeground(colour)
                finished = check_is_finished(run.check_for(platform.id))
                if column == len(cells) - 1 and finished and comparison.drift.has_drift:
                    cell.setForeground(tone("bad"))
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()

    def _fill_actions(self) -> None:
        self.actions_list.clear()
        for action in self._actions:
            text = (
                f"{action.item.severity.label} · {action.platform.name}: {action.item.action}"
                f" ({glossary.badge(action.answer.status.label)})"
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
            self.actions_list.addItem(item)
        has_actions = bool(self._actions)
        self.fixed_button.setEnabled(has_actions)
        self.open_button.setEnabled(has_actions)
        assert self._session is not None
        run = self._session.run
        not_checked = [
            p.name for p in self._session.platforms if not check_is_finished(run.check_for(p.id))
        ]
        self.closing.setText(audit_closing(not_checked, len(self._actions), self._open_elsewhere))
        if has_actions:
            self.actions_list.setCurrentRow(0)
        else:
            self.action_details.clear()

    def _show_action(self, row: int) -> None:
        if not 0 <= row < len(self._actions):
            return
        action = self._actions[row]
        item = action.item
        steps = "".join(f"<li>{escape(s)}</li>" for s in item.steps)
        app = "".join(f"<li>{escape(s)}</li>" for s in item.app_steps)
        app_html = f"<p>In the app:</p><ol>{app}</ol>" if app else ""
        note = f"<p>Your note: {escape(action.answer.note)}</p>" if action.answer.note else ""
        self.action_details.setText(
            f"<b>{escape(item.action)}</b> ({escape(action.platform.name)}: "
            f"{escape(item.name)})<ol>{steps}</ol>{app_html}"
            f"<p>Safe setting: <b>{escape(item.safe)}</b></p>{note}"
        )

    def _selected(self) -> ActionItem | None:
        row = self.actions_list.currentRow()
        return self._actions[row] if 0 <= row < len(self._actions) else None

    # -- fixes ------------------------------------------------------------------------------
    def mark_fixed(self) -> None:
        """Record that the selected action was done: a dated fix, the note kept."""
        action = self._selected()
        if action is None or self._session is None:
            return
        row = self.actions_list.currentRow()
        fix = self._session.mark_fixed(action.platform.id, action.item.id)
        self._refresh()
        self.actions_list.setCurrentRow(min(row, len(self._actions) - 1))
        self.actions_list.setFocus()
        show_status(
            self.status,
            f"Marked as fixed on {short_date(fix.answered_at)}: {action.item.action} "
            f"({action.platform.name}). Undo with Ctrl+Z.",
        )
        self._set_last_fix(fix)

    def undo(self) -> None:
        """Take back the last "I fixed it"."""
        fix, session = self._last_fix, self._session
        if fix is None or session is None or not session.can_undo_fix(fix.platform_id, fix.item_id):
            return
        session.undo_fix(fix.platform_id, fix.item_id)
        platform = next(p for p in session.platforms if p.id == fix.platform_id)
        self._refresh()
        show_status(
            self.status, f"Undone: {platform.item(fix.item_id).action} is back on your list."
        )
        self._set_last_fix(None)
        self.actions_list.setFocus()

    def clear(self) -> None:
        """Forget the audit shown (after "Delete all my data")."""
        self._session, self._history, self._actions = None, (), []
        self.table.setRowCount(0)
        self.actions_list.clear()
        self.action_details.clear()
        self.status.clear()
        self._set_last_fix(None)

    def _set_last_fix(self, fix: Answer | None) -> None:
        self._last_fix = fix
        self.undo_button.setEnabled(fix is not None)
        self.undo_available.emit(fix is not None)

    def _open_selected(self) -> None:
        action = self._selected()
        # Only the platform's own site (app/checklists/hosts.py), whatever a file said.
        if action is not None and is_allowed(action.platform.id, action.item.open_url):
            self._open_url(action.item.open_url)


def _summary_table() -> QTableWidget:
    """The state-of-each-platform table: read-only rows, as tall as their text."""
    table = QTableWidget(0, len(SUMMARY_COLUMNS))
    roomy_rows(table)
    table.setHorizontalHeaderLabels(SUMMARY_COLUMNS)
    table.setAccessibleName("State of each platform")
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(len(SUMMARY_COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
    # As tall as its rows, so the action list below gets the space.
    table.setSizeAdjustPolicy(QTableWidget.SizeAdjustPolicy.AdjustToContents)
    table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
    return table
