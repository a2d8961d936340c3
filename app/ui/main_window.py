"""The main window: the overview, the guided audit and its summary, one at a time."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QSystemTrayIcon,
)

from app.audit.verdicts import fixes_outside
from app.autostart import set_autostart
from app.footprint import Footprint
from app.formatting import plural, short_date
from app.services.audits import AuditStart
from app.services.dashboard import DashboardView
from app.ui import preferences
from app.ui.dashboard_page import DashboardPage
from app.ui.hidden_pages import HiddenPageStates
from app.ui.jobs import Job, JobRunner
from app.ui.layouts import scroll_area
from app.ui.links import UrlOpener, open_in_browser
from app.ui.notifiers import DesktopNotifier, Notifier, TrayNotifier, tray_icon
from app.ui.reminder_service import ReminderService
from app.ui.screen import frame_record, keep_on_screen, restore_frame

if TYPE_CHECKING:  # imported when first shown, so the overview opens sooner (issue 24)
    from app.services.watch_runs import WatchRun
    from app.stranger.look import OutsideConfig
    from app.ui.audit_page import AuditPage
    from app.ui.summary_page import SummaryPage

FRAME_KEY = "main_window/frame"  # app.ui.screen.frame_record


class MainWindow(QMainWindow):
    """Footprint's window: the dashboard, the audit and its summary, the menus and tray."""

    def __init__(
        self,
        *,
        footprint: Footprint,
        open_url: UrlOpener = open_in_browser,
        notifiers: Sequence[Notifier] | None = None,
    ) -> None:
        super().__init__()
        self._footprint = footprint
        self._open_url = open_url
        self._view: DashboardView
        self._quitting = False
        self.jobs = JobRunner(self)
        self.tray = QSystemTrayIcon(tray_icon(), self)
        self.tray.setToolTip("Footprint")
        self.tray.activated.connect(lambda _reason: self.show_normal_window())
        defaults: list[Notifier] = [TrayNotifier(self.tray), DesktopNotifier()]
        self._notifiers = list(notifiers) if notifiers is not None else defaults
        self.reminders = ReminderService(
            clock=footprint.clock,
            notifiers=self._notifiers,
            enabled=preferences.REMINDERS.get,
            parent=self,
        )  # fmt: skip
        # The opt-in watch (issue 28): signed-out looks while the app runs, off until chosen.
        from app.ui.watch_runner import WatchRunner

        self.watch = WatchRunner(footprint, self.jobs, self._watch_config, parent=self)
        self.watch.ran.connect(self._watch_ran)
        self.setWindowTitle("Footprint — privacy self-audit")
        self.dashboard = DashboardPage()
        # The audit and its summary are built when first needed: most starts only show the
        # overview, and those pages are a good part of start-up (issue 24).
        self._audit_page: AuditPage | None = None
        self._summary_page: SummaryPage | None = None
        self._stack = QStackedWidget()
        self._stack.addWidget(self.dashboard)
        HiddenPageStates(self._stack)  # no stale focused cell on a hidden page (issue 31)
        # In a scroll area: at 200 % on a small laptop a page may be taller or wider than the
        # screen, and every button must still be reachable (issue 31).
        self.setCentralWidget(scroll_area(self._stack, framed=False))
        self._connect()
        self._add_shortcuts()
        view = self.refresh()  # the one read of the database that opening the window needs
        self._restore_geometry()
        if view.open_run is not None:
            self.resume_audit()

    def _connect(self) -> None:
        self.dashboard.start_audit_requested.connect(self.start_or_resume_audit)
        self.dashboard.recheck_requested.connect(self.recheck_platform)
        self.dashboard.settings_requested.connect(self.open_settings)
        self.dashboard.report_requested.connect(self.open_report)
        self.dashboard.history_requested.connect(self.open_history)
        self.dashboard.platform_history_requested.connect(self.open_history)
        self.dashboard.discard_requested.connect(self.discard_audit)
        self.dashboard.fixed_requested.connect(self.mark_fixed)
        self.dashboard.export_import_requested.connect(self.open_export_import)
        self.dashboard.snooze_requested.connect(self.snooze)
        self.dashboard.stranger_requested.connect(self.open_stranger_view)
        self.reminders.check_requested.connect(self.refresh)
        self.reminders.due_changed.connect(
            lambda entries: self.dashboard.show_reminders(entries, self._footprint.clock.now())
        )

    @property
    def audit_page(self) -> AuditPage:
        """The guided audit's page, built the first time it is needed."""
        if self._audit_page is None:
            from app.ui.audit_page import AuditPage

            page = AuditPage(codes=self._footprint.codes, regulator="none", open_url=self._open_url)
            page.finished.connect(self._show_summary)
            page.leave_requested.connect(self.show_dashboard)
            page.automation_requested.connect(self.open_automation)
            page.self_search_requested.connect(self.open_self_search)
            page.discard_requested.connect(self.discard_audit)
            self._stack.addWidget(page)
            self._audit_page = page
            self._show_regulator()
        return self._audit_page

    @property
    def summary_page(self) -> SummaryPage:
        """The audit's summary page, built the first time it is needed."""
        if self._summary_page is None:
            from app.ui.summary_page import SummaryPage

            page = SummaryPage(open_url=self._open_url)
            page.done.connect(self._finish_audit)
            page.resume_skipped.connect(self.check_skipped_now)
            page.undo_available.connect(self.undo_action.setEnabled)
            self._stack.addWidget(page)
            self._summary_page = page
        return self._summary_page

    def _add_shortcuts(self) -> None:
        """The menu bar: every action of the window, with its usual key."""
        bar = self.menuBar()
        file = bar.addMenu("&File")
        self._action(file, "Make a &report…", self.open_report, QKeySequence.StandardKey.Print)
        self._action(file, "&Import a data export…", self.open_export_import)
        self._action(file, "Add re-checks to my &calendar…", self.save_calendar)
        self._action(file, "&Settings…", self.open_settings, QKeySequence("Ctrl+,"))
        file.addSeparator()
        self._action(file, "&Quit", self.quit, QKeySequence.StandardKey.Quit)
        edit = bar.addMenu("&Edit")
        self.undo_action = self._action(
            edit, "&Undo “I fixed it”", lambda: self.summary_page.undo(),
            QKeySequence.StandardKey.Undo,
        )  # fmt: skip
        self.undo_action.setEnabled(False)  # the summary page enables it
        audit = bar.addMenu("&Audit")
        self._action(audit, "&Start or resume an audit", self.start_or_resume_audit,
                     QKeySequence.StandardKey.New)  # fmt: skip
        self._action(audit, "&Re-check the selected platform", self.dashboard.recheck_selected)
        self._action(audit, "&History…", self.open_history, QKeySequence("Ctrl+H"))
        self._action(audit, "See what a stran&ger sees…", self.open_stranger_view)
        self._action(audit, "Search &yourself…", self.open_self_search)
        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "&Keyboard shortcuts", self._show_shortcuts,
                     QKeySequence.StandardKey.HelpContents)  # fmt: skip
        self._action(help_menu, "How Footprint keeps your &data", self._show_data_help)
        self._action(help_menu, "&About Footprint", self._show_about)

    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        keys: QKeySequence | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = menu.addAction(text)
        if keys is not None:
            action.setShortcut(keys)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def quit(self) -> None:
        """Quit Footprint, even when it would otherwise stay in the tray."""
        self._quitting = True
        self.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def _show_shortcuts(self) -> None:
        from app.ui.help_dialogs import show_shortcuts

        show_shortcuts(self)

    def _show_data_help(self) -> None:
        from app.ui.help_dialogs import show_data_help

        show_data_help(self, self._footprint)

    def _show_about(self) -> None:
        from app.ui.about_dialog import show_about

        show_about(self, self._footprint)

    # -- overview ---------------------------------------------------------------------------
    def refresh(self, *_changed: object) -> DashboardView:
        """Read the stored audits once and show them on every view that depends on them."""
        view = self._footprint.dashboard()
        self._view = view
        if self._audit_page is not None:
            self._show_regulator()
        notices = [*self._footprint.notices(), *view.watched]
        self.dashboard.show_state(view, notices=notices)
        self.reminders.consider(view)
        return view

    def _show_regulator(self) -> None:
        profile = self._view.profile
        self.audit_page.set_regulator(
            profile.regulator if profile else "none",
            profile.works_with_children if profile else False,
            profile.code_edition if profile else None,
        )

    @property
    def view(self) -> DashboardView:
        """The overview as last read."""
        return self._view

    def start_reminders(self) -> None:
        """Show the tray icon where there is a tray, then check now and every hour."""
        self.tray.setVisible(QSystemTrayIcon.isSystemTrayAvailable())
        self.reminders.start(self._view)
        self.watch.start()

    def _watch_ran(self, run: WatchRun | None) -> None:
        """Show what the watch found; drift is also announced, naming platform, change and
        time, by the first notifier that can (a look with nothing changed stays quiet)."""
        self.refresh()
        changes = [look.line() for look in run.looks if look.drift] if run else []
        if not changes:
            return
        title = "Footprint: the watch saw a setting slide back"
        for notifier in self._notifiers:
            if notifier.notify(title, "\n".join(changes)):
                break

    def _watch_config(self) -> OutsideConfig | None:
        """The browser automated reading uses, for the watch's signed-out looks (None: none)."""
        from app.automation.browsers import find_browser
        from app.stranger.look import OutsideConfig
        from app.ui.automation_dialog import browser_path

        browser = find_browser(browser_path())
        return OutsideConfig(browser, clock=self._footprint.clock) if browser else None

    def snooze(self, platform_id: str, days: int) -> None:
        """Silence a platform's reminder for `days` days (0: remind again now)."""
        self._footprint.snooze(platform_id, days)
        self.refresh()

    def open_automation(self) -> None:
        """Read settings in a browser; confirmed answers are recorded in the open audit."""
        from app.ui.automation_dialog import AutomationDialog

        session = self.audit_page.session
        dialog = AutomationDialog(
            footprint=self._footprint, jobs=self.jobs, session=session, parent=self
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
        from app.audit.answers import AnswerSource, AnswerStatus
        from app.checklists.loader import GENERAL_ID
        from app.checklists.self_search import SEARCH_ITEMS, SearchTerms
        from app.ui.self_search_dialog import SelfSearchDialog

        profile = self._view.profile
        general = self._footprint.catalogue.get(GENERAL_ID)
        items = tuple(i for i in general.items if i.id in SEARCH_ITEMS) if general else ()
        session = self.audit_page.session
        in_audit = session is not None and session.accepts_answers_for(GENERAL_ID)

        def record(item_id: str, status: AnswerStatus, note: str | None) -> None:
            assert session is not None
            session.record_for(GENERAL_ID, item_id, status, source=AnswerSource.MANUAL, note=note)
            self.audit_page.forget_draft(GENERAL_ID, item_id)

        answers = {
            i.id: a for i in items if session and (a := session.answer_for(GENERAL_ID, i.id))
        }
        dialog = SelfSearchDialog(
            terms=SearchTerms(
                name=profile.display_name if profile else "",
                organisation=profile.organisation if profile else "",
                role=profile.role if profile else "",
            ),
            items=items,
            record=record if in_audit else None,
            answers=answers,
            open_url=self._open_url,
            parent=self,
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

    def show_normal_window(self) -> None:
        """Bring the window back from the tray or a minimised state, in front."""
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def show_dashboard(self) -> None:
        """Show the dashboard, up to date, with the keyboard in its table."""
        self.refresh()
        self._stack.setCurrentWidget(self.dashboard)
        self.dashboard.table.setFocus()

    def ensure_profile(self) -> None:
        """On first launch, ask for the worker's details before anything else."""
        if self._view.profile is None:
            self.open_settings(first_launch=True)

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
        answer = QMessageBox.warning(
            self,
            "Delete all your data?",
            "This deletes your profile, every audit and answer, backups of the database, "
            "employer policy packs, browser profiles and the sign-in details Footprint saved in "
            "your keyring. It cannot be undone. Reports you saved as PDF files are not touched.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
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
        from app.services.data_deletion import forget_keyring_entries

        self.statusBar().showMessage("Removing your sign-in details from the keyring…")
        job = Job(lambda _context: forget_keyring_entries(services), name="forget keyring")
        job.finished.connect(lambda outcome: self._data_deleted(outcome[1]))
        job.failed.connect(self._data_deleted)
        self.jobs.start(job)

    def _data_deleted(self, keyring_problem: str | None) -> None:
        self.statusBar().clearMessage()
        message = "All your Footprint data was deleted."
        if keyring_problem:
            message += (
                f"\n\nYour saved sign-in details could not be removed from the keyring: "
                f"{keyring_problem} You can delete the entries named “Footprint/…” with your "
                "system's password manager."
            )
        QMessageBox.information(self, "Data deleted", message)
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

    # -- audits -----------------------------------------------------------------------------
    def start_or_resume_audit(self) -> None:
        """Resume the unfinished audit, or start one of all the worker's platforms."""
        view = self.refresh()
        if view.open_run is not None:
            self.resume_audit()
            return
        if view.profile is not None:
            self._show_audit(self._footprint.start_audit(view.profile.platform_ids, view))

    def recheck_platform(self, platform_id: str) -> None:
        """A new audit of one platform."""
        self._show_audit(self._footprint.start_audit((platform_id,), self.refresh()))

    def resume_audit(self) -> None:
        """Show the unfinished audit at its first unanswered item."""
        start = self._footprint.resume_audit(self._view)
        if start is not None:
            self._show_audit(start)

    def mark_fixed(self, platform_id: str, item_id: str) -> None:
        """ "I fixed it" on the overview's to-do list: a dated fix, then the overview again."""
        if self._footprint.mark_fixed(platform_id, item_id, self._view):
            item = self._footprint.catalogue.platform(platform_id).item(item_id)
            today = short_date(self._footprint.clock.now())
            self.statusBar().showMessage(f"Fixed on {today}: {item.action}.")
        else:
            self.statusBar().showMessage(
                "That setting is no longer on the to-do list; the overview is shown afresh."
            )
        self.refresh()
        self.dashboard.to_do.setFocus()

    def discard_audit(self) -> None:
        """After confirmation, throw the unfinished audit and its answers away."""
        run = self._view.open_run
        session = self._audit_page.session if self._audit_page is not None else None
        if session is not None and not session.run.is_complete:
            run = session.run
        if run is None:
            return
        answers = plural(len(run.answers), "answer")
        confirmed = QMessageBox.question(
            self,
            "Discard this audit?",
            f"This throws away the audit started on {short_date(run.started_at)} and the "
            f"{answers} given in it. Your earlier audits stay as they are.",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if confirmed != QMessageBox.StandardButton.Discard:
            return
        self._footprint.discard_audit(run.id)
        if self._audit_page is not None:
            self._audit_page.forget_session()
        self.show_dashboard()

    def _show_audit(self, start: AuditStart) -> None:
        self._stack.setCurrentWidget(self.audit_page)
        self.audit_page.set_outside_evidence(self._footprint.outside_evidence())
        self.audit_page.start(start.session, start.earlier)

    def check_skipped_now(self) -> None:
        """Back into the audit at the first setting of the platforms skipped in it."""
        session = self.audit_page.session
        if session is None:
            return
        session.resume_skipped()
        self._stack.setCurrentWidget(self.audit_page)
        self.audit_page.show_current()

    def _show_summary(self) -> None:
        session = self.audit_page.session
        if session is None:
            return
        view = self.refresh()
        elsewhere = fixes_outside(view.overviews, [p.id for p in session.platforms])
        self.summary_page.show_session(session, view.runs, elsewhere)
        first = not any(r.is_complete and r.id != session.run.id for r in view.runs)
        self.summary_page.offer_reminders(first, autostart=not preferences.START_AT_LOGIN.get())
        self._stack.setCurrentWidget(self.summary_page)
        self.summary_page.actions_list.setFocus()

    def _finish_audit(self) -> None:
        session = self.audit_page.session
        if session is not None:
            session.finish_now()
        autostart, calendar = self.summary_page.reminder_choices()
        self.summary_page.offer_reminders(False)
        self.show_dashboard()
        if autostart:
            self._start_at_login()
        if calendar:
            self.save_calendar()

    def _start_at_login(self) -> None:
        try:
            set_autostart(True)
        except OSError as error:
            QMessageBox.warning(
                self, "Start at login", f"Could not add the login entry: {error.strerror}"
            )
            return
        preferences.START_AT_LOGIN.set(True)
        self.statusBar().showMessage("Footprint will start quietly when you log in.")

    def save_calendar(self, path: Path | None = None) -> bool:
        """Save the re-checks calendar where the worker chooses (or at `path`); True if saved."""
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                "Add your re-checks to your calendar",
                str(Path.home() / "Footprint re-checks.ics"),
                "Calendar files (*.ics)",
            )
            if not chosen:
                return False
            path = Path(chosen)
        try:
            notes = self._footprint.save_reminders_calendar(path)
        except OSError as error:
            QMessageBox.warning(
                self, "Calendar not saved", f"Could not save {path}: {error.strerror}"
            )
            return False
        # In the status bar, not a box to dismiss: the file is saved, nothing to decide.
        self.statusBar().showMessage(
            " ".join(
                [
                    f"Saved {path.name}: open it, or import it in Outlook, Apple Calendar or "
                    "Google Calendar, for a repeating re-check a platform, each with a "
                    "reminder at 9:00 on the day.",
                    *notes,
                ]
            )
        )
        return True

    # -- window -----------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        # By its frame, clamped to the screen as it is now (smaller, or scaled, since then).
        restore_frame(self, QSettings().value(FRAME_KEY), QSize(1000, 720))

    def showEvent(self, event: QShowEvent) -> None:
        """Once shown, the real frame is known: keep all of it on the screen."""
        super().showEvent(event)
        keep_on_screen(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the window's place; hide to the tray instead of closing if the worker chose so."""
        QSettings().setValue(FRAME_KEY, frame_record(self))
        if preferences.KEEP_IN_TRAY.get() and self.tray.isVisible() and not self._quitting:
            # Reminders keep running; the tray icon brings the window back.
            event.ignore()
            self.hide()
            return
        super().closeEvent(event)
