"""Sign-in details: save or forget a username and password per platform, in the OS keyring.

Saving is switched off, with the reason, when there is no usable keyring; nothing ever falls
back to a file. "Forget browser sign-in" deletes the platform's browser profile.
"""

from __future__ import annotations

from collections.abc import Callable

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

from app import credentials
from app.automation.profiles import BrowserProfiles
from app.checklists.model import Platform
from app.footprint import Footprint

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
        parent: QWidget | None = None,
        can_forget_sign_in: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sign-in details")
        self._platforms = [p for p in footprint.catalogue.platforms if p.automation is not None]
        self._profiles = BrowserProfiles(footprint.home.browser_profiles)
        # While a read runs, its browser has the profile open: it cannot be deleted under it.
        self._can_forget_sign_in = can_forget_sign_in
        self.keyring_problem = credentials.keyring_status()
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
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for label in (intro, self.keyring_notice):
            layout.addWidget(label)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def refresh(self) -> None:
        for row, platform in enumerate(self._platforms):
            self.table.setItem(row, 0, QTableWidgetItem(platform.name))
            self.table.setItem(row, 1, QTableWidgetItem(self._saved_text(platform)))
            signed = "Kept" if self._profiles.has_sign_in(platform.id) else "None"
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
        try:
            saved = credentials.load(platform.id)
        except credentials.CredentialsUnavailableError as error:
            return str(error)
        return f"Saved for {saved.username}" if saved else "None"

    # -- actions ----------------------------------------------------------------------------
    def save(self) -> None:
        platform_id = self.platform_choice.currentData()
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            QMessageBox.information(self, "Sign-in details", "Enter a username and a password.")
            return
        try:
            credentials.save(platform_id, credentials.Credential(username, password))
        except credentials.CredentialsUnavailableError as error:
            QMessageBox.warning(self, "Sign-in details not saved", str(error))
            return
        finally:
            self.password.clear()  # never leave the password sitting in the form
        self.username.clear()
        self.refresh()

    def forget_details(self, platform_id: str) -> None:
        try:
            credentials.forget(platform_id)
        except credentials.CredentialsUnavailableError as error:
            QMessageBox.warning(self, "Sign-in details", str(error))
        self.refresh()

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
        self._profiles.forget(platform_id)
        self.refresh()
