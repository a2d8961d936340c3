"""The dashboard table: one row per platform the worker uses."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from app.audit import glossary
from app.audit.answers import AnswerStatus
from app.audit.overview import PlatformOverview
from app.audit.scoring import PlatformState
from app.audit.verdicts import watched_change
from app.formatting import relative_due, short_date
from app.ui.platform_marks import platform_mark
from app.ui.theme import state_colour, tone

COLUMNS = (
    "Platform", "State", "Safe settings", "Last checked", "Next re-check",
    "Since last check",
)  # fmt: skip
ROLE_PLATFORM_ID = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class DashboardModel(QAbstractTableModel):
    """The platforms' overviews as the dashboard's table rows, one per platform."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[PlatformOverview] = []
        self._now = datetime.min
        self._export_alerts: frozenset[str] = frozenset()
        self._watched: Mapping[str, int] = {}

    def set_overviews(
        self,
        rows: list[PlatformOverview],
        now: datetime,
        export_alerts: frozenset[str] = frozenset(),
        watched: Mapping[str, int] | None = None,
    ) -> None:
        """`export_alerts`: platforms whose newest data export shows a switch to public
        since their last check; `watched`: by platform id, settings the watch saw slide back
        that the worker has not confirmed yet."""
        self.beginResetModel()
        self._rows, self._now, self._export_alerts = rows, now, export_alerts
        self._watched = watched or {}
        self.endResetModel()

    def overview(self, row: int) -> PlatformOverview:
        """The overview shown in `row`."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """One row per platform; a table has no child rows."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """How many COLUMNS there are; none under a child index."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        """The column titles, for the horizontal header's display role only."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A cell's text (also for screen readers), its colour, or the row's platform id."""
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(row, index.column())
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            return platform_mark(row.platform.id, row.platform.name)
        if role == ROLE_PLATFORM_ID:
            return row.platform.id
        return None

    def _text(self, row: PlatformOverview, column: int) -> str:
        if column == 0:
            origin = "" if row.platform.origin == "shipped" else f" ({row.platform.origin})"
            return row.platform.name + origin
        if column == 1:
            return glossary.badge(_state(row).label)
        if column == 2:
            return f"{row.score.count(AnswerStatus.SAFE)} of {row.score.total}"
        if column == 3:
            return short_date(row.last_checked, glossary.NEVER_CHECKED)
        if column == 4:
            due = relative_due(row.due.next_due, self._now)
            snooze = row.due.snoozed_until
            return f"{due} (reminder snoozed until {short_date(snooze)})" if snooze else due
        if row.platform.id in self._export_alerts:
            return "Your data export shows a switch to public"
        if watched := self._watched.get(row.platform.id, 0):
            return watched_change(watched)  # newer than the last check, so it comes first
        return _change_text(row)

    def _colour(self, row: PlatformOverview, column: int) -> QBrush | None:
        if column == 1 and (colour := state_colour(_state(row))) is not None:
            return QBrush(colour)
        drifted = (
            row.drift.has_drift
            or row.platform.id in self._export_alerts
            or self._watched.get(row.platform.id, 0) > 0
        )
        if column == 4 and row.due.is_due:  # a re-check is due: amber, red is for fixes
            return QBrush(tone("warn"))
        if column == 5 and drifted:
            return QBrush(tone("bad"))
        return None


def _state(row: PlatformOverview) -> PlatformState:
    """A platform never finished is Never checked, whatever stray answers it has."""
    return row.score.state if row.last_checked is not None else PlatformState.NOT_AUDITED


def _change_text(row: PlatformOverview) -> str:
    if row.drift.has_drift:
        return glossary.slid_back_count(len(row.drift.entries))
    if row.last_checked is None:
        return "—"
    return glossary.FIRST_CHECK if row.previous_check is None else glossary.NO_CHANGE
