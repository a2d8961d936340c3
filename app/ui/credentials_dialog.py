"""Sign-in details: save or forget a username and password per platform, in the OS keyring.

Saving is switched off, with the reason, when there is no usable keyring; nothing ever falls
back to a file. "Forget browser sign-in" deletes the platform's browser profile.

The keyring is touched only when the worker saves or forgets, and then off the UI thread (a
locked keyring may ask for its password). What is shown as saved comes from Footprint's record
of the entries it created, so opening this window never reads a password.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.checklists.model import Platform
from app.footprint import Background, Footprint
from app.ui.jobs import Job, JobRunner

INTRO = (
    "Footprint can fill a platform's sign-in form for you when it reads your settings. The "
    "password is kept in your computer's keyring (the system's password store) and nowhere "
    "else. You can always sign in by hand in the browser window instead."
)


class CredentialsDialog(QDialog):
    """One row per platform Footprint can read: saved details, browser sign-in, forget."""

    def __init__(
        self,
        *,
        footprint: Footprint,
        jobs: JobRunner,
        parent: QWidget | None = None,
        can_forget_sign_in: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sign-in details")
        self._footprint = footprint
        self._jobs = jobs
        self._job: Job | None = None
        self._job_platform = ""
        self._platforms = [p for p in footprint.catalogue.platforms if p.automation is not None]
        # While a read runs, its browser has the profile open: it cannot be deleted under it.
        self._can_forget_sign_in = can_forget_sign_in
        self.keyring_problem = footprint.keyring_problem()
        self._build()
        self.refresh()

    def _build(self) -> None:
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.keyring_notice = QLabel(self.keyring_problem or "")
        self.keyring_notice.setWordWrap(True)
        self.keyring_notice.setObjectName("keyring-notice")
        self.keyring_notice.setVisible(bool(self.keyring_problem))
        self.platform_choice = QComboBox()
        for platform in self._platforms:
            self.platform_choice.addItem(platform.name, platform.id)
        self.username = QLineEdit()
        self.username.setAccessibleName("Username or email for the platform")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName("Password for the platform")
        self.save_button = QPushButton("&Save to keyring")
        self.save_button.clicked.connect(self.save)
        for widget in (self.platform_choice, self.username, self.password, self.save_button):
            widget.setEnabled(self.keyring_problem is None)
        form = QFormLayout()
        form.addRow("Platform", self.platform_choice)
        form.addRow("Username or email", self.username)
        form.addRow("Password", self.password)
        form.addRow("", self.save_button)
        self.table = QTableWidget(len(self._platforms), 5)
        self.table.setHorizontalHeaderLabels(
            ("Platform", "Saved details", "Browser sign-in", "", "")
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.status = QLabel()
        self.status.setObjectName("keyring-status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for label in (intro, self.keyring_notice):
            layout.addWidget(label)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def refresh(self) -> None:
        """Show what is saved, from Footprint's own record (no keyring read)."""
        self._saved = self._footprint.saved_sign_ins()
        for row, platform in enumerate(self._platforms):
            self.table.setItem(row, 0, QTableWidgetItem(platform.name))
            self.table.setItem(row, 1, QTableWidgetItem(self._saved_text(platform)))
            signed = "Kept" if self._footprint.has_browser_sign_in(platform.id) else "None"
            self.table.setItem(row, 2, QTableWidgetItem(signed))
            forget = self._button("Forget details", platform, self.forget_details)
            self.table.setCellWidget(row, 3, forget)
            browser = self._button("Forget browser sign-in", platform, self.forget_browser)
            self.table.setCellWidget(row, 4, browser)
        self.table.resizeColumnsToContents()

    def _button(self, text: str, platform: Platform, action: Callable[[str], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(f"{text}: {platform.name}")
        button.clicked.connect(lambda: action(platform.id))
        return button

    def _saved_text(self, platform: Platform) -> str:
        if self.keyring_problem:
            return "Not available"
        return "Saved in your keyring" if platform.id in self._saved else "None"

    # -- actions ----------------------------------------------------------------------------
    def save(self) -> None:
        """Save the typed details in the keyring (off the UI thread), then forget the form."""
        platform_id = self.platform_choice.currentData()
        username, password = self.username.text().strip(), self.password.text()
        self.password.clear()  # never leave the password sitting in the form
        if not username or not password:
            QMessageBox.information(self, "Sign-in details", "Enter a username and a password.")
            return
        saving = self._footprint.save_sign_in(platform_id, username, password)
        del password
        self.username.clear()
        self._start(
            platform_id,
            saving,
            "Saving in your keyring…",
            self._saved_done,
        )

    def forget_details(self, platform_id: str) -> None:
        """Delete the platform's details from the keyring (off the UI thread)."""
        self._start(
            platform_id,
            self._footprint.forget_sign_in(platform_id),
            "Removing from your keyring…",
            self._forgotten_done,
        )

    def _start(
        self,
        platform_id: str,
        work: Background[object],
        status: str,
        done: Callable[[object], None],
    ) -> None:
        if self._job is not None:
            return
        job = Job.of(work)
        job.finished.connect(done)
        job.failed.connect(self._keyring_failed)
        job.ended.connect(self._job_ended)
        self._job_platform = platform_id
        self.status.setText(status)
        self._set_busy(True)
        self._job = self._jobs.start(job)

    def _saved_done(self, _result: object) -> None:
        self._footprint.sign_in_saved(self._job_platform)
        self.status.setText("Saved in your keyring.")
        self.refresh()

    def _forgotten_done(self, _result: object) -> None:
        self._footprint.sign_in_forgotten(self._job_platform)
        self.status.setText("Removed from your keyring.")
        self.refresh()

    def _keyring_failed(self, message: str) -> None:
        self.status.setText(message)
        QMessageBox.warning(self, "Sign-in details", message)

    def _job_ended(self) -> None:
        self._job = None
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        usable = self.keyring_problem is None and not busy
        for widget in (self.platform_choice, self.username, self.password, self.save_button):
            widget.setEnabled(usable)
        self.table.setEnabled(not busy)

    @property
    def is_busy(self) -> bool:
        """Whether a keyring call is running."""
        return self._job is not None

    def forget_browser(self, platform_id: str) -> None:
        """ "Forget sign-in": the platform's browser profile (cookies) is deleted."""
        if not self._can_forget_sign_in():
            QMessageBox.information(
                self,
                "Sign-in details",
                "Footprint is reading your settings in that browser. Stop reading first, then "
                "forget the sign-in.",
            )
            return
        self._footprint.forget_browser_sign_in(platform_id)
        self.refresh()


def show_sign_in_details(
    footprint: Footprint, jobs: JobRunner, parent: QWidget, can_forget_sign_in: Callable[[], bool]
) -> None:
    """Open "Sign-in details" until it closes, then free it."""
    dialog = CredentialsDialog(
        footprint=footprint, jobs=jobs, parent=parent, can_forget_sign_in=can_forget_sign_in
    )
    dialog.exec()
    dialog.deleteLater()
