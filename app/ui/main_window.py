"""The main window: the overview, the guided audit and its summary, one at a time."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QSystemTrayIcon,
)

from app.audit.verdicts import fixes_outside
from app.footprint import AuditStart, DashboardView, Footprint
from app.formatting import short_date
from app.ui import preferences
from app.ui.dashboard_page import DashboardPage
from app.ui.hidden_pages import HiddenPageStates
from app.ui.jobs import JobRunner
from app.ui.layouts import CurrentPageStack, scroll_area
from app.ui.links import UrlOpener, open_in_browser
from app.ui.notifiers import DesktopNotifier, Notifier, TrayNotifier, tray_icon
from app.ui.reminder_service import ReminderService
from app.ui.screen import frame_record, keep_on_screen, restore_frame
from app.ui.window_dialogs import DialogsWindow, build_menus

if TYPE_CHECKING:  # imported when first shown, so the overview opens sooner (issue 24)
    from app.footprint.look_values import WatchRun
    from app.ui.audit_page import AuditPage
    from app.ui.summary_page import SummaryPage

FRAME_KEY = "main_window/frame"  # app.ui.screen.frame_record


class MainWindow(DialogsWindow):
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
            clock=footprint.clock, notifiers=self._notifiers, enabled=preferences.REMINDERS.get
        )
        self.reminders.setParent(self)
        # The opt-in watch (issue 28): signed-out looks while the app runs, off until chosen.
        from app.ui.watch_runner import WatchRunner

        self.watch = WatchRunner(footprint, self.jobs, parent=self)
        self.watch.ran.connect(self._watch_ran)
        self.setWindowTitle("Footprint — privacy self-audit")
        self.dashboard = DashboardPage()
        # The audit and its summary are built when first needed: most starts only show the
        # overview, and those pages are a good part of start-up (issue 24).
        self._audit_page: AuditPage | None = None
        self._summary_page: SummaryPage | None = None
        self._stack = CurrentPageStack()
        self._stack.addWidget(self.dashboard)
        HiddenPageStates(self._stack)  # no stale focused cell on a hidden page (issue 31)
        # In a scroll area: at 200 % on a small laptop a page may be taller or wider than the
        # screen, and every button must still be reachable (issue 31).
        self.setCentralWidget(scroll_area(self._stack, framed=False))
        self._connect()
        self.undo_action = build_menus(self)  # every action of the window, with its key
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

    def undo_fix(self) -> None:
        """Undo the latest "I fixed it" on the summary page."""
        self.summary_page.undo()

    def recheck_selected(self) -> None:
        """Re-check the platform selected on the overview."""
        self.dashboard.recheck_selected()

    def quit(self) -> None:
        """Quit Footprint, even when it would otherwise stay in the tray."""
        self._quitting = True
        self.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()

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
        """Show what the watch found; drift is announced too (a quiet look stays quiet)."""
        from app.ui.watch_runner import announce_drift

        self.refresh()
        announce_drift(run, self._notifiers)

    def snooze(self, platform_id: str, days: int) -> None:
        """Silence a platform's reminder for `days` days (0: remind again now)."""
        self._footprint.snooze(platform_id, days)
        self.refresh()

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
        from app.ui.window_actions import confirm_discard

        if not confirm_discard(self, run.started_at, len(run.answers)):
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
        history = self._footprint.runs_compared_with(view, session.run)
        self.summary_page.show_session(session, history, elsewhere)
        first = not any(r.is_complete and r.id != session.run.id for r in view.runs)
        self.summary_page.offer_reminders(first, autostart=not preferences.START_AT_LOGIN.get())
        offered = self._footprint.rereadable_platforms({p.id for p in session.platforms})
        self.summary_page.watch_offer.offer(offered if first else None)
        self._stack.setCurrentWidget(self.summary_page)
        self.summary_page.actions_list.setFocus()

    def _finish_audit(self) -> None:
        session = self.audit_page.session
        if session is not None:
            session.finish_now()
        autostart, calendar = self.summary_page.reminder_choices()
        self.summary_page.offer_reminders(False)
        self._footprint.choose_watch_offer(*self.summary_page.watch_offer.take_choices())
        self.show_dashboard()
        if autostart:
            self._start_at_login()
        if calendar:
            self.save_calendar()

    def _start_at_login(self) -> None:
        from app.ui.window_actions import start_at_login

        if start_at_login(self):
            self.statusBar().showMessage("Footprint will start quietly when you log in.")

    def save_calendar(self, path: Path | None = None) -> bool:
        """Save the re-checks calendar where the worker chooses (or at `path`); True if saved."""
        from app.ui.window_actions import save_calendar

        # In the status bar, not a box to dismiss: the file is saved, nothing to decide.
        message = save_calendar(self, self._footprint, path)
        if message is not None:
            self.statusBar().showMessage(message)
        return message is not None

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
