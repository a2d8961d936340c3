"""The summary's table of each platform's state and its list of actions: views that shrink
to three rows and scroll inside themselves, so the summary fits 1366×768 (issue 26)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QListWidget,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
)

from app.audit import glossary
from app.audit.answers import AnswerStatus
from app.audit.comparison import Comparison
from app.audit.run import AuditRun
from app.audit.scoring import PlatformState, Score, check_state
from app.audit.verdicts import change_since_previous, check_is_finished
from app.checklists.model import Platform
from app.ui.layouts import TARGET_SIZE, roomy_rows
from app.ui.theme import state_colour, tone

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


class ShrinkingTable(QTableWidget):
    """The summary's table that, `compact`, asks only for its minimum height, three rows: the page's
    scroll area sizes the page by what its parts ask for, so asking for every row pushed the
    buttons below a 1366×768 window. Below three rows it never goes."""

    compact = False

    def minimumSizeHint(self) -> QSize:
        """The header and three rows (the first three's heights, else 24 px each)."""
        rows = sum(self.rowHeight(r) for r in range(min(self.rowCount(), 3)))
        rows += TARGET_SIZE * max(0, 3 - self.rowCount())
        height = self.horizontalHeader().sizeHint().height() + rows + 2 * self.frameWidth()
        return QSize(super().minimumSizeHint().width(), height)

    def sizeHint(self) -> QSize:
        """As tall as every row, or only the minimum when `compact`."""
        hint = super().sizeHint()
        return QSize(hint.width(), self.minimumSizeHint().height()) if self.compact else hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Rows as tall as their text at the width now given (a row measured while the
        table was narrow kept two lines' height once wide)."""
        super().resizeEvent(event)
        self.resizeRowsToContents()


class ShrinkingList(QListWidget):
    """A list that, `compact`, asks only for its minimum height, three rows (see
    `ShrinkingTable`)."""

    compact = False

    def minimumSizeHint(self) -> QSize:
        """Three rows of at least 24 px."""
        rows = sum(max(self.sizeHintForRow(r), TARGET_SIZE) for r in range(min(self.count(), 3)))
        rows += TARGET_SIZE * max(0, 3 - self.count())
        return QSize(super().minimumSizeHint().width(), rows + 2 * self.frameWidth())

    def sizeHint(self) -> QSize:
        """The usual height, or only the minimum when `compact`."""
        hint = super().sizeHint()
        return QSize(hint.width(), self.minimumSizeHint().height()) if self.compact else hint


LAST_COLUMN_WIDTH = 200  # pixels: "Slid back since 3 Dec 2026: …" in two or three lines


def table_width(table: QTableWidget) -> int:
    """How wide `table` must be to show its columns without scrolling sideways."""
    header = table.horizontalHeader()
    last = table.columnCount() - 1
    columns = sum(max(header.sectionSizeHint(c), table.sizeHintForColumn(c)) for c in range(last))
    return columns + LAST_COLUMN_WIDTH + table.verticalScrollBar().sizeHint().width() + 4


def summary_table() -> ShrinkingTable:
    """The state-of-each-platform table: read-only rows, as tall as their text."""
    table = ShrinkingTable(0, len(SUMMARY_COLUMNS))
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


def fill_state_table(
    table: QTableWidget,
    run: AuditRun,
    platforms: Sequence[Platform],
    scores: Sequence[Score],
    comparisons: Sequence[Comparison],
) -> None:
    """One row a platform of `run`: its state, its counts and what changed since last time."""
    table.setRowCount(len(platforms))
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
            table.setItem(row, column, cell)
    table.resizeRowsToContents()
