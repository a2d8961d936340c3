"""The main window's menus and dialogs: each opened, run to its end, and what follows.

`MainWindow` (app/ui/main_window.py) is a `DialogsWindow`: the pages, the overview and the
audit live there; this base class holds the menus, the dialogs and the deletion of all data.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QSystemTrayIcon,
)

from app.footprint import DashboardView, Footprint
from app.ui import preferences
from app.ui.dashboard_page import DashboardPage
from app.ui.jobs import Job, JobRunner
from app.ui.links import UrlOpener

if TYPE_CHECKING:
    from app.ui.audit_page import AuditPage
    from app.ui.summary_page import SummaryPage
    from app.ui.watch_runner import WatchRunner

Keys = QKeySequence | QKeySequence.StandardKey | None


class DialogsWindow(QMainWindow):
    """The dialogs of Footprint's window; `MainWindow` provides the parts declared here."""

    _footprint: Footprint
    _open_url: UrlOpener
    _view: DashboardView
    _audit_page: AuditPage | None
    _summary_page: SummaryPage | None
    _stack: QStackedWidget
    jobs: JobRunner
    watch: WatchRunner
    tray: QSystemTrayIcon
    dashboard: DashboardPage

    @property
    def audit_page(self) -> AuditPage:
        """The guided audit's page (built by `MainWindow` when first needed)."""
        raise NotImplementedError

    def refresh(self, *_changed: object) -> DashboardView:
        """Read the stored audits once and show them everywhere (`MainWindow`)."""
        raise NotImplementedError

    def show_dashboard(self) -> None:
        """Show the overview, up to date (`MainWindow`)."""
        raise NotImplementedError

    def ensure_profile(self) -> None:
        """Ask for the worker's details if there are none yet (`MainWindow`)."""
        raise NotImplementedError

    def start_or_resume_audit(self) -> None:
        """Resume the unfinished audit or start one (`MainWindow`)."""
        raise NotImplementedError

    def recheck_selected(self) -> None:
        """Re-check the platform selected on the overview (`MainWindow`)."""
        raise NotImplementedError

    def undo_fix(self) -> None:
        """Undo the latest "I fixed it" (`MainWindow`)."""
        raise NotImplementedError

    def save_calendar(self, path: Path | None = None) -> bool:
        """Save the re-checks calendar (`MainWindow`)."""
        raise NotImplementedError

    def quit(self) -> None:
        """Quit, even when Footprint would stay in the tray (`MainWindow`)."""
        raise NotImplementedError

    def show_shortcuts(self) -> None:
        """The keyboard shortcuts, in a window of their own."""
        from app.ui.help_dialogs import show_shortcuts

        show_shortcuts(self)

    def show_data_help(self) -> None:
        """How Footprint keeps the worker's data."""
        from app.ui.help_dialogs import show_data_help

        show_data_help(self, self._footprint)

    def show_about(self) -> None:
        """About Footprint."""
        from app.ui.about_dialog import show_about

        show_about(self, self._footprint)

    def open_automation(self) -> None:
        """Read settings in a browser; confirmed answers are recorded in the open audit."""
        from app.ui.automation_dialog import AutomationDialog

        session = self.audit_page.session
        dialog = AutomationDialog(
            footprint=self._footprint,
            jobs=self.jobs,
            session=session,
            parent=self,
            watch=self.watch,
        )
        dialog.answers_confirmed.connect(self._after_automation)
        self._exec(dialog)

    def _after_automation(self, _results: object = None) -> None:
        if self.audit_page.session is not None:
            self.audit_page.show_current()

    def open_stranger_view(self) -> None:
        """Look at the worker's public profiles as a stranger; the findings then show as
        evidence beside the audit's items."""
        from app.ui.stranger_dialog import StrangerDialog

        dialog = StrangerDialog(footprint=self._footprint, jobs=self.jobs, parent=self)
        wants_settings = [False]
        dialog.settings_requested.connect(lambda: wants_settings.__setitem__(0, True))
        self._exec(dialog)
        self._show_outside_evidence()
        if wants_settings[0]:
            self.open_settings()

    def _show_outside_evidence(self) -> None:
        if self._audit_page is None:
            return  # an audit shown later gets the evidence then
        self.audit_page.set_outside_evidence(self._footprint.outside_evidence())
        if self.audit_page.session is not None and self.audit_page.session.position():
            self.audit_page.show_current()

    def open_self_search(self, _item_id: str | None = None) -> None:
        """Prepared searches of the worker's name; what they found is recorded in the open
        audit when it includes the general checks (otherwise the window says how to)."""
        from app.ui.window_actions import self_search_dialog

        dialog = self_search_dialog(
            self._footprint,
            self._view.profile,
            self.audit_page.session,
            self.audit_page.forget_draft,
            self._open_url,
            self,
        )
        recorded: list[str] = []
        dialog.answer_recorded.connect(recorded.append)
        self._exec(dialog)
        if not recorded:
            return
        if self._audit_page is not None and self._stack.currentWidget() is self._audit_page:
            self.audit_page.show_current()  # the answer shows, or the audit moves on
        else:
            self.refresh()  # opened from the menu elsewhere: the overview counts the answer

    def open_export_import(self) -> None:
        """Open the data-export import; the dashboard refreshes after it saves."""
        from app.ui.export_import_dialog import ExportImportDialog

        dialog = ExportImportDialog(footprint=self._footprint, jobs=self.jobs, parent=self)
        dialog.imported.connect(self.refresh)
        dialog.review_saved.connect(self.refresh)
        self._exec(dialog)
        self.refresh()

    def open_history(self, platform_id: str | None = None) -> None:
        """Open the history of the worker's audits, at `platform_id` if given."""
        from app.ui.history_dialog import HistoryDialog

        self._exec(HistoryDialog(footprint=self._footprint, platform_id=platform_id, parent=self))

    def open_settings(self, first_launch: bool = False) -> None:
        """Onboarding on first launch; Settings afterwards (deletion starts from there)."""
        from app.ui.profile_dialog import ProfileDialog

        dialog = ProfileDialog(
            footprint=self._footprint, jobs=self.jobs, first_launch=first_launch, parent=self
        )
        deletion = [False]
        dialog.delete_requested.connect(lambda: deletion.__setitem__(0, True))
        if self._exec(dialog):
            app = QApplication.instance()
            if isinstance(app, QApplication):
                stays = preferences.KEEP_IN_TRAY.get() and self.tray.isVisible()
                app.setQuitOnLastWindowClosed(not stays)
        view = self.refresh()
        if deletion[0]:
            self.delete_all_data()
        elif first_launch and view.profile is not None:
            self.dashboard.start_button.setFocus()

    def delete_all_data(self) -> None:
        """After confirmation: every file now; the recorded keyring entries in a job."""
        from app.ui.window_actions import confirm_deletion

        if not confirm_deletion(self):
            return
        services = self._footprint.keyring_services()
        self._footprint.delete_all_files()
        if self._summary_page is not None:
            self._summary_page.clear()
        self.show_dashboard()  # every view shows the empty data home at once
        if services:
            self._forget_keyring_entries(services)
        else:
            self._data_deleted(None)

    def _forget_keyring_entries(self, services: list[str]) -> None:
        self.statusBar().showMessage("Removing your sign-in details from the keyring…")
        job = Job.of(self._footprint.forget_keyring_entries(services))
        job.finished.connect(lambda outcome: self._data_deleted(outcome[1]))
        job.failed.connect(self._data_deleted)
        self.jobs.start(job)

    def _data_deleted(self, keyring_problem: str | None) -> None:
        from app.ui.window_actions import tell_data_deleted

        self.statusBar().clearMessage()
        tell_data_deleted(self, keyring_problem)
        self.ensure_profile()

    def open_report(self) -> None:
        """Open the supervision report."""
        from app.ui.report_dialog import ReportDialog

        self._exec(ReportDialog(footprint=self._footprint, jobs=self.jobs, parent=self))

    def _exec(self, dialog: QDialog) -> int:
        """Show a dialog until it closes, then free it (and whatever it held, such as the
        names in an export)."""
        try:
            return dialog.exec()
        finally:
            dialog.deleteLater()


