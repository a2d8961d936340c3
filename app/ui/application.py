"""Building the QApplication: crash dialog with the log path, settings location, main window."""

from __future__ import annotations

import gc
import linecache
import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon

from app.footprint import Footprint
from app.ui import preferences
from app.ui.app_icon import THEME_NAME, app_icon
from app.ui.first_paint import after_first_paint
from app.ui.main_window import MainWindow
from app.ui.startup_dialogs import show_damage_notice
from app.ui.theme import apply_accessible_theme

log = logging.getLogger(__name__)


def configure_qt_settings(footprint: Footprint) -> None:
    """Window geometry and UI preferences live in an INI file in the data home."""
    QCoreApplication.setOrganizationName("Footprint")
    QCoreApplication.setApplicationName("Footprint")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(footprint.home.root)
    )


def install_crash_dialog(footprint: Footprint) -> None:
    """From now on, tell the worker in a box about any uncaught error: a database problem
    (a full disk) in its own sentence, anything else as a bug whose details are in the log."""

    def show_crash(
        kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        # A full disk (or a database another program holds) is not a bug: the worker is
        # told the same sentence the commands print, and that what they did was not saved.
        sentence = footprint.sentence_for(error)
        if sentence is not None:
            log.warning("not saved: %s", sentence)
            QMessageBox.warning(None, "Footprint could not use its data", sentence)
            return
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, error, tb)))
        QMessageBox.critical(
            None,
            "Footprint hit a problem",
            "Something went wrong inside Footprint. Your answers so far are saved.\n\n"
            f"Details are in the log file:\n{footprint.home.log_file}",
        )

    sys.excepthook = show_crash


def acknowledge_damage(window: MainWindow, footprint: Footprint) -> None:
    """Show the damaged-database notice (found by this or any other process) until read."""
    notice = footprint.damage_notice()
    if notice is None:
        return
    show_damage_notice(notice, window)
    footprint.acknowledge_damage()
    window.refresh()


def listen_for_later_launches(window: MainWindow, footprint: Footprint) -> None:
    """From now on, a later launch on the same data home brings this window forward instead
    of opening a second one."""
    from app.ui.single_instance import InstanceServer  # QtNetwork, not needed to show the window

    InstanceServer(footprint.home.root, parent=window).show_requested.connect(
        window.show_normal_window
    )


def start_background(window: MainWindow, footprint: Footprint) -> None:
    """What the app does besides showing its window: reminders and the watch, and answering
    a later launch. The cycle collector, paused for the start (`run_gui`), runs again.

    The listener comes first: reminders write the log and may fail (a full disk), and a later
    launch must still find this window rather than wait on the lock and give up."""
    gc.enable()
    listen_for_later_launches(window, footprint)
    window.start_reminders()


def run_application(footprint: Footprint, *, minimised: bool = False) -> int:
    """Run the desktop app until it quits; its exit code.

    The window starts minimised (in the tray when there is one) if `minimised`; a later launch
    on the same data home brings it forward."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setWindowIcon(app_icon())
    app.setDesktopFileName(THEME_NAME)  # Wayland: match resources/footprint.desktop
    configure_qt_settings(footprint)
    install_crash_dialog(footprint)
    apply_accessible_theme(app)
    window = MainWindow(footprint=footprint)
    # PySide6 reads the source of every module imported once it is loaded (to look for its
    # opt-in "features"), and linecache keeps it all: ~3.5 MiB. A traceback reads it again.
    linecache.clearcache()
    # The tray icon now (where there is a tray): whether to start minimised depends on it.
    window.tray.setVisible(QSystemTrayIcon.isSystemTrayAvailable())
    if not minimised:
        window.show()
    elif not window.tray.isVisible():
        window.showMinimized()  # no tray to live in: a minimised window instead
    if preferences.KEEP_IN_TRAY.get() and window.tray.isVisible():
        app.setQuitOnLastWindowClosed(False)
    # Once the window is on screen (issue 24): a reminder due now may wait on the desktop's
    # notification service, and QtNetwork takes ~12 ms to load. A later launch meanwhile keeps
    # asking until this app answers (the launching command holds the data home's lock).
    after_first_paint(window, lambda: start_background(window, footprint))
    acknowledge_damage(window, footprint)
    window.ensure_profile()
    try:
        return app.exec()
    finally:
        window.jobs.shutdown()  # a read or a PDF still running is cancelled and waited for
        footprint.close()
