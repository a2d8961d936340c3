"""The widgets of "Read my settings automatically" (app/ui/automation_dialog.py).

The read's events, one typed signal per kind (`ReadEvents`); a progress line per platform;
the table of what the read found, one row per setting read (a tick to use it, what was seen,
the answer it suggests, a "Check again" button), or one row per platform where nothing could
be read, with the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.checklists.model import Platform
from app.footprint.read_values import (
    ItemRead,
    ItemStarted,
    PlatformFinished,
    PlatformStarted,
    ReadResult,
    Waiting,
    platform_problem,
    readable_items,
)
from app.ui.jobs import JobEvents

COLUMNS = ("Use", "Platform", "Setting", "Value seen", "Suggested answer", "Status", "")
CheckAgain = Callable[[str, str | None], None]  # (platform id, item id or None)


class ReadEvents(JobEvents):
    """A settings read's events (app.automation.reading), one signal each."""

    platform_started = Signal(PlatformStarted)
    waiting = Signal(Waiting)
    item_started = Signal(ItemStarted)
    item_read = Signal(ItemRead)
    platform_finished = Signal(PlatformFinished)

    KINDS: ClassVar[dict[type, str]] = {
        PlatformStarted: "platform_started",
        Waiting: "waiting",
        ItemStarted: "item_started",
        ItemRead: "item_read",
        PlatformFinished: "platform_finished",
    }


@dataclass
class PlatformRow:
    """The progress line of one platform: its name, a bar, what is happening, "Check again"."""

    name: QLabel
    bar: QProgressBar
    status: QLabel
    again: QPushButton

    @classmethod
    def of(cls, platform: Platform, check_again: CheckAgain) -> PlatformRow:
        """A platform's line before anything is read."""
        bar = QProgressBar()
        bar.setAccessibleName(f"{platform.name} progress")
        bar.setMaximum(len(readable_items(platform)))
        bar.setFormat("%v of %m read")
        bar.setValue(0)
        again = QPushButton(f"Check {platform.name} again")
        again.setEnabled(False)
        again.clicked.connect(lambda: check_again(platform.id, None))
        status = QLabel("Not read yet")
        status.setObjectName(f"status-{platform.id}")
        status.setWordWrap(True)
        status.setTextFormat(Qt.TextFormat.RichText)
        return cls(QLabel(platform.name), bar, status, again)

    def finished(self, results: list[ReadResult]) -> None:
        """Say how the platform's read went, judged on everything read for it."""
        read = sum(r.ok for r in results)
        self.status.setText(
            "Nothing could be read (the reason is below)"
            if platform_problem(results)
            else f"Done: {read} read, {len(results) - read} to check by hand"
        )

    def stopped(self) -> None:
        """The read was stopped: a platform still in progress says so."""
        if self.status.text().startswith(("Reading", "Opening", "Waiting")):
            self.status.setText("Stopped")


class ReadResultsTable(QTableWidget):
    """What Footprint read, platform by platform; the worker unticks what not to use."""

    def __init__(self, check_again: CheckAgain) -> None:
        super().__init__(0, len(COLUMNS))
        self._check_again = check_again
        self.unchecked: set[tuple[str, str]] = set()
        self.setHorizontalHeaderLabels(COLUMNS)
        self.setAccessibleName("What Footprint read")
        self.verticalHeader().hide()
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.itemChanged.connect(self._use_box_changed)

    def show_results(
        self, platforms: Iterable[Platform], results: list[ReadResult], idle: bool
    ) -> None:
        """Show every result, in the audit's order (a platform with nothing read as one row)."""
        self.blockSignals(True)
        self.setRowCount(0)
        for platform in platforms:
            found = [r for r in results if r.platform_id == platform.id]
            if problem := platform_problem(found):
                self._add_platform_row(platform, problem)
            else:
                for result in found:
                    self._add_result_row(platform, result, idle)
        self.blockSignals(False)
        self.resizeRowsToContents()

    def _add_result_row(self, platform: Platform, result: ReadResult, idle: bool) -> None:
        row = self.rowCount()
        self.insertRow(row)
        use = QTableWidgetItem()
        use.setData(Qt.ItemDataRole.UserRole, result.key)
        if result.ok:
            use.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            checked = result.key not in self.unchecked
            use.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        else:
            use.setFlags(Qt.ItemFlag.NoItemFlags)
        suggested = result.suggested.label if result.suggested else "Check by hand"
        title = platform.item(result.item_id).name
        texts = (platform.name, title, result.observed or "—", suggested, result.describe())
        self.setItem(row, 0, use)
        for column, text in enumerate(texts, start=1):
            self.setItem(row, column, QTableWidgetItem(text))
        again = QPushButton("Check again")
        again.setAccessibleName(f"Check again: {title}")
        again.setEnabled(idle)
        again.clicked.connect(lambda: self._check_again(result.platform_id, result.item_id))
        self.setCellWidget(row, 6, again)

    def _add_platform_row(self, platform: Platform, problem: str) -> None:
        row = self.rowCount()
        self.insertRow(row)
        name = QTableWidgetItem(platform.name)
        name.setData(Qt.ItemDataRole.UserRole, platform.id)
        self.setItem(row, 1, name)
        self.setItem(row, 2, QTableWidgetItem(problem))
        self.setSpan(row, 2, 1, 4)

    def _use_box_changed(self, item: QTableWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        if item.column() != 0 or key is None:
            return
        key = tuple(key)
        if item.checkState() == Qt.CheckState.Checked:
            self.unchecked.discard(key)
        else:
            self.unchecked.add(key)

    def set_idle(self, idle: bool) -> None:
        """ "Check again" works only while nothing is being read."""
        for table_row in range(self.rowCount()):
            if (button := self.cellWidget(table_row, 6)) is not None:
                button.setEnabled(idle)

    def selected_failure(self, results: list[ReadResult]) -> ReadResult | None:
        """The failed read the selected row shows (for a platform's row, its first one), if
        Footprint kept a record of where it looked."""
        row = self.currentRow()
        use, name = self.item(row, 0), self.item(row, 1)
        if use is not None and use.data(Qt.ItemDataRole.UserRole) is not None:
            key = tuple(use.data(Qt.ItemDataRole.UserRole))
            found = [r for r in results if r.key == key]
        elif name is not None and name.data(Qt.ItemDataRole.UserRole):
            found = [r for r in results if r.platform_id == name.data(Qt.ItemDataRole.UserRole)]
        else:
            return None
        return next((r for r in found if not r.ok and r.where), None)


def show_what_was_seen(
    parent: QWidget, result: ReadResult, save_picture: Callable[[Path, bytes], None]
) -> None:
    """Where Footprint looked for a failed read, with the picture of the page to save."""
    if result.where is None:
        return
    box = QMessageBox(parent)
    box.setWindowTitle("What Footprint saw")
    box.setTextFormat(Qt.TextFormat.PlainText)  # the page's address and words, as text
    box.setText(f"{result.describe()}\n\n{result.where.describe()}")
    picture = result.where.screenshot
    save = None
    if picture:
        pixmap = QPixmap()
        pixmap.loadFromData(picture)
        box.setIconPixmap(pixmap.scaledToWidth(480, Qt.TransformationMode.SmoothTransformation))
        save = box.addButton("Save the picture…", QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if picture and save is not None and box.clickedButton() is save:
        path, _ = QFileDialog.getSaveFileName(
            parent, "Save the picture", "footprint-page.jpg", "JPEG pictures (*.jpg)"
        )
        if path:
            save_picture(Path(path), picture)
