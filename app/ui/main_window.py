"""The main window: the overview, the guided audit and its summary, one at a time."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QSystemTrayIcon,
)

from app.audit.overview import PlatformOverview
from app.audit.run import latest_answers
from app.audit.session import AuditSession
from app.footprint import Footprint
from app.storage import reads
from app.ui import preferences
from app.ui.audit_page import AuditPage, UrlOpener, open_in_browser
from app.ui.dashboard_page import DashboardPage
from app.ui.notifiers import DesktopNotifier, Notifier, TrayNotifier, tray_icon
from app.ui.profile_dialog import ProfileDialog
from app.ui.reminder_service import ReminderService
from app.ui.summary_page import SummaryPage

if TYPE_CHECKING:
    from app.exports.records import ExportImportRecord


def export_alerts(footprint: Footprint, rows: list[PlatformOverview]) -> frozenset[str]:
    """Platforms whose newest data export shows a switch to public after their last check."""
    newest: dict[str, ExportImportRecord] = {}
    for record in reads.load_export_imports(footprint.home.database):
        newest[record.platform_id] = record  # oldest first, so the newest wins
    last = {row.platform.id: row.last_checked for row in rows}

    def after_last_check(record: ExportImportRecord) -> bool:
        checked = last.get(record.platform_id)
        return checked is None or record.imported_at > checked

    return frozenset(
        pid for pid, record in newest.items() if record.public_switches and after_last_check(record)
    )


class MainWindow(QMainWindow):
    def __init__(
        self,
        *,
        footprint: Footprint,
        open_url: UrlOpener = open_in_browser,
        notifiers: Sequence[Notifier] | None = None,
    ) -> None:
        super().__init__()
        self._footprint = footprint
        self.tray = QSystemTrayIcon(tray_icon(), self)
        self.tray.setToolTip("Footprint")
        self.tray.activated.connect(lambda _reason: self.show_normal_window())
        self.reminders = ReminderService(
            footprint=footprint,
            notifiers=notifiers if notifiers is not None else (TrayNotifier(self.tray),
                                                               DesktopNotifier()),
            enabled=preferences.REMINDERS.get,
            parent=self,
        )  # fmt: skip
        self.setWindowTitle("Footprint — privacy self-audit")
        profile = footprint.profile()
        self.dashboard = DashboardPage()
        self.audit_page = AuditPage(
            codes=footprint.codes,
            regulator=profile.regulator if profile else "none",
            open_url=open_url,
        )
        self.summary_page = SummaryPage(open_url=open_url)
        self._stack = QStackedWidget()
        for page in (self.dashboard, self.audit_page, self.summary_page):
            self._stack.addWidget(page)
        self.setCentralWidget(self._stack)
        self._connect()
        self._add_shortcuts()
        self.refresh()
        self._restore_geometry()
        if footprint.open_run() is not None:
            self.resume_audit()

    def _connect(self) -> None:
        self.dashboard.start_audit_requested.connect(self.start_or_resume_audit)
        self.dashboard.recheck_requested.connect(self.recheck_platform)
        self.dashboard.settings_requested.connect(self.open_settings)
        self.dashboard.report_requested.connect(self.open_report)
        self.dashboard.history_requested.connect(self.open_history)
        self.dashboard.export_import_requested.connect(self.open_export_import)
        self.dashboard.snooze_requested.connect(self.snooze)
        self.reminders.due_changed.connect(
            lambda entries: self.dashboard.show_reminders(entries, self._footprint.clock.now())
        )
        self.audit_page.finished.connect(self._show_summary)
        self.audit_page.leave_requested.connect(self.show_dashboard)
        self.audit_page.automation_requested.connect(self.open_automation)
        self.summary_page.done.connect(self._finish_audit)

    def _add_shortcuts(self) -> None:
        quit_action = self.addAction("Quit")
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

    # -- overview ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the stored audits and show the overview's state."""
        footprint = self._footprint
        state = footprint.dashboard()
        open_text = None
        if state.open_run is not None:
            open_text = f"started {state.open_run.started_at.astimezone():%d %b %Y}"
        notices = [e.describe() for e in footprint.catalogue_errors]
        if notice := footprint.database.notice():
            notices.insert(0, notice)
        rows = state.overviews
        self.dashboard.show_state(
            profile=state.profile,
            rows=rows,
            now=footprint.clock.now(),
            open_audit=open_text,
            notices=notices,
            export_alerts=export_alerts(footprint, rows),
        )

    def start_reminders(self) -> None:
        """Show the tray icon where there is a tray, then check now and every hour."""
        self.tray.setVisible(QSystemTrayIcon.isSystemTrayAvailable())
        self.reminders.start()

    def snooze(self, platform_id: str, days: int) -> None:
        now = self._footprint.clock.now()
        until = now + timedelta(days=days) if days else None
        self._footprint.repository().snooze(platform_id, until)
        self.refresh()
        self.reminders.check_now()

    def open_automation(self) -> None:
        """Read settings in a browser; confirmed answers are recorded in the open audit."""
        from app.ui.automation_dialog import AutomationDialog

        session = self.audit_page.session
        dialog = AutomationDialog(footprint=self._footprint, session=session, parent=self)
        dialog.answers_confirmed.connect(lambda _results: self._after_automation())
        dialog.exec()

    def _after_automation(self) -> None:
        session = self.audit_page.session
        if session is not None:
            self._run_session(session)

    def open_export_import(self) -> None:
        from app.ui.export_import_dialog import ExportImportDialog

        dialog = ExportImportDialog(footprint=self._footprint, parent=self)
        dialog.imported.connect(lambda _id: self.refresh())
        dialog.review_saved.connect(lambda _id: self.refresh())
        dialog.exec()
        self.refresh()

    def open_history(self) -> None:
        from app.ui.history_dialog import HistoryDialog

        HistoryDialog(footprint=self._footprint, parent=self).exec()

    def show_normal_window(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def show_dashboard(self) -> None:
        self.refresh()
        self._stack.setCurrentWidget(self.dashboard)
        self.dashboard.table.setFocus()

    def ensure_profile(self) -> None:
        """On first launch, ask for the worker's details before anything else."""
        if self._footprint.profile() is None:
            self.open_settings(first_launch=True)

    def open_settings(self, first_launch: bool = False) -> None:
        dialog = ProfileDialog(footprint=self._footprint, first_launch=first_launch, parent=self)
        if dialog.delete_button is not None:
            dialog.delete_button.clicked.connect(lambda: self._delete_all_data(dialog))
        if dialog.exec():
            self.audit_page.set_regulator(dialog.saved_profile().regulator)
            app = QApplication.instance()
            if isinstance(app, QApplication):
                stays = preferences.KEEP_IN_TRAY.get() and self.tray.isVisible()
                app.setQuitOnLastWindowClosed(not stays)
        self.refresh()
        self.reminders.check_now()

    def _delete_all_data(self, dialog: ProfileDialog) -> None:
        answer = QMessageBox.warning(
            dialog,
            "Delete all your data?",
            "This deletes your profile, every audit and answer, backups of the database, "
            "employer policy packs, browser profiles and saved sign-in details from this "
            "computer. It cannot be undone. Reports you saved as PDF files are not touched.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._footprint.delete_all_data()
        dialog.reject()
        QMessageBox.information(self, "Data deleted", "All your Footprint data was deleted.")
        self.show_dashboard()
        self.ensure_profile()

    def open_report(self) -> None:
        from app.ui.report_dialog import ReportDialog

        ReportDialog(footprint=self._footprint, parent=self).exec()

    # -- audits -----------------------------------------------------------------------------
    def start_or_resume_audit(self) -> None:
        if self._footprint.open_run() is not None:
            self.resume_audit()
            return
        profile = self._footprint.profile()
        if profile is None:
            return
        ids = tuple(pid for pid in profile.platform_ids if self._footprint.catalogue.get(pid))
        self._begin(ids)

    def recheck_platform(self, platform_id: str) -> None:
        self._begin((platform_id,))

    def _begin(self, platform_ids: tuple[str, ...]) -> None:
        footprint = self._footprint
        session = AuditSession.start(
            platform_ids, footprint.catalogue, footprint.repository(), footprint.clock
        )
        self._run_session(session)

    def resume_audit(self) -> None:
        footprint = self._footprint
        run = footprint.open_run()
        if run is None:
            return
        session = AuditSession(run, footprint.catalogue, footprint.repository(), footprint.clock)
        self._run_session(session)

    def _run_session(self, session: AuditSession) -> None:
        earlier = latest_answers(
            answer
            for run in self._footprint.history()
            if run.id != session.run.id
            for answer in run.answers.values()
        )
        self._stack.setCurrentWidget(self.audit_page)
        self.audit_page.start(session, earlier)

    def _show_summary(self) -> None:
        session = self.audit_page.session
        if session is None:
            return
        self.summary_page.show_session(session, self._footprint.history())
        self._stack.setCurrentWidget(self.summary_page)
        self.summary_page.actions_list.setFocus()

    def _finish_audit(self) -> None:
        session = self.audit_page.session
        if session is not None:
            session.finish_now()
        self.show_dashboard()

    # -- window -----------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = QSettings().value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(960, 640)

    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        if preferences.KEEP_IN_TRAY.get() and self.tray.isVisible():
            # Reminders keep running; the tray icon brings the window back.
            event.ignore()
            self.hide()
            return
        super().closeEvent(event)
