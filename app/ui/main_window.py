"""The main window: the dashboard of the worker's platforms."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.audit.reminders import due_entries
from app.footprint import Footprint
from app.formatting import plural
from app.ui.dashboard_model import DashboardModel


class MainWindow(QMainWindow):
    """Lists each platform with its state, last check, next re-check and drift."""

    def __init__(self, *, footprint: Footprint) -> None:
        super().__init__()
        self._footprint = footprint
        self.setWindowTitle("Footprint — privacy self-audit")
        self._heading = QLabel()
        self._heading.setObjectName("heading")
        self._summary = QLabel()
        self._summary.setWordWrap(True)
        self._notices = QLabel()
        self._notices.setWordWrap(True)
        self._notices.setObjectName("notices")
        self._notices.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._model = DashboardModel(footprint.clock.now())
        self._table = self._build_table()
        self._build_layout()
        self.refresh()
        self._restore_geometry()

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self._model)
        table.setObjectName("platforms")
        table.setAccessibleName("Your platforms")
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setAlternatingRowColors(True)
        return table

    def _build_layout(self) -> None:
        central = QWidget()
        layout = QVBoxLayout(central)
        for widget in (self._heading, self._summary, self._notices, self._table):
            layout.addWidget(widget)
        self.setCentralWidget(central)
        quit_action = self.addAction("Quit")
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

    def refresh(self) -> None:
        """Re-read the stored audits and show them."""
        footprint = self._footprint
        profile = footprint.profile()
        rows = footprint.overviews()
        self._model.set_overviews(rows, footprint.clock.now())
        if profile is None:
            self._heading.setText("<h2>Welcome to Footprint</h2>")
        else:
            who = ", ".join(x for x in (profile.role, profile.organisation) if x)
            self._heading.setText(f"<h2>{_escape(profile.display_name)}</h2>{_escape(who)}")
        attention = due_entries(rows)
        self._summary.setText(
            f"{plural(len(rows), 'platform')}; "
            + (f"{len(attention)} need attention now." if attention else "nothing is due.")
        )
        self._show_notices()

    def _show_notices(self) -> None:
        notices = [e.describe() for e in self._footprint.catalogue_errors]
        if self._footprint.database.notice():
            notices.insert(0, self._footprint.database.notice() or "")
        self._notices.setVisible(bool(notices))
        self._notices.setText("\n".join(notices))

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(900, 520)

    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)


def _escape(text: str) -> str:
    from html import escape

    return escape(text)
