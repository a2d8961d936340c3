"""After an audit: each platform's state and the action list, ticked off as fixes are made."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
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

from app.audit.actions import ActionItem, action_list
from app.audit.answers import AnswerStatus
from app.audit.drift import drift_between
from app.audit.overview import CompletedCheck, completed_checks
from app.audit.run import AuditRun
from app.audit.scoring import Score, overall_score, score_platform
from app.audit.session import AuditSession
from app.checklists.hosts import is_allowed
from app.checklists.model import Platform
from app.formatting import plural, short_date
from app.ui.audit_page import UrlOpener, open_in_browser
from app.ui.theme import state_colour, tone

SUMMARY_COLUMNS = (
    "Platform", "State", "Safe", "Needs action", "Not sure", "Not checked", "Since last check",
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
    """

    done = Signal()

    def __init__(self, *, open_url: UrlOpener = open_in_browser, parent: QWidget | None = None):
        super().__init__(parent)
        self._open_url = open_url
        self._session: AuditSession | None = None
        self._previous: dict[str, CompletedCheck] = {}
        self._actions: list[ActionItem] = []
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, len(SUMMARY_COLUMNS))
        self.table.setHorizontalHeaderLabels(SUMMARY_COLUMNS)
        self.table.setAccessibleName("State of each platform")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        # As tall as its rows, so the action list below gets the space.
        self.table.setSizeAdjustPolicy(QTableWidget.SizeAdjustPolicy.AdjustToContents)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.actions_list = QListWidget()
        self.actions_list.setAccessibleName("Actions still to do, most important first")
        self.actions_list.currentRowChanged.connect(self._show_action)
        self.action_details = QLabel()
        self.action_details.setWordWrap(True)
        self.fixed_button = QPushButton("I &fixed it: mark as safe")
        self.fixed_button.clicked.connect(self._mark_fixed)
        self.open_button = QPushButton("&Open the settings page")
        self.open_button.clicked.connect(self._open_selected)
        self.done_button = QPushButton("&Done: back to overview")
        self.done_button.clicked.connect(self.done)
        self._lay_out()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table)
        layout.addWidget(QLabel("<h3>Your actions</h3>"))
        layout.addWidget(self.actions_list, 1)
        layout.addWidget(self.action_details)
        buttons = QHBoxLayout()
        for button in (self.fixed_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        layout.addLayout(buttons)

    def show_session(
        self, session: AuditSession, history: Sequence[AuditRun] | None = None
    ) -> None:
        """Show the run's results; `history` (the other runs) gives drift since last time."""
        self._session = session
        self._previous = {
            p.id: checks[-1]
            for p in session.platforms
            if (checks := [c for c in completed_checks(history or [], p.id)
                           if c.run.id != session.run.id])
        }  # fmt: skip
        self._refresh()

    def _refresh(self) -> None:
        assert self._session is not None
        platforms, answers = self._session.platforms, self._session.run.answers
        scores = [score_platform(p, self._session.run.answers_for(p.id)) for p in platforms]
        total = overall_score(scores)
        self._actions = action_list(platforms, answers)
        self.heading.setText(
            f"<h2>Audit summary</h2><p>{total.count(AnswerStatus.SAFE)} of "
            f"{plural(total.total, 'item')} safe across {plural(len(platforms), 'platform')}; "
            f"{plural(len(self._actions), 'action')} to do.</p>"
        )
        drifts = [self._drift(p) for p in platforms]
        self._fill_table(platforms, scores, drifts)
        self._fill_actions()

    def _drift(self, platform: Platform) -> str:
        previous = self._previous.get(platform.id)
        if previous is None or self._session is None:
            return "first check"
        report = drift_between(
            platform, previous.answers(), self._session.run.answers_for(platform.id)
        )
        since = short_date(previous.completed_at)
        if report.has_drift:
            titles = ", ".join(platform.item(e.item_id).title for e in report.entries)
            return f"⚠ slid back since {since}: {titles}"
        new = f"; {plural(len(report.new_item_ids), 'new check')}" if report.new_item_ids else ""
        return f"no drift since {since}{new}"

    def _fill_table(
        self, platforms: Sequence[Platform], scores: Sequence[Score], drifts: Sequence[str]
    ) -> None:
        self.table.setRowCount(len(platforms))
        for row, (platform, score) in enumerate(zip(platforms, scores, strict=True)):
            counts = (str(score.count(status)) for status in COUNTED)
            cells = (platform.name, score.state.label, *counts, drifts[row])
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 1 and (colour := state_colour(score.state)) is not None:
                    cell.setForeground(colour)
                if column == len(cells) - 1 and text.startswith("⚠"):
                    cell.setForeground(tone("bad"))
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()

    def _fill_actions(self) -> None:
        self.actions_list.clear()
        for action in self._actions:
            text = (
                f"[{action.item.severity.value}] {action.platform.name}: {action.item.title}"
                f" — {action.answer.status.label.lower()}"
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
            self.actions_list.addItem(item)
        has_actions = bool(self._actions)
        self.fixed_button.setEnabled(has_actions)
        self.open_button.setEnabled(has_actions)
        if has_actions:
            self.actions_list.setCurrentRow(0)
        else:
            self.action_details.setText("Nothing left to do. Well done.")

    def _show_action(self, row: int) -> None:
        if not 0 <= row < len(self._actions):
            return
        action = self._actions[row]
        steps = "".join(f"<li>{escape(s)}</li>" for s in action.item.steps)
        note = f"<p>Your note: {escape(action.answer.note)}</p>" if action.answer.note else ""
        self.action_details.setText(
            f"<b>{escape(action.item.title)}</b> ({escape(action.platform.name)})"
            f"<ol>{steps}</ol><p>Safe setting: <b>{escape(action.item.safe)}</b></p>{note}"
        )

    def _selected(self) -> ActionItem | None:
        row = self.actions_list.currentRow()
        return self._actions[row] if 0 <= row < len(self._actions) else None

    def _mark_fixed(self) -> None:
        action = self._selected()
        if action is None or self._session is None:
            return
        row = self.actions_list.currentRow()
        self._session.reanswer(
            action.platform.id, action.item.id, AnswerStatus.SAFE, "Fixed after the audit"
        )
        self._refresh()
        self.actions_list.setCurrentRow(min(row, len(self._actions) - 1))
        self.actions_list.setFocus()

    def _open_selected(self) -> None:
        action = self._selected()
        # Only the platform's own site (app/checklists/hosts.py), whatever a file said.
        if action is not None and is_allowed(action.platform.id, action.item.open_url):
            self._open_url(action.item.open_url)