def build_menus(window: DialogsWindow) -> QAction:
    """The menu bar: every action of the window, with its usual key; the undo action."""
    bar = window.menuBar()
    file = bar.addMenu("&File")
    _action(file, "Make a &report…", window.open_report, QKeySequence.StandardKey.Print)
    _action(file, "&Import a data export…", window.open_export_import)
    _action(file, "Add re-checks to my &calendar…", window.save_calendar)
    _action(file, "&Settings…", window.open_settings, QKeySequence("Ctrl+,"))
    file.addSeparator()
    _action(file, "&Quit", window.quit, QKeySequence.StandardKey.Quit)
    edit = bar.addMenu("&Edit")
    undo_keys = QKeySequence.StandardKey.Undo
    undo = _action(edit, "&Undo “I fixed it”", window.undo_fix, undo_keys)
    undo.setEnabled(False)  # the summary page enables it
    audit = bar.addMenu("&Audit")
    new = QKeySequence.StandardKey.New
    _action(audit, "&Start or resume an audit", window.start_or_resume_audit, new)
    _action(audit, "&Re-check the selected platform", window.recheck_selected)
    _action(audit, "&History…", window.open_history, QKeySequence("Ctrl+H"))
    _action(audit, "See what a stran&ger sees…", window.open_stranger_view)
    _action(audit, "Search &yourself…", window.open_self_search)
    help_menu = bar.addMenu("&Help")
    contents = QKeySequence.StandardKey.HelpContents
    _action(help_menu, "&Keyboard shortcuts", window.show_shortcuts, contents)
    _action(help_menu, "How Footprint keeps your &data", window.show_data_help)
    _action(help_menu, "&About Footprint", window.show_about)
    return undo


def _action(menu: QMenu, text: str, slot: Callable[[], object], keys: Keys = None) -> QAction:
    action = menu.addAction(text)
    if keys is not None:
        action.setShortcut(keys)
    action.triggered.connect(lambda _checked=False: slot())
    return action
