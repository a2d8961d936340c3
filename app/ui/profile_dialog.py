"""First-launch onboarding and, later, Settings: the same form in a dialog."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.audit.profile import WorkerProfile
from app.autostart import set_autostart
from app.footprint import Footprint
from app.ui import preferences
from app.ui.policy_packs_box import PolicyPacksBox
from app.ui.profile_form import ProfileForm

WELCOME = (
    "<h2>Welcome to Footprint</h2>"
    "<p>Footprint walks you through the privacy settings of the platforms you use, so that "
    "people who use your service, their families and carers cannot find you, follow you or "
    "become your online friends. It takes about twenty minutes. Everything stays on this "
    "computer.</p><p>First, a few details for your report to supervision.</p>"
)


class ProfileDialog(QDialog):
    """Edits the worker's profile; saving is refused until the form is complete."""

    def __init__(
        self, *, footprint: Footprint, first_launch: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._footprint = footprint
        self._existing = footprint.profile()
        self.setWindowTitle("Welcome to Footprint" if first_launch else "Settings")
        self.form = ProfileForm(catalogue=footprint.catalogue, codes=footprint.codes)
        if self._existing is not None:
            self.form.set_profile(self._existing)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.delete_button: QPushButton | None = None
        layout = QVBoxLayout(self)
        if first_launch:
            intro = QLabel(WELCOME)
            intro.setWordWrap(True)
            layout.addWidget(intro)
        layout.addWidget(self.form)
        self.preference_boxes: dict[str, QCheckBox] = {}
        if not first_launch:
            layout.addWidget(self._reminder_preferences())
            self.policy_box = PolicyPacksBox(footprint=footprint)
            self.policy_box.changed.connect(lambda: self.form.set_catalogue(footprint.catalogue))
            layout.addWidget(self.policy_box)
            self.signin_button = QPushButton("Si&gn-in details for automatic reading…")
            self.signin_button.clicked.connect(self._open_credentials)
            buttons.addButton(self.signin_button, QDialogButtonBox.ButtonRole.ActionRole)
            self.delete_button = QPushButton("&Delete all my data…")
            self.delete_button.setAccessibleName("Delete all my Footprint data")
            buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        layout.addWidget(buttons)
        self.form.name.setFocus()

    def _open_credentials(self) -> None:
        from app.ui.credentials_dialog import CredentialsDialog

        CredentialsDialog(footprint=self._footprint, parent=self).exec()

    def _reminder_preferences(self) -> QGroupBox:
        box = QGroupBox("Reminders")
        column = QVBoxLayout(box)
        for preference in preferences.ALL:
            check = QCheckBox(preference.label)
            check.setChecked(preference.get())
            self.preference_boxes[preference.key] = check
            column.addWidget(check)
        return box

    def accept(self) -> None:
        if not self.form.validate():
            return
        self._footprint.save_profile(self.saved_profile())
        self._save_preferences()
        super().accept()

    def _save_preferences(self) -> None:
        for preference in preferences.ALL:
            check = self.preference_boxes.get(preference.key)
            if check is not None:
                preference.set(check.isChecked())
        if preferences.START_AT_LOGIN.key in self.preference_boxes:
            try:
                set_autostart(preferences.START_AT_LOGIN.get())
            except OSError as error:
                QMessageBox.warning(
                    self, "Start at login", f"Could not change the login entry: {error.strerror}"
                )

    def saved_profile(self) -> WorkerProfile:
        return self.form.profile(self._existing)
