"""First-launch onboarding and, later, Settings: the same form in a dialog."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QShowEvent
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
from app.autostart import is_autostart_enabled, set_autostart
from app.checklists.file_errors import ChecklistError
from app.footprint import Footprint
from app.ui import preferences
from app.ui.jobs import JobRunner
from app.ui.layouts import scroll_area
from app.ui.policy_packs_box import PolicyPacksBox
from app.ui.profile_form import ProfileForm
from app.ui.public_profiles_box import PublicProfilesBox
from app.ui.screen import fit_to_screen
from app.ui.startup_dialogs import plain_message_box

WELCOME = (
    "<h2>Welcome to Footprint</h2>"
    "<p>Footprint walks you through the privacy settings of the platforms you use, so that "
    "people who use your service, their families and carers cannot find you, follow you or "
    "become your online friends. It takes about a minute a setting, and you can pause "
    "whenever you like. Everything stays on this "
    "computer.</p><p>First, a few details for your report to supervision.</p>"
)


class ProfileDialog(QDialog):
    """Edits the worker's profile; saving is refused until the form is complete.

    Signals:
        delete_requested: the worker pressed "Delete all my data…" (the dialog then closes;
            the main window asks for confirmation and deletes).
    """

    delete_requested = Signal()

    def __init__(
        self,
        *,
        footprint: Footprint,
        jobs: JobRunner,
        first_launch: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._footprint = footprint
        self._jobs = jobs
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
        self._buttons = buttons
        self.delete_button: QPushButton | None = None
        self.policy_box: PolicyPacksBox | None = None
        content = QWidget()
        column = QVBoxLayout(content)
        if first_launch:
            intro = QLabel(WELCOME)
            intro.setWordWrap(True)
            column.addWidget(intro)
        column.addWidget(self.form)
        self.preference_boxes: dict[str, QCheckBox] = {}
        self.addresses_box: PublicProfilesBox | None = None
        self.watch_check: QCheckBox | None = None
        self.reread_checks: dict[str, QCheckBox] = {}
        if not first_launch:
            self.addresses_box = PublicProfilesBox(fields=footprint.public_address_fields())
            column.addWidget(self.addresses_box)
            # The watch's opt-in (issue 28), off until chosen, in the plain words.
            self.watch_check = QCheckBox(
                "Look at my public profiles once a week, as a stranger would (signed out)"
            )
            self.watch_check.setChecked(footprint.watch_choice().signed_out)
            column.addWidget(self.watch_check)
            column.addWidget(self._reread_choices())
            column.addWidget(self._reminder_preferences())
            self.policy_box = PolicyPacksBox(footprint=footprint)
            self.policy_box.changed.connect(self._packs_changed)
            column.addWidget(self.policy_box)
            self.signin_button = QPushButton("Si&gn-in details for automatic reading…")
            self.signin_button.clicked.connect(self._open_credentials)
            buttons.addButton(self.signin_button, QDialogButtonBox.ButtonRole.ActionRole)
            self.delete_button = QPushButton("&Delete all my data…")
            self.delete_button.setAccessibleDescription(
                "Deletes all your Footprint data from this computer, after asking"
            )
            self.delete_button.clicked.connect(self._delete_requested)
            buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        # In a scroll area, so the dialog fits a small or magnified screen.
        layout = QVBoxLayout(self)
        layout.addWidget(scroll_area(content, framed=False), 1)
        layout.addWidget(buttons)
        self.form.name.setFocus()
        hint = content.sizeHint()
        fit_to_screen(self, QSize(max(hint.width() + 60, 640), hint.height() + 90))

    def showEvent(self, event: QShowEvent) -> None:
        """Make Tab follow the buttons in the order the platform shows them."""
        super().showEvent(event)
        # The button box places its buttons in the platform's own order; Tab follows it.
        buttons = sorted(self._buttons.buttons(), key=lambda button: button.x())
        for first, second in zip(buttons, buttons[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _packs_changed(self) -> None:
        assert self.policy_box is not None
        self.form.set_catalogue(self.policy_box.preview_catalogue())

    def _delete_requested(self) -> None:
        self.delete_requested.emit()
        self.reject()

    def _open_credentials(self) -> None:
        from app.ui.credentials_dialog import CredentialsDialog

        dialog = CredentialsDialog(footprint=self._footprint, jobs=self._jobs, parent=self)
        dialog.exec()
        dialog.deleteLater()

    def _reread_choices(self) -> QGroupBox:
        """Per platform, off until ticked: the watch's signed-in re-reads (issue 28)."""
        box = QGroupBox("Also re-read my settings when I am already signed in on this computer")
        column = QVBoxLayout(box)
        note = QLabel(
            "Only on a sign-in Footprint's browser already keeps for that platform. The watch "
            "never types your password or opens a sign-in form: when the platform has signed "
            "you out it stops and says “signed out — re-check by hand”."
        )
        note.setWordWrap(True)
        column.addWidget(note)
        chosen = self._footprint.signed_in_watch_choices()
        for platform_id, name in self._footprint.rereadable_platforms():
            check = QCheckBox(name)
            check.setAccessibleName(f"{name}: also re-read my settings when already signed in")
            check.setChecked(platform_id in chosen)
            self.reread_checks[platform_id] = check
            column.addWidget(check)
        return box

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
        """Save, once the form is complete: packs first (they change the platforms)."""
        if not self.form.validate():
            return
        if not self._save_addresses():
            return
        if not self._apply_packs():
            return
        self._footprint.save_profile(self.saved_profile())
        self._save_preferences()
        self._save_watch_choice()
        super().accept()

    def _save_watch_choice(self) -> None:
        if self.watch_check is None:
            return
        chosen = self.watch_check.isChecked()
        if chosen != self._footprint.watch_choice().signed_out:
            self._footprint.choose_watch(chosen)
        rereads = self._footprint.signed_in_watch_choices()
        for platform_id, check in self.reread_checks.items():
            if check.isChecked() != (platform_id in rereads):
                self._footprint.choose_signed_in_watch(platform_id, check.isChecked())

    def _save_addresses(self) -> bool:
        """Save the public addresses in their public form, or show what is wrong with them."""
        if self.addresses_box is None:
            return True
        problems = self._footprint.save_public_addresses(self.addresses_box.typed())
        self.addresses_box.show_problems(problems)
        return not problems

    def _apply_packs(self) -> bool:
        if self.policy_box is None:
            return True
        try:
            added = self.policy_box.apply()
        except (ChecklistError, OSError) as error:
            detail = error.describe() if isinstance(error, ChecklistError) else str(error)
            title = "Policy pack not imported"
            plain_message_box(QMessageBox.Icon.Warning, title, detail, self).exec()  # quotes it
            return False
        for pack in added:
            names = {p.id: p.name for p in self._footprint.catalogue.platforms}
            effect = pack.effect(names)
            _plain_message(self, "Policy pack imported", f"{pack.summary()}\n\n{effect}")
        return True

    def _save_preferences(self) -> None:
        for preference in preferences.ALL:
            check = self.preference_boxes.get(preference.key)
            if check is not None:
                preference.set(check.isChecked())
        if preferences.START_AT_LOGIN.key in self.preference_boxes:
            try:
                set_autostart(preferences.START_AT_LOGIN.get())
            except OSError as error:
                # The tick must say what the system does: a refused or failed change leaves
                # the login entry as it was, so the preference follows the entry.
                preferences.START_AT_LOGIN.set(is_autostart_enabled())
                QMessageBox.warning(
                    self, "Start at login", f"Could not change the login entry: {error.strerror}"
                )

    def saved_profile(self) -> WorkerProfile:
        """The profile as the form now says, on top of the one being edited."""
        return self.form.profile(self._existing)


def _plain_message(parent: QWidget, title: str, text: str) -> None:
    """An information box whose text (from a file) is never read as markup."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text.strip(), parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
