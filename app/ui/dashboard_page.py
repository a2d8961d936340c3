"""The overview: each platform's state, last check, next re-check and drift, plus actions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.audit.profile import WorkerProfile
from app.audit.reminders import DueEntry, due_entries
from app.formatting import plural, short_date
from app.services.dashboard import DashboardView
from app.ui.dashboard_model import ROLE_PLATFORM_ID, DashboardModel
from app.ui.theme import tone


class DashboardPage(QWidget):
    """Signals:
    start_audit_requested: a full audit of all the worker's platforms (or resume).
    recheck_requested(str): a new audit of one platform.
    settings_requested, report_requested, history_requested.
    snooze_requested(str, int): silence the selected platform's reminder for n days.
    """

    start_audit_requested = Signal()
    recheck_requested = Signal(str)
    settings_requested = Signal()
    report_requested = Signal()
    history_requested = Signal()
    export_import_requested = Signal()
    snooze_requested = Signal(str, int)  # platform id, days (0: remind again now)

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.notices = QLabel()
        self.notices.setWordWrap(True)
        self.notices.setObjectName("notices")
        self.notices.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = DashboardModel()
        self.table = self._build_table()
        self.start_button = QPushButton("&Start a full audit")
        self.start_button.clicked.connect(self.start_audit_requested)
        self.recheck_button = QPushButton("&Re-check selected platform")
        self.recheck_button.clicked.connect(self._recheck_selected)
        self.report_button = QPushButton("Make a re&port…")
        self.report_button.clicked.connect(self.report_requested)
        self.settings_button = QPushButton("Se&ttings…")
        self.settings_button.clicked.connect(self.settings_requested)
        self.history_button = QPushButton("&History…")
        self.history_button.clicked.connect(self.history_requested)
        self.export_button = QPushButton("Import a data &export…")
        self.export_button.setToolTip(
            "Read settings and your friend list from the data download a platform gives you"
        )
        self.export_button.clicked.connect(self.export_import_requested)
        self.snooze_button = self._build_snooze_button()
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName("Reminders")
        self.banner.setVisible(False)
        self._lay_out()

    def _build_snooze_button(self) -> QToolButton:
        button = QToolButton()
        button.setText("Sn&ooze reminder")
        button.setAccessibleName("Snooze the selected platform's reminder")
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
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setAlternatingRowColors(True)
        table.doubleClicked.connect(lambda _index: self._recheck_selected())
        return table

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.banner, self.summary, self.notices, self.table):
            layout.addWidget(widget)
        buttons = QHBoxLayout()
        for button in (
            self.start_button, self.recheck_button, self.snooze_button, self.history_button,
            self.export_button, self.report_button,
        ):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.settings_button)
        layout.addLayout(buttons)

    def show_state(self, view: DashboardView, *, notices: Sequence[str] = ()) -> None:
        """Show the overview; `notices` are problems to show above the table."""
        rows = list(view.overviews)
        self.model.set_overviews(rows, view.now, view.public_switch_alerts)
        if rows and not self.table.currentIndex().isValid():
            self.table.selectRow(0)
        self._show_heading(view.profile)
        attention = due_entries(rows)
        summary = f"{plural(len(rows), 'platform')}; " + (
            f"{len(attention)} need attention now." if attention else "nothing is due."
        )
        open_run = view.open_run
        if open_run is not None:
            summary += f" You have an unfinished audit (started {short_date(open_run.started_at)})."
        self.summary.setText(summary)
        set_up = view.profile is not None
        self.start_button.setText("&Resume your audit" if open_run else "&Start a full audit")
        self.start_button.setEnabled(set_up)
        self.recheck_button.setEnabled(set_up and open_run is None and bool(rows))
        self.snooze_button.setEnabled(set_up and bool(rows))
        self.export_button.setEnabled(set_up)
        self.history_button.setEnabled(any(r.last_checked for r in rows))
        self.report_button.setEnabled(any(r.last_checked for r in rows))
        self.notices.setVisible(bool(notices))
        self.notices.setText("\n".join(notices))

    def _show_heading(self, profile: WorkerProfile | None) -> None:
        if profile is None:
            self.heading.setText(
                "<h2>Welcome to Footprint</h2><p>Set up your details to begin.</p>"
            )
            return
        who = ", ".join(x for x in (profile.role, profile.organisation) if x)
        self.heading.setText(f"<h2>{escape(profile.display_name)}</h2>{escape(who)}")

    def selected_platform_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.index(index.row(), 0).data(ROLE_PLATFORM_ID) if index.isValid() else None

    def show_reminders(self, entries: list[DueEntry], now: datetime) -> None:
        """The in-app banner: always shown when something is due, whatever else notifies."""
        self.banner.setVisible(bool(entries))
        lines = [f"<b>{escape(e.platform_name)}</b>: {escape('; '.join(e.reasons(now)))}"
                 for e in entries]  # fmt: skip
        self.banner.setText("<b>Reminder</b> — " + "<br>".join(lines))
        border = tone("warn").name()
        self.banner.setStyleSheet(f"QLabel#banner {{ border: 1px solid {border}; padding: 6px; }}")

    def _snooze_selected(self, days: int) -> None:
        platform_id = self.selected_platform_id()
        if platform_id is not None:
            self.snooze_requested.emit(platform_id, days)

    def _recheck_selected(self) -> None:
        platform_id = self.selected_platform_id()
        if platform_id is not None and self.recheck_button.isEnabled():
            self.recheck_requested.emit(platform_id)
