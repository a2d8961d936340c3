"""The worker's details, used by the first-launch onboarding and by Settings."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
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
from app.checklists.loader import GENERAL_ID
from app.checklists.model import Catalogue
from app.ui.layouts import roomy_rows
from app.ui.theme import tone

RECHECK_CHOICES = ((None, "As each platform recommends"), (30, "Every month"),
                   (60, "Every two months"), (90, "Every three months"))  # fmt: skip
# Set-up must say what "General checks" holds: without it, Search yourself records nothing.
GENERAL_NOTE = " — searching your name (Search yourself) and checks not tied to one platform"
FIELDS = ("display_name", "regulator", "platform_ids", "recheck_days")  # in the form's order


class ProfileForm(QWidget):
    """Name, role, organisation, regulator, supervisor, platforms and re-check interval.

    A problem is shown beside its field, becomes the field's accessible description, and
    goes as soon as the field is corrected; the first field with a problem gets the focus.
    """

    def __init__(
        self, *, catalogue: Catalogue, codes: CodeBook, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self.name = self._line("Your &name", "Your name, as it should appear on your report")
        self.role = self._line("Ro&le", "Your role, for example Support worker")
        self.organisation = self._line("&Organisation", "The organisation you work for")
        self.supervisor = self._line("&Supervisor (optional)", "Your supervisor's name, optional")
        self._codes = codes
        self.regulator = QComboBox()
        self.regulator.setAccessibleName("Your regulator")
        # No regulator is assumed: a worker left on someone else's code would read the wrong
        # clauses on every item (the validation asks for a choice, 'None' included).
        self.regulator.addItem("Choose your regulator…", "")
        for regulator in codes.regulators:
            self.regulator.addItem(regulator.name, regulator.id)
        self.edition = QComboBox()
        self.edition.setAccessibleName("Code edition: which edition of your code to show")
        self.edition.setToolTip(
            "Footprint shows your code's clauses from one edition only: the one you choose, "
            "or the one your regulator has in force."
        )
        self.regulator.currentIndexChanged.connect(lambda _i: self._fill_editions())
        self._fill_editions()
        self.platforms = self._platform_list()
        self.recheck = QComboBox()
        self.recheck.setAccessibleName("How often to re-check your settings")
        for days, label in RECHECK_CHOICES:
            self.recheck.addItem(label, days)
        self.with_children = QCheckBox("I work with &children or young people")
        self.with_children.setToolTip(
            "Items then also cite the UN Convention on the Rights of the Child."
        )
        self.field_errors = {name: self._error_label(name) for name in FIELDS}
        self._validated = False
        self.name.textChanged.connect(self._revalidate)
        self.regulator.currentIndexChanged.connect(self._revalidate)
        self.platforms.itemChanged.connect(self._revalidate)
        self._lay_out()

    def _error_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"error-{name}")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setStyleSheet(f"color: {tone('bad').name()};")
        label.hide()
        return label

    def _line(self, label: str, accessible: str) -> QLineEdit:
        edit = QLineEdit()
        # Named by its visible label (WCAG 2.5.3); the longer hint is its description.
        edit.setAccessibleName(label.replace("&", ""))
        edit.setAccessibleDescription(accessible)
        edit.setProperty("form_label", label)
        return edit

    def _platform_list(self) -> QListWidget:
        widget = QListWidget()
        roomy_rows(widget)  # rows and tick boxes 24 px apart
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
            extra = GENERAL_NOTE if platform.id == GENERAL_ID else ""
            item = QListWidgetItem(platform.name + origin + extra)
            item.setData(Qt.ItemDataRole.UserRole, platform.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = platform.id in ticked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            widget.addItem(item)

    def _lay_out(self) -> None:
        layout = QFormLayout(self)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        rows: tuple[tuple[str, QWidget, str | None], ...] = (
            (str(self.name.property("form_label")), self.name, "display_name"),
            (str(self.role.property("form_label")), self.role, None),
            (str(self.organisation.property("form_label")), self.organisation, None),
            ("&Regulator", self.regulator, "regulator"),
            ("Code &edition", self.edition, None),
            (str(self.supervisor.property("form_label")), self.supervisor, None),
            ("&Platforms you use", self.platforms, "platform_ids"),
            ("Re-&check", self.recheck, "recheck_days"),
        )
        for label, widget, field in rows:
            layout.addRow(self._buddy(label, widget), widget)
            if field is not None:
                layout.addRow("", self.field_errors[field])
        layout.addRow("", self.with_children)

    @staticmethod
    def _buddy(text: str, widget: QWidget) -> QLabel:
        label = QLabel(text if "&" in text else f"&{text}")
        label.setBuddy(widget)
        return label

    def _fill_editions(self, chosen: str | None = None) -> None:
        """The editions of the chosen regulator's code held by Footprint, default marked."""
        regulator = self._codes.regulator(self.regulator.currentData() or "")
        self.edition.clear()
        if regulator is None:
            self.edition.setEnabled(False)
            return
        for edition in regulator.editions:
            default = " (the one in force)" if edition.id == regulator.default_edition else ""
            self.edition.addItem(f"{edition.label}{default}", edition.id)
        wanted = chosen or regulator.default_edition
        self.edition.setCurrentIndex(max(0, self.edition.findData(wanted)))
        self.edition.setEnabled(len(regulator.editions) > 1)

    def checked_platform_ids(self) -> tuple[str, ...]:
        """The ids of the platforms ticked, in the list's order."""
        items = (self.platforms.item(row) for row in range(self.platforms.count()))
        return tuple(
            item.data(Qt.ItemDataRole.UserRole)
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )

    def profile(self, base: WorkerProfile | None = None) -> WorkerProfile:
        """The profile the form shows, on top of `base` (which keeps what the form lacks)."""
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
            "works_with_children": self.with_children.isChecked(),
            "code_edition": self._chosen_edition(),
        }
        return replace(base, **values) if base else WorkerProfile(**values)

    def set_profile(self, profile: WorkerProfile) -> None:
        """Fill the form from `profile`."""
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
        self.with_children.setChecked(profile.works_with_children)
        self._fill_editions(profile.code_edition)

    def _chosen_edition(self) -> str | None:
        """The edition chosen; None when it is the regulator's default (so it follows a newer
        default when Footprint learns of one)."""
        regulator = self._codes.regulator(self.regulator.currentData() or "")
        chosen = self.edition.currentData()
        if regulator is None or chosen in (None, regulator.default_edition):
            return None
        return str(chosen)

    def validate(self) -> bool:
        """Show what must be fixed beside each field; True when the profile can be saved."""
        self._validated = True
        problems = self._show_problems()
        if problems:
            first = next(name for name in FIELDS if name in problems)
            self._field(first).setFocus(Qt.FocusReason.OtherFocusReason)
        return not problems

    def problems(self) -> dict[str, str]:
        """The problems shown now, by field."""
        return {name: label.text() for name, label in self.field_errors.items() if label.text()}

    def _revalidate(self) -> None:
        if self._validated:  # once the worker has tried to save, errors follow their fixes
            self._show_problems()

    def _show_problems(self) -> dict[str, str]:
        problems = profile_problems(self.profile(), self._catalogue.ids)
        for name, label in self.field_errors.items():
            message = problems.get(name, "")
            label.setText(message)
            label.setVisible(bool(message))
            self._field(name).setAccessibleDescription(message)
        return problems

    def _field(self, name: str) -> QWidget:
        return {
            "display_name": self.name,
            "regulator": self.regulator,
            "platform_ids": self.platforms,
            "recheck_days": self.recheck,
        }[name]
