"""Starting the desktop app: one per data home, and every start-up problem said in a window.

The app takes the data home's lock for as long as it runs. A second launch on the same home
finds it taken, asks the open app to come forward and ends. A command that is changing the
data holds the same lock for a moment, so the app waits for it briefly. A lock left by a
crash is free again (the system releases it with the process).
"""

from __future__ import annotations

import gc
import time

from app.commands.common import EXIT_OK, UserError, open_app
from app.file_lock import FileLock
from app.paths import DataHome

GUI_WAIT_S = 10.0  # how long a launch waits for a command that is changing the data
ALREADY_OPEN = (
    "Footprint is already open for this data folder ({root}), or another Footprint command "
    "is changing it. Switch to the open Footprint window, or try again in a moment."
)


def run_gui(home: DataHome, *, minimised: bool = False) -> int:
    """Run the desktop app on `home` until it quits; UserError (already shown) if it cannot
    start and the worker chose Quit."""
    # No cycle collection until the window is painted (run_application resumes it then):
    # starting builds a few hundred thousand objects that live as long as the app (modules,
    # classes, Qt's enums, the catalogue), and the collector walked them over and over.
    gc.disable()
    # The app's own modules before Qt's: PySide6 reads the source of each module imported
    # after it, looking for its opt-in features (pyside-setup, sources/shiboken6/
    # shibokenmodule/files.dir/shibokensupport/feature.py: feature_imported). The data side
    # needs no Qt; loaded first, it is read only where a window imports it by name: 130 -> 76
    # sources read before the overview shows, ~0.9 MiB less (issue 24).
    import app.footprint  # noqa: F401 - loaded here for the order; open_app uses it
    from app.ui import startup_dialogs

    startup_dialogs.application()  # a window to speak in, before the data home is opened
    lock = FileLock(home.lock_file)
    try:
        while True:
            try:
                if not claim_home(home, lock, minimised=minimised):
                    print("Footprint is already open; its window was brought forward.")
                    return EXIT_OK
                footprint = open_app(home)
                break
            except UserError as error:
                lock.release()
                error.shown = True
                if error.retry_may_help:
                    if startup_dialogs.ask_retry(str(error)):
                        continue
                else:
                    startup_dialogs.show_startup_error(str(error))
                raise
        from app.ui.application import run_application

        return run_application(footprint, minimised=minimised)
    finally:
        gc.enable()  # if the start stopped before the window was painted
        lock.release()


def claim_home(home: DataHome, lock: FileLock, *, minimised: bool) -> bool:
    """Take the data home for this app (True), or hand over to the app already open on it
    (False). UserError if neither works within GUI_WAIT_S."""
    deadline = time.monotonic() + GUI_WAIT_S
    try:
        home.ensure()
        while not lock.acquire(0.25):
            # Only now: the hand-over needs QtNetwork, which a start with the home free
            # (nearly every start) would load for nothing before its window shows.
            from app.ui.single_instance import hand_off

            if hand_off(home.root, show=not minimised):
                return False
            if time.monotonic() >= deadline:
                raise UserError(ALREADY_OPEN.format(root=home.root), retry_may_help=True)
    except OSError as error:
        raise UserError(
            f"cannot use the data folder {home.root}: {error.strerror or error}",
            retry_may_help=True,
        ) from None
    return True
