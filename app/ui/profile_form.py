"""The worker's details, used by the first-launch onboarding and by Settings."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from app.audit.profile import WorkerProfile, profile_problems
from app.checklists.codes import CodeBook
from app.checklists.model import Catalogue

RECHECK_CHOICES = ((None, "As each platform recommends"), (30, "Every month"),
                   (60, "Every two months"), (90, "Every three months"))  # fmt: skip


class ProfileForm(QWidget):
    """Name, role, organisation, regulator, supervisor, platforms and re-check interval."""

    def __init__(
        self, *, catalogue: Catalogue, codes: CodeBook, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self.name = self._line("Your &name", "Your name, as it should appear on your report")
        self.role = self._line("Ro&le", "Your role, for example Support worker")
        self.organisation = self._line("&Organisation", "The organisation you work for")
        self.supervisor = self._line("&Supervisor (optional)", "Your supervisor's name, optional")
        self.regulator = QComboBox()
        self.regulator.setAccessibleName("Your regulator")
        for regulator in codes.regulators:
            self.regulator.addItem(regulator.name, regulator.id)
        self.platforms = self._platform_list()
        self.recheck = QComboBox()
        self.recheck.setAccessibleName("How often to re-check your settings")
        for days, label in RECHECK_CHOICES:
            self.recheck.addItem(label, days)
        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.problems_label.setObjectName("problems")
        self._lay_out()

    def _line(self, label: str, accessible: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(accessible)
        edit.setProperty("form_label", label)
        return edit

    def _platform_list(self) -> QListWidget:
        widget = QListWidget()
        widget.setAccessibleName("Platforms you use: press Space to tick or untick")
        # Tall enough for the usual nine platforms without scrolling, in any font size.
        widget.setMinimumHeight(widget.fontMetrics().lineSpacing() * 10)
        self._fill_platforms(widget)
        return widget

    def set_catalogue(self, catalogue: Catalogue | None = None) -> None:
        """Show the platforms again (after a policy pack changed them), keeping the ticks."""
        ticked = self.checked_platform_ids()
        if catalogue is not None:
            self._catalogue = catalogue
        self.platforms.clear()
        self._fill_platforms(self.platforms, ticked)

    def _fill_platforms(self, widget: QListWidget, ticked: tuple[str, ...] = ()) -> None:
        for platform in self._catalogue.platforms:
            origin = "" if platform.origin == "shipped" else f" — from {platform.origin}"
            item = QListWidgetItem(platform.name + origin)
            item.setData(Qt.ItemDataRole.UserRole, platform.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = platform.id in ticked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            widget.addItem(item)

    def _lay_out(self) -> None:
        layout = QFormLayout(self)
        for edit in (self.name, self.role, self.organisation):
            layout.addRow(self._buddy(edit.property("form_label"), edit), edit)
        layout.addRow(self._buddy("&Regulator", self.regulator), self.regulator)
        layout.addRow(self._buddy(self.supervisor.property("form_label"), self.supervisor),
                      self.supervisor)  # fmt: skip
        layout.addRow(self._buddy("&Platforms you use", self.platforms), self.platforms)
        layout.addRow(self._buddy("Re-&check", self.recheck), self.recheck)
        layout.addRow(self.problems_label)

    @staticmethod
    def _buddy(text: str, widget: QWidget) -> QLabel:
        label = QLabel(text if "&" in text else f"&{text}")
        label.setBuddy(widget)
        return label

    def checked_platform_ids(self) -> tuple[str, ...]:
        items = (self.platforms.item(row) for row in range(self.platforms.count()))
        return tuple(
            item.data(Qt.ItemDataRole.UserRole)
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )

    def profile(self, base: WorkerProfile | None = None) -> WorkerProfile:
        chosen = self.checked_platform_ids()
        days = self.recheck.currentData()
        recheck = {pid: days for pid in chosen} if days else {}
        values = {
            "display_name": self.name.text().strip(),
            "role": self.role.text().strip(),
            "organisation": self.organisation.text().strip(),
            "regulator": self.regulator.currentData(),
            "supervisor": self.supervisor.text().strip(),
            "platform_ids": chosen,
            "recheck_days": recheck,
        }
        return replace(base, **values) if base else WorkerProfile(**values)

    def set_profile(self, profile: WorkerProfile) -> None:
        self.name.setText(profile.display_name)
        self.role.setText(profile.role)
        self.organisation.setText(profile.organisation)
        self.supervisor.setText(profile.supervisor)
        self.regulator.setCurrentIndex(max(0, self.regulator.findData(profile.regulator)))
        for row in range(self.platforms.count()):
            item = self.platforms.item(row)
            ticked = item.data(Qt.ItemDataRole.UserRole) in profile.platform_ids
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        intervals = set(profile.recheck_days.values())
        single = intervals.pop() if len(intervals) == 1 else None
        self.recheck.setCurrentIndex(max(0, self.recheck.findData(single)))

    def validate(self) -> bool:
        """Show what must be fixed; True when the profile can be saved."""
        problems = profile_problems(self.profile(), self._catalogue.ids)
        self.problems_label.setText("\n".join(problems))
        if problems:
            self.problems_label.setFocus()
        return not problems
