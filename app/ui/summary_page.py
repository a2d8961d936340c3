"""After an audit: each platform's state and the action list, ticked off as fixes are made."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.audit import glossary
from app.audit.actions import ActionItem, action_list
from app.audit.answers import Answer, AnswerStatus
from app.audit.comparison import Comparison, compare_with_previous
from app.audit.run import AuditRun
from app.audit.scoring import overall_score, score_platform
from app.audit.session import AuditSession
from app.audit.verdicts import audit_closing, check_is_finished
from app.checklists.hosts import is_allowed
from app.checklists.model import Platform
from app.formatting import plural, short_date
from app.ui.announce import show_status
from app.ui.layouts import plain_label, roomy_rows
from app.ui.links import UrlOpener, open_in_browser
from app.ui.reflow import ReflowRow
from app.ui.summary_views import ShrinkingList, fill_state_table, summary_table, table_width
from app.ui.typography import TextSize, heading_html, use_body_text
from app.ui.watch_offer import WatchOffer


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
        self.table = summary_table()
        self.actions_list = ShrinkingList()
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
        # Short words on the title and the boxes, the rest wrapped below: a title or a tick
        # box does not wrap, and long ones made the page scroll sideways at 960×540.
        box = QGroupBox("Reminders that reach you")
        self.autostart_check = QCheckBox("Start Footprint &quietly when I log in")
        self.calendar_check = QCheckBox("Add my re-check dates to my &calendar")
        column = QVBoxLayout(box)
        column.addWidget(plain_label("You can change these in Settings."))
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
        the window at 1366×768). And the offers beside the results when there is room."""
        super().resizeEvent(event)
        self._arrange_columns()
        self.table.resizeRowsToContents()
        self.table.updateGeometry()  # its height follows its rows (AdjustToContents)

    def _arrange_columns(self) -> None:
        """The offers to the right of the results when the table fits beside them, so the
        page fits 1366×768 without scrolling; below them on a narrow window (960×540, 200 %),
        where the page scrolls down but never sideways."""
        offers = max(offer.sizeHint().width() for offer in (self.offer, self.watch_offer))
        margins = self._page_layout.contentsMargins()
        room = self.width() - margins.left() - margins.right() - self._body.spacing()
        side_by_side = room >= table_width(self.table) + offers
        if side_by_side:
            self._body.setDirection(QBoxLayout.Direction.LeftToRight)
        else:
            self._body.setDirection(QBoxLayout.Direction.TopToBottom)
        # Side by side the table and the list ask for three rows and share what height is
        # left, scrolling inside themselves; one above the other the page scrolls, so the
        # table shows every row.
        self.table.compact = self.actions_list.compact = side_by_side
        self.table.setSizePolicy(
            QSizePolicy.Policy.Expanding,
            QSizePolicy.Policy.Expanding if side_by_side else QSizePolicy.Policy.Maximum,
        )
        self.table.updateGeometry()
        self.actions_list.updateGeometry()

    def _lay_out(self) -> None:
        # Side by side, the results (with the heading) on the left and the offers on the
        # right from the top; one above the other, the offers after the results.
        results = QVBoxLayout()
        results.addWidget(self.heading)
        skipped = QHBoxLayout()
        skipped.addWidget(self.skipped_label, 1)
        skipped.addWidget(self.skipped_button)
        results.addLayout(skipped)
        results.addWidget(self.table, 3)
        actions_heading = QLabel(heading_html("Your actions", TextSize.SECTION_HEADING))
        actions_heading.setBuddy(self.actions_list)
        results.addWidget(actions_heading)
        results.addWidget(self.actions_list, 2)
        results.addWidget(self.closing)
        results.addWidget(self.action_details)
        results.addWidget(self.status)
        offers = QVBoxLayout()
        offers.addWidget(self.offer)
        offers.addWidget(self.watch_offer)
        offers.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._body.addLayout(results, 2)
        self._body.addLayout(offers, 1)
        self._page_layout = QVBoxLayout(self)
        self._page_layout.addLayout(self._body, 1)
        self._page_layout.addWidget(
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
        fill_state_table(self.table, session.run, platforms, scores, comparisons)
        self._fill_actions()

    def _comparison(self, platform: Platform) -> Comparison:
        assert self._session is not None
        return compare_with_previous(platform, self._history, self._session.run)

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
