"""The overview: each platform's state, last check, next re-check and what slid back."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.audit import glossary
from app.audit.actions import ActionItem
from app.audit.estimate import minutes_for_all, say_minutes
from app.audit.overview import PlatformOverview
from app.audit.profile import WorkerProfile
from app.audit.reminders import DueEntry
from app.audit.verdicts import overview_verdict
from app.footprint import DashboardView
from app.formatting import plural, short_date
from app.ui.announce import announce
from app.ui.dashboard_model import ROLE_PLATFORM_ID, DashboardModel
from app.ui.reflow import ReflowRow
from app.ui.theme import tone
from app.ui.typography import TextSize, font, heading_html, use_body_text

FIRST_AUDIT = (
    "Your platforms are set up. Start your first audit: Footprint takes you through each "
    "setting, one at a time. For your {platforms} ({settings}) it takes {minutes} "
    "(about a minute a setting, and time to sign in to each platform), and you can pause "
    "whenever you like."
)


class DashboardPage(QWidget):
    """Signals:
    start_audit_requested: a full audit of all the worker's platforms (or resume).
    recheck_requested(str): a new audit of one platform.
    discard_requested: throw the unfinished audit away.
    fixed_requested(str, str): the worker fixed this item of the to-do list.
    platform_history_requested(str): the history of one platform (a double-click on its row).
    settings_requested, report_requested, history_requested, export_import_requested,
    stranger_requested (see what a stranger sees on the worker's public profiles).
    snooze_requested(str, int): silence a platform's reminder for n days (0: remind again).
    """

    start_audit_requested = Signal()
    recheck_requested = Signal(str)
    discard_requested = Signal()
    platform_history_requested = Signal(str)
    fixed_requested = Signal(str, str)  # platform id, item id: "I fixed it" from the to-do
    settings_requested = Signal()
    report_requested = Signal()
    history_requested = Signal()
    export_import_requested = Signal()
    stranger_requested = Signal()
    snooze_requested = Signal(str, int)  # platform id, days (0: remind again now)

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PlatformOverview] = []
        use_body_text(self)
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setWordWrap(True)
        self.welcome = QLabel()
        self.welcome.setObjectName("first-audit")
        self.welcome.setWordWrap(True)
        self.welcome.hide()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.notices = QLabel()
        self.notices.setWordWrap(True)
        self.notices.setObjectName("notices")
        self.notices.setTextFormat(Qt.TextFormat.PlainText)  # file names and problems from files
        self.notices.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = DashboardModel()
        self.table = self._build_table()
        self.start_button = QPushButton("&Start a full audit")
        self.start_button.clicked.connect(self.start_audit_requested)
        self.recheck_button = QPushButton("&Re-check selected platform")
        self.recheck_button.clicked.connect(self.recheck_selected)
        self.discard_button = QPushButton("&Discard the unfinished audit…")
        self.discard_button.clicked.connect(self.discard_requested)
        self.discard_button.hide()
        self.report_button = QPushButton("Make a re&port…")
        self.report_button.clicked.connect(self.report_requested)
        self.settings_button = QPushButton("Se&ttings…")
        self.settings_button.clicked.connect(self.settings_requested)
        self.history_button = QPushButton("Histor&y…")
        self.history_button.clicked.connect(self.history_requested)
        self.export_button = QPushButton("Import a data e&xport…")
        self.export_button.setToolTip(
            "Read settings and your friend list from the data download a platform gives you"
        )
        self.export_button.clicked.connect(self.export_import_requested)
        self.stranger_button = QPushButton("See what a stran&ger sees…")
        self.stranger_button.setToolTip(
            "Open your public profiles in a signed-out browser and see what anyone can see"
        )
        self.stranger_button.clicked.connect(self.stranger_requested)
        self.snooze_button = self._build_snooze_button()
        self._to_do: list[ActionItem] = []
        self.to_do_label = QLabel("To do, &most important first (a snooze hides none of these):")
        self.to_do_label.setWordWrap(True)
        self.to_do = QListWidget()
        self.to_do.setWordWrap(True)  # a long fix wraps instead of running off the side
        self.to_do.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.to_do.setAccessibleName("Open fixes and settings you were not sure about")
        self.to_do_label.setBuddy(self.to_do)
        self.fixed_button = QPushButton("&I fixed it")
        self.fixed_button.setAccessibleDescription(
            "Records the selected fix as done today, as its own dated answer"
        )
        self.fixed_button.clicked.connect(self._fixed_selected)
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setVisible(False)
        self._banner_told = ""  # the reminder last announced, so each is said once
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        self._lay_out()

    def _build_snooze_button(self) -> QToolButton:
        button = QToolButton()
        button.setText("Sn&ooze reminder")
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        for label, days in (("For a &day", 1), ("For a &week", 7), ("&Remind me again now", 0)):
            action = menu.addAction(label)
            action.triggered.connect(lambda _=False, d=days: self._snooze_selected(d))
        button.setMenu(menu)
        return button

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setObjectName("platforms")
        table.setAccessibleName("Your platforms")
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
        table.setWordWrap(True)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)  # a narrow column: "Since la…"
        table.setAlternatingRowColors(True)
        side = QFontMetrics(font(TextSize.BODY)).height()  # the marks: as tall as the text
        table.setIconSize(QSize(side, side))
        # A double-click looks, never starts anything: it opens the platform's history.
        table.doubleClicked.connect(lambda _index: self._history_of_selected())
        return table

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.welcome, self.banner, self.summary, self.notices):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.to_do_label)
        to_do_row = QHBoxLayout()
        to_do_row.addWidget(self.to_do, 1)
        to_do_row.addWidget(self.fixed_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(to_do_row)
        # Two rows of buttons that fold into more on a narrow window (nothing scrolls sideways
        # at 960×540 with the 13 pt type scale).
        layout.addWidget(
            ReflowRow(
                [
                    [self.start_button, self.discard_button],
                    [self.recheck_button, self.stranger_button],
                    [self.snooze_button],
                ],
                stretch_before=3,
            )  # fmt: skip
        )
        layout.addWidget(
            ReflowRow(
                [
                    [self.history_button, self.export_button, self.report_button],
                    [self.settings_button],
                ],
                stretch_before=1,
            )  # fmt: skip
        )

    def show_state(self, view: DashboardView, *, notices: Sequence[str] = ()) -> None:
        """Show the overview; `notices` are problems to show above the table."""
        rows = list(view.overviews)
        self._rows = rows
        self.model.set_overviews(rows, view.now, view.public_switch_alerts, view.watched_counts)
        if rows and not self.table.currentIndex().isValid():
            self.table.selectRow(0)
        self._show_heading(view.profile)
        first_audit = view.first_audit_pending
        self.welcome.setVisible(first_audit)
        platforms = [row.platform for row in rows]
        self.welcome.setText(
            FIRST_AUDIT.format(
                platforms=plural(len(platforms), "platform"),
                settings=plural(sum(len(p.items) for p in platforms), "setting"),
                minutes=say_minutes(minutes_for_all(platforms)),
            )
        )
        self.summary.setText("" if first_audit else _summary_text(view))
        self.summary.setVisible(not first_audit)
        open_run = view.open_run
        set_up = view.profile is not None
        self.start_button.setText(
            "&Resume your audit" if open_run else
            "&Start your first audit" if first_audit else "&Start a full audit"
        )  # fmt: skip
        self.start_button.setEnabled(set_up)
        self.start_button.setDefault(first_audit)
        self.recheck_button.setEnabled(set_up and open_run is None and bool(rows))
        self.recheck_button.setToolTip(
            "Finish or discard your unfinished audit first." if open_run else ""
        )
        self.discard_button.setVisible(open_run is not None)
        self.export_button.setEnabled(set_up)
        self.history_button.setEnabled(any(r.last_checked for r in rows))
        self.report_button.setEnabled(any(r.last_checked for r in rows))
        self._show_to_do(view)
        self.notices.setVisible(bool(notices))
        self.notices.setText("\n".join(notices))
        self._selection_changed()

    def _show_to_do(self, view: DashboardView) -> None:
        """Open fixes, most important first, whatever was snoozed; hidden when none."""
        self._to_do = list(view.to_do)
        row = self.to_do.currentRow()
        self.to_do.clear()
        for action in self._to_do:
            text = (
                f"{glossary.badge(action.answer.status.label)} · {action.item.severity.label} · "
                f"{action.platform.name}: {action.item.action}"
            )
            self.to_do.addItem(text)
        shown = bool(self._to_do) and not view.first_audit_pending
        for widget in (self.to_do_label, self.to_do, self.fixed_button):
            widget.setVisible(shown)
        self.to_do.setMaximumHeight(self.to_do.fontMetrics().lineSpacing() * 5 + 8)
        if self._to_do:
            self.to_do.setCurrentRow(min(max(row, 0), len(self._to_do) - 1))

    def _fixed_selected(self) -> None:
        row = self.to_do.currentRow()
        if 0 <= row < len(self._to_do):
            self.fixed_requested.emit(*self._to_do[row].key)

    def _show_heading(self, profile: WorkerProfile | None) -> None:
        if profile is None:
            self.heading.setText(
                heading_html("Welcome to Footprint") + "<p>Set up your details to begin.</p>"
            )
            return
        who = ", ".join(x for x in (profile.role, profile.organisation) if x)
        self.heading.setText(heading_html(escape(profile.display_name)) + escape(who))

    def selected_platform_id(self) -> str | None:
        """The id of the platform in the selected row, or None."""
        index = self.table.currentIndex()
        return self.model.index(index.row(), 0).data(ROLE_PLATFORM_ID) if index.isValid() else None

    def _selected_row(self) -> PlatformOverview | None:
        index = self.table.currentIndex()
        return (
            self._rows[index.row()] if index.isValid() and index.row() < len(self._rows) else None
        )

    def _selection_changed(self, *_args: object) -> None:
        """Snoozing names the platform it snoozes and is offered only for one that is due."""
        row = self._selected_row()
        reminded = row is not None and (row.due.is_due or row.drift.has_drift)
        name = row.platform.name if row else "the selected platform"
        self.snooze_button.setText(f"Sn&ooze {name}’s reminder")
        self.snooze_button.setAccessibleName(f"Snooze {name}’s reminder")
        self.snooze_button.setEnabled(reminded)
        self.snooze_button.setToolTip(
            "" if reminded else f"{name} is not due and nothing slid back: no reminder to snooze."
        )

    def show_reminders(self, entries: list[DueEntry], now: datetime) -> None:
        """The in-app banner: always shown when something is due, whatever else notifies.

        Its text is its accessible name, and it is announced when it appears.
        """
        lines = [f"{e.platform_name}: {'; '.join(e.reasons(now))}" for e in entries]
        text = "Reminder — " + "\n".join(lines) if entries else ""
        self.banner.setText(text)
        self.banner.setAccessibleName(text or "No reminders")
        self.banner.setVisible(bool(entries))
        border = tone("warn").name()
        self.banner.setStyleSheet(f"QLabel#banner {{ border: 1px solid {border}; padding: 6px; }}")
        self._tell_banner()

    def _tell_banner(self) -> None:
        """Announce a new reminder once, while the overview shows in the active window (one
        sent as the window opened reached nobody; one from behind the summary misled)."""
        text = self.banner.text()
        if not text:
            self._banner_told = ""
        if text == self._banner_told or not self.isVisible() or not self.isActiveWindow():
            return
        self._banner_told = text
        QAccessible.updateAccessibility(QAccessibleEvent(self.banner, QAccessible.Event.Alert))
        announce(self.banner, text)  # the Alert alone reaches no AT-SPI reader

    def event(self, event: QEvent) -> bool:
        """A reminder not yet announced is said when the overview shows or its window wakes."""
        handled = super().event(event)
        if event.type() in (QEvent.Type.Show, QEvent.Type.WindowActivate):
            self._tell_banner()
        return handled

    def _snooze_selected(self, days: int) -> None:
        platform_id = self.selected_platform_id()
        if platform_id is not None:
            self.snooze_requested.emit(platform_id, days)

    def _history_of_selected(self) -> None:
        platform_id = self.selected_platform_id()
        if platform_id is not None:
            self.platform_history_requested.emit(platform_id)

    def recheck_selected(self) -> None:
        """A new audit of the selected platform (when no audit is open)."""
        platform_id = self.selected_platform_id()
        if platform_id is not None and self.recheck_button.isEnabled():
            self.recheck_requested.emit(platform_id)


def _summary_text(view: DashboardView) -> str:
    """One line that agrees with the table: open fixes first; a snooze hides no fix."""
    text = overview_verdict(view.overviews, view.watched_counts)
    if view.open_run is not None:
        started = short_date(view.open_run.started_at)
        text += f" You have an unfinished audit (started {started})."
    return text
