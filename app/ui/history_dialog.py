"""History: each platform's audits over time, a chart, and any audit's answers read-only."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.audit import glossary
from app.audit.answers import Answer, AnswerKind, AnswerStatus
from app.audit.history import (
    TimelineEntry,
    change_lines,
    item_history,
    platform_timeline,
    safe_share_series,
)
from app.audit.run import AuditRun
from app.checklists.model import Platform
from app.footprint import Footprint
from app.formatting import short_date
from app.ui.layouts import scroll_area
from app.ui.safe_share_chart import SafeShareChart
from app.ui.screen import fit_to_screen
from app.ui.theme import state_colour, tone

TIMELINE_COLUMNS = (
    "Date", "State", "Safe", "Needs action", "Not checked", "How checked",
    "Since last check",
)  # fmt: skip
ANSWER_COLUMNS = ("Setting", "Answer", "Value seen", "Note", "Since last check")


def _table(columns: tuple[str, ...], name: str) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.setAccessibleName(name)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class HistoryDialog(QDialog):
    """Every audit of each platform, the safe-share chart, and any audit's answers."""

    def __init__(
        self,
        *,
        footprint: Footprint,
        platform_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Footprint — history")
        data = footprint.all_data()
        self._history: list[AuditRun] = data.runs
        self._watched = footprint.watched_drift_history()
        self._watch_notes = footprint.watch_notes()
        profile = data.profile
        wanted = profile.platform_ids if profile else footprint.catalogue.ids
        self._platforms = [p for p in footprint.catalogue.platforms if p.id in wanted]
        self._timeline: list[TimelineEntry] = []
        self.chart = SafeShareChart()
        self.platform_list = QListWidget()
        self.platform_list.setAccessibleName("Platforms")
        for platform in self._platforms:
            self.platform_list.addItem(QListWidgetItem(platform.name))
        self.changes_list = QListWidget()
        self.changes_list.setAccessibleName("Changes on this platform, newest first")
        self.timeline_table = _table(TIMELINE_COLUMNS, "Audits of this platform")
        self.answers_table = _table(ANSWER_COLUMNS, "Answers in the selected audit")
        # The setting and what changed share the width, so no header is ever cut off.
        header = self.answers_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (0, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.answers_table.setWordWrap(True)
        self.item_label = QLabel()
        self.item_label.setWordWrap(True)
        self.chart_table = _table(("Platform", "Date", "Safe"), "The chart's data as a table")
        self.chart_tabs = QTabWidget()
        self.chart_tabs.addTab(self.chart, "&Chart")
        self.chart_tabs.addTab(self.chart_table, "Chart as a &table")
        self._lay_out()
        self.platform_list.currentRowChanged.connect(self._show_platform)
        self.timeline_table.currentCellChanged.connect(lambda row, *_: self._show_audit(row))
        self.answers_table.currentCellChanged.connect(lambda row, *_: self._show_item(row))
        # Computed once: each series walks the platform's whole history.
        self._series = {p.name: safe_share_series(p, self._history) for p in self._platforms}
        self.chart.set_series(self._series)
        self._fill_chart_table()
        if self._platforms:
            ids = [p.id for p in self._platforms]
            self.platform_list.setCurrentRow(ids.index(platform_id) if platform_id in ids else 0)
        fit_to_screen(self, QSize(1000, 720))

    def _lay_out(self) -> None:
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        # One line per change first; the audits as a table beside it, one tab away.
        self.detail_tabs = QTabWidget()
        self.detail_tabs.addTab(self.changes_list, "Chan&ges, newest first")
        self.detail_tabs.addTab(self.timeline_table, "&Audits")
        column.addWidget(self.detail_tabs)
        caption = QLabel("A&nswers")
        caption.setBuddy(self.answers_table)
        column.addWidget(caption)
        column.addWidget(self.answers_table)
        column.addWidget(self.item_label)
        splitter = QSplitter()
        splitter.addWidget(self.platform_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 4)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        content = QWidget()
        inside = QVBoxLayout(content)
        inside.setContentsMargins(0, 0, 0, 0)
        inside.addWidget(self.chart_tabs)
        inside.addWidget(splitter, 1)
        # The history scrolls and Close stays below it, on the screen at any magnification.
        layout = QVBoxLayout(self)
        layout.addWidget(scroll_area(content, framed=False), 1)
        layout.addWidget(buttons)

    def _fill_chart_table(self) -> None:
        rows = self.chart.chart_rows()
        self.chart_table.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                self.chart_table.setItem(row, column, QTableWidgetItem(text))
        self.chart_table.resizeColumnsToContents()

    def _platform(self) -> Platform | None:
        row = self.platform_list.currentRow()
        return self._platforms[row] if 0 <= row < len(self._platforms) else None

    def _show_platform(self, row: int) -> None:
        platform = self._platform()
        if platform is None:
            return
        self.chart.set_series(self._series, platform.name)
        self.changes_list.clear()
        for line in change_lines(platform, self._history, self._watched, self._watch_notes):
            self.changes_list.addItem(
                f"{short_date(line.when)}   {glossary.badge(line.word)}   {line.text}"
            )
        self._timeline = list(reversed(platform_timeline(platform, self._history)))
        table = self.timeline_table
        table.setRowCount(len(self._timeline))
        for index, entry in enumerate(self._timeline):
            self._fill_timeline_row(index, entry)
        table.resizeColumnsToContents()
        self.answers_table.setRowCount(0)
        if self._timeline:
            table.selectRow(0)
            self._show_audit(0)

    def _fill_timeline_row(self, row: int, entry: TimelineEntry) -> None:
        score = entry.score
        if entry.drift.has_drift:
            change = glossary.slid_back_count(len(entry.drift.entries))
        else:
            change = (
                glossary.FIRST_CHECK if entry.previous_checked_at is None else glossary.NO_CHANGE
            )
        cells = (
            short_date(entry.checked_at),
            glossary.badge(entry.state.label),
            str(score.count(AnswerStatus.SAFE)),
            str(score.count(AnswerStatus.NEEDS_ACTION)),
            str(score.count(AnswerStatus.NOT_CHECKED)),
            ", ".join(entry.sources),
            change,
        )
        for column, text in enumerate(cells):
            cell = QTableWidgetItem(text)
            if column == 1 and (colour := state_colour(entry.state)) is not None:
                cell.setForeground(colour)
            if column == 6 and entry.drift.has_drift:
                cell.setForeground(tone("bad"))
            self.timeline_table.setItem(row, column, cell)

    def _show_audit(self, row: int) -> None:
        platform = self._platform()
        if platform is None or not 0 <= row < len(self._timeline):
            return
        entry = self._timeline[row]
        drifted = {d.item_id: d for d in entry.drift.entries}
        table = self.answers_table
        table.setRowCount(len(platform.items))
        for index, item in enumerate(platform.items):
            answer = entry.answers.get(item.id)
            change = ""
            if item.id in drifted:
                d = drifted[item.id]
                change = (
                    f"{glossary.SLID_BACK}: {d.before.status.label}"
                    f"{_value(d.before.observed)} ({short_date(d.before.answered_at)}) → "
                    f"{d.after.status.label}{_value(d.after.observed)}"
                    f" ({short_date(d.after.answered_at)})"
                )
            elif item.id in entry.drift.new_item_ids:
                change = glossary.NEW_CHECK
            cells = (
                item.name,
                glossary.badge(answer_word(answer) if answer else glossary.NOT_CHECKED),
                answer.observed or "" if answer else "",
                answer.note or "" if answer else "",
                change,
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 4 and item.id in drifted:
                    cell.setForeground(tone("bad"))
                table.setItem(index, column, cell)
        table.resizeRowsToContents()

    def _show_item(self, row: int) -> None:
        platform = self._platform()
        if platform is None or not 0 <= row < len(platform.items):
            return
        item = platform.items[row]
        answers = item_history(platform, item.id, self._history)
        lines = [
            (answer_word(a) if a.kind is AnswerKind.FIX else
             f"{a.status.label}{_value(a.observed)} ({short_date(a.answered_at)})")
            for a in answers
        ]  # fmt: skip
        self.item_label.setText(f"{item.name}: {' → '.join(lines) or 'never answered'}")
        self.item_label.setTextFormat(Qt.TextFormat.PlainText)


def answer_word(answer: Answer) -> str:
    """An answer's word; a fix recorded after the audit reads "Fixed on 12 Dec 2026"."""
    if answer.kind is AnswerKind.FIX:
        return glossary.fixed_on(short_date(answer.answered_at))
    return answer.status.label


def _value(observed: str | None) -> str:
    return f" “{observed}”" if observed else ""
